"""The parts of a package and the stories beside the body: headers, footers, notes.

Parts are found through the relationships (``_rels/*.rels``), not guessed by name. A
header linked to the previous section is simply not referenced again, and a part shared by
several sections is read once. Notes are read in the order their references appear in the
body, numbered as Word shows them; separator notes and deleted references are skipped.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from lxml import etree

from draftlint.model import ReadError
from draftlint.readers.docx.archive import DocxArchive
from draftlint.readers.docx.names import (
    REL,
    W_ENDNOTE,
    W_FOOTNOTE,
    W_ID,
    W_P,
    W_TYPE,
)

DEFAULT_MAIN = "word/document.xml"


class Package:
    def __init__(self, archive: DocxArchive) -> None:
        self.archive = archive
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, target part name) for the internal relationships of ``part``."""
        if part in self._rels:
            return self._rels[part]
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        found: dict[str, tuple[str, str]] = {}
        if self.archive.has(rels_name):
            for rel in self.archive.xml(rels_name).iterchildren(REL):
                if rel.get("TargetMode", "Internal") != "Internal":
                    continue
                target = rel.get("Target", "")
                if target.startswith("/"):
                    target = target.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
                found[rel.get("Id", "")] = (rel.get("Type", ""), target)
        self._rels[part] = found
        return found

    def related(self, part: str, kind: str) -> str | None:
        """The first part of relationship type ``…/kind`` that exists in the archive."""
        for rel_type, target in self.relationships(part).values():
            if rel_type.endswith(f"/{kind}") and self.archive.has(target):
                return target
        return None

    def main_part(self) -> str:
        main = self.related("", "officeDocument")
        if main is not None:
            return main
        if self.archive.has(DEFAULT_MAIN):
            return DEFAULT_MAIN
        raise ReadError("不是有效的 .docx 文件：缺少 word/document.xml (no word/document.xml)")

    def optional_xml(self, part: str, kind: str) -> etree._Element | None:
        target = self.related(part, kind)
        return self.archive.xml(target) if target is not None else None


def header_footer_parts(
    package: Package, main: str, sections: list[list[tuple[str, str]]]
) -> Iterator[tuple[str, str]]:
    """(story, part) for each header and footer the sections reference (``sections``: each
    w:sectPr's (story, r:id) in document order), each part once."""
    rels = package.relationships(main)
    seen: set[str] = set()
    for references in sections:
        for story, rel_id in references:
            target = rels.get(rel_id, ("", ""))[1]
            if target and target not in seen and package.archive.has(target):
                seen.add(target)
                yield story, target


def notes(
    notes_root: etree._Element, order: dict[str, int], endnotes: bool
) -> list[tuple[int, etree._Element, int]]:
    """(shown number, note, ordinal of its first w:p in the part) of the referenced notes,
    in reading order."""
    tag = W_ENDNOTE if endnotes else W_FOOTNOTE
    found = []
    ordinal = 0  # w:p elements before the note, in document order
    for note in notes_root.iterchildren():
        first, ordinal = ordinal, ordinal + sum(1 for _ in note.iter(W_P))
        if note.tag != tag or note.get(W_TYPE, "normal") != "normal":
            continue  # separator, continuationSeparator, continuationNotice
        number = order.get(note.get(W_ID, ""))
        if number is not None:
            found.append((number, note, first))
    found.sort(key=lambda item: item[0])
    return found
