"""The content cache: a file's findings, kept under ``.draftlint_cache/`` in the working folder.

An entry is keyed by a SHA-256 of everything its findings depend on: the file's bytes and
name, the effective configuration (rules, severities, per-rule settings, language, profile),
the user profiles that could apply (name, size and time of each .toml), whether unused
suppressions are reported, and the code itself (draftlint's version plus the size and time of
its modules, grammar and rule data, so an edited checkout never reads stale entries). A
changed input is a different key: entries are never updated, only added. Only findings are
stored, never an error. Entries are JSON (never pickle: the folder may sit in a shared
repository) and are written under a temporary name and renamed. Any problem reading or
writing the cache means linting the file afresh.

The file's bytes are hashed once: ``files.json`` keeps each file's digest with its status
(device, inode, size, modification and change times), and a file whose status is unchanged
is not read again (as git's index does). Only a file left alone for two seconds is recorded,
so a file written again within one tick of the clock (same times, same size) is never
mistaken for the one hashed.

Entries are kept in packs (``packstore``), one folder per version of the code (its code
stamp): a folder no run has saved into for a week, after an upgrade, is deleted, as are the
folders of the cache's earlier layout. A process writes its new entries when it finishes
(also after Ctrl-C or an early end), and every 30 seconds and 8 MiB on the way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from draftlint import __version__
from draftlint.atomic import temporaries_of, write_bytes
from draftlint.model import Finding, Fix, FixSafety, Paragraph, Severity
from draftlint.packstore import (
    PackStore,
    holds_only,
    holds_only_packs,
    holds_only_store_files,
    read_json_object,
)

if TYPE_CHECKING:
    from draftlint.effective import Effective
    from draftlint.rule import Rule

CACHE_DIR = ".draftlint_cache"
_INDEX = "files.json"  # the digests of files whose status has not changed
_SETTLED_NS = 2_000_000_000  # a file changed more recently than this is hashed every time
_MAX_INDEX = 200_000  # past this many files the index starts afresh
_SAVE_BYTES = 8 << 20  # a process holding this much of new entries writes them, as does
_SAVE_SECONDS = 30.0  # one that has held some this long (a kill -9 loses no more)
_LOCK_SECONDS = 5.0  # waited at most for another process's save
# The names below are read only when a folder is marked, pruned or cleaned: patterns left
# to re's cache, compiled on first use, not in every run that loads this module.
_GENERATION = r"[0-9a-f]{16}"  # a folder of one code stamp's entries
_LEGACY = r"[0-9a-f]{2}|packs|entries\.json"  # earlier layouts' names
_OLD_GENERATION_SECONDS = 7 * 86400  # another stamp's folder unsaved this long goes
_FORMAT = 3  # bump when the entry layout changes
_TAG = "CACHEDIR.TAG"  # marks the folder as a cache (backup tools skip it) and as ours
_TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n# draftlint's content cache: safe to delete.\n"
)
_GITIGNORE, _GITIGNORE_TEXT = ".gitignore", "# made by draftlint\n*\n"
_OUR_FILES = frozenset((_INDEX, f"{_INDEX}.lock", _TAG))
_OUR_TEMPORARY = temporaries_of(r"files\.json")  # a save stopped midway
_OLD_KEY_FILE = r"[0-9a-f]{64}\.json"  # format 1's entries: xx/<key>.json
_OLD_ENTRY = f"{_OLD_KEY_FILE}|{temporaries_of(_OLD_KEY_FILE)}"
_PACKAGE = Path(__file__).resolve().parent


def cache_root(cache_dir: str | None) -> Path:
    """The content cache's folder: ``--cache-dir``, else ``.draftlint_cache`` in the working
    folder."""
    return Path(cache_dir) if cache_dir else Path.cwd() / CACHE_DIR


@cache
def code_stamp() -> str:
    """draftlint's version and the size and time of every module and data file it runs."""
    from draftlint.resources import data_root

    digest = hashlib.sha256(f"{__version__}\0{_FORMAT}".encode())
    folders = [_PACKAGE]
    with contextlib.suppress(RuntimeError):
        folders += [data_root() / "grammar", data_root() / "rules"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".toml", ".lark"):
                info = path.stat()
                digest.update(os.fsencode(path))  # names may be undecodable in a C locale
                digest.update(f"\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@cache
def _profile_stamp(folder: Path, profiles_dir: str | None) -> str:
    """The user profile files that may apply to files in ``folder`` (the bundled ones are
    code), looked at once per folder and run."""
    from draftlint.profiles.loader import profile_dirs

    parts = []
    for found, source in profile_dirs(folder, profiles_dir):
        if source == "bundled":
            continue
        for toml in sorted(found.glob("*.toml")):
            info = toml.stat()
            parts.append(f"{toml}\0{info.st_size}\0{info.st_mtime_ns}")
    return "\n".join(parts)


def _real_folder(path: Path) -> Path:
    """``path.resolve().parent``, with the folder resolved once for all its files."""
    if os.path.islink(path):
        return path.resolve().parent
    return _resolved_folder(path.parent.absolute())


@cache
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[bool]:
    """An exclusive lock on ``path`` (made if missing) while the block runs: True, or False
    when another process has held it for ``_LOCK_SECONDS`` (then nothing is saved: a stuck
    run elsewhere never holds this one up). No lock where the system has no ``fcntl``."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + _LOCK_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(0.01)
        yield True
    finally:
        os.close(fd)  # releases the lock


def _status(info: os.stat_result) -> list[int]:
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _rules_by_code() -> dict[str, type[Rule]]:
    from draftlint.registry import all_rules
    from draftlint.suppression import UnusedSuppression

    return {rule.code: rule for rule in (*all_rules(), UnusedSuppression)}


class Cached(NamedTuple):
    findings: list[Finding]
    kind: str | None
    rendered: list[str] | None  # the JSON report's lines for the findings, if stored


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._rules: dict[str, type[Rule]] | None = None
        # id(effective) → (effective, report_unused, its part of every key)
        self._configurations: dict[int, tuple[Effective, bool, bytes]] = {}
        # files.json: absolute path → [device, inode, size, mtime_ns, ctime_ns, digest]
        self._index: dict[str, Any] | None = None
        self._index_added: dict[str, list[Any]] = {}
        self._store: PackStore | None = None  # made when first used
        self._saved_at = time.monotonic()

    def key(self, name: str, path: Path, content: str, effective: Effective,
            report_unused: bool) -> str | None:  # fmt: skip
        """The entry's key, or None when the inputs cannot be pinned down (no caching).
        ``content`` is the file's ``digest``."""
        try:
            settings = self._settings(effective, report_unused)
            profiles = _profile_stamp(_real_folder(path), effective.options.profiles_dir)
        except Exception:  # an odd setting or a broken profile folder: linted, not cached
            return None
        digest = hashlib.sha256(settings)
        digest.update(profiles.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(bytes.fromhex(content))
        return digest.hexdigest()

    @staticmethod
    def digest(data: bytes) -> str:
        """What a file's bytes count for in a key."""
        return hashlib.sha256(data).hexdigest()

    def known_digest(self, path: Path, info: os.stat_result) -> str | None:
        """The file's ``digest`` as recorded when its status (device, inode, size, times)
        was the same as ``info``, or None: then the file must be read and hashed."""
        index = self._index if self._index is not None else self._load_index()
        entry = index.get(os.path.abspath(path))
        if type(entry) is list and len(entry) == 6 and entry[:5] == _status(info):
            return str(entry[5])
        return None

    def record_digest(self, path: Path, info: os.stat_result, content: str) -> None:
        """Remember ``content`` for the file's status. Only a file left alone for a while:
        one written again within the clock's tick would keep its times and size."""
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) >= _SETTLED_NS:
            self._index_added[os.path.abspath(path)] = [*_status(info), content]

    def _load_index(self) -> dict[str, Any]:
        self._index = read_json_object(self.root / _INDEX)  # missing or damaged: all hashed
        return self._index

    def _entries(self) -> PackStore:
        if self._store is None:
            self._store = PackStore(self.root / code_stamp()[:16])
        return self._store

    def forget_unsaved(self) -> None:
        """Drop the entries and digests not yet saved (a forked process: its parent saves them)."""
        self._index_added = {}
        self._saved_at = time.monotonic()
        if self._store is not None:
            self._store.forget_pending()

    def save(self) -> None:
        """Write this process's new entries as one pack and add their places, and the
        digests it recorded, to the index files, read afresh under a lock: the workers of a
        run, and other runs in the same folder, save theirs at the same time."""
        self._saved_at = time.monotonic()
        added, store = self._index_added, self._store
        if not added and (store is None or not store.pending):
            return
        try:
            if not (self.root / _TAG).exists():
                self._prepare_root()
            with _locked(self.root / f"{_INDEX}.lock") as locked:
                if not locked:  # another run stuck: these entries are given up
                    raise TimeoutError(self.root)
                places = store.write_pending() if store is not None else {}
                if added:
                    self._merge_index(added)
                if places and store is not None:
                    store.merge(places)
            # Dropped only now: a save stopped midway (the run's end, Ctrl-C) is made again
            # by the worker's last one; its pack, never named, goes at a later merge.
            self._index_added = {}
            if store is not None:
                store.forget_pending()
            if places and store is not None:
                _remove_old_generations(self.root, store.folder.name)
        except Exception:  # a read-only folder, a full disk …: linted again next time
            self._index_added, self._saved_at = {}, time.monotonic()
            if store is not None:
                store.forget_pending()

    def _merge_index(self, added: dict[str, list[Any]]) -> None:
        index = self._load_index()
        if len(index) > _MAX_INDEX:
            index.clear()
        index.update(added)
        text = json.dumps(index, separators=(",", ":"))  # ASCII: any file name fits
        write_bytes(self.root / _INDEX, text.encode("ascii"), durable=False)

    def _settings(self, effective: Effective, report_unused: bool) -> bytes:
        """The code stamp and the configuration, as hashed: made once per Effective (files
        of one folder share one)."""
        known = self._configurations.get(id(effective))
        if known is not None and known[0] is effective and known[1] == report_unused:
            return known[2]
        options = effective.options
        configuration = json.dumps(
            [[rule.code for rule in effective.rules], options.lang, options.profile,
             options.profiles_dir, options.settings,
             {code: level.value for code, level in effective.severity.items()},
             effective.allow, report_unused],
            sort_keys=True, ensure_ascii=False,
        )  # fmt: skip
        settings = b"".join(
            part.encode("utf-8", "surrogatepass") + b"\0" for part in (code_stamp(), configuration)
        )
        self._configurations[id(effective)] = (effective, report_unused, settings)
        return settings

    def get(self, key: str) -> Cached | None:
        data = self._entries().get(key)
        if data is None:
            return None
        try:
            entry = json.loads(data)
            rendered = entry.get("json")
            if rendered is not None and len(rendered) != len(entry["findings"]):
                return None
            return Cached(self._decode(entry), entry["kind"], rendered)
        except Exception:  # missing, damaged or foreign: a miss
            return None

    def put(self, key: str, findings: list[Finding], kind: str | None,
            rendered: list[str] | None) -> None:  # fmt: skip
        """Store ``findings`` (and their JSON report lines when already made: the key holds
        the language they are written in)."""
        entry = _encode(findings, kind, rendered)
        if entry is None:
            return
        try:
            data = entry.encode("utf-8")
        except UnicodeEncodeError:  # text JSON cannot hold (a lone surrogate)
            return
        store = self._entries()
        store.add(key, data)
        if store.pending_bytes > _SAVE_BYTES or time.monotonic() - self._saved_at > _SAVE_SECONDS:
            self.save()  # a long run keeps its work even if it is stopped

    def _prepare_root(self) -> None:
        """Make the folder, and mark it as draftlint's (CACHEDIR.TAG, a .gitignore) when it
        is new or holds nothing but draftlint's files (an empty ``--cache-dir``, say): only
        a marked folder is ever pruned or cleaned."""
        self.root.mkdir(parents=True, exist_ok=True)
        if all(_is_ours_in(self.root, name, legacy=False) for name in os.listdir(self.root)):
            (self.root / _GITIGNORE).write_text(_GITIGNORE_TEXT, encoding="utf-8")
            (self.root / _TAG).write_text(_TAG_TEXT, encoding="utf-8")

    def _decode(self, entry: dict[str, Any]) -> list[Finding]:
        if self._rules is None:
            self._rules = _rules_by_code()
        paragraphs = [
            Paragraph(index, text, line, location, story, heading_level, columns, prefix_len)
            for index, text, line, location, story, heading_level, columns, prefix_len
            in entry["paragraphs"]
        ]  # fmt: skip
        findings = []
        for code, paragraph, start, end, args, fix, severity, extra in entry["findings"]:
            findings.append(Finding(
                self._rules[code], paragraphs[paragraph], start, end, args,
                Fix(fix[0], FixSafety(fix[1])) if fix is not None else None,
                Severity(severity) if severity is not None else None, extra,
            ))  # fmt: skip
        return findings


def _encode(findings: list[Finding], kind: str | None, rendered: list[str] | None) -> str | None:
    """The entry's text, or None when a finding holds something JSON cannot give back
    exactly (a tuple in its arguments, say): such a file is simply not cached."""
    numbers: dict[int, int] = {}
    paragraphs: list[list[Any]] = []
    rows: list[list[Any]] = []
    for finding in findings:
        paragraph = finding.paragraph
        number = numbers.get(id(paragraph))
        if number is None:
            number = numbers[id(paragraph)] = len(paragraphs)
            paragraphs.append([paragraph.index, paragraph.text, paragraph.line,
                               paragraph.location, paragraph.story, paragraph.heading_level,
                               paragraph.columns, paragraph.prefix_len])  # fmt: skip
        fix = finding.fix
        rows.append([finding.code, number, finding.start, finding.end, finding.args,
                     [fix.replacement, fix.safety.value] if fix is not None else None,
                     finding.severity.value if finding.severity is not None else None,
                     finding.extra])  # fmt: skip
    try:
        if not all(_plain(row[4]) and _plain(row[7]) for row in rows):
            return None
        entry = {"kind": kind, "paragraphs": paragraphs, "findings": rows, "json": rendered}
        return json.dumps(entry, ensure_ascii=False)
    except (TypeError, ValueError):
        return None


def _plain(value: Any) -> bool:
    """Whether JSON gives ``value`` back equal and of the same types."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if type(value) is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if type(value) is list:
        return all(_plain(item) for item in value)
    return False


class NotOurCache(Exception):
    """The folder exists but is not a content cache draftlint made: it is never deleted."""


def remove(root: Path) -> bool:
    """Delete the content cache at ``root``: draftlint's files in it, and the folder once
    empty; False when there is none. Only a folder holding draftlint's own CACHEDIR.TAG is
    touched (NotOurCache otherwise): ``--cache-dir`` may name any folder, and what someone
    else put in it stays."""
    import shutil

    if not root.exists() and not root.is_symlink():
        return False
    if not _is_ours(root):
        raise NotOurCache(str(root))
    with os.scandir(root) as listing:
        for item in listing:
            if _is_ours_in(root, item.name) and item.name != _TAG:
                if item.is_dir(follow_symlinks=False):
                    shutil.rmtree(item.path)
                else:
                    os.unlink(item.path)
    (root / _TAG).unlink()  # last: a folder half cleaned is still known as ours
    with contextlib.suppress(OSError):  # not empty: someone else's files stay, and it
        root.rmdir()
    return True


def _is_ours_in(root: Path, name: str, legacy: bool = True) -> bool:
    """Whether ``root / name`` is one of draftlint's files or folders in a content cache:
    a folder only if everything in it is draftlint's too. ``legacy``: the earlier layouts'
    names count (only in a folder already marked as the cache)."""
    path = root / name
    if name == _GITIGNORE:  # a folder's own .gitignore is not ours to overwrite or delete
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return path.read_text(encoding="utf-8") == _GITIGNORE_TEXT
        return False
    if name in _OUR_FILES or re.fullmatch(_OUR_TEMPORARY, name):
        return not path.is_symlink()
    if re.fullmatch(_GENERATION, name):
        return holds_only_store_files(path)
    if not legacy or not re.fullmatch(_LEGACY, name):
        return False
    if name == "entries.json":
        return path.is_file() and not path.is_symlink()
    if name == "packs":
        return holds_only_packs(path)
    return holds_only(path, _OLD_ENTRY)  # an old layout's xx/<key>.json


def _is_ours(root: Path) -> bool:
    """Whether ``root`` is a folder (not a link) holding draftlint's own CACHEDIR.TAG."""
    try:
        return not root.is_symlink() and (root / _TAG).read_text(encoding="utf-8") == _TAG_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def _remove_old_generations(root: Path, current: str) -> None:
    """Delete, in a cache folder draftlint made, the entries of other code stamps that no
    run has saved into for a week (an upgrade's leftovers; a week keeps two installed
    versions that take turns from undoing each other), and the earlier layouts' files."""
    import shutil

    if not _is_ours(root):  # --cache-dir may name a folder that holds other things
        return
    old = time.time() - _OLD_GENERATION_SECONDS
    with contextlib.suppress(OSError), os.scandir(root) as listing:
        for item in listing:
            name = item.name
            with contextlib.suppress(OSError):
                if name != current and re.fullmatch(_GENERATION, name):
                    # a week unsaved first: a recent folder is never scanned
                    gone = item.stat(follow_symlinks=False).st_mtime < old
                else:
                    gone = re.fullmatch(_LEGACY, name) is not None
                if not gone or not _is_ours_in(root, name):
                    continue
                if item.is_dir(follow_symlinks=False):
                    shutil.rmtree(item.path)
                else:
                    os.unlink(item.path)
