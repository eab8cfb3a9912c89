"""N007: a number typed by hand right after an automatic one (自动编号“一、”后又手打“一、”).

In Word the automatic number is not in the text, so a writer who does not see it types the
number again and the reader sees 一、一、. Copied out of Word into plain text, the same
paragraph reads 一、一、 literally; there the doubled marker (same form, same value) is
flagged too. A different typed marker after an automatic one (1.（一）) is flagged as well:
a heading shows one number.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count
from operator import attrgetter

from draftlint.model import Finding, Fix, FixSafety, Paragraph, automatic_positions
from draftlint.numbering.markers import HEAD_CHARS, Marker, parse_head
from draftlint.rule import Rule


class NumberingTypedAfterAutomatic(Rule):
    code = "N007"
    fix_tier = "unsafe"
    name = "numbering-typed-after-automatic"
    tags = ("numbering", "docx")
    aliases = ("manual-after-auto",)
    fixable = True
    summary = {
        "zh": "自动编号后又手工输入了序号",
        "en": "A number typed by hand after an automatic one",
    }
    message = {
        "zh": {
            "automatic": "自动编号“{automatic}”后又手工输入了序号“{marker}”，显示为“{shown}”",
            "typed": "序号重复输入：“{first}”后又有“{marker}”（疑为自动编号转为文字后又手打序号）",
        },
        "en": {
            "automatic": "Automatic number “{automatic}” is followed by a typed number"
            " “{marker}”; the reader sees “{shown}”",
            "typed": "Number typed twice: “{first}” is followed by “{marker}” (an automatic"
            " number turned into text, then typed again?)",
        },
    }
    why = {
        "zh": "Word 的自动编号不在正文文字里，作者看不到时常会再手打一遍，成稿便出现“一、一、”。"
        "一个标题只应有一个序号：保留自动编号并删去手打的序号，或取消自动编号。",
        "en": "Word's automatic number is not part of the text, so writers who do not notice it"
        " type the number again and the draft shows 一、一、. A heading carries one number:"
        " keep the automatic one and delete the typed one, or turn automatic numbering off.",
    }
    source = "GB/T 9704-2012 7.3.3"
    example_bad = "一、一、总体情况\n二、存在问题\n"
    example_good = "一、总体情况\n二、存在问题\n"

    def check(self) -> Iterator[Finding]:
        paragraphs = self.ctx.document.paragraphs
        headings = {h.paragraph.index for h in self.ctx.outline.headings}
        # Only automatic paragraphs and headings are asked about, found in C.
        heading_positions = compress(count(), map(headings.__contains__, map(_INDEX, paragraphs)))
        for position in sorted({*automatic_positions(paragraphs), *heading_positions}):
            paragraph = paragraphs[position]
            if paragraph.is_automatic:
                finding = self._after_automatic(paragraph)
            elif paragraph.index in headings:  # a typed marker typed twice: 一、一、
                finding = self._doubled(paragraph)
            else:
                continue
            if finding is not None:
                yield finding

    def _after_automatic(self, paragraph: Paragraph) -> Finding | None:
        prefix = paragraph.prefix_len
        after = paragraph.text[prefix : prefix + 1]
        if not after.isspace() and after not in HEAD_CHARS:
            return None  # nothing typed there can open a marker (asked before slicing)
        typed = _heading_marker(paragraph.text[prefix:])
        if typed is None:
            return None
        typed = typed.shifted(prefix)
        automatic = paragraph.text[:prefix]
        return self.finding(
            paragraph, typed.start, typed.end, fix=Fix("", FixSafety.REVIEW),
            variant="automatic", automatic=automatic, marker=typed.text,
            shown=paragraph.text[: typed.end],
        )  # fmt: skip

    def _doubled(self, paragraph: Paragraph) -> Finding | None:
        text = paragraph.text
        if not text or text.lstrip()[:1] not in _OPENERS:
            return None
        first = _heading_marker(text)
        if first is None:
            return None
        after = text[first.end : first.end + 1]
        if not after.isspace() and after != first.text.strip()[:1]:
            return None  # no second marker like the first can start there
        second = _heading_marker(text[first.end :])
        if second is None or (second.kind, second.value, second.text.strip()) != (
            first.kind, first.value, first.text.strip(),
        ):  # fmt: skip
            return None
        second = second.shifted(first.end)
        return self.finding(
            paragraph, second.start, second.end, fix=Fix("", FixSafety.REVIEW),
            variant="typed", first=first.text.strip(), marker=second.text.strip(),
        )  # fmt: skip


_INDEX = attrgetter("index")

# A paragraph can only open with a heading marker if it starts with one of these (第一 and
# 其一 open enumerations, not headings).
_OPENERS = HEAD_CHARS - frozenset("第其另")


def _heading_marker(text: str) -> Marker | None:
    marker = parse_head(text)
    if marker is None or not marker.is_heading or marker.digits_follow:
        return None
    return marker
