"""Paragraph-leading markers and clause-leading enumerators, read with the Lark grammar.

The grammar (``grammar/numbering.lark``) is built once per process. Each paragraph's head
is a short slice; identical slices are parsed once (markers repeat a great deal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import LarkError

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
ENUMERATOR_KINDS = frozenset({Kind.VERB, Kind.ORDINAL, Kind.QI, Kind.ASPECT})

CHINESE_DIGITS = "一二三四五六七八九"
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

    def shifted(self, offset: int) -> Marker:
        return Marker(
            self.kind, self.value, self.text, self.start + offset, self.end + offset,
            self.open, self.close, self.separator, self.after, self.digits_follow,
        )  # fmt: skip


def chinese_number_text(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九."""
    if not 0 < value < 100:
        return str(value)
    tens, units = divmod(value, 10)
    text = ""
    if tens:
        text = ("" if tens == 1 else CHINESE_DIGITS[tens - 1]) + "十"
    if units:
        text += CHINESE_DIGITS[units - 1]
    return text


@cache
def _parser() -> Lark:
    return Lark(
        grammar_path("numbering.lark").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        start=["head", "clause"],
        cache=False,
    )


def _number(tree: Tree) -> int:
    digits = [token for token in tree.children if isinstance(token, Token)]
    value, pending = 0, 0
    for token in digits:
        if token.type == "TEN":
            value += (pending or 1) * 10
            pending = 0
        else:
            pending = CHINESE_DIGITS.index(str(token)) + 1
    return value + pending


def _first_token(tree: Tree, type_: str) -> str:
    for token in tree.scan_values(lambda v: isinstance(v, Token) and v.type == type_):
        return str(token)
    return ""


def _to_marker(tree: Tree, text: str) -> Marker | None:
    node = tree.children[0]
    rest = tree.children[1] if len(tree.children) > 1 else None
    if not isinstance(node, Tree):
        return None
    end = len(text) - (len(rest) if isinstance(rest, Token) else 0)
    marker_text = text[:end]
    digits_follow = bool(rest) and str(rest)[:1].isdigit()
    kind_name = node.data
    numbers = [child for child in node.children if isinstance(child, Tree)]
    cn = next((n for n in numbers if n.data == "cn_number"), None)
    arabic = _first_token(node, "ARABIC")
    value = _number(cn) if cn is not None else (int(arabic) if arabic else 0)
    if kind_name == "chinese_heading":
        return Marker(
            Kind.CHINESE, value, marker_text, 0, end, separator=marker_text[-1],
            digits_follow=digits_follow,
        )  # fmt: skip
    if kind_name in ("bracket_heading", "half_bracket_heading"):
        kind = Kind.BRACKET_CHINESE if cn is not None else Kind.BRACKET_ARABIC
        after_tree = next((n for n in numbers if n.data == "after"), None)
        return Marker(
            kind, value, marker_text, 0, end,
            open=_first_token(node, "OPEN"), close=_first_token(node, "CLOSE"),
            after=str(after_tree.children[0]) if after_tree is not None else "",
            digits_follow=digits_follow,
        )  # fmt: skip
    if kind_name == "arabic_heading":
        if value == 0:
            return None
        return Marker(
            Kind.ARABIC, value, marker_text, 0, end, separator=marker_text[-1],
            digits_follow=digits_follow,
        )  # fmt: skip
    if kind_name == "part_heading":
        # 第一条　本办法… / 第二章 总则: a division is followed by a space or a mark;
        # 第二节课 or 第三条道路 is prose.
        if rest and str(rest)[0] not in _AFTER_PART:
            return None
        word = _first_token(node, "PART")
        return Marker(Kind.PART, value, marker_text, 0, end, separator=word)
    if kind_name == "circled_heading":
        return Marker(Kind.CIRCLED, ord(marker_text[0]) - 0x2460 + 1, marker_text, 0, end)
    if kind_name == "verb_enumerator":
        return Marker(Kind.VERB, value, marker_text, 0, end, separator=marker_text[-1])
    if kind_name == "ordinal_enumerator":
        return Marker(Kind.ORDINAL, value, marker_text, 0, end, separator=marker_text[-1])
    if kind_name == "qi_enumerator":
        return Marker(Kind.QI, value, marker_text, 0, end)
    if kind_name == "aspect_enumerator":
        return Marker(Kind.ASPECT, 2 if marker_text.startswith("另") else 1, marker_text, 0, end)
    return None


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
