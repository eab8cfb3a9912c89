"""Apply planned edits to a .txt or .md file, in its own encoding and line endings.

Each edit is located in the source line the paragraph came from (``Paragraph.columns``
maps Markdown text back to its columns) and made only where the source holds exactly the
span's characters, contiguously: markup between them, or an entity (&amp;) standing for
them, makes the edit unfixable rather than touch markup.
"""

from __future__ import annotations

import codecs

from draftlint.fix.plan import Edit
from draftlint.model import Document
from draftlint.patterns import compile_re

_LINE = compile_re(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def detect_encoding(data: bytes) -> str:
    """The codec that reads ``data`` back as the reader did (see readers.text.decode)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def apply_text_edits(data: bytes, document: Document,
                     edits: dict[int, list[Edit]]) -> tuple[bytes, list[Edit]]:  # fmt: skip
    """The new file bytes and the edits that could not be made."""
    encoding = detect_encoding(data)
    source = data.decode(encoding)
    lines = [match.group(0) for match in _LINE.finditer(source)]
    if lines and lines[-1] == "":
        lines.pop()
    refused: list[Edit] = []
    for index, planned in edits.items():
        paragraph = document.paragraphs[index]
        line_index = paragraph.line - 1
        if not 0 <= line_index < len(lines):
            refused.extend(planned)
            continue
        line = lines[line_index]
        for edit in sorted(planned, key=lambda e: e.start, reverse=True):
            located = _locate(paragraph.columns, paragraph.prefix_len, edit)
            if (
                located is None
                or line[located[0] : located[1]] != paragraph.text[edit.start : edit.end]
            ):
                refused.append(edit)
                continue
            line = line[: located[0]] + edit.replacement + line[located[1] :]
        lines[line_index] = line
    text = "".join(lines)
    if encoding == "utf-16":  # keep the byte order the file had
        bom = data[:2]
        codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
        return bom + text.encode(codec), refused
    return text.encode(encoding), refused


def _locate(columns: list[int] | None, prefix_len: int, edit: Edit) -> tuple[int, int] | None:
    """The span's [start, end) in the source line, or None if it is not contiguous there."""
    if edit.start < prefix_len or edit.end <= edit.start:
        return None
    if columns is None:
        return edit.start - prefix_len, edit.end - prefix_len
    if edit.end > len(columns):
        return None
    first, last = columns[edit.start], columns[edit.end - 1]
    if last - first != edit.end - edit.start - 1:
        return None
    return first, last + 1
