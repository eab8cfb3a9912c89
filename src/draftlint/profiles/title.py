"""The title: the first non-empty paragraph that is neither web-page residue nor 版头,
joined with the lines that continue it when it is typed over several lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from draftlint.analysis.residue import is_residue  # a website banner before the title
from draftlint.model import Paragraph
from draftlint.numbering.markers import parse_head
from draftlint.patterns import compile_re
from draftlint.resources import rule_data

_SPACES = compile_re(r"[\s\u3000]+")


def _data() -> dict[str, Any]:
    return rule_data("sections")["title"]


@cache
def _skip() -> re.Pattern[str]:
    return compile_re("|".join(f"(?:{p})" for p in _data()["skip"]))


@cache
def _genre_end() -> re.Pattern[str]:
    return compile_re(_data()["genre_end"])


@cache
def _forbidden() -> re.Pattern[str]:
    return compile_re(_data()["line_forbidden"])


def is_masthead(text: str) -> bool:
    """A 版头 line: 份号, 密级, 紧急程度, 发文机关标志, 发文字号 or 签发人."""
    return bool(_skip().search(text))


def compact(text: str) -> str:
    """The text without spaces: 国 家 粮 食 应 急 预 案 → 国家粮食应急预案."""
    return _SPACES.sub("", text)


def ends_in_genre(text: str) -> bool:
    return bool(_genre_end().search(compact(text)))


def find_title(paragraphs: Sequence[Paragraph]) -> int | None:
    """Position in ``paragraphs`` of the title (its first line)."""
    for position, paragraph in enumerate(paragraphs[: _data()["search_limit"]]):
        text = paragraph.text.strip()
        if not text or is_residue(text) or is_masthead(text):
            continue
        return position
    return None


def _continues_title(text: str) -> bool:
    marker = parse_head(text)
    return (
        bool(text)
        and len(text) <= _data()["line_max_length"]
        and (marker is None or not marker.is_heading)
        and not _forbidden().search(text)
        and not is_masthead(text)
        and not is_residue(text)
    )


def title_candidates(paragraphs: Sequence[Paragraph], first: int) -> list[tuple[str, int]]:
    """(title text, position of its last line), most likely first.

    When the first line, or the first lines joined, end in the name of a 文种, that block is
    the one title. Otherwise the first line alone, then joined with the next short line.
    """
    lines = [paragraphs[first].text.strip()]
    last = first
    while not _ends_title(lines, paragraphs, last) and len(lines) < _data()["max_lines"]:
        following = paragraphs[last + 1].text.strip() if last + 1 < len(paragraphs) else ""
        if not _continues_title(following):
            break
        lines.append(following)
        last += 1
    if ends_in_genre("".join(lines)):
        return [("".join(lines), last)]
    candidates = [(lines[0], first)]
    if len(lines) > 1:
        candidates.append((lines[0] + lines[1], first + 1))
    return candidates


def _ends_title(lines: list[str], paragraphs: Sequence[Paragraph], last: int) -> bool:
    """The joined lines end in a 文种 and the next line does not go on with 的 (…方案 / 的通知)."""
    if not ends_in_genre("".join(lines)):
        return False
    following = paragraphs[last + 1].text.strip() if last + 1 < len(paragraphs) else ""
    return not (following.startswith("的") and _continues_title(following))
