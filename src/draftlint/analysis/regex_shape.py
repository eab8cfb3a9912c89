"""What a regular expression's parse says about its matches: the characters they may open
with, whether they can read a newline, whether they are anchored at the string's start.

The one module that reads ``re``'s parser (``re._parser`` and ``re._constants``, CPython's
internals in 3.11–3.13): rules are data, so these facts are read from each pattern a user's
TOML gives, never assumed. Anything a reader here does not know counts against the
shortcut it would allow.

Parsing a pattern costs about 0.07 ms in Python, some 2–3 ms of every run for the patterns
a run asks about. What the callers ask is a few characters and flags per pattern
(``Shape``), kept per user in a ``usercache.Store`` named by a checksum of this module.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from draftlint.usercache import Store, code_checksum, python_stamp

Item = tuple[Any, Any]  # one parsed item: (opcode, argument)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_NEWLINE = ord("\n")
_NEWLINE_CATEGORIES = frozenset(
    (_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD, _c.CATEGORY_LINEBREAK,
     _c.CATEGORY_UNI_NOT_DIGIT, _c.CATEGORY_UNI_SPACE, _c.CATEGORY_UNI_NOT_WORD,
     _c.CATEGORY_UNI_LINEBREAK)
)  # fmt: skip


class Shape(NamedTuple):
    """What a pattern's parse says, as the callers ask it."""

    first_chars: tuple[str, ...]  # what a match of the first item may open with; () unknown
    lead_chars: tuple[str, ...]  # the same for the first item that is not a lookaround
    lead_is_first: bool  # no lookaround before that item
    all_zero_width: bool  # nothing but lookarounds (or nothing at all)
    may_be_empty: bool  # a match may be empty
    newline_sensitive: bool  # see ``newline_sensitive``
    anchored_at_start: bool  # see ``anchored_at_start``


def shape(pattern: str, flags: int = 0) -> Shape:
    """The ``Shape`` of a pattern; ``re.error`` when it does not parse."""
    key = (pattern, int(flags))  # an int: marshal cannot hold a RegexFlag
    known = _shapes.get(key)
    if known is not None:
        return known
    store = _store()
    saved = store.get(key) if store is not None else None
    found = _restored(saved) if saved is not None else None
    if found is None:
        found = _shape(*key)
        if store is not None:
            store.put(key, tuple(found))
    _shapes[key] = found
    return found


_shapes: dict[tuple[str, int], Shape] = {}  # this process's, by (pattern, flags)


@cache
def _store() -> Store | None:
    checksum = code_checksum(Path(__file__))
    return None if checksum is None else Store(f"shapes-{python_stamp()}-{checksum}")


def _restored(saved: Any) -> Shape | None:
    """A saved entry as a ``Shape``; None when it is not one (it is computed afresh)."""
    if type(saved) is not tuple or len(saved) != len(Shape._fields):
        return None
    chars, bools = saved[:2], saved[2:]
    if not all(type(c) is tuple and all(type(x) is str for x in c) for c in chars):
        return None
    if not all(type(b) is bool for b in bools):
        return None
    return Shape(*saved)


def _shape(pattern: str, flags: int) -> Shape:
    parsed = _parser.parse(pattern, flags)
    items = list(parsed)
    index = 0
    while index < len(items) and _zero_width(items[index]):
        index += 1
    return Shape(
        first_chars=tuple(_opening_chars(items[0])) if items else (),
        lead_chars=tuple(_opening_chars(items[index])) if index < len(items) else (),
        lead_is_first=index == 0,
        all_zero_width=index == len(items),
        may_be_empty=parsed.getwidth()[0] == 0,
        newline_sensitive=bool(flags & (re.DOTALL | re.MULTILINE)) or _reads_newline(parsed),
        anchored_at_start=_anchored(parsed),
    )


def _zero_width(item: Item) -> bool:
    """A lookaround (or alternatives of nothing else): it reads without consuming."""
    op, argument = item
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return True
    return op is _c.BRANCH and all(
        all(_zero_width(part) for part in branch) for branch in argument[1]
    )


def _opening_chars(item: Item) -> list[str]:
    """The characters a match of ``item`` may open with; [] when not known."""
    op, argument = item
    if op is _c.LITERAL:
        return [chr(argument)]
    if op is _c.IN and all(kind is _c.LITERAL for kind, _ in argument):
        return list(dict.fromkeys(chr(code) for _, code in argument))
    if op in _REPEATS:
        low, _, body = argument
        return _opening_chars(body[0]) if low >= 1 and body else []  # \.{3,}
    if op is _c.BRANCH and all(argument[1]):
        chars = [_opening_chars(branch[0]) for branch in argument[1]]
        return list(dict.fromkeys(c for each in chars for c in each)) if all(chars) else []
    return []


def anchored_at_start(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts at the string's start (^… without MULTILINE)."""
    return shape(pattern).anchored_at_start


def _anchored(parsed: Any) -> bool:
    if parsed.state.flags & re.MULTILINE or not parsed.data:
        return False
    op, argument = parsed.data[0]  # a top-level a|b is one BRANCH item: not anchored
    return op is _c.AT and argument in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)


def newline_sensitive(pattern: re.Pattern[str]) -> bool:
    """Whether a match could read a newline (lookarounds included) or tell one from the
    string's end (anchors, ``\\b``, a group reference, DOTALL, MULTILINE). A range such as
    ``[\\t-~]`` holds the newline; an unknown construct counts as sensitive."""
    try:
        return shape(pattern.pattern, pattern.flags).newline_sensitive
    except re.error:
        return True


def _reads_newline(items: Any) -> bool:
    for op, argument in items:
        if op is _c.LITERAL:
            found = argument == _NEWLINE
        elif op is _c.NOT_LITERAL:
            found = argument != _NEWLINE
        elif op is _c.ANY:  # without DOTALL (checked first): never a newline
            found = False
        elif op is _c.IN:
            found = _class_holds_newline(argument)
        elif op is _c.CATEGORY:
            found = argument in _NEWLINE_CATEGORIES
        elif op in _REPEATS:
            found = _reads_newline(argument[2])
        elif op is _c.SUBPATTERN:  # (group, flags it turns on, flags it turns off, items)
            found = bool(argument[1] & (re.DOTALL | re.MULTILINE)) or _reads_newline(argument[-1])
        elif op is _c.BRANCH:
            found = any(_reads_newline(branch) for branch in argument[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _reads_newline(argument[1])
        else:  # anchors, \b, group references, conditionals, atomic groups …: sensitive
            found = True
        if found:
            return True
    return False


def _class_holds_newline(members: Any) -> bool:
    negated = bool(members) and members[0][0] is _c.NEGATE
    holds = False
    for op, argument in members[1:] if negated else members:
        if op is _c.LITERAL:
            holds = argument == _NEWLINE
        elif op is _c.RANGE:
            holds = argument[0] <= _NEWLINE <= argument[1]
        elif op is _c.CATEGORY:
            holds = argument in _NEWLINE_CATEGORIES
        else:  # unknown member: assume it may
            return True
        if holds:
            break
    return holds != negated
