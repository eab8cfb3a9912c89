"""Build a Document from a .docx as Word shows it.

Order: the body (tables and text boxes in place), then footnotes, endnotes, headers and
footers. An automatic number is computed and put before the paragraph's text
(``prefix_len`` says how long it is), so the numbering rules read it like a typed one.
Other formats (.doc, .odt …) arrive here already converted (see ``readers.read_bytes``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from lxml import etree

from draftlint.model import Document, Paragraph, Traits, paragraph_traits
from draftlint.readers.docx.archive import DocxArchive
from draftlint.readers.docx.body import StoryParagraph, StoryWalker
from draftlint.readers.docx.comments import CommentRanges, directive_comments
from draftlint.readers.docx.names import W_BODY
from draftlint.readers.docx.numbering import DAMAGED, LEVELS, ListCounters, Numbering
from draftlint.readers.docx.partcache import styles_and_numbering
from draftlint.readers.docx.stories import Package, header_footer_parts, notes
from draftlint.readers.docx.styles import StyleInfo, Styles

HEADING_LEVELS = 4  # GB/T 9704 numbers four levels; deeper outline levels are body text here
_STORY_LABELS = {"header": "页眉", "footer": "页脚"}


def read_docx(data: bytes, path: str) -> Document:
    """The document as Word shows it. Each paragraph's ``source`` is (part name, ordinal):
    its position among that part's w:p elements in document order, so a fixer can find the
    w:p again (``archive.xml(part).iter(w:p)``) without the reader keeping the XML alive.

    A large body (over 4 MiB of XML) is parsed as it is read, 32 KB at a time
    (``DocxArchive.batches``), so memory holds only those blocks' XML, however long the
    document; a smaller one is parsed in one go."""
    archive = DocxArchive(data)
    package = Package(archive)
    main = package.main_part()
    styles, numbering = styles_and_numbering(package, main)  # shared by files of one template
    builder = _Builder(Document(path, "docx"), styles, numbering)
    counts = {"table": 0, "textbox": 0}
    body = StoryWalker("body", counts=counts)
    comments = CommentRanges(directive_comments(package.optional_xml(main, "comments")))
    batches = archive.batches(main, W_BODY)
    builder.add(_walk_batches(body, batches), main, "段", comments=comments)
    for endnotes, kind, label in ((False, "footnotes", "脚注"), (True, "endnotes", "尾注")):
        notes_part = package.related(main, kind)
        if notes_part is None:
            continue
        story = "endnote" if endnotes else "footnote"
        walker_counts = {"table": 0, "textbox": counts["textbox"]}
        items: list[StoryParagraph] = []
        order = body.notes[story]
        for number, note, first in notes(archive.xml(notes_part), order, endnotes):
            items.extend(StoryWalker(story, f"{label}{number}", walker_counts).walk(note, first))
        counts["textbox"] = walker_counts["textbox"]
        builder.add(items, notes_part)
    parts = list(header_footer_parts(package, main, body.sections))
    for story, part in parts:
        same = [p for s, p in parts if s == story]
        label = _STORY_LABELS[story] + (str(same.index(part) + 1) if len(same) > 1 else "")
        walker_counts = {"table": 0, "textbox": counts["textbox"]}
        builder.add(StoryWalker(story, label, walker_counts).walk(archive.xml(part)), part)
        counts["textbox"] = walker_counts["textbox"]
    return builder.document


def _walk_batches(
    walker: StoryWalker, batches: Iterable[etree._Element]
) -> Iterator[StoryParagraph]:
    """The paragraphs of each block in turn (chained in C: no generator of its own to pass
    every paragraph through)."""
    return chain.from_iterable(map(walker.walk, batches))


class _Builder:
    def __init__(self, document: Document, styles: Styles, numbering: Numbering) -> None:
        self.document = document
        self.styles = styles
        self.numbering = numbering
        self.has_lists = bool(numbering.nums)

    def add(
        self,
        items: Iterable[StoryParagraph],
        part: str,
        unit: str = "行",
        comments: CommentRanges | None = None,
    ) -> None:
        """Append one part's paragraphs; each story key counts lines and list items apart.
        A paragraph without a place of its own is at 第N{unit} (the body's 第N段)."""
        paragraphs = self.document.paragraphs
        append = paragraphs.append
        styles = self.styles
        has_lists = self.has_lists
        ordinals: dict[int, int] = {}
        counters: dict[int, ListCounters] = {}
        shared: dict[tuple[int | None, int, bool, bool], Traits] = {}
        make = Paragraph.with_traits
        default_style = styles.get(None)
        ranges_open = comments is not None and comments.is_open  # changes only in covering
        for item in items:
            marks = item.comments
            covering = None
            if comments is not None and (marks or ranges_open):
                covering = comments.covering(marks)
                ranges_open = comments.is_open
            text = item.text
            if item.mark_deleted and not text:
                continue  # a paragraph deleted whole: gone once changes are accepted
            key = item.key
            ordinal = ordinals[key] = ordinals.get(key, 0) + 1
            style = default_style if item.style_id is None else styles.get(item.style_id)
            marker, damaged = None, False
            if has_lists and (item.num_id is not None or style.num_id is not None):
                counter = counters.get(key)
                if counter is None:
                    counter = counters[key] = ListCounters(self.numbering)
                marker = self._marker(item, style, counter)
                damaged = marker == DAMAGED
                if damaged:
                    marker = None
                if marker:
                    text = marker + text
            if not text.strip():
                continue
            level = style.outline_level if item.outline is False else item.outline
            heading = level + 1 if level is not None and level < HEADING_LEVELS else None
            prefix = len(marker) if marker else 0
            story = "toc" if style.is_toc and item.story == "body" else item.story
            damaged = marker is None and damaged
            if item.location:  # a table cell, a text box …: a place of its own
                traits = paragraph_traits(item.location, heading, None, prefix,
                                          item.bold, damaged, part, unit)  # fmt: skip
            else:
                alike = (heading, prefix, item.bold, damaged)
                traits = shared.get(alike)  # type: ignore[assignment]
                if traits is None:
                    traits = shared[alike] = paragraph_traits(
                        "", heading, None, prefix, item.bold, damaged, part, unit
                    )
            paragraph = make(len(paragraphs), text, ordinal, traits, item.ordinal, story)
            append(paragraph)
            if covering:
                self.document.suppressions.extend(comments.suppressions(paragraph, covering))  # type: ignore[union-attr]

    def _marker(self, item: StoryParagraph, style: StyleInfo, counter: ListCounters) -> str | None:
        num_id = item.num_id if item.num_id is not None else style.num_id
        if not num_id or num_id == "0":  # numId 0: explicitly no list
            return None
        ilvl = item.ilvl
        if ilvl is None and num_id == style.num_id:
            ilvl = style.ilvl
            if ilvl is None:
                ilvl = self.numbering.style_level(num_id, item.style_id)
        if ilvl is None or not 0 <= ilvl < LEVELS:
            ilvl = 0
        return counter.next_marker(num_id, ilvl)
