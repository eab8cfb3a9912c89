"""A document's paragraphs joined by newlines, so one regex pass covers the whole document.

Running a regex once over a few megabytes costs far less than starting it once per
paragraph. Patterns used this way never match a newline, so every match lies inside one
paragraph; ``locate`` maps a joined offset back to (paragraph position, local offset).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence


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
