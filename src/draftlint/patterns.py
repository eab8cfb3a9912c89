"""Regular expressions compiled once per user, not once per process.

``compile_re(pattern, flags)`` returns what ``re.compile`` returns. Compiling is costly at
start-up: a character class over CJK ranges makes ``re``'s compiler loop in Python over every
code point (1–2 ms each, about 50 ms for draftlint's patterns). The compiled form (the code
list ``re._compiler`` hands to ``_sre.compile``) is kept in a ``usercache.Store`` named by
Python's build and the regex engine's magic number, and rebuilt with ``_sre.compile`` (which
validates the code). Within a process each pattern is built once. Any trouble (a damaged
entry, unexpected ``re`` internals) means a plain ``re.compile``.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr

from draftlint.usercache import Store, python_stamp

try:  # the regex engine's internals: present in CPython 3.11–3.13
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation: no saved patterns
    _sre = None

# (pattern, flags) → (flags, code, groups, groupindex, indexgroup), as _sre.compile takes them
_store = Store(
    f"patterns-{python_stamp()}-{_sre.MAGIC}-{_sre.CODESIZE}" if _sre else "patterns-none"
)
_compiled: dict[tuple[Any, int], re.Pattern[Any]] = {}  # this process's, by (pattern, flags)


def compile_re(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the saved compiled form when there is one."""
    if _sre is None or not isinstance(pattern, (str, bytes)):
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    known = _compiled.get(key)
    if known is not None:
        return known
    if flags & re.DEBUG:
        return re.compile(pattern, flags)
    entry = _store.get(key)
    if entry is not None:
        try:
            compiled = _compiled[key] = _sre.compile(pattern, *entry)
            return compiled
        except Exception:  # a damaged entry: compile afresh below
            _store.discard(key)
    try:
        entry = _compiled_form(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except Exception:  # a bad pattern (re.compile raises its error) or odd internals
        return re.compile(pattern, flags)
    _store.put(key, entry)
    _compiled[key] = compiled
    return compiled


def _compiled_form(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))  # fmt: skip


class ReModule:
    """What lark's lexer asks of the ``re`` module it is given, through ``compile_re``."""

    error = re.error

    @staticmethod
    def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
        return compile_re(pattern, flags)

    @staticmethod
    def match(pattern: AnyStr, text: AnyStr, flags: int = 0) -> re.Match[AnyStr] | None:
        return compile_re(pattern, flags).match(text)
