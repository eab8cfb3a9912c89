"""Paragraphs of a WordprocessingML story in reading order, with their text as Word shows it.

Changes are read as accepted: inserted runs count, w:del / w:moveFrom do not. Fields show
their result, not their code (w:instrText, and whatever lies between a w:fldChar begin and
its separate, even across paragraphs). Runs inside w:hyperlink, w:smartTag, w:customXml,
w:fldSimple and w:sdt are text like any other; hidden runs (w:vanish) are not. Of an
mc:AlternateContent only one branch is read. Text boxes are stories of their own, read
after the paragraph that holds them. Tables are read row by row, a merged cell once
(vMerge continuation cells are empty in Word), deleted rows not at all, nested tables in
place.

One ``etree.iterwalk`` per container, told which tags matter and skipping what is not
shown, does the work: the walking happens in C and Python sees only the events it needs,
which keeps reading within a small factor of merely joining the w:t.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from draftlint.readers.docx.names import (
    MC_CHOICE,
    MC_FALLBACK,
    W_BR,
    W_CR,
    W_CUSTOM_XML,
    W_DEL,
    W_FLDCHAR,
    W_FLDCHAR_TYPE,
    W_GRID_BEFORE,
    W_GRID_SPAN,
    W_ILVL,
    W_MOVE_FROM,
    W_NO_BREAK_HYPHEN,
    W_NUMID,
    W_NUMPR,
    W_OUTLINE_LVL,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_PTAB,
    W_R,
    W_RPR,
    W_SDT,
    W_SDT_CONTENT,
    W_SDTPR,
    W_T,
    W_TAB,
    W_TBL,
    W_TC,
    W_TCPR,
    W_TR,
    W_TRPR,
    W_TXBX,
    W_VAL,
    W_VANISH,
    W_VMERGE,
    is_on,
)
from draftlint.readers.docx.styles import int_val

_SIMPLE = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}
_SKIPPED = frozenset({W_DEL, W_MOVE_FROM, W_SDTPR})  # deleted text; a control's settings
_EVENT_TAGS = (
    W_P, W_PPR, W_T, *_SIMPLE, W_FLDCHAR, W_VANISH, *_SKIPPED, MC_CHOICE, MC_FALLBACK,
    W_TXBX, W_TBL,
)  # fmt: skip
_BODY_LEVEL = 9


@dataclass(slots=True)
class StoryParagraph:
    element: etree._Element
    text: str
    location: str  # "" for a paragraph of the story itself; "表格1第2行第3列", "文本框1" …
    story: str  # "body", "table", "textbox", "header" …
    key: int  # which story: 0 for the part's own, a text box's number for its paragraphs
    style_id: str | None = None
    num_id: str | None = None  # from the paragraph's own w:numPr
    ilvl: int | None = None
    outline: int | bool | None = False  # w:outlineLvl, 0-based; None body text; False unset
    mark_deleted: bool = False  # the paragraph mark is a tracked deletion


@dataclass(slots=True)
class _Context:
    where: str
    story: str
    key: int


class FieldState:
    """Open fields of a story; text shows only outside every field's code part."""

    __slots__ = ("code", "stack")

    def __init__(self) -> None:
        self.stack: list[bool] = []  # True while in the code part (before separate)
        self.code = 0

    def update(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append(True)
            self.code += 1
        elif kind == "separate":
            if self.stack and self.stack[-1]:
                self.stack[-1] = False
                self.code -= 1
        elif kind == "end" and self.stack and self.stack.pop():
            self.code -= 1


class StoryWalker:
    """Walks one part's story (the body, a header, a footnote …) and its text boxes.

    Within one container the walk sees start events only: a paragraph ends where the next
    begins. Tables and text boxes are walked apart, recursively, and skipped by the outer
    walk, so their paragraphs never interleave with the paragraph around them.
    """

    def __init__(self, story: str, label: str = "", counts: dict[str, int] | None = None) -> None:
        self.story = story
        self.label = label  # prefix of every location: "页眉", "脚注2" …
        self.counts = counts if counts is not None else {"table": 0, "textbox": 0}
        self._fields: dict[int, FieldState] = {}

    def walk(self, container: etree._Element) -> Iterator[StoryParagraph]:
        return self._walk(container, _Context(self.label, self.story, 0))

    def _walk(self, container: etree._Element, context: _Context) -> Iterator[StoryParagraph]:
        item: StoryParagraph | None = None  # the paragraph being read
        parts: list[str] = []
        after: list[StoryParagraph] = []  # its text boxes' paragraphs, shown after it
        hidden_run: etree._Element | None = None
        fields = self._fields.get(context.key)
        if fields is None:
            fields = self._fields[context.key] = FieldState()
        walker = etree.iterwalk(container, events=("start",), tag=_EVENT_TAGS)
        for _, node in walker:
            tag = node.tag
            if tag == W_T or tag in _SIMPLE:
                if (
                    item is not None
                    and not fields.code
                    and (hidden_run is None or node.getparent() is not hidden_run)
                ):
                    parts.append(node.text or "" if tag == W_T else _SIMPLE[tag])
            elif tag == W_P:
                if item is not None:
                    item.text = "".join(parts)
                    yield item
                    if after:
                        yield from after
                        after = []
                item = StoryParagraph(node, "", context.where, context.story, context.key)
                parts = []
            elif tag == W_PPR:
                if item is not None and item.element is node.getparent():
                    _properties(node, item)
                walker.skip_subtree()
            elif tag == W_FLDCHAR:
                fields.update(node.get(W_FLDCHAR_TYPE))
            elif tag == W_VANISH:
                properties = node.getparent()
                run = properties.getparent() if properties is not None else None
                if run is not None and run.tag == W_R and is_on(node):
                    hidden_run = run
            elif tag in _SKIPPED:
                walker.skip_subtree()
            elif tag in (MC_CHOICE, MC_FALLBACK):
                if not _chosen(node):
                    walker.skip_subtree()
            elif tag == W_TXBX:
                if node is container:
                    continue
                walker.skip_subtree()
                self.counts["textbox"] += 1
                number = self.counts["textbox"]
                box = _Context(f"{self.label}文本框{number}", "textbox", number)
                if item is not None:
                    after.extend(self._walk(node, box))
                else:
                    yield from self._walk(node, box)
            elif tag == W_TBL:
                walker.skip_subtree()
                if item is not None:
                    item.text = "".join(parts)
                    yield item
                    yield from after
                    item, after = None, []
                yield from self._table(node, context)
        if item is not None:
            item.text = "".join(parts)
            yield item
            yield from after

    def _table(self, table: etree._Element, context: _Context) -> Iterator[StoryParagraph]:
        self.counts["table"] += 1
        label = f"{context.where}表格{self.counts['table']}"
        story = "table" if context.story == "body" else context.story
        row_number = 0
        for row in _children(table, W_TR):
            properties = row[0] if len(row) and row[0].tag == W_TRPR else None
            column = 1
            if properties is not None:
                if properties.find(W_DEL) is not None:
                    continue  # a deleted row: gone once changes are accepted
                column += int_val(properties.find(W_GRID_BEFORE)) or 0
            row_number += 1
            for cell in _children(row, W_TC):
                span, merged = _cell(cell)
                if not merged:  # a vertically merged cell is read once, in its first row
                    place = _Context(f"{label}第{row_number}行第{column}列", story, context.key)
                    yield from self._walk(cell, place)
                column += span


def _properties(ppr: etree._Element, item: StoryParagraph) -> None:
    for child in ppr:
        tag = child.tag
        if tag == W_PSTYLE:
            item.style_id = child.get(W_VAL)
        elif tag == W_NUMPR:
            for part in child:
                if part.tag == W_NUMID:
                    item.num_id = part.get(W_VAL)
                elif part.tag == W_ILVL:
                    item.ilvl = int_val(part)
        elif tag == W_OUTLINE_LVL:
            level = int_val(child)
            item.outline = level if level is not None and 0 <= level < _BODY_LEVEL else None
        elif tag == W_RPR:
            item.mark_deleted = any(part.tag == W_DEL for part in child)


def _chosen(branch: etree._Element) -> bool:
    """Is this the one branch of its mc:AlternateContent to read (first Choice, else Fallback)?"""
    alternate = branch.getparent()
    if alternate is None:
        return True
    for child in alternate:
        if child.tag == MC_CHOICE:
            return child is branch
    return branch.tag == MC_FALLBACK


def _cell(cell: etree._Element) -> tuple[int, bool]:
    properties = cell[0] if len(cell) and cell[0].tag == W_TCPR else None
    if properties is None:
        return 1, False
    span = max(int_val(properties.find(W_GRID_SPAN)) or 1, 1)
    vmerge = properties.find(W_VMERGE)
    return span, vmerge is not None and vmerge.get(W_VAL, "continue") == "continue"


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            for content in child.iterchildren(W_SDT_CONTENT):
                yield from _children(content, tag)
        elif child.tag == W_CUSTOM_XML:
            yield from _children(child, tag)
