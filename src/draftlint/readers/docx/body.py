"""Paragraphs of a WordprocessingML story in reading order, with their text as Word shows it.

Changes are read as accepted: inserted runs count, w:del / w:moveFrom do not. Fields show
their result, not their code (w:instrText, and whatever lies between a w:fldChar begin and
its separate, even across paragraphs). Runs inside w:hyperlink, w:smartTag, w:customXml,
w:fldSimple and w:sdt are text like any other; hidden runs (w:vanish) are not. Of an
mc:AlternateContent only one branch is read. Text boxes are stories of their own, read
after the paragraph that holds them. Tables are read row by row, a merged cell once
(vMerge continuation cells are empty in Word), deleted rows not at all, nested tables in
place.

Each paragraph is known afterwards by its ordinal: its position among the part's w:p
elements in document order (``part.iter(w:p)``), which is all a fixer needs to find it again.
Word comment anchors (w:commentRangeStart/End, w:commentReference) are noted on the
paragraph that holds them.

One ``iter`` per container, told which tags matter, does the work: the walking happens in C
and Python sees only the elements it needs, which keeps reading within a small factor of
merely joining the w:t. (``etree.iterwalk`` could skip what is not shown, but costs twice
as much for every element it passes; here a subtree is skipped by counting the elements it
holds and passing over that many, ``_Walk.skip``.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from lxml import etree

from draftlint.readers.docx.names import (
    MC_CHOICE,
    MC_FALLBACK,
    R_ID,
    W_BOLD,
    W_BR,
    W_COMMENT_RANGE_END,
    W_COMMENT_RANGE_START,
    W_COMMENT_REFERENCE,
    W_CR,
    W_CUSTOM_XML,
    W_DEL,
    W_ENDNOTE_REF,
    W_FLDCHAR,
    W_FLDCHAR_TYPE,
    W_FOOTER_REF,
    W_FOOTNOTE_REF,
    W_GRID_BEFORE,
    W_GRID_SPAN,
    W_HEADER_REF,
    W_ID,
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
    W_SECTPR,
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
    alternate_branch,
    int_val,
    is_on,
    outline_level,
)
from draftlint.records import dataclass

_SIMPLE = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}
_SKIPPED = frozenset({W_DEL, W_MOVE_FROM, W_SDTPR})  # deleted text; a control's settings
_COMMENT_MARKS = {
    W_COMMENT_RANGE_START: "start", W_COMMENT_RANGE_END: "end", W_COMMENT_REFERENCE: "ref",
}  # fmt: skip
_NOTE_REFS = {W_FOOTNOTE_REF: "footnote", W_ENDNOTE_REF: "endnote"}
_SECTION_REFS = {W_HEADER_REF: "header", W_FOOTER_REF: "footer"}
_EVENT_TAGS = (
    W_P, W_PPR, W_T, *_SIMPLE, W_FLDCHAR, W_VANISH, W_BOLD, *_SKIPPED, MC_CHOICE, MC_FALLBACK,
    W_TXBX, W_TBL, *_COMMENT_MARKS, *_NOTE_REFS, W_SECTPR,
)  # fmt: skip

_EVENT_SET = frozenset(_EVENT_TAGS)
_SMALL = frozenset({W_PPR, W_SECTPR, W_SDTPR})  # properties: subtrees of a few elements


@dataclass(slots=True)
class StoryParagraph:
    """A w:p as read from its story, before it becomes a Paragraph."""

    ordinal: int  # position among the part's w:p elements, in document order
    text: str
    location: str  # "" for a paragraph of the story itself; "表格1第2行第3列", "文本框1" …
    story: str  # "body", "table", "textbox", "header" …
    key: int  # which story: 0 for the part's own, a text box's number for its paragraphs
    style_id: str | None = None
    num_id: str | None = None  # from the paragraph's own w:numPr
    ilvl: int | None = None
    outline: int | bool | None = False  # w:outlineLvl, 0-based; None body text; False unset
    mark_deleted: bool = False  # the paragraph mark is a tracked deletion
    comments: list[tuple[str, str]] | None = None  # ("start"|"end"|"ref", comment id)
    bold: bool = False  # every shown character is in a bold run (a heading set in bold)


@dataclass(slots=True)
class _Context:
    """Where a walk is: its location label, story and story key."""

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


class _Walk:
    """The state of one container's walk: the paragraph being read and what follows it."""

    __slots__ = (
        "after", "bold_chars", "bold_run", "container", "context", "element", "events",
        "fields", "hidden_run", "item", "parts", "plain_chars",
    )  # fmt: skip

    def __init__(self, container: etree._Element, context: _Context, fields: FieldState) -> None:
        self.container = container
        self.context = context
        if container.tag == W_TC:  # a table's cell, one of thousands: a few elements, told
            # apart here for less than an iterator over the 24 tags costs to set up (14 µs)
            self.events = (e for e in container.iter() if e.tag in _EVENT_SET)
        else:
            self.events = container.iter(_EVENT_TAGS)
        self.fields = fields
        self.item: StoryParagraph | None = None
        self.element: etree._Element | None = None  # the item's w:p, while it is read
        self.parts: list[str] = []
        self.after: list[StoryParagraph] = []  # its text boxes' paragraphs, shown after it
        self.hidden_run: etree._Element | None = None
        self.bold_run: etree._Element | None = None  # the run whose w:rPr holds w:b
        self.bold_chars = self.plain_chars = 0  # the paragraph's shown characters, by weight

    def skip(self, node: etree._Element) -> None:
        """Pass over ``node``'s subtree: its elements of _EVENT_TAGS come next, in order."""
        if node.tag in _SMALL:  # a few elements: telling their tags apart here costs less
            # than setting up an iterator over the 24 tags (some 14 µs)
            inside = sum(1 for element in node.iterdescendants() if element.tag in _EVENT_SET)
        else:
            inside = len(list(node.iter(_EVENT_TAGS))) - 1  # node itself is the first
        if inside:
            next(islice(self.events, inside, inside), None)

    def flush(self) -> list[StoryParagraph]:
        """Close the paragraph being read: it, then the paragraphs of its text boxes."""
        item = self.item
        if item is None:
            return []
        item.text = "".join(self.parts)
        item.bold = self.bold_chars > 0 and not self.plain_chars
        self.bold_chars = self.plain_chars = 0
        closed = [item, *self.after] if self.after else [item]
        self.item, self.element, self.parts, self.after = None, None, [], []
        return closed


_Handler = Callable[["StoryWalker", _Walk, etree._Element], Iterable[StoryParagraph] | None]


class StoryWalker:
    """Walks one part's story (the body, a header, a footnote …) and its text boxes.

    Within one container the walk sees elements in document order, where they start (no
    end events): a paragraph ends where the next begins. Tables and text boxes are walked
    apart, recursively, and skipped by the outer walk, so their paragraphs never interleave
    with the paragraph around them. Each tag has its handler (``_HANDLERS``);
    ``_Walk.flush`` is the one place a paragraph closes.
    """

    def __init__(self, story: str, label: str = "", counts: dict[str, int] | None = None) -> None:
        self.story = story
        self.label = label  # prefix of every location: "页眉", "脚注2" …
        self.counts = counts if counts is not None else {"table": 0, "textbox": 0}
        self.ordinal = 0  # the next w:p's position in the part
        self._fields: dict[int, FieldState] = {}
        self._pending: list[tuple[str, str]] = []  # comment marks met between paragraphs
        # What the body refers to, in reading order (deleted text and unread branches aside):
        self.notes: dict[str, dict[str, int]] = {"footnote": {}, "endnote": {}}  # id → number
        self.sections: list[list[tuple[str, str]]] = []  # each sectPr's (story, r:id)

    def walk(
        self, container: etree._Element, first_ordinal: int | None = None
    ) -> Iterator[StoryParagraph]:
        """Paragraphs of ``container``, whose first w:p is the part's ``first_ordinal``-th
        (by default: the next after the last container walked, as for the body's blocks)."""
        if first_ordinal is not None:
            self.ordinal = first_ordinal
        return self._walk(container, _Context(self.label, self.story, 0))

    def _walk(self, container: etree._Element, context: _Context) -> Iterator[StoryParagraph]:
        fields = self._fields.get(context.key)
        if fields is None:
            fields = self._fields[context.key] = FieldState()
        state = _Walk(container, context, fields)
        handlers = _HANDLERS
        where, story, key = context.where, context.story, context.key
        parts = state.parts
        for node in state.events:
            tag = node.tag
            if tag == W_T and state.hidden_run is None and state.bold_run is None:
                # The common case, inlined: a run's text, neither hidden nor bold.
                if state.item is not None and not fields.code:
                    text = node.text or ""
                    parts.append(text)
                    if not state.plain_chars and text.strip():
                        state.plain_chars = 1  # only whether there are any counts
                continue
            if tag == W_P and not state.after:
                # The next paragraph, none of its text boxes pending: flush and open, inlined.
                item = state.item
                if item is not None:
                    item.text = "".join(parts)
                    item.bold = state.bold_chars > 0 and not state.plain_chars
                    state.bold_chars = state.plain_chars = 0
                    state.parts = parts = []
                    yield item
                state.item = item = StoryParagraph(self.ordinal, "", where, story, key)
                state.element = node
                self.ordinal += 1
                if self._pending:
                    item.comments, self._pending = self._pending, []
                continue
            produced = handlers[tag](self, state, node)
            if produced:
                yield from produced
            parts = state.parts  # a paragraph closed: a new list
        yield from state.flush()

    def _skip(self, state: _Walk, node: etree._Element) -> None:
        """Skip ``node``'s subtree, counting the w:p it holds so ordinals stay right."""
        state.skip(node)
        self.ordinal += _count_paragraphs(node)

    # Handlers: one per tag of _EVENT_TAGS.

    def _on_text(self, state: _Walk, node: etree._Element) -> None:
        if state.item is None or state.fields.code:
            return
        if state.hidden_run is not None and node.getparent() is state.hidden_run:
            return
        text = node.text or "" if node.tag == W_T else _SIMPLE[node.tag]
        state.parts.append(text)
        shown = len(text.strip())
        if node.getparent() is state.bold_run:
            state.bold_chars += shown
        else:
            state.plain_chars += shown

    def _on_paragraph(self, state: _Walk, node: etree._Element) -> list[StoryParagraph]:
        closed = state.flush()
        context = state.context
        state.item = StoryParagraph(self.ordinal, "", context.where, context.story, context.key)
        state.element = node
        self.ordinal += 1
        if self._pending:
            state.item.comments, self._pending = self._pending, []
        return closed

    def _on_properties(self, state: _Walk, node: etree._Element) -> None:
        if state.item is not None and state.element is node.getparent():
            _properties(node, state.item)
            section = node.find(W_SECTPR)  # a section break ends with this paragraph
            if section is not None:
                self._record_section(section)
        state.skip(node)

    def _on_section(self, state: _Walk, node: etree._Element) -> None:
        state.skip(node)
        self._record_section(node)

    def _record_section(self, node: etree._Element) -> None:
        """Note a w:sectPr's header and footer references (not those of the
        w:sectPrChange inside it, the properties before a tracked change)."""
        references = []
        for child in node:
            story = _SECTION_REFS.get(child.tag)  # type: ignore[arg-type]
            if story is not None:
                references.append((story, child.get(R_ID, "")))
        self.sections.append(references)

    def _on_note_reference(self, state: _Walk, node: etree._Element) -> None:
        found = self.notes[_NOTE_REFS[node.tag]]
        note_id = node.get(W_ID, "")
        if note_id not in found:
            found[note_id] = len(found) + 1

    def _on_field(self, state: _Walk, node: etree._Element) -> None:
        state.fields.update(node.get(W_FLDCHAR_TYPE))

    def _on_vanish(self, state: _Walk, node: etree._Element) -> None:
        properties = node.getparent()
        run = properties.getparent() if properties is not None else None
        if run is not None and run.tag == W_R and is_on(node):
            state.hidden_run = run

    def _on_bold(self, state: _Walk, node: etree._Element) -> None:
        properties = node.getparent()
        run = properties.getparent() if properties is not None else None
        if run is not None and run.tag == W_R and is_on(node):
            state.bold_run = run

    def _on_skipped(self, state: _Walk, node: etree._Element) -> None:
        self._skip(state, node)

    def _on_branch(self, state: _Walk, node: etree._Element) -> None:
        alternate = node.getparent()
        if alternate is not None and alternate_branch(alternate) is not node:
            self._skip(state, node)

    def _on_comment(self, state: _Walk, node: etree._Element) -> None:
        kind, comment_id = _COMMENT_MARKS[node.tag], node.get(W_ID, "")
        item = state.item
        parent = node.getparent()
        between = parent is state.container and parent is not state.element
        if item is not None and (kind != "start" or not between):
            if item.comments is None:
                item.comments = []
            item.comments.append((kind, comment_id))
        else:  # between paragraphs: the next paragraph's; a range ending here closes before it
            self._pending.append(("close" if kind == "end" else kind, comment_id))

    def _on_textbox(self, state: _Walk, node: etree._Element) -> list[StoryParagraph] | None:
        if node is state.container:
            return None
        state.skip(node)
        self.counts["textbox"] += 1
        number = self.counts["textbox"]
        box = _Context(f"{self.label}文本框{number}", "textbox", number)
        if state.item is None:
            return list(self._walk(node, box))
        state.after.extend(self._walk(node, box))
        return None

    def _on_table(self, state: _Walk, node: etree._Element) -> Iterator[StoryParagraph]:
        state.skip(node)
        yield from state.flush()
        yield from self._table(node, state.context)

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
                    self.ordinal += _count_paragraphs(row)
                    continue  # a deleted row: gone once changes are accepted
                column += int_val(properties.find(W_GRID_BEFORE)) or 0
            row_number += 1
            for cell in _children(row, W_TC):
                span, merged = _cell(cell)
                if merged:  # a vertically merged cell is read once, in its first row
                    self.ordinal += _count_paragraphs(cell)
                else:
                    place = _Context(f"{label}第{row_number}行第{column}列", story, context.key)
                    yield from self._walk(cell, place)
                column += span


_HANDLERS: dict[str, _Handler] = {
    W_T: StoryWalker._on_text,
    **dict.fromkeys(_SIMPLE, StoryWalker._on_text),
    W_P: StoryWalker._on_paragraph,
    W_PPR: StoryWalker._on_properties,
    W_FLDCHAR: StoryWalker._on_field,
    W_VANISH: StoryWalker._on_vanish,
    W_BOLD: StoryWalker._on_bold,
    **dict.fromkeys(_SKIPPED, StoryWalker._on_skipped),
    MC_CHOICE: StoryWalker._on_branch,
    MC_FALLBACK: StoryWalker._on_branch,
    **dict.fromkeys(_COMMENT_MARKS, StoryWalker._on_comment),
    **dict.fromkeys(_NOTE_REFS, StoryWalker._on_note_reference),
    W_SECTPR: StoryWalker._on_section,
    W_TXBX: StoryWalker._on_textbox,
    W_TBL: StoryWalker._on_table,
}


def _count_paragraphs(node: etree._Element) -> int:
    return sum(1 for _ in node.iter(W_P))


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
            item.outline = outline_level(child)
        elif tag == W_RPR:
            item.mark_deleted = any(part.tag == W_DEL for part in child)


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
