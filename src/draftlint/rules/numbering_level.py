from collections.abc import Iterator

from draftlint.model import Finding, Paragraph, Severity
from draftlint.numbering.markers import Kinds, Marker
from draftlint.numbering.outline import Heading
from draftlint.rule import Rule

_LEVEL_EXAMPLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}


def _sample(level: int) -> str:
    return _LEVEL_EXAMPLE.get(level, "")


class NumberingLevel(Rule):
    code = "N004"
    name = "numbering-level"
    severity = Severity.WARNING
    tags = ("numbering",)
    settings_schema = {"skipped_level": bool}  # also report 一、 followed directly by 1.
    summary = {"zh": "层级序号使用顺序不当", "en": "A numbering level is used out of order"}
    message = {
        "zh": {
            "skipped": "层级跳级：“{marker}”直接位于“{parent}”之下，缺少“{missing}”一级",
            "early": "层级顺序不当：“{marker}”出现在本文第一个“{top}”级标题之前",
            "inverted": "层级顺序不当：“{marker}”出现在“{parent}”下第一个“{top}”级标题之前",
        },
        "en": {
            "skipped": "Level skipped: “{marker}” sits directly under “{parent}”;"
            " the “{missing}” level is missing",
            "early": "Levels out of order: “{marker}” comes before the first “{top}” heading",
            "inverted": "Levels out of order: under “{parent}”, “{marker}” comes before the"
            " first “{top}” heading",
        },
    }
    why = {
        "zh": "结构层次序数依次为“一、”“（一）”“1.”“（1）”，下一级只能出现在上一级之下，不能倒置"
        "（先用“1.”再回到“（一）”）。层次较少时可以越级使用（“一、”下直接用“1.”），"
        "设置 skipped-level = true 可要求不越级。",
        "en": "The levels are 一、, （一）, 1., （1） in that order: a lower level never comes"
        " before a higher one under the same parent (1. and then back to （一）). A level may"
        " be skipped when there are few (1. directly under 一、); set skipped-level = true to"
        " report that too.",
    }
    source = "GB/T 9704-2012 7.3.3; GB/T 15834-2011 B.3.8"
    example_bad = "一、总体情况\n1.组织领导\n（一）阵地管理\n（二）队伍建设\n"
    example_good = "一、总体情况\n（一）组织领导\n1.阵地管理\n（二）队伍建设\n"

    def check(self) -> Iterator[Finding]:
        outline = self.ctx.outline
        for scope in outline.scopes:
            yield from self._inverted(scope.roots, None)
        for heading in outline.headings:
            if heading.children:  # most headings have none: no generator made for them
                yield from self._inverted(heading.children, heading)
        if self.ctx.options.rule_settings(self.name).get("skipped_level", False):
            yield from self._skipped(outline.headings)

    def _inverted(self, children: list[Heading], parent: Heading | None) -> Iterator[Finding]:
        """The first child set at a lower level than a later sibling (1. before （一））."""
        ranked = [child for child in children if _ranked(child)]
        top = min((child.level for child in ranked), default=1)
        early = next((child for child in ranked if child.level > top), None)
        if early is None:
            return
        if parent is None:
            yield self._flag(early.marker, early.paragraph, "early", top=_sample(top))
        else:
            yield self._flag(
                early.marker, early.paragraph, "inverted",
                parent=parent.marker.text.strip(), top=_sample(top),
            )  # fmt: skip

    def _skipped(self, headings: list[Heading]) -> Iterator[Finding]:
        """Opt-in (skipped-level = true): 1. directly under 一、."""
        for heading in headings:
            parent = heading.parent
            if (
                parent is not None
                and parent.level >= 1  # under 第一条 / 第一章 / 1.1 any level may open
                and _ranked(heading)
                and heading.level > parent.level + 1
                and _first_at_level(heading)  # one finding per run, not per sibling
                and not _is_list(heading)
            ):
                yield self._flag(
                    heading.marker, heading.paragraph, "skipped",
                    parent=parent.marker.text.strip(), missing=_sample(parent.level + 1),
                )  # fmt: skip

    def _flag(self, marker: Marker, paragraph: Paragraph, variant: str, **args: str) -> Finding:
        return self.finding(
            paragraph, marker.start, marker.end, variant=variant, marker=marker.text, **args
        )


def _ranked(heading: Heading) -> bool:
    """Headings of the 一、/（一）/1./（1） order: not ① (a list at any depth), not a
    GB/T 1.1 section number (a scheme of its own), not an empty numbered paragraph."""
    return heading.level >= 1 and heading.marker.kind is not Kinds.CIRCLED and not heading.is_empty


def _first_at_level(heading: Heading) -> bool:
    siblings = heading.parent.children if heading.parent else []
    return next(h for h in siblings if h.level == heading.level) is heading


def _is_list(heading: Heading) -> bool:
    """1.…； 2.…； 3.…。 is a list of items in the text, not a level of headings."""
    siblings = heading.parent.children if heading.parent else []
    return any(
        h.paragraph.text.rstrip().endswith(("；", ";"))
        for h in siblings
        if h.level == heading.level
    )
