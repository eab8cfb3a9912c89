"""Paragraphs of a WordprocessingML story in reading order, with their text.

Text is read as Word shows it with changes accepted: w:delText (deleted) and w:instrText
(field codes) are not text; inserted runs are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_P = f"{{{W}}}p"
W_T = f"{{{W}}}t"
W_TAB = f"{{{W}}}tab"
W_BR = f"{{{W}}}br"
W_CR = f"{{{W}}}cr"
W_TBL = f"{{{W}}}tbl"
W_TR = f"{{{W}}}tr"
W_TC = f"{{{W}}}tc"
W_SDT = f"{{{W}}}sdt"
W_SDT_CONTENT = f"{{{W}}}sdtContent"
W_BODY = f"{{{W}}}body"
W_TXBX = f"{{{W}}}txbxContent"
W_PPR = f"{{{W}}}pPr"
W_PSTYLE = f"{{{W}}}pStyle"
W_VAL = f"{{{W}}}val"

_TEXT_TAGS = (W_T, W_TAB, W_BR, W_CR, W_TXBX)


@dataclass(slots=True)
class StoryParagraph:
    element: etree._Element
    location: str  # "" for a body paragraph; "表格1第2行第3列" inside a table


def paragraph_text(paragraph: etree._Element) -> str:
    if next(paragraph.iter(W_TXBX), None) is None:  # the common case, kept fast
        return "".join(
            node.text or "" if node.tag == W_T else "\t" if node.tag == W_TAB else "\n"
            for node in paragraph.iter(W_T, W_TAB, W_BR, W_CR)
        )
    parts: list[str] = []
    for node in paragraph.iter(_TEXT_TAGS):
        tag = node.tag
        if tag == W_T:
            if node.text and not _inside_textbox(node, paragraph):
                parts.append(node.text)
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_TXBX:
            continue
        elif not _inside_textbox(node, paragraph):
            parts.append("\n")
    return "".join(parts)


def _inside_textbox(node: etree._Element, paragraph: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == W_TXBX:
            return True
        parent = parent.getparent()
    return False


def story_paragraphs(container: etree._Element) -> Iterator[StoryParagraph]:
    """Paragraphs of a story (body, header, footnote …) with tables in reading order."""
    table_count = [0]
    yield from _walk(container, "", table_count)


def _walk(
    container: etree._Element, where: str, table_count: list[int]
) -> Iterator[StoryParagraph]:
    for child in container:
        tag = child.tag
        if tag == W_P:
            yield StoryParagraph(child, where)
        elif tag == W_TBL:
            table_count[0] += 1
            yield from _table(child, where, table_count)
        elif tag == W_SDT:
            for content in child.iterchildren(W_SDT_CONTENT):
                yield from _walk(content, where, table_count)


def _table(
    table: etree._Element, where: str, table_count: list[int]
) -> Iterator[StoryParagraph]:
    label = f"{where}表格{table_count[0]}"
    for row_number, row in enumerate(table.iterchildren(W_TR), start=1):
        for cell_number, cell in enumerate(row.iterchildren(W_TC), start=1):
            yield from _walk(cell, f"{label}第{row_number}行第{cell_number}列", table_count)
