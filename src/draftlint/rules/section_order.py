from collections.abc import Iterator

from draftlint.model import Finding
from draftlint.rule import Rule


class SectionOrder(Rule):
    code = "S002"
    name = "section-order"
    tags = ("sections", "structure")
    summary = {
        "zh": "章节顺序与文种要求不符（如“下一步”在“存在问题”之前）",
        "en": "Sections are out of the document type's order",
    }
    message = {
        "zh": "章节顺序不当：“{section}”应放在“{after}”之后（{profile}）",
        "en": "Sections out of order: “{section}” belongs after “{after}” ({profile})",
    }
    why = {
        "zh": "报告按“做了什么—有什么问题—下一步怎么办”的逻辑展开，下一步打算针对存在问题"
        "提出，放在问题之前就失去了依据。顺序由文种配置的 order 决定（rules/profiles/）。",
        "en": "A report runs from what was done, to the problems, to what comes next; next"
        " steps answer the problems and cannot come before them. The order is the profile's"
        " `order` (rules/profiles/).",
    }
    source = "house practice（报告、总结的结构）"
    example_bad = (
        "2025年意识形态工作总结报告\n"
        "一、工作开展情况\n全年组织理论学习12次，开展专题宣讲8场。\n"
        "二、下一步工作打算\n继续加强网络阵地管理。\n"
        "三、存在的问题\n个别支部学习流于形式。\n"
    )
    example_good = (
        "2025年意识形态工作总结报告\n"
        "一、工作开展情况\n全年组织理论学习12次，开展专题宣讲8场。\n"
        "二、存在的问题\n个别支部学习流于形式。\n"
        "三、下一步工作打算\n继续加强网络阵地管理。\n"
    )

    def check(self) -> Iterator[Finding]:
        analysis = self.ctx.sections
        profile = analysis.profile
        if profile is None or not analysis.headings:
            return
        positions = {h.paragraph.index: n for n, h in enumerate(analysis.headings)}
        latest: tuple[int, str] | None = None  # (position, section) furthest down so far
        for name in profile.order:
            heading = analysis.first_heading(name)
            if heading is None:
                continue
            at = positions[heading.paragraph.index]
            if latest is not None and at < latest[0]:
                finding = self.finding(
                    heading.paragraph, heading.start, heading.end,
                    section=name, after=latest[1], profile=profile.name,
                )  # fmt: skip
                finding.extra.update(section=name, profile=profile.name)
                yield finding
                continue
            latest = (at, name)
