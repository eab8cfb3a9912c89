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

from draftlint.analysis.regex_shape import newline_sensitive


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
    of each alone does: when nothing in the pattern can read a newline or tell one from a
    paragraph's end (``regex_shape.newline_sensitive``), every match lies inside one
    paragraph, and the newline beside it fails each lookaround just as the paragraph's end
    does. Otherwise the pattern is searched paragraph by paragraph."""
    return not newline_sensitive(pattern)
