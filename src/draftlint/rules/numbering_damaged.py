"""N009: Word's automatic number for a paragraph cannot be shown: its definition is damaged.

A numbering definition whose number would run past any real marker (w:start of a billion
with letters, a w:lvlText repeating %1 fifty thousand times, a custom format padded with a
million zeros) is what a damaged or hostile file holds. The reader renders no marker for
such a paragraph, rather than a huge one, and marks it; this rule reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.model import Finding, Severity
from draftlint.rule import Rule


class NumberingDamaged(Rule):
    code = "N009"
    reads_outline = False
    name = "numbering-damaged"
    severity = Severity.WARNING
    tags = ("numbering", "docx")
    # The defect exists only in a Word file: the examples below show what Word would print,
    # and tests/test_numbering_damaged.py builds the real files.
    examples_need_word = True
    summary = {
        "zh": "自动编号定义损坏、序号无法显示（.docx）",
        "en": "The automatic numbering of a paragraph is damaged and cannot be shown",
    }
    message = {
        "zh": "此段的自动编号定义损坏（序号长得无法显示），请在 Word 中重新设置编号",
        "en": "This paragraph's automatic numbering is damaged (its number is too long to"
        " show); set its numbering again in Word",
    }
    why = {
        "zh": "Word 文件的编号定义（numbering.xml）若被损坏，某段的序号可能长达数百万字符，"
        "打印和转换时出错。draftlint 不显示这样的序号，而在此报告，以便重新设置编号。",
        "en": "A damaged numbering definition (numbering.xml) can give a paragraph a number"
        " millions of characters long, which breaks printing and conversion. draftlint shows"
        " no such number and reports the paragraph, so its numbering can be set again.",
    }
    source = "ECMA-376 Part 1, 17.9"
    example_bad = "（w:lvlText 为 5 万个 %1 的编号）一、总体情况\n"
    example_good = "一、总体情况\n"

    def check(self) -> Iterator[Finding]:
        for paragraph in self.ctx.document.paragraphs:
            if paragraph.numbering_damaged:
                yield self.finding(paragraph, 0, 0)
