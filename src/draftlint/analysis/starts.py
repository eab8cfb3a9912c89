"""The matches of a regex whose every match opens with one of a few known characters, found
at C speed.

The regex engine finds one literal first character fast (under a nanosecond a character of
the text), but tests every character against a class (about six) when a pattern opens with
a class or an alternation, and tries the whole pattern at every position when it opens with
a lookbehind. Such a pattern is searched once per opening character instead, each time with
a pattern that opens with that character and then checks that the whole pattern matches
there: ``x(?<=(?=(?:…))x)``. Only the positions where the pattern matches reach Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from draftlint.analysis.regex_shape import shape
from draftlint.patterns import compile_re
from draftlint.records import dataclass

MAX_CHARS = 4  # more searches of the text, one per character, cost more than one class scan
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # \1, (?P=name), (?(1)…)


@dataclass(frozen=True, slots=True)
class Starts:
    """A pattern and the searches that find where its matches may start."""

    pattern: re.Pattern[str]
    finders: tuple[re.Pattern[str], ...]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Exactly ``pattern.finditer(text)`` (the pattern never matches empty). Each search
        resumes past the last match, as the pattern's own does: a match over a long run (4000
        hyphens) is read once, not again from each of its characters."""
        finders = self.finders
        heads = [finder.search(text) for finder in finders]  # each search's next position
        end = 0
        while True:
            found = [(head.start(), n) for n, head in enumerate(heads) if head is not None]
            if not found:
                return
            position = min(found)[0]
            # Matched again for the span (a finder that is the class alone checks nothing).
            match = self.pattern.match(text, position)
            if match is not None:
                yield match
                end = match.end()
            resume = max(end, position + 1)
            for n, head in enumerate(heads):
                if head is not None and head.start() < resume:
                    heads[n] = finders[n].search(text, resume)


def starts(pattern: re.Pattern[str]) -> Starts | None:
    """The ``Starts`` of ``pattern``; None when they would gain nothing (one literal first
    character, or many without a lookbehind before them), when the opening characters are not
    known few, or when the pattern may match empty."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = shape(pattern.pattern, pattern.flags)
    if found.all_zero_width or found.may_be_empty:
        return None
    chars = list(found.lead_chars)
    if not chars or (found.lead_is_first and not 1 < len(chars) <= MAX_CHARS):
        return None
    groups = [chars] if len(chars) > MAX_CHARS else [[char] for char in chars]
    try:
        finders = tuple(_finder(pattern, group) for group in groups)
    except re.error:  # a pattern a lookbehind cannot hold (a group reference in it)
        finders = (compile_re(_class(chars)),)  # every opening character, then
    return Starts(pattern, finders)


def any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One search for the positions where one of ``patterns`` matches (with ``finditer_at``,
    each pattern's matches): the class of their opening characters, then a check that one of
    them matches there, so several passes over a long text become one. None when a pattern's
    opening characters are not known, or it may match empty, or its flags differ."""
    chars: list[str] = []
    for pattern in patterns:
        if pattern.flags != patterns[0].flags or pattern.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        found = shape(pattern.pattern, pattern.flags)
        if not found.first_chars or found.may_be_empty:
            return None
        chars += found.first_chars
    opening = _class(list(dict.fromkeys(chars)))
    if any(_GROUP_REFERENCE.search(pattern.pattern) for pattern in patterns):
        return compile_re(opening)  # side by side, their groups would be numbered anew
    either = "|".join(f"(?:{pattern.pattern})" for pattern in patterns)
    try:
        return compile_re(f"{opening}(?<=(?=(?:{either})){opening})", patterns[0].flags)
    except re.error:  # a pattern a lookbehind cannot hold: every opening character, then
        return compile_re(opening)


def finditer_at(
    pattern: re.Pattern[str], text: str, positions: Iterable[int]
) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)``, given every position where it matches (in order,
    others allowed) and that it never matches empty: the search resumes past each match."""
    match_at = pattern.match
    end = 0
    for position in positions:
        if position >= end and (match := match_at(text, position)) is not None:
            yield match
            end = match.end()


def _finder(pattern: re.Pattern[str], chars: list[str]) -> re.Pattern[str]:
    opening = re.escape(chars[0]) if len(chars) == 1 else _class(chars)
    return compile_re(f"{opening}(?<=(?=(?:{pattern.pattern})){opening})", pattern.flags)


def _class(chars: list[str]) -> str:
    return "[" + "".join(map(re.escape, chars)) + "]"
