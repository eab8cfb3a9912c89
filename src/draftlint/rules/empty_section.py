from collections.abc import Iterator

from draftlint.analysis.layout import compiled
from draftlint.model import Finding, Severity
from draftlint.rule import Rule


class EmptySection(Rule):
    code = "S003"
    name = "empty-section"
    severity = Severity.WARNING
    tags = ("sections", "headings")
    summary = {"zh": "标题下没有内容", "en": "A heading with nothing under it"}
    message = {
        "zh": {
            "next": "“{heading}”下没有内容：紧接着就是同级或上级标题",
            "end": "“{heading}”下没有内容：标题后文稿即结束",
        },
        "en": {
            "next": "Nothing under “{heading}”: the next sibling or a higher heading follows",
            "end": "Nothing under “{heading}”: the draft ends after it",
        },
    }
    why = {
        "zh": "标题后紧跟同级或上级标题、中间没有正文，多是套用模板后漏写或删改时误删。"
        "同一段内标题句后接正文的段首标题（如“（一）强化组织领导。一是……”）不算空；"
        "以句号、分号结尾的单句条目，以及连续两个以上都没有内容的同级短条目（名单、提纲）"
        "不报告，只报告夹在有内容的标题之间的空标题。",
        "en": "A heading followed at once by a sibling or a higher heading, with no body, is"
        " usually a template part left unfilled or a body deleted by mistake. A run-in"
        " heading with its body in the same paragraph is not empty; one-sentence items"
        " ending in 。/；, and runs of two or more empty siblings (a list of names, a bare"
        " outline) are not reported: only an empty heading among filled ones.",
    }
    source = "house practice"
    example_bad = (
        "2024年上半年工作总结\n一、工作开展情况\n（一）加强组织领导\n（二）强化阵地管理\n"
        "严格落实网站、公众号信息发布审核制度。\n"
    )
    example_good = (
        "2024年上半年工作总结\n一、工作开展情况\n（一）加强组织领导\n调整充实意识形态工作领导小组。\n"
        "（二）强化阵地管理\n严格落实网站、公众号信息发布审核制度。\n"
    )

    def check(self) -> Iterator[Finding]:
        items = self.ctx.layouts
        empty = [not (layout.has_body or layout.is_item) for layout in items]
        for position, layout in enumerate(items):
            if not empty[position]:
                continue
            heading = layout.heading
            if self._in_list(items, empty, position):
                continue  # 1.张三 2.李四, or a bare outline: a list, not unfilled sections
            if compiled("empty_section", "counted").search(layout.sentence):
                continue  # （共6项）: the items are listed elsewhere or left out of this copy
            yield self.finding(
                heading.paragraph, heading.marker.start, layout.end,
                heading=heading.paragraph.text[heading.marker.start : layout.end].strip(),
                variant="end" if layout.next_paragraph is None else "next",
            )  # fmt: skip

    @staticmethod
    def _in_list(items: list, empty: list[bool], position: int) -> bool:
        heading = items[position].heading
        for neighbour in (position - 1, position + 1):
            if 0 <= neighbour < len(items) and empty[neighbour]:
                other = items[neighbour].heading
                if other.parent is heading.parent and other.level == heading.level:
                    return True
        return False
