from collections.abc import Iterator

from draftlint.model import Finding, Paragraph
from draftlint.numbering.outline import Problem
from draftlint.numbering.verdicts import heading_problems
from draftlint.patterns import compile_re
from draftlint.rule import Rule

# The first item typed inline at the end of a lead line: 注：1、… then 2、…; 附件1.… then 2.…
_INLINE_FIRST = compile_re(r"(?:[：:]|^[\s\u3000]*附件)[\s\u3000]*1(?P<separator>[、.．])")


class NumberingStart(Rule):
    code = "N003"
    fix_tier = "unsafe"
    name = "numbering-start"
    tags = ("numbering",)
    summary = {"zh": "序号未从一开始", "en": "A run of siblings does not start at one"}
    message = {
        "zh": "序号起始错误：本组第一个序号是“{marker}”，应为“{expected}”{auto}",
        "en": "Numbering starts at “{marker}”; the first sibling should be “{expected}”{auto}",
    }
    why = {
        "zh": "每组同级序号应从一开始（通篇连续编号时接续上一组）。从（二）开头说明前面的内容被删掉或错放。",
        "en": "Each run of siblings starts at one (or continues the previous run when the"
        " document numbers straight through). A run opening at (二) lost its first item.",
    }
    source = "GB/T 9704-2012 7.3.3"
    example_bad = "一、总体情况\n（二）组织领导\n（三）阵地管理\n"
    example_good = "一、总体情况\n（一）组织领导\n（二）阵地管理\n"

    def check(self) -> Iterator[Finding]:
        findings = list(heading_problems(self, Problem.START))
        if not findings:
            return
        paragraphs = self.ctx.document.paragraphs
        for finding in findings:
            previous = _previous_body(paragraphs, finding.paragraph.index)
            if previous is not None and _opens_inline(previous.text, finding.text):
                continue  # 注：1、… / 2、…: the run's first item stands in the lead line
            yield finding


def _previous_body(paragraphs: list[Paragraph], index: int) -> Paragraph | None:
    """The body paragraph before ``paragraphs[index]`` (tables and notes in between skipped)."""
    for at in range(index - 1, -1, -1):
        if paragraphs[at].story == "body":
            return paragraphs[at]
    return None


def _opens_inline(lead: str, marker: str) -> bool:
    """Whether ``lead`` ends a line holding item 1 of the run that ``marker`` (a 2) continues."""
    match = _INLINE_FIRST.search(lead)
    return (
        match is not None
        and marker.strip().startswith("2")
        and marker.strip()[1:2] == match.group("separator")
    )
