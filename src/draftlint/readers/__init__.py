"""Readers turn a file into a ``Document``: paragraphs with their source locations."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from draftlint.model import Document, ReadError

# Suffix → "module:function", imported on first use so a run over .txt files never pays
# for lxml or markdown-it.
READERS: dict[str, str] = {
    ".txt": "draftlint.readers.text:read_text",
    ".text": "draftlint.readers.text:read_text",
    ".md": "draftlint.readers.markdown:read_markdown",
    ".markdown": "draftlint.readers.markdown:read_markdown",
    ".docx": "draftlint.readers.docx:read_docx",
    ".docm": "draftlint.readers.docx:read_docx",
    ".dotx": "draftlint.readers.docx:read_docx",
    # Converted to .docx through LibreOffice (soffice), when it is installed.
    ".doc": "draftlint.readers.convert:read_other",
    ".wps": "draftlint.readers.convert:read_other",
    ".odt": "draftlint.readers.convert:read_other",
    ".rtf": "draftlint.readers.convert:read_other",
}
SUFFIXES = frozenset(READERS)


def reader_for(name: str) -> Callable[[bytes, str], Document]:
    module_name, function = READERS.get(Path(name).suffix.lower(), READERS[".txt"]).split(":")
    return getattr(importlib.import_module(module_name), function)


def read_bytes(data: bytes, name: str) -> Document:
    return reader_for(name)(data, name)


def read_path(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError("是目录，不是文件 (is a directory)") from None
    except FileNotFoundError:
        raise ReadError("文件不存在 (no such file)") from None
    except PermissionError:
        raise ReadError("没有读取权限 (permission denied)") from None
    except OSError as error:
        raise ReadError(f"无法读取 ({error.strerror or error})") from None
    return read_bytes(data, str(path))
