"""The user's cache folder, for what draftlint builds once and reuses across runs (compiled
regular expressions, parsed rule data): ``$DRAFTLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/draftlint``, else ``~/.cache/draftlint``.

A ``Store`` is one marshal file there: read once per process, and written (atomically) when
the process exits, only if it added an entry. Any trouble with the file or the folder means
an empty store and nothing written: the callers then compute afresh. Standard library only:
it is used at start-up.

A store holds code that runs (``records``: dataclass methods), so it is read only when this
user owns the file and neither its group nor others can write it (draftlint writes its
files for the user alone); whoever can write the folder could otherwise
run code in draftlint, as with Python's own ``__pycache__``.

Store names carry what their content depends on (Python's build, the parser's code), so an
upgrade starts new files. A file in use is touched once a day; when a process writes a
store, files of draftlint's making that nobody has used for ``STALE_DAYS`` are deleted.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Any

_MAX_ENTRIES = 4096  # past this, only the entries this process used are kept
_opened: list[Store] = []  # the stores this process read, to save them all at once
PRIVATE = 0o600  # a cache file's permissions, whatever the umask: read only if not shared
STALE_DAYS = 30  # a cache file unused this long is deleted (by a process that writes one)
_DAY = 86_400.0
_pruned = False  # this process has looked for stale files
# The names draftlint gives its files (python_stamp, then what each store depends on), the
# numbering-*.lark grammar cache of earlier versions, and the temporary files of a writer
# that was killed: nothing else in the folder is ever deleted.
_STAMP = r"[a-z0-9_]+(?:-[0-9]+)?-[0-9a-f]+-m[0-9]+"
_STORE = (rf"(?:toml|records)-{_STAMP}|patterns-(?:none|{_STAMP}-[0-9]+-[0-9]+)"
          rf"|(?:markers|shapes)-{_STAMP}-[0-9a-f]{{8}}"
          rf"|styles-{_STAMP}-[0-9a-f]{{8}}-[0-9a-f]{{32}}")  # fmt: skip
_STORE_FILE = rf"(?:{_STORE})\.marshal"
_OURS = rf"{_STORE_FILE}|numbering-[0-9a-f]{{16}}\.lark"  # compiled when pruning


def cache_folder(create: bool = True) -> Path | None:
    """The folder (made if missing when ``create``), or None when there is none to use."""
    explicit = os.environ.get("DRAFTLINT_CACHE_DIR")
    if explicit:
        folder = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        try:
            folder = (Path(base) if base else Path.home() / ".cache") / "draftlint"
        except RuntimeError:  # no home directory
            return None
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
    return folder


def python_stamp() -> str:
    """What a marshal file depends on: the interpreter's build and marshal's format."""
    tag = sys.implementation.cache_tag or sys.implementation.name
    return f"{tag}-{sys.hexversion:x}-m{marshal.version}"


class Store:
    """Entries (marshal-able keys and values) kept in ``<folder>/<name>.marshal``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[Any, Any] | None = None
        self._used: dict[Any, Any] = {}
        self._added = False

    def _file(self) -> Path | None:
        folder = cache_folder()
        return folder / f"{self.name}.marshal" if folder is not None else None

    def _load(self) -> dict[Any, Any]:
        self._entries = {}
        try:
            path = self._file()
            if path is not None:
                entries = marshal.loads(read_trusted(path))
                if type(entries) is dict:
                    self._entries = entries
        except Exception:  # missing, damaged or foreign: start empty
            pass
        atexit.register(self.save)
        _opened.append(self)
        return self._entries

    def get(self, key: Any) -> Any:
        entries = self._entries if self._entries is not None else self._load()
        value = entries.get(key)
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: Any, value: Any) -> None:
        entries = self._entries if self._entries is not None else self._load()
        entries[key] = self._used[key] = value
        self._added = True

    def discard(self, key: Any) -> None:
        """Forget an entry found wrong (it is not written back)."""
        if self._entries is not None:
            self._entries.pop(key, None)
        self._used.pop(key, None)

    def save(self) -> None:
        if not self._added or self._entries is None:
            return
        try:
            path = self._file()
            if path is None:
                return
            entries = self._entries if len(self._entries) <= _MAX_ENTRIES else self._used
            entries = {**_saved_since(path, len(entries)), **entries}
            data = marshal.dumps(entries)
            from draftlint.atomic import write_bytes

            write_bytes(path, data, durable=False, mode=PRIVATE)
            self._added = False
            global _pruned
            if not _pruned:  # once a process: a write is rare (something new was added)
                _pruned = True
                prune_stale(path.parent)
        except Exception:  # an unwritable folder, or a value marshal cannot hold
            pass


def code_checksum(*sources: Path) -> str | None:
    """A checksum of the code files a cache's entries depend on, for the cache's name (an
    edited file starts a new one); None when one cannot be read (nothing is cached then)."""
    checksum = 0
    try:
        for source in sources:
            checksum = zlib.crc32(source.read_bytes(), checksum)
    except OSError:
        return None
    return f"{checksum:08x}"


def read_trusted(path: Path) -> bytes:
    """A cache file's bytes, read only if this user owns it and nobody else may write it (a
    store may hold code that runs, ``records``, as ``__pycache__`` does; PermissionError
    otherwise). A file read is touched once a day, so pruning knows it is in use."""
    with path.open("rb") as stream:
        info = os.fstat(stream.fileno())
        if not _trusted(info):
            raise PermissionError(path)  # someone else's
        data = stream.read()
    if time.time() - info.st_mtime > _DAY:
        with contextlib.suppress(OSError):  # read-only: it is still read
            os.utime(path)
    return data


def _trusted(info: os.stat_result) -> bool:
    if info.st_mode & 0o022:  # others or the group may write it
        return False
    getuid = getattr(os, "getuid", None)  # not on Windows: ownership is not checked there
    return getuid is None or info.st_uid == getuid()


def prune_stale(folder: Path, days: float = STALE_DAYS) -> list[str]:
    """Delete draftlint's cache files in ``folder`` (stores, and the ``numbering-*.lark`` of
    earlier versions) not used for ``days``. The names deleted."""
    import re  # here: a run that prunes nothing never compiles these

    from draftlint.atomic import temporaries_of

    ours, temporary = re.compile(_OURS), re.compile(temporaries_of(_STORE_FILE))
    now = time.time()
    deleted = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if ours.fullmatch(name):
            cutoff = now - days * _DAY
        elif temporary.fullmatch(name):
            cutoff = now - _DAY  # a writer finishes in well under a day
        else:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                deleted.append(name)
        except OSError:  # gone already, or not ours to delete
            continue
    return deleted


def _saved_since(path: Path, adding: int) -> dict[Any, Any]:
    """What another process (a -j worker, the parent) saved to ``path`` since this one read
    it, kept when this one saves (room allowing): the last to save does not drop it."""
    try:
        saved = marshal.loads(read_trusted(path))
    except Exception:  # missing, damaged or someone else's: nothing to keep
        return {}
    return saved if type(saved) is dict and len(saved) + adding <= _MAX_ENTRIES else {}


def forget_added() -> None:
    """In a forked process: what the stores hold as added is its parent's to save (run in
    every child this process forks, ``os.register_at_fork`` below)."""
    for store in _opened:
        store._added = False


if hasattr(os, "register_at_fork"):  # POSIX; elsewhere nothing is forked
    os.register_at_fork(after_in_child=forget_added)


def save_stores() -> None:
    """Save every store this process added to now: a forked worker ends without running
    the exit handlers, so it calls this when its work is done."""
    for store in _opened:
        store.save()
