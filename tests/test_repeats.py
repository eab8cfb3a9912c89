"""analysis.repeats: the XOR prefilter finds exactly what ``pattern.finditer`` finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.lint import SEEDS

from draftlint.analysis import repeats as repeats_module
from draftlint.analysis.repeats import finditer_within, merged, repeat_starts, repeats
from draftlint.rules.doubled_character import compiled, compiled_words

HAN = "\u3400-\u4dbf\u4e00-\u9fff"


def spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match.group(1)) for match in matches]


def same(pattern: re.Pattern[str], text: str, low: int, high: int) -> None:
    assert spans(repeats(pattern, text, low, high)) == spans(pattern.finditer(text))


# Few symbols, so repeats, runs (的的的的), near misses and AABB forms are common; a space and
# a newline between; 㐀 and 鿿 at the class's ends, 〇 just outside; a lone surrogate, and a
# character beyond the BMP to take the fallback.
ALPHABET = "流程的是了㐀鿿〇 \n，。\ud800"
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(1, 3), st.integers(0, 3))
def test_same_as_finditer_on_random_text(text: str, low: int, extra: int) -> None:
    high = low + extra
    same(re.compile(f"([{HAN}]{{{low},{high}}})\\1"), text, low, high)


@settings(max_examples=100, deadline=None)
@given(texts, texts)
def test_same_beyond_the_bmp(before: str, after: str) -> None:
    pattern = re.compile(f"([{HAN}]{{2,4}})\\1")
    same(pattern, before + "\U00020000" + after, 2, 4)


def test_same_on_real_text() -> None:
    words = compiled_words()
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("the seeds (../shared/seeds) are absent")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        same(words.pattern, text, words.low, words.high)
        # With the doubled words put in: 流程流程, 张伟张伟, runs and AABB forms.
        seeded = (
            text.replace("流程", "流程流程")
            .replace("工作", "工作工作工作")
            .replace("。", "方方面面。")
        )
        assert any(True for _ in repeats(words.pattern, seeded, words.low, words.high))
        same(words.pattern, seeded, words.low, words.high)


def same_pairs(text: str) -> None:
    """C001's character pass (是是, ，，, exactly two 。) from repeated characters only."""
    pattern = compiled()[0]
    found = finditer_within(pattern, text, merged(repeat_starts(text, (1,)), (1,)), 3)
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_doubled_characters_same_as_finditer(text: str) -> None:
    same_pairs(text)
    same_pairs(text + "\U00020000")


def test_doubled_characters_same_on_real_text() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("the seeds (../shared/seeds) are absent")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        same_pairs(text)
        seeded = text.replace("的", "的的").replace("。", "。。").replace("，", "，，，")
        assert any(True for _ in compiled()[0].finditer(seeded))
        same_pairs(seeded)


@pytest.mark.parametrize("chunk", [1, 3, 7])
def test_same_in_small_chunks(chunk: int, monkeypatch) -> None:
    """A repeat across a chunk's end is found (the text is read a chunk at a time)."""
    monkeypatch.setattr(repeats_module, "_CHUNK", chunk)
    pattern = re.compile(f"([{HAN}]{{2,4}})\\1")
    for text in [
        "流程流程",
        "的的",
        "了了了",
        "工作工作工作",
        "方方面面。。是是",
        "x流程流程y的是的是",
    ]:
        for shift in range(9):
            padded = "。" * shift + text + "，" * shift
            same(pattern, padded, 2, 4)
            same_pairs(padded)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(1, 9))
def test_same_in_small_chunks_on_random_text(text: str, chunk: int) -> None:
    old = repeats_module._CHUNK
    repeats_module._CHUNK = chunk
    try:
        same(re.compile(f"([{HAN}]{{2,4}})\\1"), text, 2, 4)
        same_pairs(text)
    finally:
        repeats_module._CHUNK = old
