from collections.abc import Iterator

from draftlint.model import Finding, Severity
from draftlint.numbering.markers import Kind, Marker
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
    summary = {"zh": "层级序号使用顺序不当", "en": "A numbering level is used out of order"}
    message = {
        "zh": {
            "skipped": "层级跳级：“{marker}”直接位于“{parent}”之下，缺少“{missing}”一级",
            "early": "层级顺序不当：“{marker}”出现在本文第一个“{top}”级标题之前",
        },
        "en": {
            "skipped": "Level skipped: “{marker}” sits directly under “{parent}”;"
            " the “{missing}” level is missing",
            "early": "Levels out of order: “{marker}” comes before the first “{top}” heading",
        },
    }
    why = {
        "zh": "结构层次序数依次为“一、”“（一）”“1.”“（1）”，下一级只能出现在上一级之下，不能越级或倒置。",
        "en": "The levels are 一、, （一）, 1., （1） in that order: a level sits only under the"
        " one above it, never skipping a level or inverting them.",
    }
    source = "GB/T 9704-2012 7.3.3; GB/T 15834-2011 B.3.8"
    example_bad = "一、总体情况\n1.组织领导\n2.阵地管理\n"
    example_good = "一、总体情况\n（一）组织领导\n（二）阵地管理\n"

    def check(self) -> Iterator[Finding]:
        outline = self.ctx.outline
        for scope in outline.scopes:
            if not scope.roots:
                continue
            levels = [root.level for root in scope.roots if root.level >= 1]
            top = min(levels, default=1)
            for root in scope.roots:
                if root.level > top and root.marker.kind is not Kind.CIRCLED:
                    yield self._flag(root.marker, root.paragraph, "early", top=_sample(top))
        for heading in outline.headings:
            parent = heading.parent
            if (
                parent is not None
                and parent.level >= 1  # under 第一条 / 第一章 any level may open
                and heading.level > parent.level + 1
                and heading.marker.kind is not Kind.CIRCLED  # ① lists sit at any depth
                and _first_at_level(heading)  # one finding per run, not per sibling
                and not _is_list(heading)
            ):
                yield self._flag(
                    heading.marker, heading.paragraph, "skipped",
                    parent=parent.marker.text.strip(), missing=_sample(parent.level + 1),
                )  # fmt: skip

    def _flag(self, marker: Marker, paragraph, variant: str, **args: str) -> Finding:
        return self.finding(
            paragraph, marker.start, marker.end, variant=variant, marker=marker.text, **args
        )


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
