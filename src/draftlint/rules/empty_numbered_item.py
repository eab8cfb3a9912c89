"""N008: a numbered paragraph with nothing after its number (Word shows a bare 5. or 1.2).

In Word the number of an automatically numbered paragraph stays when its text is deleted,
or appears when Enter is pressed once too often at the end of a list: the printed draft then
shows a lone 5. In plain text the same defect is a marker alone on its line between its
siblings (4.… / 5. / 6.…); a lone （十四） from a flattened table is not one. The empty item
still counts in its run, so the numbers after it are judged as Word shows them.
"""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.model import Finding
from draftlint.numbering.verdicts import automatic_note
from draftlint.rule import Rule


class EmptyNumberedItem(Rule):
    code = "N008"
    name = "empty-numbered-item"
    tags = ("numbering", "docx")
    summary = {
        "zh": "编号段落只有序号、没有内容（Word 中孤立的“5.”“1.2”）",
        "en": "A numbered paragraph holds only its number",
    }
    message = {
        "zh": "空的编号段落：只有序号“{marker}”，没有内容{auto}",
        "en": "Empty numbered paragraph: only the number “{marker}”, no text{auto}",
    }
    why = {
        "zh": "自动编号的段落删去文字后序号仍在，列表末尾多按一次回车也会多出一个序号，"
        "成稿便出现孤零零的“5.”“1.2”。应删去该段落，或补上内容。",
        "en": "Word keeps an automatic number when the paragraph's text is deleted, and adds"
        " one when Enter is pressed once too often at the end of a list, so the draft shows a"
        " lone 5. or 1.2. Delete the paragraph or write its text.",
    }
    source = "house practice"
    example_bad = "一、工作情况\n1.完成摸底调查\n2.\n3.建立工作台账\n"
    example_good = "一、工作情况\n1.完成摸底调查\n2.开展业务培训\n3.建立工作台账\n"

    def check(self) -> Iterator[Finding]:
        for heading in self.ctx.outline.empty_items:
            marker = heading.marker
            yield self.finding(
                heading.paragraph, marker.start, marker.end,
                marker=marker.text.strip(), auto=automatic_note(self, heading.paragraph),
            )  # fmt: skip
