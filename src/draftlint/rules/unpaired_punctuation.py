import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from draftlint.analysis.punctuation import table
from draftlint.model import Finding, Paragraph, Severity
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.rule import Rule


@dataclass(frozen=True, slots=True)
class _Pair:
    """A pair of marks, full-width and ASCII."""

    open: str
    close: str
    narrow_open: str
    narrow_close: str
    quote: bool


@dataclass(slots=True)
class _Open:
    """An opening mark waiting for its close."""

    position: int
    char: str
    narrow: bool


@dataclass(frozen=True, slots=True)
class _FastPass:
    """A fast pass over paragraphs: those it calls clean have nothing to report."""

    narrow: tuple[str, ...]
    balanced: tuple[tuple[str, str, re.Pattern[str]], ...]

    def clean(self, text: str) -> bool:
        """No ASCII halves, and every pair present strictly alternates."""
        for char in self.narrow:
            if char in text:
                return False
        for opening, closing, alternation in self.balanced:
            if (opening in text or closing in text) and not (
                alternates(text, opening, closing)
                if opening != closing
                else alternation.fullmatch(text) is not None
            ):
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Table:
    """The pairs and the patterns that find their marks, built once."""

    pairs: tuple[_Pair, ...]
    # char → (pair index, role): "open", "close", "nopen", "nclose" (ASCII halves), "straight"
    roles: dict[str, tuple[int, str]]
    wide: re.Pattern[str]  # the full-width marks: a paragraph without them has nothing to report
    every: re.Pattern[str]
    list_item: re.Pattern[str]
    narrow: tuple[str, ...]  # every ASCII half
    balanced: tuple[tuple[str, str, re.Pattern[str]], ...]  # per pair: open, close, alternation

    def fast_pass(self, document: str) -> _FastPass:
        """The fast pass for the paragraphs of ``document`` (their texts joined): a pair or an
        ASCII half that the whole document lacks is not looked for in each paragraph."""
        return _FastPass(
            tuple(char for char in self.narrow if char in document),
            tuple(pair for pair in self.balanced if pair[0] in document or pair[1] in document),
        )


def alternates(text: str, opening: str, closing: str) -> bool:
    """Whether the marks ``opening`` and ``closing`` (distinct) in ``text`` strictly alternate,
    opening first and closing last: the balanced alternation's fullmatch, by str.find, which
    skips the text between marks many times faster than the regex engine steps through it."""
    at = 0
    while True:
        opened = text.find(opening, at)
        closed = text.find(closing, at)
        if opened < 0:
            return closed < 0
        if closed < opened or text.find(opening, opened + 1, closed) >= 0:
            return False  # a closing first (or none), or two openings in a row
        at = closed + 1


@cache
def compiled() -> _Table:
    pairs: list[_Pair] = []
    roles: dict[str, tuple[int, str]] = {}
    for index, entry in enumerate(table()["pairs"]):
        narrow_open, narrow_close = entry.get("narrow", ["", ""])
        pairs.append(_Pair(entry["open"], entry["close"], narrow_open, narrow_close,
                           bool(entry.get("quote"))))  # fmt: skip
        roles[entry["open"]] = (index, "open")
        roles[entry["close"]] = (index, "close")
        if narrow_open and narrow_open == narrow_close:
            roles[narrow_open] = (index, "straight")
        elif narrow_open:
            roles[narrow_open] = (index, "nopen")
            roles[narrow_close] = (index, "nclose")
    wide = "".join(re.escape(p.open + p.close) for p in pairs)
    every = "".join(re.escape(char) for char in roles)
    options = table().get("pairs_options", {})
    balanced = []
    for pair in pairs:
        o, c = re.escape(pair.open), re.escape(pair.close)
        alternation = compile_re(f"[^{o}{c}]*(?:{o}[^{o}{c}]*{c}[^{o}{c}]*)*")
        balanced.append((pair.open, pair.close, alternation))
    narrow = {char for pair in pairs for char in (pair.narrow_open, pair.narrow_close) if char}
    return _Table(
        tuple(pairs), roles, compile_re(f"[{wide}]"), compile_re(f"[{every}]"),
        compile_re(options.get("list_item", r"(?!)")), tuple(sorted(narrow)), tuple(balanced),
    )  # fmt: skip


class UnpairedPunctuation(Rule):
    code = "W004"
    reads_outline = False
    fix_tier = "unsafe"
    name = "unpaired-punctuation"
    severity = Severity.WARNING
    tags = ("punctuation", "pairs")
    fixable = True
    # An ASCII bracket or quote in Chinese text is W001's to convert; a marker such as (一)
    # is N005's; marks inside a web-residue line go with the line (C002).
    defers_to = ("W001", "N005", "C002")
    summary: ClassVar[dict[str, str]] = {
        "zh": "成对标点不配对：缺前半或后半，或前后半角全角不一致",
        "en": "A paired mark without its partner, or whose halves differ in width",
    }
    message: ClassVar[dict[str, Any]] = {
        "zh": {
            "unclosed": "{mark} 没有对应的后半 {partner}",
            "unopened": "{mark} 前面没有对应的前半 {partner}",
            "width": "成对标点前后宽度不一致：{mark} 应为全角 {expected}",
            "direction": "引号方向有误：{mark} 应为后引号 {expected}",
        },
        "en": {
            "unclosed": "{mark} is never closed by {partner}",
            "unopened": "{mark} closes nothing: no {partner} before it",
            "width": "The halves of this pair differ in width: {mark} should be {expected}",
            "direction": "Quote turned the wrong way: {mark} should be the closing {expected}",
        },
    }
    why: ClassVar[dict[str, str]] = {
        "zh": "GB/T 15834 中括号、引号、书名号等成对使用，缺少一半多为删改遗留，"
        "“（…)”这类前后宽度不同的配对是输入法切换所致。检查在段内进行；"
        "多段引文每段开头用前引号、只在末段用后引号，不作报告；“1）”一类列项序号不报告。"
        "中文语境中的半角括号、直引号由 W001 报告，本规则不重复报告同一字符。",
        "en": "GB/T 15834 marks such as brackets, quotes and title marks come in pairs; a lone"
        " half is usually left over from an edit, and a pair whose halves differ in width"
        " (（…)) comes from switching the input method. Pairs are checked within a paragraph;"
        " a quotation running over several paragraphs (each opening with “, only the last"
        " closing) and list labels such as 1） are accepted. ASCII brackets and straight"
        " quotes in Chinese text are W001's; this rule does not report the same character.",
    }
    source = "GB/T 15834-2011 4.8, 4.9, 4.15"
    example_bad = "依据《中华人民共和国预算法，落实“三保”要求（保工资、保运转、保基本民生。\n"
    example_good = "依据《中华人民共和国预算法》，落实“三保”要求（保工资、保运转、保基本民生）。\n"

    def check(self) -> Iterator[Finding]:
        data = compiled()
        paragraphs = self.ctx.document.paragraphs
        clean = data.fast_pass(self.ctx.joined.text).clean
        for number, paragraph in enumerate(paragraphs):
            if clean(paragraph.text):
                continue
            if data.wide.search(paragraph.text) is None and not self._pairs_from_w001(paragraph):
                continue
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            if following is not None and following.story != paragraph.story:
                following = None
            previous = paragraphs[number - 1] if number else None
            if previous is not None and previous.story != paragraph.story:
                previous = None
            yield from self._paragraph(data, paragraph, previous, following)

    def _paragraph(
        self,
        data: _Table,
        paragraph: Paragraph,
        previous: Paragraph | None,
        following: Paragraph | None,
    ) -> Iterator[Finding]:
        text = paragraph.text
        owned = {mark.start: mark for mark in self.ctx.halfwidth_marks(paragraph)}
        stacks: list[list[_Open]] = [[] for _ in data.pairs]
        for match in data.every.finditer(text):
            position, char = match.start(), match.group()
            index, role = data.roles[char]
            pair = data.pairs[index]
            mark = owned.get(position)
            if mark is not None:  # W001's: count it as the mark W001 puts in its place
                role = "open" if mark.replacement == pair.open else "close"
            elif role == "straight":
                continue  # a straight quote outside Chinese text: English typography
            narrow = role in ("nopen", "nclose")
            stack = stacks[index]
            if role in ("open", "nopen"):
                if pair.quote and stack and not narrow and not stack[-1].narrow:
                    stack.pop()  # “…“: a closing quote typed the wrong way round
                    if mark is None:
                        yield self.finding(
                            paragraph, position, position + 1, fix=pair.close,
                            variant="direction", mark=char, expected=pair.close,
                        )  # fmt: skip
                    continue
                stack.append(_Open(position, char, narrow))
            elif stack:
                opener = stack.pop()
                if opener.narrow and not narrow:
                    yield self._width(paragraph, opener.position, opener.char, pair.open)
                elif narrow and not opener.narrow:
                    yield self._width(paragraph, position, char, pair.close)
            elif not (
                narrow
                or _exempt_closer(data, pair, text, position)
                or _split_over_lines(previous, paragraph, pair)
            ):
                yield self.finding(
                    paragraph, position, position + 1,
                    variant="unopened", mark=char, partner=pair.open,
                )  # fmt: skip
        for index, stack in enumerate(stacks):
            pair = data.pairs[index]
            for opener in stack:
                if opener.narrow:
                    continue
                if pair.quote and _continued(text, opener.position, following, pair.open):
                    continue
                if _split_over_lines(paragraph, following, pair):
                    continue
                yield self.finding(
                    paragraph, opener.position, opener.position + 1,
                    variant="unclosed", mark=opener.char, partner=pair.close,
                )  # fmt: skip

    def _pairs_from_w001(self, paragraph: Paragraph) -> bool:
        """Whether W001 turns an ASCII bracket or quote here into a full-width one."""
        wide = compiled().wide
        return any(wide.match(mark.replacement) for mark in self.ctx.halfwidth_marks(paragraph))

    def _width(self, paragraph: Paragraph, position: int, char: str, expected: str) -> Finding:
        return self.finding(
            paragraph, position, position + 1, fix=expected,
            variant="width", mark=char, expected=expected,
        )  # fmt: skip


_LABEL_REACH = 8


def _exempt_closer(data: _Table, pair: _Pair, text: str, position: int) -> bool:
    """’ in China’s (an apostrophe), 1） after a clause mark (a list label)."""
    if pair.quote:
        return position > 0 and text[position - 1].isascii() and text[position - 1].isalpha()
    # A label is a few characters before the closer: search only there (searching from the
    # paragraph's start for every closer is quadratic). Lookbehinds still see the text before.
    return data.list_item.search(text, max(0, position - _LABEL_REACH), position) is not None


_LINE_MAX = 40  # each line of a title or caption typed over several lines is short


def _split_over_lines(first: Paragraph | None, second: Paragraph | None, pair: _Pair) -> bool:
    """关于印发《…集约化 / 试点工作方案》的通知: a pair opened on one short line and closed
    on the next, as when a title or a caption is typed over two lines."""
    if first is None or second is None:
        return False
    head, tail = first.text.strip(), second.text.strip()
    if len(head) > _LINE_MAX or len(tail) > _LINE_MAX or head[-1:] in "。！？；":
        return False
    closes_at, opens_at = tail.find(pair.close), tail.find(pair.open)
    if closes_at < 0 or 0 <= opens_at < closes_at:
        return False
    return head.rfind(pair.open) > head.rfind(pair.close)


def _continued(text: str, position: int, following: Paragraph | None, opening: str) -> bool:
    """A quotation over several paragraphs: each opens with “ and only the last closes."""
    if text[:position].strip() or following is None:
        return False
    return following.text.lstrip().startswith(opening)
