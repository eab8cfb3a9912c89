"""The title: the first non-empty paragraph that is neither web-page residue nor 版头."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from draftlint.analysis.residue import is_residue  # a website banner before the title
from draftlint.model import Paragraph
from draftlint.numbering.markers import parse_head
from draftlint.resources import rule_data


@cache
def _skip() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in rule_data("sections")["title"]["skip"]))


def find_title(paragraphs: Sequence[Paragraph]) -> int | None:
    """Position in ``paragraphs`` of the title (its first line)."""
    limit = rule_data("sections")["title"]["search_limit"]
    skip = _skip()
    for position, paragraph in enumerate(paragraphs[:limit]):
        text = paragraph.text.strip()
        if not text or is_residue(text) or skip.search(text):
            continue
        return position
    return None


def title_candidates(paragraphs: Sequence[Paragraph], first: int) -> list[tuple[str, int]]:
    """The title text alone, and joined with the next line when that may continue it."""
    text = paragraphs[first].text.strip()
    candidates = [(text, first)]
    if first + 1 < len(paragraphs):
        following = paragraphs[first + 1].text.strip()
        marker = parse_head(following)
        if (
            following
            and len(following) <= 30
            and (marker is None or not marker.is_heading)
            and not re.search(r"[。，；：:,;！？]", following)
        ):
            candidates.append((text + following, first + 1))
    return candidates
