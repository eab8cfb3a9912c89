"""The content cache's entries on disk: packs of lines, found through an index in 16 shards.

Creating a file costs far more than writing its bytes (a third of a millisecond on the
project's machine, a fifth of a small draft's whole lint), so an entry is not a file. A
process keeps the entries it makes and writes them as one pack (``packs/*.jsonl``: each line
the key, a space and the entry; written whole and renamed). Their places (pack, offset,
length) go into the index, split by the key's first hex digit (``entries-<digit>.json``) so
that a run looking up a few keys reads a sixteenth of it; the shards a save touches are read
afresh and rewritten under the caller's lock. A place whose bytes do not begin with its key
is a miss, so a damaged or planted index never gives another entry.

Bounds: with more than ``MAX_PACKS`` packs they are merged into one (each pack read once);
past ``MAX_BYTES`` of packs the store starts afresh. A pack no shard names was left by a run
stopped between writing it and naming it (packs are written under the caller's lock, so no
other run's pack is ever unnamed for long): once an hour old it goes at the next merge, as
do temporary files that old.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from draftlint.atomic import temporaries_of, write_bytes

MAX_PACKS = 64
MAX_BYTES = 256 << 20
_SMALL_PACK = 4 << 20  # a merge copies only packs smaller than this: big ones stay as they are
_STALE_SECONDS = 3600  # an unnamed pack or a temporary file this old was left by a stopped run
_DIGITS = "0123456789abcdef"
_PACKS = "packs"
_PACK = r"[0-9a-f]+-[0-9a-f]+_[0-9a-f]+\.jsonl"
_SHARD = r"entries-[0-9a-f]\.json"
_PACK_NAME = re.compile(_PACK)  # only such names are read or removed
# Names only a merge or a clean-up reads: compiled there, on first use (re's own cache), not
# in every run that loads this module.
_TEMPORARY = temporaries_of(f"{_SHARD}|{_PACK}")  # a write stopped midway
_PACK_FILE = f"{_PACK}|{temporaries_of(_PACK)}"  # what packs/ may hold
_SHARD_FILE = f"{_SHARD}|{temporaries_of(_SHARD)}"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)

Place = tuple[str, int, int]  # pack, offset, length


class PackStore:
    """Entries (bytes) by key (a hex digest) in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending: dict[str, bytes] = {}  # key → entry, not yet in a pack
        self.pending_bytes = 0
        self._shards: dict[str, dict[str, Any]] = {}  # digit → its shard, read once

    def get(self, key: str) -> bytes | None:
        entry = self.pending.get(key)
        if entry is not None:
            return entry
        digit = key[:1]
        shard = self._shards.get(digit)
        if shard is None:
            shard = self._shards[digit] = read_json_object(self._shard_path(digit))
        place = _place(shard.get(key))
        if place is None:
            return None
        name, offset, length = place
        data = self._read_pack(name, offset, length)
        return _entry_of(data, key) if data is not None else None

    def add(self, key: str, entry: bytes) -> None:
        self.pending[key] = entry
        self.pending_bytes += len(entry)

    def forget_pending(self) -> None:
        self.pending, self.pending_bytes = {}, 0

    def write_pending(self) -> dict[str, Place]:
        """The pending entries written as one pack; their places, for ``merge``. They stay
        pending until the caller, once they are merged, calls ``forget_pending``."""
        if not self.pending:
            return {}
        return self._write_pack({key: _line(key, entry) for key, entry in self.pending.items()})

    def merge(self, places: dict[str, Place]) -> None:
        """Add ``places`` to the index. The caller holds the lock."""
        packs = self._packs()
        if sum(size for size, _ in packs.values()) > MAX_BYTES:
            self._start_afresh(places, packs)
        elif len(packs) > MAX_PACKS:
            self._merge_packs(places, packs)
        else:
            by_digit: dict[str, dict[str, Place]] = {}
            for key, place in places.items():
                by_digit.setdefault(key[:1], {})[key] = place
            for digit, added in by_digit.items():
                shard = read_json_object(self._shard_path(digit))
                shard.update(added)
                self._write_shard(digit, shard)
        self._shards.clear()  # read afresh when next asked

    def _merge_packs(self, places: dict[str, Place], packs: dict[str, tuple[int, float]]) -> None:
        """The entries of the small packs the shards name (and ``places``) copied into one
        new pack, each pack read once, and removed; unnamed stale packs and stale
        temporaries removed too. A big pack stays while most of it is still named: a
        long run saving every 30 s does not rewrite the whole cache each time."""
        shards = {digit: read_json_object(self._shard_path(digit)) for digit in _DIGITS}
        for key, place in places.items():
            shards.setdefault(key[:1], {})[key] = place
        live: dict[str, int] = {}  # pack → bytes the shards still name in it
        for shard in shards.values():
            for value in shard.values():
                if (place := _place(value)) is not None:
                    live[place[0]] = live.get(place[0], 0) + place[2]
        # Copied: small packs, and big ones mostly dead (their files changed since).
        small = {name for name, (size, _) in packs.items()
                 if size < _SMALL_PACK or 2 * live.get(name, 0) < size}  # fmt: skip
        by_pack: dict[str, list[tuple[str, int, int]]] = {}
        named: set[str] = set()
        for shard in shards.values():
            for key, value in list(shard.items()):
                place = _place(value)
                if place is None or place[0] not in packs:  # damaged, or its pack is gone
                    del shard[key]
                elif place[0] in small:
                    by_pack.setdefault(place[0], []).append((key, place[1], place[2]))
                    del shard[key]  # placed again below, in the merged pack
                else:
                    named.add(place[0])
        lines: dict[str, bytes] = {}
        for name, wanted in by_pack.items():
            data = self._read_pack(name)
            for key, offset, length in wanted if data is not None else ():
                line = data[offset : offset + length]
                if len(line) == length and _entry_of(line, key) is not None:
                    lines[key] = line
        for key, place in (self._write_pack(lines) if lines else {}).items():
            shards[key[:1]][key] = place
            named.add(place[0])
        for digit in _DIGITS:
            self._write_shard(digit, shards.get(digit, {}))
        stale = time.time() - _STALE_SECONDS
        for name, (_, mtime) in packs.items():
            if name not in named and (name in by_pack or mtime < stale):
                with contextlib.suppress(OSError):
                    (self.folder / _PACKS / name).unlink()
        self._remove_stale_temporaries(stale)

    def _start_afresh(self, places: dict[str, Place], packs: dict[str, tuple[int, float]]) -> None:
        """Only ``places`` stay: every other pack and shard goes."""
        keep = {place[0] for place in places.values()}
        for digit in _DIGITS:
            self._write_shard(digit, {k: p for k, p in places.items() if k[:1] == digit})
        for name in packs:
            if name not in keep:
                with contextlib.suppress(OSError):
                    (self.folder / _PACKS / name).unlink()

    def _write_pack(self, lines: dict[str, bytes]) -> dict[str, Place]:
        folder = self.folder / _PACKS
        folder.mkdir(parents=True, exist_ok=True)
        if folder.is_symlink() or self.folder.is_symlink():
            raise OSError(f"{folder}: a symbolic link, not written through")
        name = f"{os.getpid():x}-{time.time_ns():x}_{os.urandom(4).hex()}.jsonl"
        places, offset = {}, 0
        for key, line in lines.items():
            places[key] = (name, offset, len(line))
            offset += len(line)
        write_bytes(folder / name, b"".join(lines.values()), durable=False)
        return places

    def _write_shard(self, digit: str, shard: dict[str, Any]) -> None:
        path = self._shard_path(digit)
        if not shard:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return
        text = json.dumps(shard, separators=(",", ":"))  # ASCII: keys and names are
        write_bytes(path, text.encode("ascii"), durable=False)

    def _shard_path(self, digit: str) -> Path:
        return self.folder / f"entries-{digit}.json"

    def _read_pack(self, name: str, offset: int = 0, length: int | None = None) -> bytes | None:
        """``length`` bytes at ``offset`` in the pack (all of it by default); None unless the
        pack is a regular file (not a link, not a pipe) that holds them all."""
        folder = self.folder / _PACKS
        if folder.is_symlink():
            return None
        try:
            fd = os.open(folder / name, _OPEN_FLAGS)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            size = info.st_size
            if length is None:
                length = size - offset
            if not stat.S_ISREG(info.st_mode) or offset + length > size:
                return None
            os.lseek(fd, offset, os.SEEK_SET)
            chunks, left = [], length
            while left > 0 and (chunk := os.read(fd, left)):
                chunks.append(chunk)
                left -= len(chunk)
        except OSError:
            return None
        finally:
            os.close(fd)
        data = b"".join(chunks)
        return data if len(data) == length else None

    def _packs(self) -> dict[str, tuple[int, float]]:
        """Each pack's name → (size, modification time)."""
        found = {}
        with contextlib.suppress(OSError), os.scandir(self.folder / _PACKS) as listing:
            for item in listing:
                if _PACK_NAME.fullmatch(item.name):
                    with contextlib.suppress(OSError):
                        info = item.stat(follow_symlinks=False)
                        found[item.name] = (info.st_size, info.st_mtime)
        return found

    def _remove_stale_temporaries(self, stale: float) -> None:
        for folder in (self.folder, self.folder / _PACKS):
            with contextlib.suppress(OSError), os.scandir(folder) as listing:
                for item in listing:
                    if re.fullmatch(_TEMPORARY, item.name):
                        with contextlib.suppress(OSError):
                            if item.stat(follow_symlinks=False).st_mtime < stale:
                                os.unlink(item.path)


def _line(key: str, entry: bytes) -> bytes:
    return key.encode("ascii") + b" " + entry + b"\n"


def _entry_of(line: bytes, key: str) -> bytes | None:
    """The entry in a pack's ``line`` if the line is ``key``'s, else None."""
    prefix = key.encode("ascii") + b" "
    if not line.startswith(prefix) or not line.endswith(b"\n"):
        return None
    return line[len(prefix) : -1]


def read_json_object(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``; empty if it is missing or damaged."""
    try:
        loaded = json.loads(path.read_bytes())
    except Exception:
        return {}
    return loaded if type(loaded) is dict else {}


def _place(value: Any) -> Place | None:
    """(pack, offset, length) from a shard's value, or None unless it is one: the index may
    be damaged or planted, and names no file outside the packs folder."""
    if type(value) not in (list, tuple) or len(value) != 3:
        return None
    name, offset, length = value
    if type(name) is not str or not _PACK_NAME.fullmatch(name):
        return None
    if type(offset) is not int or type(length) is not int or offset < 0 or length <= 0:
        return None
    return name, offset, length


def holds_only_store_files(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but a store's files: only such a folder is ever
    deleted."""
    packs = folder / _PACKS
    if folder.is_symlink() or not folder.is_dir():
        return False
    if packs.exists() and not holds_only_packs(packs):
        return False
    with contextlib.suppress(OSError), os.scandir(folder) as listing:
        return all(
            (item.name == _PACKS and item.is_dir(follow_symlinks=False))
            or (re.fullmatch(_SHARD_FILE, item.name) and item.is_file(follow_symlinks=False))
            for item in listing
        )
    return False


def holds_only_packs(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but packs (and their temporaries)."""
    return holds_only(folder, _PACK_FILE)


def holds_only(folder: Path, names: str) -> bool:
    """Whether ``folder`` is a folder (not a link) of regular files whose names the regular
    expression ``names`` matches whole."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    try:
        with os.scandir(folder) as listing:
            return all(
                re.fullmatch(names, item.name) and item.is_file(follow_symlinks=False)
                for item in listing
            )
    except OSError:
        return False
