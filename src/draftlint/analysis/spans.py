"""Character spans ``(start, end)`` within one paragraph: merging and membership."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

Span = tuple[int, int]
Spans = tuple[Span, ...]
_END = 1 << 62  # sorts after any span end: bisect finds the last span starting at or before


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping and touching ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def inside(spans: Spans, position: int) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted, merged)."""
    if not spans:
        return False
    at = bisect_right(spans, (position, _END)) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def overlaps(spans: Spans, start: int, end: int) -> bool:
    """Whether ``[start, end)`` (a point when empty) meets one of ``spans`` (sorted, merged)."""
    if not spans:
        return False
    end = max(end, start + 1)
    at = bisect_right(spans, (end - 1, _END)) - 1
    return at >= 0 and spans[at][1] > start
