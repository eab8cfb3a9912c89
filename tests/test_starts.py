"""analysis.starts: a pattern searched once per opening character finds exactly what the
pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftlint.analysis.starts import any_of, finditer_at, starts

TEXT = "axx bax bbx x cax"


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        (r"(?<=a)(?<!ba)x", [1, 16]),
        (r"(?:(?<=a)|(?<=bb))[xy]", [1, 6, 10, 16]),  # a branch of lookbehinds of two widths
        (r"(?<=a)(?=x)x", [1, 6, 16]),  # a lookahead among them
        (r"(?<=\s)[xbc][xa]", [4, 14]),  # a class, and what follows it
        (r"x{2,}|b[ab]", [1, 4, 8]),  # an alternation opening with a repeat and a literal
    ],
)
def test_where_a_match_may_start(pattern: str, found: list[int]) -> None:
    compiled = re.compile(pattern)
    finders = starts(compiled).finders
    positions = sorted(match.start() for finder in finders for match in finder.finditer(TEXT))
    assert positions == found == [match.start() for match in compiled.finditer(TEXT)]


def test_a_lookbehind_that_cannot_hold_the_pattern_leaves_the_opening_characters() -> None:
    compiled = re.compile(r"(?<=(a))x\1")  # its group reference would be in the lookbehind
    found = starts(compiled)
    assert found is not None
    (finder,) = found.finders
    assert [match.start() for match in finder.finditer("axa x axx")] == [1, 4, 7, 8]  # every x
    assert [m.span() for m in found.finditer("axa x axx")] == [(1, 3)]


@pytest.mark.parametrize(
    "pattern",
    [
        r"x",  # one literal first character: found fast already
        r"[abcdefg]x",  # many characters and no lookbehind: one class scan is cheaper
        r"\wx",  # not a known few
        r"(?<=a)x?",  # may match empty
        r"(?i)[ab]x",  # case-insensitive
    ],
)
def test_nothing_to_gain_or_not_known(pattern: str) -> None:
    assert starts(re.compile(pattern)) is None


PATTERNS = [
    r"(?<=[ab])[xy]+",
    r"x{2,}|b[ab]|y(?=a)",
    r"(?<!a)[xy](?:a|b)?",
    r"(?:(?<=a)|(?<=bb))x\s*y",
    r"[xy]a(?=b)|b",
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abxy \n", max_size=40))
def test_finditer_is_the_pattern_finditer(text: str) -> None:
    for pattern in map(re.compile, PATTERNS):
        found = starts(pattern)
        assert found is not None, pattern.pattern
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in found.finditer(text)] == expected


def test_a_long_match_is_read_once() -> None:
    """Each search resumes past the last match: 20000 hyphens are one match, not read again
    from each hyphen (test_rule_growth measures the work)."""
    compiled = re.compile(r"-{2,}|－{2,}|─")
    found = starts(compiled)
    assert found is not None and len(found.finders) == 3
    text = "甲" + "-" * 20000 + "乙--丙─"
    assert [m.span() for m in found.finditer(text)] == [(1, 20001), (20002, 20004), (20005, 20006)]


ANY_OF = [r"[xy]", r"ab|ba", r"b[ \n]*x", r"(?:x{2,}|a)b"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abxy \n", max_size=40))
def test_one_search_finds_where_each_pattern_matches(text: str) -> None:
    patterns = [re.compile(pattern) for pattern in ANY_OF]
    finder = any_of(patterns)
    assert finder is not None
    positions = [match.start() for match in finder.finditer(text)]
    for pattern in patterns:
        expected = [match.span() for match in pattern.finditer(text)]
        assert [m.span() for m in finditer_at(pattern, text, positions)] == expected


@pytest.mark.parametrize(
    ("patterns", "finder"),
    [
        ([r"a", r"\wb"], None),  # an opening not known
        ([r"a", r"b?"], None),  # may match empty
        ([r"a(x)\1", r"b"], "[ab]"),  # a group reference: the opening characters alone
    ],
)
def test_any_of_when_the_patterns_do_not_fit(patterns: list[str], finder: str | None) -> None:
    found = any_of([re.compile(pattern) for pattern in patterns])
    assert (found and found.pattern) == finder
