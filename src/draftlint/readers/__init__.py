"""Readers turn a file into a ``Document``: paragraphs with their source locations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from draftlint.model import Document, ReadError
from draftlint.readers.docx import read_docx
from draftlint.readers.markdown import read_markdown
from draftlint.readers.text import read_text

READERS: dict[str, Callable[[bytes, str], Document]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".docx": read_docx,
    ".docm": read_docx,
    ".dotx": read_docx,
}
SUFFIXES = frozenset(READERS)


def reader_for(name: str) -> Callable[[bytes, str], Document]:
    return READERS.get(Path(name).suffix.lower(), read_text)


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
