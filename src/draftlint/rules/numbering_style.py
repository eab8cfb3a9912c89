from collections import Counter
from collections.abc import Iterator

from draftlint.model import Finding, Paragraph
from draftlint.numbering.markers import Kinds, Marker
from draftlint.numbering.verdicts import automatic_note
from draftlint.rule import Rule


class NumberingStyle(Rule):
    code = "N005"
    fix_tier = "safe"
    name = "numbering-style"
    tags = ("numbering", "punctuation")
    fixable = True
    summary = {"zh": "序号格式不规范或与同级不一致", "en": "A marker is not in the standard form"}
    message = {
        "zh": {
            "form": "序号格式不规范：“{marker}”应为“{expected}”{auto}",
            "mixed": "序号格式与同级不一致：“{marker}”，本文其他同级序号写作“{expected}”{auto}",
        },
        "en": {
            "form": "Non-standard marker: “{marker}” should be “{expected}”{auto}",
            "mixed": "Marker “{marker}” differs from its siblings, written “{expected}”{auto}",
        },
    }
    why = {
        "zh": "GB/T 15834 B.3：汉字数字后用顿号（一、），阿拉伯数字后用下脚点（1.），"
        "括号序号用全角括号且其后不再加标点（（一）（1）），“第一”后用逗号。",
        "en": "GB/T 15834 B.3: a bare Chinese numeral takes 、 (一、), an Arabic numeral a"
        " full stop (1.), bracketed markers use full-width brackets with nothing after them"
        " (（一） （1）), and 第一 takes ，.",
    }
    source = "GB/T 15834-2011 B.3"
    example_bad = "一.总体情况\n(一)组织领导\n1、学习制度\n"
    example_good = "一、总体情况\n（一）组织领导\n1.学习制度\n"

    def check(self) -> Iterator[Finding]:
        outline = self.ctx.outline
        markers: list[tuple[Marker, Paragraph]] = [
            (h.marker, h.paragraph) for h in outline.headings
        ]
        markers += [
            (item.marker, item.paragraph)
            for group in outline.enumerations
            for item in group
            if item.marker.kind is Kinds.ORDINAL
        ]
        arabic_dots = Counter(m.separator for m, _ in markers if m.kind is Kinds.ARABIC)
        majority_dot = ".", 0
        if len({s for s in arabic_dots if s in ".．"}) > 1:
            majority_dot = max(((s, n) for s, n in arabic_dots.items() if s in ".．"), key=_count)
        for marker, paragraph in markers:
            expected = marker.canonical()
            if expected != marker.text:
                yield self._flag(marker, paragraph, "form", expected)
            elif (
                marker.kind is Kinds.ARABIC
                and majority_dot[1]
                and marker.separator != majority_dot[0]
            ):
                yield self._flag(marker, paragraph, "mixed", f"{marker.value}{majority_dot[0]}")

    def _flag(self, marker: Marker, paragraph: Paragraph, variant: str, expected: str) -> Finding:
        auto = automatic_note(self, paragraph)
        return self.finding(
            paragraph, marker.start, marker.end, fix=None if paragraph.is_automatic else expected,
            variant=variant, marker=marker.text, expected=expected, auto=auto,
        )  # fmt: skip


def _count(item: tuple[str, int]) -> tuple[int, str]:
    return item[1], item[0] == "."
