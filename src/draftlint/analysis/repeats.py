"""The matches of ``([X]{low,high})\\1`` (X one character class), found without trying every
position.

The regex tries every Han position, most of a Chinese text, at ~70 ns each. A repeat of
length L has L characters equal to the L after them: the text as one big integer of UTF-16
units, XORed with itself shifted by L units, has 2L zero bytes there. The big-integer
operations and ``bytes.find`` run in C, and only the few zero runs reach the regex, which
still decides every match. A text with a character beyond the BMP (two UTF-16 units) uses the
plain regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ZEROS = re.compile(b"\0*")


def _intervals(text: str, low: int, high: int) -> list[tuple[int, int]] | None:
    """Sorted (first, last) offsets holding every position where a repeat could start."""
    raw = text.encode("utf-16-le", "surrogatepass")
    if len(raw) != 2 * len(text):
        return None  # a surrogate pair: unit offsets would drift from character offsets
    whole = int.from_bytes(raw, "little")
    intervals: list[tuple[int, int]] = []
    for length in range(low, high + 1):
        width = 2 * length
        zeros = b"\0" * width
        # Unit j is text[j] ^ text[j + length] (the text's end meets zeros shifted in: a
        # spurious candidate at worst, which the regex then rejects).
        diff = (whole ^ (whole >> (16 * length))).to_bytes(len(raw), "little")
        found = diff.find(zeros)
        while found != -1:
            end = _ZEROS.match(diff, found).end()
            first, last = (found + 1) // 2, (end - width) // 2  # whole units only
            if first <= last:
                intervals.append((first, last))
            found = diff.find(zeros, end + 1)
    intervals.sort()
    return intervals


def repeats(pattern: re.Pattern[str], text: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)`` for ``pattern`` = ``([X]{low,high})\\1``."""
    intervals = _intervals(text, low, high) if low >= 1 else None
    if intervals is None:
        yield from pattern.finditer(text)
        return
    position = 0
    span = 2 * high  # a match starting at `last` ends by last + span: the search sees it all
    for first, last in intervals:
        while (start := max(position, first)) <= last:
            match = pattern.search(text, start, last + span)
            # A match past `last` may be hidden from a longer one cut off by the end position;
            # the next interval finds it.
            if match is None or match.start() > last:
                break
            yield match
            position = match.end()
