"""Matches of a regex whose every match begins with a repeat (``([X]{2,4})\\1``, ``([的是])\\1``),
found without trying every position.

Such a regex starts at every Han position, most of a Chinese text, at ~70 ns each. A repeat
of length L has L characters equal to the L after them: the text as one big integer of UTF-16
units, XORed with itself shifted by L units, has 2L zero bytes there. The big-integer
operations and ``bytes.find`` run in C, and only the few zero runs reach the regex, which
still decides every match. A text with a character beyond the BMP (two UTF-16 units) uses the
plain regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_ZEROS = re.compile(b"\0*")


_CHUNK = 1 << 20  # characters a pass holds as integers at once (a few MB, not the text's 10×)


def repeat_starts(text: str, lengths: Iterable[int]) -> dict[int, list[tuple[int, int]]] | None:
    """Per length L, (first, last) offsets holding every position where ``text`` repeats a
    run of L characters at once (some spurious ones too); None beyond the BMP."""
    lengths = tuple(lengths)
    overlap = 2 * max(lengths, default=0)
    found: dict[int, list[tuple[int, int]]] = {length: [] for length in lengths}
    for at in range(0, len(text), _CHUNK):
        # Each chunk reads `overlap` characters on, so a repeat across its end is found.
        chunk = text[at : at + _CHUNK + overlap]
        raw = chunk.encode("utf-16-le", "surrogatepass")
        if len(raw) != 2 * len(chunk):
            return None  # a surrogate pair: unit offsets would drift from character offsets
        whole = int.from_bytes(raw, "little")
        for length in lengths:
            found[length] += [
                (first + at, last + at) for first, last in _zero_runs(whole, length, len(raw))
            ]
    return found


def _zero_runs(whole: int, length: int, size: int) -> Iterator[tuple[int, int]]:
    width = 2 * length
    zeros = b"\0" * width
    # Unit j is text[j] ^ text[j + length] (the text's end meets zeros shifted in: a spurious
    # candidate at worst, which the regex then rejects).
    diff = (whole ^ (whole >> (16 * length))).to_bytes(size, "little")
    found = diff.find(zeros)
    while found != -1:
        end = _ZEROS.match(diff, found).end()
        first, last = (found + 1) // 2, (end - width) // 2  # whole units only
        if first <= last:
            yield first, last
        found = diff.find(zeros, end + 1)


def merged(
    starts: dict[int, list[tuple[int, int]]] | None, lengths: Iterable[int]
) -> list[tuple[int, int]] | None:
    """The intervals of ``lengths`` from ``repeat_starts``, sorted together."""
    return None if starts is None else sorted(i for length in lengths for i in starts[length])


def finditer_within(
    pattern: re.Pattern[str], text: str, intervals: list[tuple[int, int]] | None, reach: int
) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)``, given every match starts inside ``intervals`` and a
    match at s reads nothing from s + ``reach`` on (lookbehind may read before s)."""
    if intervals is None:
        yield from pattern.finditer(text)
        return
    position = 0
    for first, last in intervals:
        while (start := max(position, first)) <= last:
            match = pattern.search(text, start, last + reach)
            # A match past `last` may be hidden from a longer one cut off by the end position;
            # the next interval finds it.
            if match is None or match.start() > last:
                break
            yield match
            position = match.end()


def repeats(pattern: re.Pattern[str], text: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)`` for ``pattern`` = ``([X]{low,high})\\1``, low ≥ 1."""
    lengths = range(low, high + 1)
    return finditer_within(pattern, text, merged(repeat_starts(text, lengths), lengths), 2 * high)
