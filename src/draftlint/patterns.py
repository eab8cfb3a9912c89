"""Regular expressions compiled once per user, not once per process.

``compile_re(pattern, flags)`` returns what ``re.compile`` returns. Compiling is costly at
start-up: a character class over CJK ranges makes ``re``'s compiler loop in Python over every
code point (1–2 ms each, about 50 ms for draftlint's patterns). The compiled form (the code
list ``re._compiler`` hands to ``_sre.compile``) is saved in one file in the user's cache
folder, named by Python's version and the regex engine's magic number, read once per
process, and rebuilt with ``_sre.compile`` (which validates the code). A new pattern is
added to the file when the process exits; the file is written atomically. Any trouble
(missing, damaged or foreign file, unwritable folder, an unexpected ``re`` internals) means
a plain ``re.compile``.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any, AnyStr

try:  # the regex engine's internals: present in CPython 3.11–3.13
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation: no saved patterns
    _sre = None

_MAX_ENTRIES = 4096  # past this, only the patterns this process used are kept

# (pattern, flags) → (flags, code, groups, groupindex, indexgroup), as _sre.compile takes them
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_saved: dict[tuple[str | bytes, int], _Entry] | None = None
_used: dict[tuple[str | bytes, int], _Entry] = {}
_dirty = False


def _file() -> Path | None:
    from draftlint.usercache import cache_folder

    folder = cache_folder()
    if folder is None or _sre is None:
        return None
    stamp = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{marshal.version}".encode()
    return folder / f"patterns-{hashlib.sha256(stamp).hexdigest()[:16]}.marshal"


def _load() -> dict[tuple[str | bytes, int], _Entry]:
    global _saved
    _saved = {}
    try:
        path = _file()
        if path is not None:
            saved = marshal.loads(path.read_bytes())
            if type(saved) is dict:
                _saved = saved
    except Exception:  # missing, damaged or foreign: start empty
        pass
    atexit.register(_save)
    return _saved


def compile_re(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the saved compiled form when there is one."""
    global _dirty
    if _sre is None or not isinstance(pattern, (str, bytes)):
        return re.compile(pattern, flags)
    flags = int(flags)
    if flags & re.DEBUG:
        return re.compile(pattern, flags)
    saved = _saved if _saved is not None else _load()
    key = (pattern, flags)
    entry = saved.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
            _used[key] = entry
            return compiled
        except Exception:  # a damaged entry: compile afresh below
            pass
    try:
        entry = _compiled_form(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except Exception:  # a bad pattern (re.compile raises its error) or odd internals
        return re.compile(pattern, flags)
    saved[key] = _used[key] = entry
    _dirty = True
    return compiled


def _compiled_form(pattern: str | bytes, flags: int) -> _Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))  # fmt: skip


def _save() -> None:
    """Write the file when this process compiled a pattern it did not find there."""
    if not _dirty or _saved is None:
        return
    try:
        path = _file()
        if path is None:
            return
        entries = _saved if len(_saved) <= _MAX_ENTRIES else _used
        from draftlint.atomic import write_bytes

        write_bytes(path, marshal.dumps(entries), durable=False)
    except Exception:  # an unwritable folder: compile again next time
        pass
