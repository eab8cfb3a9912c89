"""Write a fixed file atomically, keeping its permissions, and only if it did not change."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class ChangedOnDisk(Exception):
    """The file is no longer what was read: another program wrote it during the run."""


def replace_bytes(path: Path, original: bytes, data: bytes) -> None:
    """Write ``data`` over ``path`` through a temporary file in the same folder and a
    rename, with the file's mode; refuse if ``path`` no longer holds ``original``. A symbolic
    link is followed: the file it points to is replaced, the link stays a link."""
    path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if path.read_bytes() != original:
            raise ChangedOnDisk(str(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (new or replaced) through a temporary file and a rename."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
