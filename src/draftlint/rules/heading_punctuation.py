import re
from collections.abc import Iterator

from draftlint.analysis.layout import Layout, compiled, data
from draftlint.model import Finding, Severity
from draftlint.rule import Rule

_DIGIT = re.compile(r"[0-9０-９]")


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
    fixable = True
    summary = {
        "zh": "标题末尾标点不当（独占一行的标题不加标点，段首标题以句号结束）",
        "en": "Wrong punctuation closing a heading",
    }
    message = {
        "zh": {
            "standalone": "独占一行的标题末尾不加标点：删去“{mark}”",
            "run_in": "段首标题（标题与正文同段）的标题句应以句号结束：“{mark}”应为“。”",
        },
        "en": {
            "standalone": "A heading on its own line takes no closing punctuation: drop “{mark}”",
            "run_in": "A run-in heading closes its heading sentence with “。”, not “{mark}”",
        },
    }
    why = {
        "zh": "标题独占一行时末尾不用句号、冒号、逗号；标题与正文接排在同一段时，标题句用句号"
        "与正文隔开（如“（一）强化组织领导。一是……”）。为免误报：只检查一、二级独占一行且"
        "下面有正文的标题，不含数字的短标题；段首标题只在冒号、分号后接“一是”等列举、标题句"
        "为两个分句或以分号结束时报告，“时间：”“地点：”这类短标签不报告。",
        "en": "A heading on its own line ends with no 。：，; a run-in heading (heading sentence"
        " and body in one paragraph) separates its heading sentence with 。. To stay precise,"
        " only level-1 and level-2 headings on their own line with a body under them are"
        " checked, and a run-in heading only when a colon or semicolon is followed by an"
        " enumeration (一是…), the heading sentence has two parts, or it ends with a"
        " semicolon; short labels such as 时间： are left alone.",
    }
    source = "GB/T 15834-2011 B.4；公文写作惯例"
    example_bad = (
        "2024年上半年工作总结\n一、工作开展情况。\n上半年，我局把意识形态工作纳入党组重要议事日程。\n"
        "（一）强化组织领导，压实工作责任：一是调整领导小组，二是细化责任清单。\n"
    )
    example_good = (
        "2024年上半年工作总结\n一、工作开展情况\n上半年，我局把意识形态工作纳入党组重要议事日程。\n"
        "（一）强化组织领导，压实工作责任。一是调整领导小组，二是细化责任清单。\n"
    )

    def check(self) -> Iterator[Finding]:
        settings = data()["heading_punctuation"]
        levels = set(settings["standalone_levels"])
        for layout in self.ctx.layouts:
            if layout.run_in:
                yield from self._run_in(layout, settings)
            elif layout.heading.level in levels:
                yield from self._standalone(layout)

    def _standalone(self, layout: Layout) -> Iterator[Finding]:
        text = layout.heading.paragraph.text.rstrip()
        trailing = compiled("heading_punctuation", "standalone_trailing").search(text)
        if trailing is None or trailing.start() <= layout.heading.marker.end:
            return
        settings = data()["heading_punctuation"]
        if len(layout.sentence) > settings["standalone_max_length"] or not _prose_follows(layout):
            return  # a one-sentence item (no body, or only a 落款 after it), or prose
        if _DIGIT.search(layout.sentence):
            return  # 全年开展宣讲20余场。 — a statement of fact, not a heading
        yield self.finding(
            layout.heading.paragraph, trailing.start(), trailing.end(), fix="",
            variant="standalone", mark=trailing.group(),
        )  # fmt: skip

    def _run_in(self, layout: Layout, settings: dict) -> Iterator[Finding]:
        text = layout.heading.paragraph.text
        mark = text[layout.end]
        if not compiled("heading_punctuation", "runin_wrong_close").fullmatch(mark):
            return
        body = text[layout.end + 1 :]
        if not compiled("heading_punctuation", "runin_body_enumerator").match(body):
            if len(layout.sentence) <= settings["runin_label_length"]:
                return  # 时间：… 地点：… — a label, not a heading
            two_parts = compiled("heading_punctuation", "runin_two_parts").search(layout.sentence)
            if mark not in "；;" and not two_parts:
                return
        yield self.finding(
            layout.heading.paragraph, layout.end, layout.end + 1, fix="。",
            variant="run_in", mark=mark,
        )  # fmt: skip
