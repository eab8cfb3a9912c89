"""What a regular expression's parse says about its matches: the characters they may open
with, whether they can read a newline, whether they are anchored at the string's start.

The one module that reads ``re``'s parser (``re._parser`` and ``re._constants``, CPython's
internals in 3.11–3.13): rules are data, so these facts are read from each pattern a user's
TOML gives, never assumed. Anything a reader here does not know counts against the
shortcut it would allow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

Item = tuple[Any, Any]  # one parsed item: (opcode, argument)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_NEWLINE = ord("\n")
_NEWLINE_CATEGORIES = frozenset(
    (_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD, _c.CATEGORY_LINEBREAK,
     _c.CATEGORY_UNI_NOT_DIGIT, _c.CATEGORY_UNI_SPACE, _c.CATEGORY_UNI_NOT_WORD,
     _c.CATEGORY_UNI_LINEBREAK)
)  # fmt: skip


@lru_cache(maxsize=256)
def parse(pattern: str, flags: int = 0) -> Any:
    """The parsed pattern: a sequence of ``Item``s, with ``getwidth()`` and ``state``. Kept:
    a pattern is asked several questions (W005's forms are parsed once, not once a reader);
    callers only read it."""
    return _parser.parse(pattern, flags)


def zero_width(item: Item) -> bool:
    """A lookaround (or alternatives of nothing else): it reads without consuming."""
    op, argument = item
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return True
    return op is _c.BRANCH and all(
        all(zero_width(part) for part in branch) for branch in argument[1]
    )


def opening_chars(item: Item) -> list[str]:
    """The characters a match of ``item`` may open with; [] when not known."""
    op, argument = item
    if op is _c.LITERAL:
        return [chr(argument)]
    if op is _c.IN and all(kind is _c.LITERAL for kind, _ in argument):
        return list(dict.fromkeys(chr(code) for _, code in argument))
    if op in _REPEATS:
        low, _, body = argument
        return opening_chars(body[0]) if low >= 1 and body else []  # \.{3,}
    if op is _c.BRANCH and all(argument[1]):
        chars = [opening_chars(branch[0]) for branch in argument[1]]
        return list(dict.fromkeys(c for each in chars for c in each)) if all(chars) else []
    return []


def anchored_at_start(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts at the string's start (^… without MULTILINE)."""
    parsed = parse(pattern)
    if parsed.state.flags & re.MULTILINE or not parsed.data:
        return False
    op, argument = parsed.data[0]  # a top-level a|b is one BRANCH item: not anchored
    return op is _c.AT and argument in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)


def newline_sensitive(pattern: re.Pattern[str]) -> bool:
    """Whether a match could read a newline (lookarounds included) or tell one from the
    string's end (anchors, ``\\b``, a group reference, DOTALL, MULTILINE). A range such as
    ``[\\t-~]`` holds the newline; an unknown construct counts as sensitive."""
    if pattern.flags & (re.DOTALL | re.MULTILINE):
        return True
    try:
        return _reads_newline(parse(pattern.pattern, pattern.flags))
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
