"""Atomic writes, the one way draftlint writes a file: the bytes go to a temporary file in
the same folder, which is then renamed over the target, so a reader (or a crash) never
sees half a file. A replaced file keeps its permissions; a new one gets the umask's.

Standard library only: the grammar cache and the content cache use it at start-up.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import TextIO


class ChangedOnDisk(Exception):
    """The file is no longer what was read: another program wrote it during the run."""


def write_bytes(
    path: Path, data: bytes, *, expected: bytes | None = None, durable: bool = True,
    mode: int | None = None,
) -> None:  # fmt: skip
    """Write ``data`` over ``path``. With ``expected``, refuse (ChangedOnDisk) unless the
    file still holds those bytes; a symbolic link is then followed, so the file it points to
    is replaced and the link stays a link. ``durable`` syncs the data before the rename
    (a cache entry need not be). ``mode``: the file's permissions (by default the existing
    file's, else those the umask gives)."""
    path = Path(os.path.realpath(path)) if expected is not None else Path(path)
    temporary = _beside(path, data, durable, mode)
    try:
        if expected is not None and path.read_bytes() != expected:
            raise ChangedOnDisk(str(path))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def create_text(path: Path, text: str) -> None:
    """Write a new file whole, or fail with FileExistsError: never overwrite, never half."""
    temporary = _beside(Path(path), text.encode("utf-8"), durable=True)
    try:
        os.link(temporary, path)  # fails if the name exists: no window to overwrite
    finally:
        temporary.unlink(missing_ok=True)


class TextOutput:
    """A text file written as a stream beside ``path`` and renamed over it by ``commit``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        fd, name = _temporary(self.path)
        self.temporary = Path(name)
        self.stream: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self.temporary, _mode(self.path))
            os.replace(self.temporary, self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self.stream.close()
        self.temporary.unlink(missing_ok=True)


def temporaries_of(names: str) -> str:
    """A regular expression for the temporary files ``write_bytes`` makes (and a killed
    writer leaves) beside files whose names match the expression ``names``."""
    return rf"\.(?:{names})\.[A-Za-z0-9_]+\.tmp"


def _temporary(path: Path) -> tuple[int, str]:
    directory = path.parent if str(path.parent) else Path(".")
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)


def _mode(path: Path) -> int:
    """The permissions of ``path`` if it exists, else those the umask gives a new file."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _beside(path: Path, data: bytes, durable: bool, mode: int | None = None) -> Path:
    """A temporary file in ``path``'s folder holding ``data``, with ``mode`` (by default
    ``path``'s)."""
    fd, name = _temporary(path)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, _mode(path) if mode is None else mode)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
