from collections.abc import Iterator

from draftlint.model import Finding, Paragraph
from draftlint.profiles import SectionAnalysis
from draftlint.profiles.elements import Elements
from draftlint.rule import Rule

# Where a missing element goes: after the nearest earlier element that is there.
_ELEMENT_AFTER = {"主送机关": "title", "正文": "title", "落款": "body", "成文日期": "signature"}


class MissingSection(Rule):
    code = "S001"
    name = "missing-section"
    tags = ("sections", "structure")
    summary = {
        "zh": "缺少文种要求的必备部分（章节或公文要素）",
        "en": "A section or element the document type requires is missing",
    }
    message = {
        "zh": {
            "after": "缺少“{section}”部分（{profile}必备），应放在“{anchor}”部分之后",
            "before": "缺少“{section}”部分（{profile}必备），应放在“{anchor}”部分之前",
            "title": "缺少“{section}”（{profile}必备），应放在标题之后",
            "body": "缺少“{section}”（{profile}必备），应放在正文之后",
            "signature": "缺少“{section}”（{profile}必备），应放在落款之后",
            "none": "缺少“{section}”部分（{profile}必备）",
        },
        "en": {
            "after": "Missing the “{section}” section, which a {profile} requires; it belongs"
            " after “{anchor}”",
            "before": "Missing the “{section}” section, which a {profile} requires; it belongs"
            " before “{anchor}”",
            "title": "Missing the “{section}”, which a {profile} requires; it belongs after the"
            " title",
            "body": "Missing the “{section}”, which a {profile} requires; it belongs after the"
            " body",
            "signature": "Missing the “{section}”, which a {profile} requires; it belongs after"
            " the signature",
            "none": "Missing the “{section}” section, which a {profile} requires",
        },
    }
    why = {
        "zh": "文种决定结构：情况报告、工作总结要写清工作情况、存在问题和下一步打算，缺少"
        "“存在问题”的报告会被退回；请示、通知须有主送机关、正文、落款和成文日期。文种由标题"
        "识别（或用 --profile 指定），必备部分及其同义写法见 rules/profiles/ 下的文种配置；"
        "一个合并标题（如“存在问题及下步工作计划”）可同时满足多个部分。没有一级标题的文稿"
        "不检查章节。",
        "en": "The document type fixes the structure: a work report states what was done, the"
        " problems and the next steps, and one without its problems section is sent back;"
        " a 请示 or 通知 needs its recipient, body, signature and date. The type comes from"
        " the title (or --profile); the required parts and their synonyms are the profiles"
        " in rules/profiles/. One combined heading may satisfy several sections. A draft"
        " without top-level headings is not checked for sections.",
    }
    source = "党政机关公文处理工作条例 第九条；GB/T 9704-2012 7.3；house practice（报告结构）"
    example_bad = (
        "2025年上半年意识形态工作情况报告\n"
        "一、工作开展情况\n今年以来，我局压实意识形态工作责任制，组织专题学习6次。\n"
        "二、下一步工作打算\n继续加强阵地管理，完善舆情处置预案。\n"
    )
    example_good = (
        "2025年上半年意识形态工作情况报告\n"
        "一、工作开展情况\n今年以来，我局压实意识形态工作责任制，组织专题学习6次。\n"
        "二、存在的问题\n网络阵地管理还有薄弱环节，个别干部重视不够。\n"
        "三、下一步工作打算\n继续加强阵地管理，完善舆情处置预案。\n"
    )

    def check(self) -> Iterator[Finding]:
        analysis = self.ctx.sections
        if analysis.profile is None:
            return
        yield from self._sections(analysis)
        yield from self._elements(analysis)

    def _sections(self, analysis: SectionAnalysis) -> Iterator[Finding]:
        profile = analysis.profile
        assert profile is not None
        order = list(profile.order) + [
            s.name for s in profile.sections if s.name not in profile.order
        ]
        for section in analysis.missing_sections():
            at = order.index(section.name)
            before = [analysis.first_heading(name) for name in reversed(order[:at])]
            after = [analysis.first_heading(name) for name in order[at + 1 :]]
            previous = next((h for h in before if h is not None), None)
            following = next((h for h in after if h is not None), None)
            if previous is not None:
                anchor, variant = previous, "after"
            elif following is not None:
                anchor, variant = following, "before"
            else:
                anchor, variant = analysis.headings[0], "none"
            finding = self.finding(
                anchor.paragraph, anchor.start, anchor.end, variant=variant,
                section=section.name, profile=profile.name, anchor=anchor.label,
            )  # fmt: skip
            finding.extra.update(section=section.name, profile=profile.name)
            yield finding

    def _elements(self, analysis: SectionAnalysis) -> Iterator[Finding]:
        profile, elements, title = analysis.profile, analysis.elements, analysis.title
        if profile is None or elements is None or title is None:
            return
        present = elements.present()
        for spec in profile.elements:
            if not spec.required or spec.name in present:
                continue
            anchor = self._anchor(spec.name, elements) or title
            finding = self.finding(
                anchor, 0, len(anchor.text), variant=_ELEMENT_AFTER.get(spec.name, "none"),
                section=spec.name, profile=profile.name, anchor="",
            )  # fmt: skip
            finding.extra.update(section=spec.name, profile=profile.name)
            yield finding

    @staticmethod
    def _anchor(name: str, elements: Elements) -> Paragraph | None:
        """Where a missing element belongs: a missing 落款 or 成文日期 at the end of the main
        text (before the date when only the 落款 is missing), never a paragraph inside it."""
        if name == "成文日期" and elements.signature is not None:
            return elements.signature
        if name == "落款" and elements.date is not None:
            before = elements.attachment_note or elements.body
            return before[-1] if before else elements.date
        if name in ("落款", "成文日期"):
            return elements.last
        return None
