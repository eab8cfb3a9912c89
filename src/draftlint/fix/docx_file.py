"""Apply a plan to a .docx: edits inside runs, automatic numbers through numbering.xml.

Only the parts that hold an edit are serialised again; every other entry of the package is
written back with its bytes, name, date and compression unchanged.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from lxml import etree

from draftlint.fix.docx_numbering import restart_at
from draftlint.fix.docx_runs import RunEditor, char_map
from draftlint.fix.plan import Edit, NumberingEdit, Plan
from draftlint.model import Document
from draftlint.readers.docx.archive import DocxArchive
from draftlint.readers.docx.names import W_P
from draftlint.readers.docx.stories import Package


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class DocxFixer:
    def __init__(self, data: bytes, document: Document, *, tracked: bool) -> None:
        self.data, self.document, self.tracked = data, document, tracked
        self.archive = DocxArchive(data)
        self.package = Package(self.archive)
        self.roots: dict[str, etree._Element] = {}
        self.paragraphs: dict[str, list[etree._Element]] = {}
        self.editors: dict[str, RunEditor] = {}
        self.dirty: set[str] = set()  # parts to serialise again
        self.date = now()

    def root(self, part: str) -> etree._Element:
        if part not in self.roots:
            self.roots[part] = self.archive.xml(part)
            self.paragraphs[part] = list(self.roots[part].iter(W_P))
        return self.roots[part]

    def element(self, index: int) -> tuple[str, etree._Element] | None:
        paragraph = self.document.paragraphs[index]
        if not isinstance(paragraph.source, tuple):
            return None
        part, ordinal = paragraph.source
        self.root(part)
        found = self.paragraphs[part]
        return (part, found[ordinal]) if 0 <= ordinal < len(found) else None

    def apply(self, plan: Plan) -> tuple[bytes, list[Edit | NumberingEdit]]:
        refused: list[Edit | NumberingEdit] = []
        for index, edits in plan.edits.items():
            located = self.element(index)
            paragraph = self.document.paragraphs[index]
            if (
                located is None
                or char_map(located[1]).text != paragraph.text[paragraph.prefix_len :]
            ):
                refused.extend(edits)  # the XML does not give back the text we linted
                continue
            part, element = located
            editor = self.editors.get(part)
            if editor is None:
                editor = self.editors[part] = RunEditor(self.roots[part], self.tracked, self.date)
            offset = paragraph.prefix_len
            for edit in sorted(edits, key=lambda e: e.start, reverse=True):
                if editor.replace(
                    element, edit.start - offset, edit.end - offset, edit.replacement
                ):
                    self.dirty.add(part)
                else:
                    refused.append(edit)
        data = self._write()
        if plan.numbering:
            data, refused_numbers = self._renumber(data, plan.numbering)
            refused.extend(refused_numbers)
        return data, refused

    def _renumber(
        self, data: bytes, edits: list[NumberingEdit]
    ) -> tuple[bytes, list[NumberingEdit]]:
        """One numbering edit at a time, each checked by reading the result back: the later
        siblings usually count on by themselves once the first is right."""
        from draftlint.readers.docx import read_docx

        refused: list[NumberingEdit] = []
        for edit in sorted(edits, key=lambda e: e.paragraph):
            current = read_docx(data, self.document.path)
            wanted = _shown_value(current, edit)
            if wanted is None:
                refused.append(edit)
                continue
            if wanted == edit.value:
                continue
            fixer = DocxFixer(data, current, tracked=self.tracked)
            located = fixer.element(edit.paragraph)
            numbering_part = fixer.package.related(fixer.package.main_part(), "numbering")
            if located is None or numbering_part is None:
                refused.append(edit)
                continue
            part, element = located
            numbering_root = fixer.root(numbering_part)
            paragraphs = fixer.paragraphs[part]
            if not restart_at(numbering_root, paragraphs, paragraphs.index(element), edit.value):
                refused.append(edit)
                continue
            fixer.dirty |= {part, numbering_part}
            candidate = fixer._write()
            if _shown_value(read_docx(candidate, self.document.path), edit) != edit.value:
                refused.append(edit)
                continue
            data = candidate
        return data, refused

    def _prolog(self, part: str) -> bytes:
        prolog = _prolog_of(self.archive.read(part))
        return prolog or b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

    def _write(self) -> bytes:
        changed = {
            part: self._prolog(part) + etree.tostring(root, encoding="UTF-8")
            for part, root in self.roots.items()
            if part in self.dirty
        }
        if not changed:
            return self.data
        source = zipfile.ZipFile(io.BytesIO(self.data))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                content = changed.get(info.filename)
                if content is None:
                    content = source.read(info)
                target.writestr(info, content, compress_type=info.compress_type)
        return buffer.getvalue()


def _prolog_of(data: bytes) -> bytes:
    """The bytes before the root element (XML declaration, line break) as the file has them."""
    position = 0
    while True:
        start = data.find(b"<", position)
        if start < 0 or data[start + 1 : start + 2] not in (b"?", b"!"):
            return data[: max(start, 0)]
        position = data.find(b">", start) + 1
        if position <= 0:
            return b""


def _shown_value(document: Document, edit: NumberingEdit) -> int | None:
    """The value of the automatic number the paragraph shows now (None: none, or unreadable)."""
    from draftlint.numbering.outline import build_outline

    if edit.paragraph >= len(document.paragraphs):
        return None
    paragraph = document.paragraphs[edit.paragraph]
    if not paragraph.is_automatic:
        return None
    for heading in build_outline(document).headings:
        if (
            heading.paragraph.index == edit.paragraph
            and heading.marker.start < paragraph.prefix_len
        ):
            return heading.marker.value
    return None
