"""Readers turn a file into a ``Document``: paragraphs with their source locations.

``read_bytes`` decides once, from the content and then the name, which reader a file gets;
a .doc/.wps/.odt/.rtf is converted to .docx bytes by LibreOffice and read as a .docx. The
readers are imported on first use, so a run over .txt files never pays for lxml or
markdown-it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from draftlint.collector import collector_paused
from draftlint.model import Document, ReadError
from draftlint.readers.errors import read_error
from draftlint.readers.formats import OLE_MAGIC, RTF_MAGIC, SUFFIXES, ZIP_MAGIC, kind_of

__all__ = ["SUFFIXES", "read_bytes", "read_path"]

MiB = 1 << 20
MAX_FILE_BYTES = 256 * MiB  # DRAFTLINT_MAX_FILE_MIB overrides it


def read_bytes(data: bytes, name: str) -> Document:
    try:
        with collector_paused():
            return _dispatch(data, name)
    except ReadError as error:
        raise read_error(str(error)) from None


def _dispatch(data: bytes, name: str) -> Document:
    suffix = Path(name).suffix.lower()
    kind = kind_of(data, suffix)
    if kind == "convert":
        from draftlint.readers.convert import convert_to_docx

        data, kind = convert_to_docx(data, _source_suffix(data, suffix)), "docx"
    if kind == "docx":
        from draftlint.readers.docx import read_docx

        return read_docx(data, name)
    if kind == "md":
        from draftlint.readers.markdown import read_markdown

        return read_markdown(data, name)
    from draftlint.readers.text import read_text

    return read_text(data, name)


def _source_suffix(data: bytes, suffix: str) -> str:
    """The suffix LibreOffice is told: what the content is, else what the name says."""
    if data.startswith(OLE_MAGIC):
        return suffix if suffix in (".doc", ".wps") else ".doc"
    if data.startswith(ZIP_MAGIC):
        return ".odt"
    if data.startswith(RTF_MAGIC):
        return ".rtf"
    return suffix


def max_file_bytes() -> int:
    configured = os.environ.get("DRAFTLINT_MAX_FILE_MIB", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured) * MiB
    return MAX_FILE_BYTES


def read_path(path: Path) -> Document:
    """Read a regular file of at most ``max_file_bytes()``; anything else is one ReadError."""
    try:
        info = os.stat(path)  # before opening: opening a FIFO would wait for a writer
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("不是普通文件（设备、管道或套接字） (not a regular file)")
        limit = max_file_bytes()
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except IsADirectoryError:
        raise ReadError("是目录，不是文件 (is a directory)") from None
    except FileNotFoundError:
        raise ReadError("文件不存在 (no such file)") from None
    except PermissionError:
        raise ReadError("没有读取权限 (permission denied)") from None
    except OSError as error:
        raise read_error(f"无法读取 ({error.strerror or error})") from None
    if len(data) > limit:
        raise ReadError(f"文件过大，超过 {limit >> 20} MiB (file too large)")
    return read_bytes(data, str(path))
