"""C001: a character, word or punctuation mark typed twice by accident (二是是, 的的, ，，,
流程流程).

Only the characters listed in ``rules/doubled.toml`` are watched (function words that are
almost never doubled on purpose); each carries the words that make a doubling legitimate.
Words of two to four Han characters are watched whole, less the verbs reduplicated on
purpose (研究研究). One regex pass each finds the candidates; the word lists are consulted
only for those few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from draftlint.analysis.joined import Joined
from draftlint.analysis.repeats import finditer_within, merged, repeat_starts
from draftlint.model import Finding, Fix, FixSafety
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.resources import rule_data
from draftlint.rule import Rule


@dataclass(frozen=True, slots=True)
class _Exceptions:
    """Words that hold a doubled character legitimately, by position."""

    before: tuple[str, ...]  # words ending in the character (目的|的)
    after: tuple[str, ...]  # words starting with it (了|了解)
    words: tuple[tuple[str, int], ...]  # words holding the pair, with the pair's offset


@dataclass(frozen=True, slots=True)
class _Words:
    """The repeat pattern and the word lists, built once."""

    pattern: re.Pattern[str]  # a run of Han characters immediately repeated
    low: int  # the run's shortest and longest length
    high: int
    reduplicable: frozenset[str]
    distributive_first: str
    han: re.Pattern[str]
    surnames: str  # a doubled name (张伟张伟) needs no boundary: names stand between words


@cache
def compiled_words() -> _Words:
    data = rule_data("doubled")["words"]
    han = "\u3400-\u4dbf\u4e00-\u9fff"
    low, high = int(data["min_length"]), int(data["max_length"])
    return _Words(
        compile_re(f"([{han}]{{{low},{high}}})\\1"),
        low,
        high,
        frozenset(data["reduplicable"]),
        data.get("distributive_first", ""),
        compile_re(f"[{han}]"),
        rule_data("placeholders")["mou"]["surnames"],
    )


@cache
def compiled() -> tuple[re.Pattern[str], dict[str, _Exceptions]]:
    data = rule_data("doubled")
    exceptions: dict[str, _Exceptions] = {}
    for char, entry in data["suspects"].items():
        words = tuple(
            (word, offset)
            for word in entry.get("words", [])
            for offset in range(len(word) - 1)
            if word[offset : offset + 2] == char * 2
        )
        exceptions[char] = _Exceptions(
            tuple(entry.get("before", [])), tuple(entry.get("after", [])), words
        )
    chars, exactly_twice = _watched(data)
    alternatives = ["([" + "".join(re.escape(c) for c in chars) + r"])\1"]
    # Exactly two: not preceded by a third (checked after the first, so every alternative
    # begins with a character and the regex engine skips positions that begin none).
    alternatives += [
        f"{re.escape(c)}(?<!{re.escape(c * 2)}){re.escape(c)}(?!{re.escape(c)})"
        for c in exactly_twice
    ]
    pattern = compile_re("|".join(alternatives))
    return pattern, exceptions


def _watched(data: dict[str, Any]) -> tuple[str, str]:
    """The characters reported doubled (the suspects and punctuation marks), and those
    reported only when exactly twice."""
    punctuation = data.get("punctuation", {})
    return "".join(data["suspects"]) + punctuation.get("marks", ""), punctuation.get(
        "exactly_twice", ""
    )


@cache
def _doubled() -> frozenset[str]:
    """The characters the pattern of ``compiled`` finds doubled: every match opens with one."""
    return frozenset("".join(_watched(rule_data("doubled"))))


Repeats = dict[int, list[tuple[int, int]]] | None


def _repeat_starts(text: str) -> Repeats:
    """Where ``text`` may repeat a character or a word, for both passes' lengths at once:
    one encoding of the text serves both passes."""
    return repeat_starts(text, range(1, compiled_words().high + 1))


def is_legitimate(text: str, start: int) -> bool:
    """Whether the doubled pair at ``text[start:start + 2]`` is meant (AABB, 目的的, 了了解)."""
    char = text[start]
    end = start + 2
    if end + 1 < len(text) and text[end] == text[end + 1] != char:
        return True  # 是是非非
    if start >= 2 and text[start - 2] == text[start - 1] != char:
        return True  # 明明白白: the BB of AABB
    rules = compiled()[1].get(char)
    if rules is None:
        return False  # punctuation
    if text.endswith(rules.before, 0, start + 1):
        return True
    if text.startswith(rules.after, start + 1):
        return True
    return any(text.startswith(word, start - offset) for word, offset in rules.words)


def scan(joined: Joined, repeats: Repeats) -> Iterator[tuple[int, int]]:
    """(paragraph position, start offset) of each accidental pair: one pass over them all."""
    texts = joined.texts
    # Every alternative begins with a character typed twice and reads one character past it.
    starts = merged(repeats, (1,))
    if starts is not None:
        # A run of length-1 repeats is one character (a run of zeros in 2000): most are not
        # one the pattern watches, and need not be searched.
        whole, doubled = joined.text, _doubled()
        starts = [(first, last) for first, last in starts if whole[first] in doubled]
    for match in finditer_within(compiled()[0], joined.text, starts, 3):
        position, start = joined.locate(match.start())
        if not is_legitimate(texts[position], start):
            yield position, start


def doubled_words(joined: Joined, repeats: Repeats) -> Iterator[tuple[int, int, int]]:
    """(paragraph position, start, length of the word) of each word typed twice."""
    words = compiled_words()
    texts = joined.texts
    starts = merged(repeats, range(words.low, words.high + 1))
    for match in finditer_within(words.pattern, joined.text, starts, 2 * words.high):
        word = match.group(1)
        if len(set(word)) == 1 or word in words.reduplicable:
            continue  # 哈哈哈哈 (the character check's), 研究研究
        if word[0] in words.distributive_first:
            continue  # 一步一步
        position, start = joined.locate(match.start())
        text = texts[position]
        end = start + 2 * len(word)
        bounded = not (
            start
            and words.han.match(text[start - 1])
            and end < len(text)
            and words.han.match(text[end])
        )
        # Between two Han characters the repeat may be three words meeting (就业创业创新:
        # 就业|创业|创新); a name is the exception, and a repeat next to a mark is no junction.
        if bounded or (word[0] in words.surnames and len(word) <= 3):
            yield position, start, len(word)


class DoubledCharacter(Rule):
    code = "C001"
    reads_outline = False
    fix_tier = "safe"
    name = "doubled-character"
    tags = ("content", "typo")
    aliases = ("doubled",)
    fixable = True
    summary = {
        "zh": "字、词或标点误打两遍（二是是、的的、，，、流程流程）；有意的重叠（常常、研究研究）不报告",
        "en": "A character or punctuation mark typed twice (二是是, 的的, ，，)",
    }
    message = {
        "zh": {
            "char": "重复字：“{pair}”多了一个“{char}”，应删去一个",
            "mark": "重复标点：“{pair}”多了一个“{char}”，应删去一个",
            "word": "重复词语：“{pair}”多了一个“{char}”，应删去一个",
        },
        "en": {
            "char": "Doubled character: “{pair}” has one “{char}” too many; delete one",
            "mark": "Doubled punctuation: “{pair}” has one “{char}” too many; delete one",
            "word": "Doubled word: “{pair}” has one “{char}” too many; delete one",
        },
    }
    why = {
        "zh": "改稿时常把“是”“的”“了”“在”等虚词多打一遍（二是是、的的）。只检查 rules/doubled.toml"
        " 列出的虚词：合法的叠字（常常、人人、天天、看看、谢谢、一一、项项、年年、村村通）、"
        "AABB 式（是是非非、方方面面）和两个词的交界（目的的、为了了解、学习习近平）都不报告。"
        "两到四个字的词语整体重复（流程流程、张伟张伟）也报告；有意重叠的动词（研究研究、"
        "讨论讨论）和“一X一X”（一步一步）不报告。",
        "en": "Editing often leaves a function word typed twice (二是是, 的的). Only the function"
        " words listed in rules/doubled.toml are checked: meant reduplication (常常, 人人, 一一,"
        " 年年, 村村通), AABB forms (是是非非) and two words meeting on one character (目的的,"
        " 为了了解, 学习习近平) are left alone. A word of two to four characters typed twice"
        " (流程流程, 张伟张伟) is reported too, except verbs doubled on purpose (研究研究) and"
        " 一X一X (一步一步).",
    }
    source = "house practice"
    example_bad = "二是是部分同志对新媒体的的应用不够。\n"
    example_good = "二是部分同志对新媒体的应用不够，常常分不清是是非非。\n"

    def check(self) -> Iterator[Finding]:
        paragraphs = self.ctx.document.paragraphs
        joined = self.ctx.joined
        repeats = _repeat_starts(joined.text)
        for position, start, length in doubled_words(joined, repeats):
            paragraph = paragraphs[position]
            word = paragraph.text[start : start + length]
            yield self.finding(
                paragraph, start, start + 2 * length, fix=Fix(word, FixSafety.REVIEW),
                pair=word * 2, char=word, variant="word",
            )  # fmt: skip
        for position, start in scan(joined, repeats):
            paragraph = paragraphs[position]
            char = paragraph.text[start]
            yield self.finding(
                paragraph, start, start + 2, fix=Fix(char, FixSafety.REVIEW),
                pair=char * 2, char=char, variant="char" if char.isalnum() else "mark",
            )  # fmt: skip
