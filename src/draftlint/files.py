"""Which files a run lints, reading them safely, and writing outputs atomically.

Only regular files are read, and only up to a size limit: a path such as /dev/zero, a FIFO
or a 10 GB file would otherwise hang the run or exhaust memory. Every failure becomes one
line (``FileError``) naming the reason; the caller reports it and lints the other files.
"""

from __future__ import annotations

import errno
import fnmatch
import math
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from draftlint.readers import SUFFIXES
from draftlint.records import dataclass

DEFAULT_MAX_MIB = 256
MAX_SIZE_ENV = "DRAFTLINT_MAX_FILE_MIB"
# Never drafts: Word's and LibreOffice's lock files.
LOCK_FILES = ("~$*", ".~lock.*#")
# Excluded from directory walks unless a configuration's ``exclude`` replaces the list
# (``extend-exclude`` adds to it).
DEFAULT_EXCLUDES = (
    "~$*", ".~lock.*#", ".*", "build", "dist", "_build", "node_modules", "venv", "__pycache__"
)  # fmt: skip


class FileError(Exception):
    """A path the run cannot lint; the message is one line."""


def one_line(text: str) -> str:
    """Messages from libraries may hold newlines; the contract is one line per problem."""
    return " ".join(str(text).split("\n")).replace("\r", " ")


def shown(path: str) -> str:
    """A path as printed: control characters (a newline in a file name) escaped."""
    if all(ch >= " " and ch != "\x7f" for ch in path):
        return path
    return "".join(repr(ch)[1:-1] if ch < " " or ch == "\x7f" else ch for ch in path)


def max_file_size(mib: float | None = None) -> int:
    """The size limit in bytes: ``--max-file-size`` (``mib``), else $DRAFTLINT_MAX_FILE_MIB,
    else 256 MiB. An unreadable or infinite value in the environment counts as unset; on the
    command line it is a FileError (exit 2)."""
    if mib is None:
        try:
            mib = float(os.environ.get(MAX_SIZE_ENV) or DEFAULT_MAX_MIB)
        except ValueError:
            mib = DEFAULT_MAX_MIB
        if not math.isfinite(mib):
            mib = DEFAULT_MAX_MIB
    elif not math.isfinite(mib):
        raise FileError(f"--max-file-size {mib}: 需为有限的数 (must be a finite number of MiB)")
    return int(mib * 1024 * 1024)


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "文件不存在 (no such file)"
    if isinstance(error, PermissionError):
        return "没有读取权限 (permission denied)"
    if error.errno == errno.ENAMETOOLONG:
        return "文件名过长 (file name too long)"
    return f"无法读取 ({error.strerror or error})"


def open_regular(path: Path, limit: int) -> tuple[int, os.stat_result]:
    """An open descriptor on a regular file no larger than ``limit``, and its status;
    anything else is a FileError. The caller closes the descriptor."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise FileError("是目录，不是文件 (is a directory)") from None
    except OSError as error:
        raise FileError(_os_reason(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileError("是目录，不是文件 (is a directory)")
        if not stat.S_ISREG(info.st_mode):
            raise FileError("不是普通文件（设备、管道或套接字）(not a regular file)")
        if info.st_size > limit:
            raise FileError(_too_large(limit))
    except OSError as error:
        os.close(fd)
        raise FileError(_os_reason(error)) from None
    except FileError:
        os.close(fd)
        raise
    return fd, info


def read_open(fd: int, limit: int) -> bytes:
    """The rest of an open file, never more than ``limit`` bytes (FileError)."""
    try:
        chunks, total = [], 0
        while True:  # the size can change under us: never read past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileError(_too_large(limit))
        return b"".join(chunks)
    except OSError as error:
        raise FileError(_os_reason(error)) from None


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than ``limit``; anything else is a FileError."""
    fd, _ = open_regular(path, limit)
    try:
        return read_open(fd, limit)
    finally:
        os.close(fd)


def read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise FileError("标准输入已关闭 (standard input is closed)")
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as error:
        raise FileError(f"无法读取标准输入 ({one_line(str(error))})") from None
    if data is None:
        raise FileError("标准输入不可读 (standard input is not readable)")
    if len(data) > limit:
        raise FileError(_too_large(limit))
    return data


def _too_large(limit: int) -> str:
    return f"文件过大，超过 {limit / 1048576:g} MiB (file too large; --max-file-size)"


@dataclass(slots=True)
class Target:
    """One thing to lint: a file, standard input (``path is None``), or a path in error."""

    name: str
    path: Path | None
    error: str | None = None


def _matches(patterns: Iterable[str], parts: tuple[str, ...]) -> bool:
    """gitignore-like: a pattern without a slash matches any component, else the path."""
    anywhere, rooted = _excludes(tuple(patterns))
    if anywhere is not None and any(anywhere.match(part) for part in parts):
        return True
    if rooted:
        joined = "/".join(parts)
        for pattern in rooted:
            if fnmatch.fnmatchcase(joined, pattern) or fnmatch.fnmatchcase(joined, pattern + "/*"):
                return True
    return False


@lru_cache(maxsize=64)
def _excludes(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The slashless patterns as one regex (each component is matched once, not once per
    pattern: the walk asks for every file), and the patterns with a slash."""
    names = [pattern.strip("/") for pattern in patterns]
    anywhere = [fnmatch.translate(name) for name in names if "/" not in name]
    rooted = tuple(name for name in names if "/" in name)
    return (re.compile("|".join(anywhere)) if anywhere else None), rooted


def absolute(path: Path) -> Path:
    """``path`` from the root, ``..`` and ``.`` taken away (``lint ../docs`` run in ``sub``
    is ``/…/docs``, not ``/…/sub/../docs``, whose parents would pass through ``sub``)."""
    return Path(os.path.abspath(path))


def relative_parts(path: Path, root: Path) -> tuple[str, ...] | None:
    """``path``'s components below ``root`` (the configuration's folder); None when it is
    not below it."""
    try:
        return absolute(path).relative_to(absolute(root)).parts
    except ValueError:
        return None


def is_excluded(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    """``path`` relative to ``root`` (the configuration's folder) matches an exclude."""
    parts = relative_parts(path, root)
    return _matches(patterns, (path.name,) if parts is None else parts)


def is_excluded_in(folder_parts: tuple[str, ...] | None, name: str,
                   patterns: Iterable[str]) -> bool:  # fmt: skip
    """``is_excluded`` for the entry ``name`` of a folder whose ``relative_parts`` are
    ``folder_parts``: the walk works those out once per folder, not once per file."""
    return _matches(patterns, (name,) if folder_parts is None else (*folder_parts, name))


def walk(directory: Path, keep: Callable[[Path, str, bool], bool]) -> Iterator[Target]:
    """Lintable files below ``directory`` in sorted order; unreadable folders as errors.

    ``keep(directory, name, is_dir)`` decides excludes, so an excluded folder is never
    entered.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield Target(str(directory), directory, f"无法读取目录 ({_os_reason(error)})")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError:
            continue
        if not keep(directory, entry.name, is_dir):
            continue
        path = Path(entry.path)
        if is_dir:
            yield from walk(path, keep)
        elif is_file and path.suffix.lower() in SUFFIXES:
            yield Target(str(path), path)


def classify(path_text: str) -> str:
    """ "dir", "other" (a file or something read_regular will name), or an error message."""
    try:
        info = os.stat(path_text)
    except OSError as error:
        return _os_reason(error)
    return "dir" if stat.S_ISDIR(info.st_mode) else "other"


def _git(*args: str) -> bytes:
    import subprocess  # only for --changed-since

    try:
        return subprocess.run(["git", *args], capture_output=True, check=True).stdout
    except FileNotFoundError:
        raise FileError("--changed-since 需要 git (git is not installed)") from None
    except subprocess.CalledProcessError as error:
        reason = one_line(error.stderr.decode("utf-8", "replace").strip())
        raise FileError(f"git {args[0]} 失败 (git: {reason})") from None


def changed_since(revision: str) -> set[Path]:
    """Absolute paths of drafts changed since ``revision``: committed, staged, modified or
    new (untracked, not ignored); deleted files are left out."""
    top = Path(_git("rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())
    if revision.startswith("-"):
        raise FileError(f"--changed-since {revision}: 不是修订 (not a revision)")
    try:
        _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except FileError:
        raise FileError(f"--changed-since {revision}: 找不到这个修订 (unknown revision)") from None
    names = _git("diff", "--name-only", "--diff-filter=d", "-z", revision, "--")
    names += _git("ls-files", "--others", "--exclude-standard", "-z", "--full-name", str(top))
    decoded = names.decode("utf-8", "surrogateescape").split("\0")
    return {(top / name).resolve() for name in decoded if name}


def parse_shard(text: str) -> tuple[int, int]:
    """``I/N`` with 1 ≤ I ≤ N."""
    try:
        index_text, count_text = text.split("/")
        index, count = int(index_text), int(count_text)
    except ValueError:
        raise FileError(f"--shard {text}: 应为 I/N，如 1/3 (expected I/N, e.g. 1/3)") from None
    if not 1 <= index <= count:
        raise FileError(f"--shard {text}: 需要 1 ≤ I ≤ N (need 1 <= I <= N)")
    return index, count


def in_shard(name: str, index: int, count: int) -> bool:
    """A stable hash of the path: adding a file never moves the others to another shard."""
    key = Path(name).as_posix().encode("utf-8", "surrogateescape")
    return zlib.crc32(key) % count == index - 1
