"""analysis.joined.Joined.positions: from one search of the joined text, exactly the paragraphs a
pattern matches alone (searched, or matched at the start with ``at_start``), for the outline's
hints, W001's marks and W005's forms alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.lint import SEEDS, write_docx

from draftlint.analysis.joined import Joined, joined_search_exact
from draftlint.analysis.punctuation import compiled as punctuation_patterns
from draftlint.numbering import outline
from draftlint.numbering.markers import _CLAUSE_START
from draftlint.readers import read_path
from draftlint.rules.nonstandard_punctuation import compiled as w005_forms


def alone(texts: list[str], pattern: re.Pattern[str], at_start: bool = False) -> list[int]:
    ask = pattern.match if at_start else pattern.search
    return [position for position, text in enumerate(texts) if ask(text)]


def the_patterns() -> list[tuple[re.Pattern[str], bool]]:
    """(pattern, at_start) as the three callers ask: the outline, W001 and W005."""
    hints = [outline._DATE_END_HINT, outline._TITLE_END_HINT, outline._CONTENTS_HINT,
             outline._ATTACHMENT_HINT, _CLAUSE_START, punctuation_patterns().reportable]  # fmt: skip
    forms = [form.pattern for form in w005_forms() if form.joined_exact]
    return [(outline._HEAD_START, True)] + [(pattern, False) for pattern in hints + forms]


def seed_texts() -> list[list[str]]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("the seeds (../shared/seeds) are absent")
    return [path.read_text(encoding="utf-8").splitlines() for path in paths]


def test_exactly_the_paragraphs_each_alone_matches_in_the_seeds() -> None:
    patterns = the_patterns()
    found = [0] * len(patterns)
    for lines in seed_texts():
        # As read, and with every two lines one paragraph (a line break inside it, as Word's
        # Shift+Enter reads): a (?m)^ or a \s there must not make a paragraph match.
        for texts in (lines, ["\n".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]):
            joined = Joined(texts)
            for index, (pattern, at_start) in enumerate(patterns):
                expected = alone(texts, pattern, at_start)
                assert joined.positions(pattern, at_start=at_start) == expected, pattern.pattern
                found[index] += len(expected)
    # The seeds hold headings, 一是 clauses and ASCII marks in Chinese text.
    head, clause, marks = found[0], found[5], found[6]
    assert head > 30 and clause > 5 and marks > 10, found


def test_w005_finds_by_its_opening_characters_what_a_search_of_each_finds() -> None:
    forms = [form for form in w005_forms() if form.starts is not None]
    assert forms
    texts = [line for lines in seed_texts() for line in lines]
    texts += ["他说...然后", "甲--乙", "3．5%", "“3.29”事故", "学党史・感党恩", "", "……"]
    joined = Joined(texts)
    for form in forms:
        expected = alone(texts, form.pattern)
        assert joined.positions(form.pattern, finder=form.starts) == expected, form.pattern


def test_a_match_running_into_the_next_paragraph_is_not_reported() -> None:
    # 。 ends one paragraph and 一是 opens the next: the joined text holds 。\n一 there.
    texts = ["会议指出。", "一是加强领导。", "要求：二是落实责任", "三、保障措施"]
    assert Joined(texts).positions(_CLAUSE_START) == [2]
    assert Joined(["会议指出。一是加强领导"]).positions(_CLAUSE_START) == [0]
    spaced = re.compile(r"甲\s")  # may read the newline: asked again alone
    assert not joined_search_exact(spaced)
    assert Joined(["甲", "乙", "甲 乙", "甲"]).positions(spaced) == [2]


def test_at_start_reports_only_a_match_at_the_paragraphs_start() -> None:
    texts = ["一、总则", "说明\n一、适用范围", "包括一、二项", "  （一）目的", "", "一"]
    found = Joined(texts).positions(outline._HEAD_START, at_start=True)
    assert found == alone(texts, outline._HEAD_START, at_start=True) == [0, 3, 5]
    # Without at_start a line break inside a paragraph starts a line (?m)^ may match.
    assert Joined(texts).positions(outline._HEAD_START) == [0, 1, 3, 5]
    opening = re.compile("一、")  # not anchored: at_start asks the start alone
    assert Joined(texts).positions(opening, at_start=True) == [0]
    assert Joined(texts).positions(opening) == [0, 1, 2]


def test_a_paragraphs_end_and_the_newline_after_it_are_read_alike() -> None:
    texts = ["2026年1月5日", "日期：", "今日 \u3000", "于5日\n（盖章）", "5日"]
    found = Joined(texts).positions(outline._DATE_END_HINT)
    assert found == alone(texts, outline._DATE_END_HINT) == [0, 2, 3, 4]  # the last at \Z


@pytest.mark.parametrize("every", [1, 2, 3, 7])
def test_dense_matches_are_asked_one_by_one_with_the_same_answer(every: int) -> None:
    texts = [f"{i}。一是" if i % every == 0 else f"{i}。\n一是" for i in range(600)]
    texts += ["甲。", "一是"]  # the last paragraph: no hit may run on past it
    joined = Joined(texts)
    for pattern, at_start in ((_CLAUSE_START, False), (re.compile("。一"), False),
                              (re.compile(r"(?m)^\d*[02468]。"), True)):  # fmt: skip
        expected = alone(texts, pattern, at_start)
        assert expected and joined.positions(pattern, at_start=at_start) == expected


def test_nothing_and_empty_paragraphs() -> None:
    assert Joined([]).positions(_CLAUSE_START) == []
    assert Joined([""]).positions(re.compile("a")) == []
    assert Joined(["", "", ""]).positions(re.compile("a*")) == [0, 1, 2]  # an empty match
    assert Joined(["", "", ""]).positions(re.compile(r"(?m)^$"), at_start=True) == [0, 1, 2]


def test_a_docx_with_a_line_break_inside_a_paragraph(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "breaks.docx",
        ["关于加强管理的通知", "各单位：\n一、总则", "一、适用范围", "工作要求。", "一是加强领导"],
    )
    texts = [paragraph.text for paragraph in read_path(path).paragraphs]
    assert "各单位：\n一、总则" in texts  # python-docx wrote a <w:br/>, read back as \n
    joined = Joined(texts)
    for pattern, at_start in the_patterns():
        assert joined.positions(pattern, at_start=at_start) == alone(texts, pattern, at_start)
    assert [texts[p] for p in joined.positions(outline._HEAD_START, at_start=True)] == [
        "一、适用范围",
        "一是加强领导",
    ]


# Patterns that may read a newline, where the joined text matches wherever a paragraph alone
# does (the newline reads as the paragraph's end), and patterns that never read one.
_PATTERNS = [r"a\s", r"(?m)a$", r"\ba", r"a\b", r"[^b]a", r"(?s)a.", r"a\n", r"a[\s\S]b",
             r"(?m)^ ?a", r"a", r"ab", r"(?<=b)a", r"a(?!b)", r"a+(?=\s*(?:\n|\Z))"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="ab \n中", max_size=8), max_size=8),
    st.sampled_from(_PATTERNS),
    st.booleans(),
)
def test_same_as_each_paragraph_alone(texts: list[str], pattern: str, at_start: bool) -> None:
    compiled = re.compile(pattern)
    assert Joined(texts).positions(compiled, at_start=at_start) == alone(texts, compiled, at_start)
