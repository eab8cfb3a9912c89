"""The user's cache folder, for what draftlint builds once and reuses across runs (compiled
regular expressions, parsed rule data): ``$DRAFTLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/draftlint``, else ``~/.cache/draftlint``.

A ``Store`` is one marshal file there: read once per process, and written (atomically) when
the process exits, only if it added an entry. Any trouble with the file or the folder means
an empty store and nothing written: the callers then compute afresh. Standard library only:
it is used at start-up.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
from pathlib import Path
from typing import Any

_MAX_ENTRIES = 4096  # past this, only the entries this process used are kept
_opened: list[Store] = []  # the stores this process read, to save them all at once


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
                entries = marshal.loads(path.read_bytes())
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

            write_bytes(path, data, durable=False)
            self._added = False
        except Exception:  # an unwritable folder, or a value marshal cannot hold
            pass


def _saved_since(path: Path, adding: int) -> dict[Any, Any]:
    """What another process (a -j worker, the parent) saved to ``path`` since this one read
    it, kept when this one saves (room allowing): the last to save does not drop it."""
    try:
        saved = marshal.loads(path.read_bytes())
    except Exception:  # missing or damaged: nothing to keep
        return {}
    return saved if type(saved) is dict and len(saved) + adding <= _MAX_ENTRIES else {}


def save_stores() -> None:
    """Save every store this process added to now: a forked worker ends without running
    the exit handlers, so it calls this when its work is done."""
    for store in _opened:
        store.save()
