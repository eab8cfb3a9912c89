"""analysis.punctuation.scan_document: one search of the joined text picks the paragraphs to
scan, and the result is exactly ``scan_halfwidth`` of every paragraph."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.lint import SEEDS

from draftlint.analysis.joined import Joined
from draftlint.analysis.punctuation import scan_document, scan_halfwidth

# Every ASCII mark W001 reads, Han and Chinese punctuation (〇 and 　 are both), the spaces
# that may stand between a mark and its context (three exceed the gap), digits and letters.
ALPHABET = [*",:;?!.()\"'中文，。“”（）〇\u3000 \t\u00a01aZ", "\n"]
paragraphs = st.lists(st.text(alphabet=st.sampled_from(ALPHABET), max_size=30), max_size=6)


def reference(texts: list[str]) -> dict[int, tuple]:
    found = {position: scan_halfwidth(text) for position, text in enumerate(texts)}
    return {position: marks for position, marks in found.items() if marks}


@settings(max_examples=800, deadline=None)
@given(paragraphs)
def test_same_as_every_paragraph_scanned(texts: list[str]) -> None:
    assert scan_document(Joined(texts)) == reference(texts)


def test_marks_in_numbers_are_never_scanned_and_the_rest_are() -> None:
    texts = [
        "2.完成投资3.5亿元，同比增长12.6%，参训1,200余人次，时间10:30。",
        "会议强调,要落实",
        "三个空格之前   ;abc",
        "abc;  两个空格之后",
        "两个空格之前  ;abc",
        "结束.",
        '他说"好"',
        "",
    ]
    found = scan_document(Joined(texts))
    assert [(p, [m.char for m in marks]) for p, marks in found.items()] == [
        (1, [","]),
        (3, [";"]),
        (4, [";"]),
        (5, ["."]),
        (6, ['"', '"']),
    ]
    assert found == reference(texts)


def test_same_on_real_text() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("the seeds (../shared/seeds) are absent")
    marks = 0
    for path in paths:
        texts = path.read_text(encoding="utf-8").splitlines()
        found = scan_document(Joined(texts))
        assert found == reference(texts)
        marks += sum(map(len, found.values()))
    assert marks > 20  # seed 000 holds dozens of ASCII marks in Chinese text
