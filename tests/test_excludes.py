"""Excludes match as fnmatch does, pattern by pattern (files._matches joins the slashless
patterns into one regex)."""

from __future__ import annotations

import fnmatch
import itertools

from draftlint.config import DEFAULT_EXCLUDES
from draftlint.files import _matches

PATTERNS = [
    *DEFAULT_EXCLUDES,
    "存档",
    "附件/*.docx",
    "/build/",
    "*.bak",
    "a?c",
    "[!x]yz",
    "草稿[0-9]",
]
PARTS = [
    ("drafts", "a.txt"), (".git", "x.docx"), ("存档", "b.docx"), ("附件", "c.docx"),
    ("附件", "sub", "d.docx"), ("build", "e.txt"), ("x", "build", "f.txt"), ("~$g.docx",),
    ("h.bak",), ("abc",), ("aXc", "i.md"), ("xyz",), ("ayz",), ("草稿7.docx",), ("草稿.docx",),
]  # fmt: skip


def _reference(patterns: list[str], parts: tuple[str, ...]) -> bool:
    joined = "/".join(parts)
    for pattern in patterns:
        pattern = pattern.strip("/")
        if "/" in pattern:
            if fnmatch.fnmatchcase(joined, pattern) or fnmatch.fnmatchcase(joined, pattern + "/*"):
                return True
        elif any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def test_matches_as_fnmatch_does() -> None:
    seen = set()
    for size in (0, 1, 2, 3):
        for chosen in itertools.combinations(PATTERNS, size):
            for parts in PARTS:
                expected = _reference(list(chosen), parts)
                assert _matches(list(chosen), parts) == expected, (chosen, parts)
                seen.add(expected)
    assert seen == {True, False}
