"""A document's paragraphs joined by newlines, so one regex pass covers the whole document.

Running a regex once over a few megabytes costs far less than starting it once per
paragraph. ``locate`` maps a joined offset back to (paragraph position, local offset);
``positions`` answers, from one search, in which paragraphs a pattern matches.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress, islice
from typing import TYPE_CHECKING

from draftlint.analysis.regex_shape import newline_sensitive

if TYPE_CHECKING:
    from draftlint.analysis.starts import Starts

_DENSE_AFTER, _DENSE = 64, 4  # after 64 hits, more than one paragraph in 4 is dense


class Joined:
    """``texts`` joined by newlines (a text may hold line breaks of its own), with where each
    starts in the joined ``text``."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.text = "\n".join(texts)
        # starts[p]: where paragraph p starts in ``text``. An array, not a list: 8 bytes a
        # paragraph instead of a pointer and an int object.
        self.starts = array("q")
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        """(position in ``texts``, offset in that text) of a joined offset."""
        position = bisect_right(self.starts, offset) - 1
        return position, offset - self.starts[position]

    def positions(
        self, pattern: re.Pattern[str], *, at_start: bool = False, finder: Starts | None = None
    ) -> list[int]:
        """In order, each once: the positions of the texts that ``pattern`` matches when
        searched alone (``at_start``: matched at the text's start, as ``pattern.match``).

        The joined text is searched once, skipping to the next paragraph after each hit.
        Where that is exact (``joined_search_exact``, and not ``at_start``) a hit is the
        answer. Otherwise each hit is asked again in its paragraph alone, from where it
        starts, so a match running on into the next paragraph, or a ``(?m)^`` after a line
        break inside a paragraph, is not reported. Such a pattern must match the joined text
        wherever it matches a paragraph alone, at the same place (a newline standing for
        the paragraph's end: ``(?m)^…``, ``(?=\\s*(?:\\n|\\Z))``), or the paragraph is missed.
        ``finder``: the ``Starts`` of ``pattern``, to find its matches at C speed where the
        joined search is exact (a match it resumes after may run into the next paragraph)."""
        texts = self.texts
        confirmed = at_start or not joined_search_exact(pattern)
        found: list[int] = []
        hits = enumerate(self._hits(pattern, None if confirmed else finder), 1)
        for count, (position, offset) in hits:
            if not confirmed or self._alone(pattern, position, offset, at_start):
                found.append(position)
            if count >= _DENSE_AFTER and count * _DENSE > position:
                # Most paragraphs are hit (ordinary prose): asking each is cheaper from here.
                ask = pattern.match if at_start else pattern.search
                rest = range(position + 1, len(texts))
                found.extend(compress(rest, map(ask, islice(texts, position + 1, None))))
                break
        return found

    def _alone(self, pattern: re.Pattern[str], position: int, offset: int, at_start: bool) -> bool:
        """Whether paragraph ``position`` alone matches, where the joined text's first match
        in it starts at ``offset``: none alone starts before (the joined text would too)."""
        text = self.texts[position]
        if at_start:
            return offset == 0 and pattern.match(text) is not None
        return pattern.search(text, offset) is not None

    def _hits(self, pattern: re.Pattern[str], finder: Starts | None) -> Iterator[tuple[int, int]]:
        """In order, once per paragraph: (position, offset in it) of the first match over
        the joined text starting in each paragraph where one does."""
        text, starts = self.text, self.starts
        if finder is not None:  # its matches, which cannot resume at a given offset
            previous = -1
            for match in finder.finditer(text):
                position = bisect_right(starts, match.start()) - 1
                if position != previous:
                    yield position, match.start() - starts[position]
                    previous = position
            return
        search, last = pattern.search, len(starts) - 1
        match = search(text)
        while match is not None:
            position = bisect_right(starts, match.start()) - 1
            yield position, match.start() - starts[position]
            if position == last:
                return
            match = search(text, starts[position + 1])  # the rest of it is not needed


@lru_cache(maxsize=256)
def joined_search_exact(pattern: re.Pattern[str]) -> bool:
    """Whether a search of the joined text matches in exactly the paragraphs where a search
    of each alone does: when nothing in the pattern can read a newline or tell one from a
    paragraph's end (``regex_shape.newline_sensitive``), every match lies inside one
    paragraph, and the newline beside it fails each lookaround just as the paragraph's end
    does. Otherwise each paragraph must be asked alone (``Joined.positions`` asks those the
    joined search hits)."""
    return not newline_sensitive(pattern)
