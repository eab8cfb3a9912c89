import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from draftlint.analysis.layout import Layout, compiled, data
from draftlint.model import Finding, Severity
from draftlint.numbering.markers import Kinds
from draftlint.patterns import compile_re
from draftlint.rule import Rule

_DIGIT = compile_re(r"[0-9０-９]")
_PERIOD = "。"
_STOPS = frozenset("。.．")  # a full stop, typed in any width
_QUESTION = compile_re(r"[？！?!][\s\u3000]*$")


def _prose_follows(layout: Layout) -> bool:
    """A child heading or a body paragraph (one that ends a sentence) comes next."""
    if layout.heading.children:
        return True
    following = layout.next_paragraph
    if following is None or layout.next_heading is not None:
        return False
    return compiled("heading_punctuation", "body_end").search(following.text) is not None


class HeadingPunctuation(Rule):
    code = "S005"
    name = "heading-punctuation"
    severity = Severity.WARNING
    tags = ("sections", "headings", "punctuation")
    # "consistent" (the default), "none" or "period"; or a table by level: {1 = "none"}
    settings_schema = {"style": (str, dict)}
    fixable = True
    summary = {
        "zh": "标题末尾标点不当（独占一行的标题不加标点，段首标题以句号结束）",
        "en": "Wrong punctuation closing a heading",
    }
    message = {
        "zh": {
            "standalone": "独占一行的标题末尾不加标点：删去“{mark}”",
            "consistent_drop": "本文同级标题末尾大多不加标点，此处也应删去“{mark}”",
            "consistent_add": "本文同级标题末尾大多加“。”，此处也应加“。”",
            "period": "按本单位格式（style = period），独占一行的标题末尾加“。”",
            "run_in": "段首标题（标题与正文同段）的标题句应以句号结束：“{mark}”应为“。”",
        },
        "en": {
            "standalone": "A heading on its own line takes no closing punctuation: drop “{mark}”",
            "consistent_drop": "Most headings of this level here end without punctuation:"
            " drop “{mark}”",
            "consistent_add": "Most headings of this level here end with “。”: add it here too",
            "period": "House style (style = period): a heading on its own line ends with “。”",
            "run_in": "A run-in heading closes its heading sentence with “。”, not “{mark}”",
        },
    }
    why = {
        "zh": "标题独占一行时末尾不用冒号、逗号、分号、顿号；是否用句号各单位习惯不同（国务院"
        "文件的“（一）指导思想。”即加句号），默认按 markdownlint 的 consistent 方式：同一文稿"
        "同级标题以多数写法为准，只报告少数写法；设置 style = none（一律不加）或 period（一律"
        "加句号）可指定本单位格式。标题与正文接排在同一段时，标题句用句号与正文隔开（如"
        "“（一）强化组织领导。一是……”）。为免误报：只检查一、二级独占一行且下面有正文的短"
        "标题；列表条目和条款（“10.张某某，时任……；”“第十二条……；”、同级多为条目的单句项）"
        "不是标题；段首标题只在短标题句后的冒号、分号接“一是”等列举、标题句为两个短分句或以"
        "分号结束时报告，“时间：”这类短标签和时刻“17:00”的冒号不报告。",
        "en": "A heading on its own line never ends with ：，；、. Whether it ends with 。 is a"
        " house style (State Council documents write （一）指导思想。), so by default, as"
        " markdownlint's consistent style, the minority form among the headings of one level"
        " in a document is reported; the setting style = none (never 。) or period (always"
        " 。) picks a house style. A run-in heading separates its heading sentence with 。."
        " To stay precise, only short level-1 and level-2 headings on their own line with a"
        " body under them are checked; list entries and provisions (10.张某某，时任……；,"
        " 第十二条 ……；, one-sentence items among entries) are not headings; a run-in"
        " heading is reported only when a short heading sentence is closed by a colon or"
        " semicolon before an enumeration (一是…), has two short parts, or ends with a"
        " semicolon; labels such as 时间： and the colon of a time (17:00) are left alone.",
    }
    source = "GB/T 15834-2011 B.4；公文写作惯例"
    example_bad = (
        "2024年上半年工作总结\n一、工作开展情况：\n上半年，我局把意识形态工作纳入党组重要议事日程。\n"
        "（一）强化组织领导，压实工作责任：一是调整领导小组，二是细化责任清单。\n"
    )
    example_good = (
        "2024年上半年工作总结\n一、工作开展情况\n上半年，我局把意识形态工作纳入党组重要议事日程。\n"
        "（一）强化组织领导，压实工作责任。一是调整领导小组，二是细化责任清单。\n"
    )

    def check(self) -> Iterator[Finding]:
        settings = data()["heading_punctuation"]
        styles = self._style(settings)
        levels = set(settings["standalone_levels"])
        layouts = self.ctx.layouts
        entries = _entries(layouts)
        standalone: list[tuple[Layout, re.Match[str] | None]] = []
        for layout in layouts:
            if _is_article(layout):
                continue  # 第十二条 …: a provision, not a heading
            if layout.run_in:
                yield from self._run_in(layout, settings)
            elif id(layout) in entries:
                continue  # an entry among entries: （三）通报国内外形势。 after （二）…；
            elif layout.heading.level in levels and self._heading_like(layout):
                standalone.append((layout, _trailing(layout)))
        yield from self._standalone(standalone, styles)

    def _style(self, settings: dict[str, Any]) -> dict[int, str]:
        """The style of each level: one style for all, or a table by level."""
        style = self.ctx.options.rule_settings(self.name).get("style", "consistent")
        by_level = style if isinstance(style, dict) else dict.fromkeys(range(-3, 6), style)
        return {
            int(level): value
            for level, value in by_level.items()
            if str(level).lstrip("-").isdigit() and value in settings["styles"]
        }

    @staticmethod
    def _heading_like(layout: Layout) -> bool:
        """Short, alone on its line, with something under it: body prose or a child heading;
        for a heading closed by a mark never right there (二、工作方面：), any body at all
        (a list of entries the outline does not number: 1，… 2，…)."""
        limit = data()["heading_punctuation"]["standalone_max_length"]
        if len(layout.sentence) > limit:
            return False
        trailing = _trailing(layout)
        never = compiled("heading_punctuation", "standalone_never")
        if trailing is not None and never.search(trailing.group()):
            return layout.has_body
        return _prose_follows(layout)

    def _standalone(
        self, headings: list[tuple[Layout, re.Match[str] | None]], styles: dict[int, str]
    ) -> Iterator[Finding]:
        never = compiled("heading_punctuation", "standalone_never")
        closing: list[tuple[Layout, re.Match[str] | None, bool]] = []
        for layout, trailing in headings:
            if trailing is not None and never.search(trailing.group()):
                yield self._drop(layout, trailing)
            elif trailing is None or _STOPS.intersection(trailing.group()):
                if trailing is None and _QUESTION.search(layout.heading.paragraph.text):
                    continue  # a heading may ask a question: 为什么要抓在日常？
                if trailing is not None and _DIGIT.search(layout.sentence):
                    continue  # 全年开展宣讲20余场。 — a statement of fact, not a heading
                closing.append((layout, trailing, trailing is not None))
        majority = _majority(closing)
        for layout, trailing, period in closing:
            style = styles.get(layout.heading.level, "consistent")
            wanted = majority[_group(layout)] if style == "consistent" else style == "period"
            if period == wanted:
                continue
            if trailing is not None:
                variant = "consistent_drop" if style == "consistent" else "standalone"
                yield self._drop(layout, trailing, variant)
            else:
                yield self._add(layout, "consistent_add" if style == "consistent" else "period")

    def _drop(
        self, layout: Layout, trailing: re.Match[str], variant: str = "standalone"
    ) -> Finding:
        return self.finding(
            layout.heading.paragraph, trailing.start(), trailing.end(), fix="",
            variant=variant, mark=trailing.group(),
        )  # fmt: skip

    def _add(self, layout: Layout, variant: str) -> Finding:
        text = layout.heading.paragraph.text.rstrip()
        last = len(text) - 1
        return self.finding(
            layout.heading.paragraph, last, last + 1, fix=text[last] + _PERIOD, variant=variant
        )

    def _run_in(self, layout: Layout, settings: dict) -> Iterator[Finding]:
        text = layout.heading.paragraph.text
        mark = text[layout.end]
        if not compiled("heading_punctuation", "runin_wrong_close").fullmatch(mark):
            return
        sentence = layout.sentence
        if len(sentence) > settings["runin_max_length"] or compiled(
            "heading_punctuation", "runin_provision"
        ).search(sentence):
            return  # a provision or a list entry: 张某某，时任……，对事故负有管理责任；
        body = text[layout.end + 1 :]
        if not compiled("heading_punctuation", "runin_body_enumerator").match(body):
            if len(sentence) <= settings["runin_label_length"]:
                return  # 时间：… 地点：… — a label, not a heading
            two_parts = compiled("heading_punctuation", "runin_two_parts").search(sentence)
            if mark not in "；;" and not two_parts:
                return
        yield self.finding(
            layout.heading.paragraph, layout.end, layout.end + 1, fix="。",
            variant="run_in", mark=mark,
        )  # fmt: skip


def _trailing(layout: Layout) -> re.Match[str] | None:
    """The closing marks of a heading alone on its line (a trailing tab or space does not
    hide them), or None."""
    text = layout.heading.paragraph.text.rstrip()
    trailing = compiled("heading_punctuation", "standalone_trailing").search(text)
    if trailing is None or trailing.start() <= layout.heading.marker.end:
        return None
    return trailing


def _is_article(layout: Layout) -> bool:
    """第十二条 …: a provision of a 办法 or 规定, never a heading."""
    marker = layout.heading.marker
    return marker.kind is Kinds.PART and marker.text.rstrip().endswith("条")


def _entries(layouts: list[Layout]) -> set[int]:
    """The layouts (by id) that are entries of a list or provisions: siblings most of which
    run on with body text or end in ；."""
    entry_end = compiled("heading_punctuation", "entry_end")
    groups: dict[tuple[int, int, int], list[Layout]] = {}
    for layout in layouts:
        heading = layout.heading
        key = (heading.scope, id(heading.parent), heading.level)
        groups.setdefault(key, []).append(layout)
    found: set[int] = set()
    for members in groups.values():
        entries = sum(1 for m in members if m.run_in or entry_end.search(m.heading.paragraph.text))
        if entries * 2 > len(members):
            found.update(id(m) for m in members)
    return found


def _group(layout: Layout) -> tuple[int, int]:
    """Headings vote on their style by level within one document: the main text, or one
    attachment (a document of its own)."""
    return layout.heading.scope, layout.heading.level


def _majority(
    closing: list[tuple[Layout, re.Match[str] | None, bool]],
) -> dict[tuple[int, int], bool]:
    """Per level: True when most headings of the level close with 。 (the first one decides
    a tie), as markdownlint's "consistent" style."""
    votes: dict[tuple[int, int], Counter[bool]] = {}
    first: dict[tuple[int, int], bool] = {}
    for layout, _trailing_mark, period in closing:
        level = _group(layout)
        if level not in votes:
            votes[level] = Counter()  # made once a level, not for every heading
        votes[level][period] += 1
        first.setdefault(level, period)
    return {
        level: first[level] if count[True] == count[False] else count[True] > count[False]
        for level, count in votes.items()
    }
