"""A document's paragraphs joined by newlines, so one regex pass covers the whole document.

Running a regex once over a few megabytes costs far less than starting it once per
paragraph. Patterns used this way never match a newline, so every match lies inside one
paragraph; ``locate`` maps a joined offset back to (paragraph position, local offset).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any


class Joined:
    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.text = "\n".join(texts)
        # An array, not a list: 8 bytes a paragraph instead of a pointer and an int object.
        self.starts = array("q")
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        """(position in ``texts``, offset in that text) of a joined offset."""
        position = bisect_right(self.starts, offset) - 1
        return position, offset - self.starts[position]


def joined_search_exact(pattern: re.Pattern[str]) -> bool:
    """Whether a search of the joined text matches in exactly the paragraphs where a search
    of each alone does. It does when nothing in the pattern (lookarounds included) can match
    a newline and nothing tells a newline from a paragraph's end (anchors, ``\\b``, a group
    reference): every match then lies inside one paragraph, and the newline beside it fails
    each lookaround just as the paragraph's end does. Read from the parsed pattern, so a
    range such as ``[\\t-~]`` counts as the newline it holds; anything unknown counts as
    sensitive (the pattern is then searched paragraph by paragraph)."""
    if pattern.flags & (re.DOTALL | re.MULTILINE):
        return False
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    return not _reads_newline(parsed)


_NEWLINE = ord("\n")
_NEWLINE_CATEGORIES = frozenset(
    (_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD, _c.CATEGORY_LINEBREAK,
     _c.CATEGORY_UNI_NOT_DIGIT, _c.CATEGORY_UNI_SPACE, _c.CATEGORY_UNI_NOT_WORD,
     _c.CATEGORY_UNI_LINEBREAK)
)  # fmt: skip
_REPEATS = frozenset(
    op for op in (getattr(_c, name, None) for name in
                  ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op is not None
)  # fmt: skip


def _reads_newline(items: Any) -> bool:
    for op, argument in items:
        if op is _c.LITERAL:
            found = argument == _NEWLINE
        elif op is _c.NOT_LITERAL:
            found = argument != _NEWLINE
        elif op is _c.ANY:  # without DOTALL (checked above): never a newline
            found = False
        elif op is _c.IN:
            found = _class_holds_newline(argument)
        elif op is _c.CATEGORY:
            found = argument in _NEWLINE_CATEGORIES
        elif op in _REPEATS:
            found = _reads_newline(argument[2])
        elif op is _c.SUBPATTERN:
            found = _reads_newline(argument[-1])
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
