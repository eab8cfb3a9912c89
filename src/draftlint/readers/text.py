"""Plain text: one paragraph per non-empty line, the encoding detected without asking."""

from __future__ import annotations

import codecs

from draftlint.model import Document, Paragraph, ReadError, paragraph_traits

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:  # a BOM promises an encoding the rest does not keep
                name = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
                raise ReadError(
                    f"有 {name} 字节序标记但内容不是 {name} (invalid {name} after BOM)"
                ) from None
    if b"\x00" in data[:4096]:
        raise ReadError("不是文本文件 (binary data, not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError("无法识别的文本编码 (not UTF-8 or GB18030/GBK)") from None


def split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(data: bytes, path: str) -> Document:
    document = Document(path, "txt")
    paragraphs = document.paragraphs
    append, make, plain = paragraphs.append, Paragraph.with_traits, paragraph_traits()
    index = 0
    for number, line in enumerate(split_lines(decode(data)), start=1):
        if line.strip():
            append(make(index, line, number, plain))
            index += 1
    return document
