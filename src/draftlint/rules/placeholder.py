"""P001: template placeholders left in a draft (X次, xxx关于, *条, ○○同志, 【单位名称】, 待补充).

All patterns and allow-lists are in ``rules/placeholders.toml``. Regex passes over the
whole document (its paragraphs joined) find the candidates: one character class that starts
most placeholders, the words (待补充, TODO), the brackets and unfilled dates; one search finds
where any of them matches, and each pass reads only those positions. The context checks a
regex cannot express (a star that is a footnote, a circle that is a zero) run per candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import islice
from operator import itemgetter
from typing import Any

from draftlint.analysis.joined import Joined
from draftlint.analysis.starts import any_of, finditer_at
from draftlint.model import Finding, Severity
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.resources import rule_data
from draftlint.rule import Rule


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled placeholder patterns, built once from rules/placeholders.toml."""

    trigger: re.Pattern[str]  # one character that may start a placeholder
    by_char: dict[str, tuple[str, re.Pattern[str]]]  # trigger character → (kind, pattern)
    words: re.Pattern[str]  # 待补充, TODO …
    ascii_words: frozenset[str]
    brackets: re.Pattern[str]
    allow: re.Pattern[str]  # X光, 1+X: terms a letter run belongs to
    emphasis: re.Pattern[str]  # **text** pasted from Markdown into plain text
    markdown_pair: re.Pattern[str]  # **text** a Markdown parser did not take as emphasis
    template: re.Pattern[str]  # bracket content that is a template field
    pairs: dict[str, str]  # opening bracket → its closing bracket
    allow_reach: int  # the longest allowed term: how far around a run to look
    blank: re.Pattern[str]  # bracket content that is empty
    han: re.Pattern[str]
    star_chars: str
    footnote_followers: str
    footnote_start: re.Pattern[str]
    numerals: str
    surnames: str
    determiners: str
    number_after: str  # 时X分: after one of these an X after a surname is a number
    code_run: re.Pattern[str]  # KJ83x: a letter and digits before the x make a model code
    word_endings: str
    code_after: tuple[str, ...]  # 用X代表…: a code letter explained
    programme_close: str  # 数据要素×” : the × closes a programme's name
    formula_marks: str  # a paragraph with = or / is a formula: its × multiplies
    ordinary_before: str  # 有待完善: prose, not a blank
    whole_paragraph: frozenset[str]
    parenthetical_after: tuple[str, ...]  # 部门（单位）
    ascii_field: re.Pattern[str]  # [各单位]
    unfilled: re.Pattern[str]  # 〔2026〕号, 年 月 日 left blank
    # Where one of trigger, words, brackets, unfilled matches: one search instead of four.
    any_pass: re.Pattern[str] | None
    switches: dict[str, Any]


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@cache
def compiled() -> _Patterns:
    data = rule_data("placeholders")
    letters, stars, circles = data["letters"], data["stars"], data["circles"]
    mou, brackets, words = data["mou"], data["brackets"], data["words"]
    letter_class, star_class = _class(letters["chars"]), _class(stars["chars"])
    circle_class = _class(circles["chars"])
    underscore = data["underscores"]["pattern"]
    underscore_chars = data["underscores"]["chars"]
    kinds: dict[str, tuple[str, str]] = {
        "letters": (
            letters["chars"],
            f"(?<!{letters['not_before']})(?:(?<!{letters['not_before_run']})|(?={letter_class}年))"
            f"(?<!{letter_class})(?<![A-Za-z] )"
            f"{letter_class}++(?!{letters['not_after']})(?! [A-Za-z])",
        ),
        "stars": (stars["chars"], f"(?<!{star_class}){star_class}++"),
        "circles": (circles["chars"], f"(?<!{circle_class}){circle_class}{{2,}}+"),
        "mou": ("某", "某++"),
        "underscores": (underscore_chars, f"(?<!{_class(underscore_chars)})(?:{underscore})"),
        "variable": ("{$", "|".join(f"(?:{v})" for v in brackets["variables"])),
    }
    by_char: dict[str, tuple[str, re.Pattern[str]]] = {}
    for kind, (chars, pattern) in kinds.items():
        compiled = compile_re(pattern)
        for char in chars:
            by_char.setdefault(char, (kind, compiled))
    opens, closes = brackets["open"], brackets["close"]
    templates = "|".join(f"(?:{t})" for t in brackets["template"])
    # Blank or template content only, so ordinary asides such as （试行） never reach Python.
    # Both alternatives open with the bracket, then ask which one it was: a pattern opening
    # with one class is found at C speed, an alternation is tried at every position.
    bracket = (
        f"{_class(opens + '[')}(?:(?<={_class(opens)})"
        f"(?:{brackets['blank']}|[ \u3000]*(?:{templates})[ \u3000]*){_class(closes)}"
        f"|(?<=\\[)(?:{brackets.get('ascii_field', '(?!)')})\\])"
    )
    word_list = [*words["chinese"], *words["ascii"]]
    allow = "|".join(re.escape(term).replace("X", "[XxＸｘ]") for term in letters["allow"])
    punctuation = re.escape(stars["footnote_followers"])
    footnote_words = "|".join(re.escape(w) for w in stars["footnote_words"])
    unfilled = compile_re(
        "|".join(f"(?:{p})" for p in data.get("unfilled", {}).get("patterns", [])) or "(?!)"
    )
    trigger = compile_re(_class("".join(by_char)))
    word_pattern = compile_re("|".join(re.escape(w) for w in word_list) or "(?!)")
    bracket_pattern = compile_re(bracket)
    return _Patterns(
        trigger=trigger,
        by_char=by_char,
        words=word_pattern,
        ascii_words=frozenset(words["ascii"]),
        brackets=bracket_pattern,
        allow=compile_re(allow or "(?!)", re.IGNORECASE),
        emphasis=compile_re(
            rf"\*\*(?=[^\s*])[^*\n]{{0,39}}(?:[{punctuation}]\*\*|[^\s*]\*\*(?=$|[\s{punctuation}]))"
        ),
        markdown_pair=compile_re(r"\*\*(?=[^\s*])[^*\n]{1,80}?(?<=[^\s*])\*\*"),
        template=compile_re(templates),
        pairs=dict(zip(opens, closes, strict=True)),
        allow_reach=max((len(term) for term in letters["allow"]), default=0),
        blank=compile_re(brackets["blank"]),
        han=compile_re(f"[{brackets['han']}]"),
        star_chars=stars["chars"],
        footnote_followers=stars["footnote_followers"],
        footnote_start=compile_re(rf"\s*{star_class}\s*(?:{footnote_words})"),
        numerals=circles["numerals"],
        surnames=mou["surnames"],
        determiners=mou["determiners"],
        number_after=mou.get("number_after", ""),
        code_run=compile_re(letters.get("code_run", "(?!)")),
        word_endings="".join(mou["word_endings"]),
        code_after=tuple(letters.get("code_after", ())),
        programme_close=letters.get("programme_close", ""),
        formula_marks=letters.get("formula_marks", ""),
        ordinary_before=words.get("ordinary_before", ""),
        whole_paragraph=frozenset(words.get("whole_paragraph", ())),
        parenthetical_after=tuple(brackets.get("parenthetical_after", ())),
        ascii_field=compile_re(brackets.get("ascii_field", "(?!)")),
        unfilled=unfilled,
        any_pass=any_of([trigger, word_pattern, bracket_pattern, unfilled]),
        switches=dict(data.get("switches", {})),
    )


# The passes are tried only where one may match when such places are at most one character
# in this many: a match tried from Python costs what the regex engine's own scan of some
# fifty characters does.
_SPARSE = 64


@dataclass(frozen=True, slots=True)
class Hit:
    """A placeholder's span in a paragraph."""

    start: int
    end: int
    name: bool = False  # an anonymised name (info), not a blank


def scan(
    texts: Sequence[str],
    kind: str = "txt",
    joined: Joined | None = None,
    cells: frozenset[int] = frozenset(),
    **switches: Any,
) -> dict[int, list[Hit]]:
    """Placeholders by position in ``texts``: regex passes over the joined text."""
    pats = compiled()
    options = {**pats.switches, **switches}
    joined = joined or Joined(texts)
    whole = joined.text
    candidates: list[tuple[int, int, str]] = []
    positions = None
    if pats.any_pass is not None:
        most = len(whole) // _SPARSE
        positions = [m.start() for m in islice(pats.any_pass.finditer(whole), most + 1)]
        if len(positions) > most:  # 某某某…: each pass's own scan, in C
            positions = None
    if positions is not None:

        def search(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
            return finditer_at(pattern, whole, positions)
    else:

        def search(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
            return pattern.finditer(whole)

    read_to: dict[str, int] = {}  # per kind, the end of its last candidate
    for match in search(pats.trigger):
        kind_, regex = pats.by_char[match.group()]
        if match.start() < read_to.get(kind_, 0):
            continue  # inside a run already read (某某某…): reading it again is quadratic
        found = regex.match(whole, match.start())
        if found is not None:
            candidates.append((found.start(), found.end(), kind_))
            read_to[kind_] = found.end()
    candidates += [(m.start(), m.end(), "word") for m in search(pats.words)]
    candidates += [(m.start(), m.end(), "bracket") for m in search(pats.brackets)]
    if not options.get("template_document"):
        candidates += [(m.start(), m.end(), "unfilled") for m in search(pats.unfilled)]
    if pats.whole_paragraph:
        for position, text in enumerate(texts):
            core = text.strip(" \t\u3000：:")
            if core in pats.whole_paragraph:
                start = joined.starts[position] + text.index(core)
                candidates.append((start, start + len(core), "word"))
    # By start, the longest first ({{姓名}}, not {姓名}): two stable sorts on C keys.
    candidates.sort(key=itemgetter(1), reverse=True)
    candidates.sort(key=itemgetter(0))
    result: dict[int, list[Hit]] = {}
    context = _Context(options, kind, cells, texts)
    last_end = -1
    for start, end, kind_ in candidates:
        if start < last_end or whole.find("\n", start, end) >= 0:
            continue  # overlapping, or a pattern with \s that ran into the next paragraph
        position, local = joined.locate(start)
        hit = context.check(texts[position], position, local, local + end - start, kind_)
        if hit is not None:
            result.setdefault(position, []).append(hit)
            last_end = start + hit.end - local
    return result


class _Context:
    """The per-kind checks a regex cannot express, on one paragraph's own text."""

    def __init__(
        self, options: dict[str, Any], kind: str, cells: frozenset[int], texts: Sequence[str]
    ) -> None:
        self.texts = texts
        self.options = options
        self.kind = kind
        self.lines: dict[int, _Line] = {}  # per paragraph, what every candidate in it shares
        self.cells = cells  # positions of the paragraphs that are table cells

    def column_head(self, position: int) -> bool:
        if position in self.cells:
            return True
        neighbours = self.texts[max(0, position - 1) : position + 2]
        return any(text.strip() in ("Y", "y", "Z", "z") for text in neighbours)

    def line(self, text: str, position: int) -> _Line:
        found = self.lines.get(position)
        if found is None:
            found = self.lines[position] = _Line(text, self.kind, self.options)
        return found

    def check(self, text: str, position: int, start: int, end: int, kind: str) -> Hit | None:
        pats = compiled()
        if kind == "letters" and text.strip() in ("X", "x") and self.column_head(position):
            return None  # a column head X beside Y in a table, or a table flattened to lines
        if kind == "letters":
            reach = pats.allow_reach
            window = pats.allow.finditer(text, max(0, start - reach), end + reach)
            if any(m.start() < end and start < m.end() for m in window):
                return None
            if text[start] in "XxＸｘ" and pats.code_run.search(text, max(0, start - 7), start):
                return None  # KJ83x（A）型: a model code
            if _is_letter_name(text, start, end):
                return (
                    Hit(start - 1, end, name=True) if self.options.get("anonymised_names") else None
                )
            if end - start == 1 and _is_code_or_programme(
                text, start, end, self.line(text, position)
            ):
                return None
        elif kind == "stars":
            if not _star_is_blank(text, start, end, self.line(text, position), self.options):
                return None
        elif kind == "circles":
            if _next_to(text, start, end, pats.numerals):
                return None  # 二○○八年: zeros
        elif kind == "mou":
            return _mou(text, start, end, self.options)
        elif kind == "word":
            if text[start:end] in pats.ascii_words and not _whole_ascii_word(text, start, end):
                return None
            if start and text[start - 1] in pats.ordinary_before and text[start] == "待":
                return None  # 有待完善: prose
        elif kind == "bracket" and not _bracket_is_blank(
            text, start, end, self.line(text, position)
        ):
            return None
        return Hit(start, end)


def _mou(text: str, start: int, end: int, options: dict[str, Any]) -> Hit | None:
    """某某 is a blank; 张某 / 李某某 an anonymised name; 某些, 提高某项 nothing."""
    pats = compiled()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    is_name = (
        before in pats.surnames
        and end - start <= 2
        and (not after or after not in pats.determiners)
        and not (start >= 2 and text[start - 2] in pats.word_endings)
    )
    if before and is_name:
        return Hit(start - 1, end, name=True) if options.get("anonymised_names", True) else None
    return Hit(start, end) if end - start >= 2 else None


def _is_letter_name(text: str, start: int, end: int) -> bool:
    """王XX, 时X: one or two letters after a surname, not standing for a number (X次)."""
    pats = compiled()
    if end - start > 2 or not start or text[start - 1] not in pats.surnames:
        return False
    if start >= 2 and text[start - 2] in pats.word_endings:
        return False
    after = text[end] if end < len(text) else ""
    return not after or not (
        after in pats.number_after or after in pats.determiners or after.isdigit()
    )


def _is_code_or_programme(text: str, start: int, end: int, line: _Line) -> bool:
    """用X代表消防救援 (a code letter explained), 数据要素× (a programme's name)."""
    pats = compiled()
    if text.startswith(pats.code_after, end):
        return True
    if text[start] in "Xx" and line.programme_x:
        return True  # 1+N+X体系，即……X个配套措施: the programme's own X
    if text[start] != "×" or not start or not pats.han.match(text[start - 1]):
        return False
    if line.formula:
        return True  # 收治患者人天数＝出院患者人次数×平均住院天数: multiplication
    return end == len(text) or text[end] in pats.programme_close


def _whole_ascii_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before.isascii() and (before.isalnum() or before == "_")) and not (
        after.isascii() and (after.isalnum() or after == "_")
    )


def _next_to(text: str, start: int, end: int, chars: str) -> bool:
    return (start > 0 and text[start - 1] in chars) or (end < len(text) and text[end] in chars)


class _Line:
    """One paragraph's facts that every candidate in it asks for, each found once, on first
    need: asking per candidate would make a paragraph of many stars or brackets quadratic,
    and finding every fact for every line would cost more than its one X (X次)."""

    __slots__ = ("_emphasis", "_footnote_end", "_formula", "_kind", "_only_stars", "_options",
                 "_programme_x", "_text", "indent")  # fmt: skip

    def __init__(self, text: str, kind: str, options: dict[str, Any]) -> None:
        self._text, self._kind, self._options = text, kind, options
        self.indent = len(text) - len(text.lstrip())  # where the typed text starts
        self._only_stars: bool | None = None
        self._footnote_end: int | None = None
        self._emphasis: frozenset[tuple[int, int]] | None = None
        self._programme_x: bool | None = None
        self._formula: bool | None = None

    @property
    def only_stars(self) -> bool:
        """* * *: a break."""
        if self._only_stars is None:
            self._only_stars = not self._text.strip(compiled().star_chars + " \t\u3000")
        return self._only_stars

    @property
    def footnote_end(self) -> int:
        """Where a *注：… opening the line ends (-1: none)."""
        if self._footnote_end is None:
            footnote = compiled().footnote_start.match(self._text)
            self._footnote_end = footnote.end() if footnote else -1
        return self._footnote_end

    @property
    def emphasis(self) -> frozenset[tuple[int, int]]:
        if self._emphasis is None:
            self._emphasis = frozenset(_emphasis_marks(self._text, self._kind, self._options))
        return self._emphasis

    @property
    def programme_x(self) -> bool:
        """1+N+X: its X explained later."""
        if self._programme_x is None:
            self._programme_x = "+X" in self._text or "＋X" in self._text
        return self._programme_x

    @property
    def formula(self) -> bool:
        if self._formula is None:
            self._formula = any(mark in self._text for mark in compiled().formula_marks)
        return self._formula


def _emphasis_marks(text: str, kind: str, options: dict[str, Any]) -> list[tuple[int, int]]:
    """The ``**`` of emphasis pairs: in Markdown every pair the parser left behind (CommonMark
    does not close ``**摘要：**正文``), elsewhere pairs closed before punctuation or a space."""
    if "**" not in text or not (kind == "md" or options.get("allow_text_emphasis", True)):
        return []
    pats = compiled()
    marks: list[tuple[int, int]] = []
    for match in (pats.markdown_pair if kind == "md" else pats.emphasis).finditer(text):
        marks += [(match.start(), match.start() + 2), (match.end() - 2, match.end())]
    return marks


def _star_is_blank(text: str, start: int, end: int, line: _Line, options: dict[str, Any]) -> bool:
    pats = compiled()
    if (start, end) in line.emphasis:
        return False
    if line.only_stars:
        return False  # * * *: a section break
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() and after.isdigit():
        return False  # 3*4
    if end - start == 1 and options.get("allow_footnote_star", True):
        if not after or after.isspace() or after in pats.footnote_followers:
            return False  # 增长率*。 or a bullet "* "
        if start < line.footnote_end and start <= line.indent:
            return False  # *注：
    return True


def _bracket_is_blank(text: str, start: int, end: int, line: _Line) -> bool:
    pats = compiled()
    opener = text[start]
    if pats.pairs.get(opener) != text[end - 1]:
        return False  # 【…）: not a pair
    content = text[start + 1 : end - 1]
    if opener == "[" and pats.ascii_field.fullmatch(content):
        return True  # [各单位]：, [姓名]: Chinese in ASCII square brackets is a field
    if text.endswith(pats.parenthetical_after, 0, start):
        return False  # 部门（单位）: an ordinary parenthetical
    if opener in "([{":
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (before.isascii() and (before.isalnum() or before == "_")) or not (
            pats.han.match(before or " ") or pats.han.match(after or " ")
        ):
            return False  # f(), a[] or an English aside
        if opener == "[" and start <= line.indent and after == " ":
            return False  # a Markdown task-list box "[ ] 事项"
    if pats.blank.fullmatch(content):
        return True
    return pats.template.fullmatch(content.strip(" \u3000")) is not None


class Placeholder(Rule):
    code = "P001"
    reads_outline = False
    name = "placeholder"
    tags = ("placeholder", "content")
    aliases = ("placeholders",)
    defers_to = ("C002",)  # a lone × is a web page's close button, residue
    settings_schema = {
        "anonymised_names": bool,
        "allow_footnote_star": bool,
        "allow_text_emphasis": bool,
        "template_document": bool,
    }
    summary = {
        "zh": "模板占位符未替换（X次、xxx、*条、某某、【单位名称】、[各单位]、（插入照片）、待补充、〔2026〕号、年 月 日）",
        "en": "A template placeholder is still in the draft (X次, xxx, *条, 某某, 【单位名称】)",
    }
    message = {
        "zh": {
            "blank": "占位符“{text}”未替换，请填入实际内容",
            "name": "匿名化姓名“{text}”：请确认是否应写明实际姓名",
        },
        "en": {
            "blank": "Placeholder “{text}” was never filled in",
            "name": "Anonymised name “{text}”: check whether the real name belongs here",
        },
    }
    why = {
        "zh": "从模板或旧稿改写的材料常留下占位符：X、xxx、×××、*、○○、某某、空括号、下划线、"
        "“待补充”。漏改的占位符印发出去就是差错。以下不报告：X光、X射线、X轴、X型、Windows XP、"
        "iPhone X、SpaceX、QQ、数字间的乘号（3×4、480毫米×140毫米）、1+X证书、5G、"
        "作零用的○（二○二四年）、某些、某种、单个的注释星号（可配置）、英文单词中的x。"
        "案例材料中的匿名化姓名（张某、李某某）按“提示”报告，可在 rules/placeholders.toml 中关闭。",
        "en": "Drafts rewritten from a template keep its placeholders: X, xxx, ×××, *, ○○, 某某,"
        " empty brackets, underscores, 待补充. One that is published is an error. Left alone:"
        " X光, X射线, X轴, X型, Windows XP, iPhone X, SpaceX, QQ, × between numbers (3×4),"
        " 1+X证书, 5G, ○ as a zero (二○二四年), 某些/某种, a lone footnote star (configurable)"
        " and English words containing x. Anonymised names in case texts (张某) are info"
        " level and can be switched off in rules/placeholders.toml.",
    }
    source = "house practice"
    example_bad = "今年以来，共组织开展X次集体学习，撰写心得*篇，由【单位名称】牵头。\n"
    example_good = "今年以来，共组织开展6次集体学习，撰写心得12篇，由县委宣传部牵头。\n"

    def check(self) -> Iterator[Finding]:
        switches = {
            key: value
            for key, value in self.ctx.options.rule_settings(self.name).items()
            if key in self.settings_schema
        }
        paragraphs = self.ctx.document.paragraphs
        joined = self.ctx.joined
        cells = frozenset(i for i, p in enumerate(paragraphs) if p.story == "table")
        found = scan(joined.texts, self.ctx.document.kind, joined, cells, **switches)
        for position in sorted(found):
            paragraph = paragraphs[position]
            text = paragraph.text
            for hit in found[position]:
                yield self.finding(
                    paragraph, hit.start, hit.end,
                    severity=Severity.INFO if hit.name else None,
                    variant="name" if hit.name else "blank", text=text[hit.start : hit.end],
                )  # fmt: skip
