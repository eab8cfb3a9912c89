"""Build a Document from a .docx: body paragraphs (tables included) in reading order."""

from __future__ import annotations

from draftlint.model import Document, Paragraph, ReadError
from draftlint.readers.docx.archive import DocxArchive
from draftlint.readers.docx.body import W_BODY, paragraph_text, story_paragraphs

MAIN_PART = "word/document.xml"


def read_docx(data: bytes, path: str) -> Document:
    archive = DocxArchive(data)
    if not archive.has(MAIN_PART):
        raise ReadError("不是有效的 .docx 文件：缺少 word/document.xml (no word/document.xml)")
    root = archive.xml(MAIN_PART)
    body = root.find(W_BODY)
    document = Document(path, "docx")
    if body is None:
        return document
    paragraphs = document.paragraphs
    for ordinal, item in enumerate(story_paragraphs(body), start=1):
        text = paragraph_text(item.element)
        if not text.strip():
            continue
        location = item.location or f"第{ordinal}段"
        story = "table" if item.location else "body"
        paragraphs.append(
            Paragraph(len(paragraphs), text, ordinal, location, story=story, source=item.element)
        )
    return document
