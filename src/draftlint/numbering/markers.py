"""Paragraph-leading markers and clause-leading enumerators, read with the Lark grammar.

The grammar (``grammar/numbering.lark``) is built once per process. Each paragraph's head
is a short slice; identical slices are parsed once (markers repeat a great deal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache

from lark import Lark, Token, Transformer, Tree
from lark.exceptions import LarkError

from draftlint.numerals import NONZERO_DIGITS, to_chinese
from draftlint.resources import grammar_path


class Kind(str, Enum):
    PART = "part"  # 第一部分 / 第一章 / 第一节 / 第一条
    CHINESE = "chinese"  # 一、
    BRACKET_CHINESE = "bracket-chinese"  # （一）
    ARABIC = "arabic"  # 1.
    BRACKET_ARABIC = "bracket-arabic"  # （1）
    CIRCLED = "circled"  # ①
    VERB = "verb"  # 一是 / 一要
    ORDINAL = "ordinal"  # 第一，
    QI = "qi"  # 其一
    ASPECT = "aspect"  # 一方面 / 另一方面


HEADING_LEVEL = {
    Kind.PART: 0,  # refined per division word below: 部分 above 章 above 节 above 条
    Kind.CHINESE: 1,
    Kind.BRACKET_CHINESE: 2,
    Kind.ARABIC: 3,
    Kind.BRACKET_ARABIC: 4,
    Kind.CIRCLED: 5,
}
# Divisions above 一、 (GB/T 1.1 and 公文 practice): levels below 1, outermost first.
PART_LEVEL = {"部分": -3, "篇": -3, "编": -3, "章": -2, "节": -1, "条": 0}
_HEAD_SLICE = 14  # long enough for （九十九）、 plus the character after it


@dataclass(slots=True)
class Marker:
    """A marker as typed: ``text`` is exactly the marker, ``start``/``end`` its span.

    Treat as immutable; ``level`` and ``family`` are computed once, as the outline reads
    them for every paragraph.
    """

    kind: Kind
    value: int
    text: str
    start: int
    end: int
    open: str = ""  # bracket forms: the opening bracket as typed
    close: str = ""
    separator: str = ""  # 、 . ， after a bare numeral; the verb 是/要 for enumerators
    after: str = ""  # anything typed after a closing bracket: （一）、
    digits_follow: bool = False  # 1.2022年… : a marker only if it fits its siblings
    level: int = field(init=False)  # 1–5 for headings, 0 for enumerators
    family: str = field(init=False)  # enumerators count within a family: 一是 with 二是

    def __post_init__(self) -> None:
        if self.kind is Kind.PART:
            self.level = PART_LEVEL[self.separator]
        else:
            self.level = HEADING_LEVEL.get(self.kind, 0)
        self.family = f"verb:{self.separator}" if self.kind is Kind.VERB else self.kind.value

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_LEVEL

    def renumbered(self, value: int) -> str:
        """The marker as typed, carrying ``value``: （三） → （四）, 三、 → 四、, 1、 → 2、."""
        kind, number = self.kind, to_chinese(value)
        if kind in (Kind.CHINESE, Kind.VERB):
            return number + self.separator
        if kind is Kind.BRACKET_CHINESE:
            return f"{self.open}{number}{self.close}{self.after}"
        if kind is Kind.BRACKET_ARABIC:
            return f"{self.open}{value}{self.close}{self.after}"
        if kind is Kind.ARABIC:
            return f"{value}{self.separator}"
        if kind in (Kind.PART, Kind.ORDINAL):
            return f"第{number}{self.separator}"
        if kind is Kind.CIRCLED:
            return chr(0x2460 + value - 1) if 0 < value <= 20 else str(value)
        if kind is Kind.QI:
            return f"其{number}{self.text[2:]}"
        return self.text

    def canonical(self) -> str:
        """The marker as GB/T 15834-2011 B.3 writes it: 一、 （一） 1. （1） 第一，."""
        number = to_chinese(self.value)
        if self.kind is Kind.CHINESE:
            return f"{number}、"
        if self.kind is Kind.BRACKET_CHINESE:
            return f"（{number}）"
        if self.kind is Kind.BRACKET_ARABIC:
            return f"（{self.value}）"
        if self.kind is Kind.ARABIC:
            return f"{self.value}." if self.separator == "、" else self.text
        if self.kind is Kind.ORDINAL:
            return f"第{number}，" if self.separator == "、" else self.text
        return self.text

    def shifted(self, offset: int) -> Marker:
        return Marker(
            self.kind, self.value, self.text, self.start + offset, self.end + offset,
            self.open, self.close, self.separator, self.after, self.digits_follow,
        )  # fmt: skip


@cache
def _parser() -> Lark:
    return Lark(
        grammar_path("numbering.lark").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        start=["head", "clause"],
        cache=False,
    )


@dataclass(frozen=True, slots=True)
class _Form:
    """What the grammar read, before the marker is placed in its text."""

    kind: Kind
    value: int
    open: str = ""
    close: str = ""
    separator: str = ""
    after: str = ""


class _ToForm(Transformer[Token, "_Form | None"]):
    """One method per grammar rule (grammar/numbering.lark), bottom-up."""

    def cn_number(self, tokens: list[Token]) -> int:
        value, pending = 0, 0
        for token in tokens:
            if token.type == "TEN":
                value += (pending or 1) * 10
                pending = 0
            else:
                pending = NONZERO_DIGITS.index(str(token)) + 1
        return value + pending

    def _mark(self, tokens: list[Token]) -> str:
        return str(tokens[0])

    cn_separator = arabic_separator = ordinal_separator = after = _mark

    def chinese_heading(self, children: list) -> _Form:
        value, separator = children
        return _Form(Kind.CHINESE, value, separator=separator)

    def part_heading(self, children: list) -> _Form:
        _, value, word = children
        return _Form(Kind.PART, value, separator=str(word))

    def bracket_heading(self, children: list) -> _Form:
        opening, number, closing, *after = children
        kind = Kind.BRACKET_ARABIC if isinstance(number, Token) else Kind.BRACKET_CHINESE
        return _Form(kind, int(number), str(opening), str(closing), after="".join(after))

    def half_bracket_heading(self, children: list) -> _Form:
        number, closing = children
        return _Form(Kind.BRACKET_ARABIC, int(number), close=str(closing))

    def arabic_heading(self, children: list) -> _Form | None:
        number, separator = children
        return _Form(Kind.ARABIC, int(number), separator=separator) if int(number) else None

    def circled_heading(self, children: list) -> _Form:
        return _Form(Kind.CIRCLED, ord(str(children[0])) - 0x2460 + 1)

    def verb_enumerator(self, children: list) -> _Form:
        value, verb = children
        return _Form(Kind.VERB, value, separator=str(verb))

    def ordinal_enumerator(self, children: list) -> _Form:
        _, value, separator = children
        return _Form(Kind.ORDINAL, value, separator=separator)

    def qi_enumerator(self, children: list) -> _Form:
        return _Form(Kind.QI, children[1])

    def aspect_enumerator(self, children: list) -> _Form:
        return _Form(Kind.ASPECT, 2 if str(children[0]).startswith("另") else 1)


_TO_FORM = _ToForm()


def _to_marker(tree: Tree, text: str) -> Marker | None:
    node, *rest = tree.children
    form = _TO_FORM.transform(node) if isinstance(node, Tree) else None
    if form is None:
        return None
    following = str(rest[0]) if rest else ""
    end = len(text) - len(following)
    if form.kind is Kind.PART and following and following[0] not in _AFTER_PART:
        return None  # 第一条　本办法… is a division; 第二节课 or 第三条道路 is prose
    return Marker(
        form.kind, form.value, text[:end], 0, end, form.open, form.close, form.separator,
        form.after, digits_follow=following[:1].isdigit() and form.kind is not Kind.PART,
    )  # fmt: skip


@lru_cache(maxsize=8192)
def _parse(head: str, start: str) -> Marker | None:
    try:
        tree = _parser().parse(head, start=start)
    except LarkError:
        return None  # not a marker: plain text
    return _to_marker(tree, head)


_AFTER_PART = frozenset(" \t\u3000：:、，,．.")

# Cheap pre-filters: only text that can open a marker reaches the parser.
_HEAD_CHARS = frozenset("（(一二三四五六七八九十第其另0123456789") | frozenset(
    chr(c) for c in range(0x2460, 0x2474)
)
_CLAUSE_START = re.compile(r"[。；：！？;!?][\s\u3000]*(?=[一二三四五六七八九十第其另])")
_LEADING_SPACE = re.compile(r"[\s\u3000]*")


def parse_head(text: str) -> Marker | None:
    """The marker opening a paragraph (after any indentation), or None."""
    offset = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    if offset >= len(text) or text[offset] not in _HEAD_CHARS:
        return None
    marker = _parse(text[offset : offset + _HEAD_SLICE], "head")
    if marker is None:
        return None
    if marker.is_heading and _is_bare_number(text[offset:]):
        return None  # 2.5 or 1、2 alone on a line is a value, not a heading
    return marker.shifted(offset) if offset else marker


def _is_bare_number(text: str) -> bool:
    return all(ch.isdigit() or ch in ".．,，、%‰ \u3000" for ch in text.strip())


def find_clause_enumerators(text: str) -> list[Marker]:
    """Enumerators opening a clause inside the paragraph (not at its very start)."""
    found: list[Marker] = []
    for match in _CLAUSE_START.finditer(text):
        start = match.end()
        marker = _parse(text[start : start + 8], "clause")
        if marker is not None:
            found.append(marker.shifted(start))
    return found
