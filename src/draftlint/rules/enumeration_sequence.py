from collections.abc import Iterator

from draftlint.model import Finding
from draftlint.rule import Rule


class EnumerationSequence(Rule):
    code = "N006"
    fix_tier = "unsafe"
    name = "enumeration-sequence"
    tags = ("numbering", "enumeration")
    summary = {
        "zh": "列举序号（一是、二是……）跳号、重复或不从一开始",
        "en": "Inline enumerators (一是, 二是 …) skip, repeat or start past one",
    }
    message = {
        "zh": {
            "skip": "列举跳号：“{marker}”前缺少“{expected}”",
            "repeat": "列举重复：“{marker}”已经用过，此处应为“{expected}”",
            "start": "列举起始错误：应从“{expected}”开始，此处为“{marker}”",
        },
        "en": {
            "skip": "Enumeration skips: “{expected}” is missing before “{marker}”",
            "repeat": "Enumeration repeats “{marker}”; this should be “{expected}”",
            "start": "Enumeration should start at “{expected}”, not “{marker}”",
        },
    }
    why = {
        "zh": "“一是……二是……三是……”“第一，……第二，……”是连续计数，跳号或重复说明删改后未重新排序。",
        "en": "一是 … 二是 … and 第一，… 第二，… count in sequence; a skip or repeat means an"
        " edit left the count behind.",
    }
    example_bad = "（一）强化领导。一是健全机制。三是压实责任。\n"
    example_good = "（一）强化领导。一是健全机制。二是压实责任。\n"

    def check(self) -> Iterator[Finding]:
        for group in self.ctx.outline.enumerations:
            for item in group:
                if item.problem is None or item.expected is None:
                    continue
                marker = item.marker
                yield self.finding(
                    item.paragraph, marker.start, marker.end, variant=item.problem.value,
                    marker=marker.text, expected=marker.renumbered(item.expected),
                )  # fmt: skip
