"""What a file is, judged by its first bytes: the one place readers sniff content.

Kept free of imports so that both the dispatcher and the .docx archive can use it without
pulling in lxml or each other.
"""

from __future__ import annotations

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, WPS, encrypted OOXML
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream an OLE Word file holds
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument"  # the first entry of an .odt

WORD_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
LIBREOFFICE_SUFFIXES = frozenset({".doc", ".wps", ".odt", ".rtf"})  # through LibreOffice
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
SUFFIXES = WORD_SUFFIXES | LIBREOFFICE_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES


def kind_of(data: bytes, suffix: str) -> str:
    """ "docx", "convert" (LibreOffice first), "md" or "txt": content first, then the name.

    A .docx saved as .doc, a .doc saved as .docx, an RTF named .doc: each is read as what
    it is. What the content does not settle is settled by the suffix.
    """
    head = data[:64]
    if head.startswith(OLE_MAGIC):
        encrypted = ENCRYPTED_STREAM in data
        return "convert" if WORD_STREAM in data and not encrypted else "docx"  # docx refuses
    if head.startswith(ZIP_MAGIC):
        return "convert" if ODF_MIMETYPE in head or suffix == ".odt" else "docx"
    if head.startswith(RTF_MAGIC):
        return "convert"
    if suffix in WORD_SUFFIXES:
        return "docx"  # not a zip: the archive check says why, in one line
    if suffix in LIBREOFFICE_SUFFIXES:
        return "convert"
    return "md" if suffix in MARKDOWN_SUFFIXES else "txt"
