"""Paragraph-leading markers and clause-leading enumerators, read with the Lark grammar.

The grammar (``grammar/numbering.lark``) is read by the parser generated from it
(``numbering/lalr.py``, driven from ``numbering/reading.py``). Each paragraph's head is a
short slice; identical slices are parsed once (markers repeat a great deal), and the
grammar's answers are kept in the user's store, so a run loads the parser only for a
marker shape no earlier run has seen.
"""

from __future__ import annotations

from dataclasses import field
from functools import cache, lru_cache
from pathlib import Path

from draftlint import numerals
from draftlint.numbering.marks import AFTER_PART as _AFTER_PART
from draftlint.numbering.marks import LOOSE_SEPARATORS as _LOOSE_SEPARATORS
from draftlint.numbering.marks import Kind
from draftlint.numerals import to_chinese as _to_chinese
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.usercache import Store, code_checksum, python_stamp


class Kinds:
    """Kind's members as plain class attributes (``Kinds.ARABIC is Kind.ARABIC``): in Python
    3.11 reading ``Kind.ARABIC`` goes through ``EnumType.__getattr__``'s slow attribute hook,
    and the outline and the numbering rules compare the kind of every marker."""

    PART = Kind.PART
    CHINESE = Kind.CHINESE
    BRACKET_CHINESE = Kind.BRACKET_CHINESE
    ARABIC = Kind.ARABIC
    BRACKET_ARABIC = Kind.BRACKET_ARABIC
    CIRCLED = Kind.CIRCLED
    VERB = Kind.VERB
    ORDINAL = Kind.ORDINAL
    QI = Kind.QI
    ASPECT = Kind.ASPECT
    DECIMAL = Kind.DECIMAL


HEADING_LEVEL = {
    Kind.PART: 0,  # refined per division word below: 部分 above 章 above 节 above 条
    Kind.CHINESE: 1,
    Kind.BRACKET_CHINESE: 2,
    Kind.ARABIC: 3,
    Kind.BRACKET_ARABIC: 4,
    Kind.CIRCLED: 5,
    Kind.DECIMAL: -10,  # refined by depth below: 1 above 1.1 above 1.1.1, all above 第一章
}
# Divisions above 一、 (GB/T 1.1 and 公文 practice): levels below 1, outermost first.
PART_LEVEL = {"部分": -3, "篇": -3, "编": -3, "章": -2, "节": -1, "条": 0}
_HEAD_SLICE = 14  # long enough for （九十九）、 plus the character after it


# N005 writes every heading's canonical form, N001–N003 the expected ones: few numbers,
# asked for again and again.
to_chinese = lru_cache(maxsize=1024)(_to_chinese)


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
        if self.kind is Kinds.PART:
            self.level = PART_LEVEL[self.separator]
        elif self.kind is Kinds.DECIMAL:
            depth = sum(1 for part in _DECIMAL_DOTS.split(self.text) if part)
            self.level = HEADING_LEVEL[Kinds.DECIMAL] + depth
        else:
            self.level = HEADING_LEVEL.get(self.kind, 0)
        self.family = f"verb:{self.separator}" if self.kind is Kinds.VERB else self.kind.value

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_LEVEL

    @property
    def needs_siblings(self) -> bool:
        """1.5倍… or 1：…: a marker only where it continues a run of its siblings."""
        return self.digits_follow or (
            self.kind is Kinds.ARABIC and self.separator in _LOOSE_SEPARATORS
        )

    def renumbered(self, value: int) -> str:
        """The marker as typed, carrying ``value``: （三） → （四）, 三、 → 四、, 1、 → 2、."""
        kind, number = self.kind, to_chinese(value)
        if kind in (Kinds.CHINESE, Kinds.VERB):
            return number + self.separator
        if kind is Kinds.BRACKET_CHINESE:
            return f"{self.open}{number}{self.close}{self.after}"
        if kind is Kinds.BRACKET_ARABIC:
            return f"{self.open}{value}{self.close}{self.after}"
        if kind is Kinds.ARABIC:
            return f"{value}{self.separator}"
        if kind in (Kinds.PART, Kinds.ORDINAL):
            return f"第{number}{self.separator}"
        if kind is Kinds.CIRCLED:
            return chr(0x2460 + value - 1) if 0 < value <= 20 else str(value)
        if kind is Kinds.DECIMAL:
            head = [part for part in _DECIMAL_DOTS.split(self.text) if part][:-1]
            dot = self.text[-1] if self.text[-1] in ".．" else ""
            return ".".join([*head, str(value)]) + dot
        if kind is Kinds.QI:
            return f"其{number}{self.text[2:]}"
        return self.text

    def canonical(self) -> str:
        """The marker as GB/T 15834-2011 B.3 writes it: 一、 （一） 1. （1） 第一，."""
        number = to_chinese(self.value)
        if self.kind is Kinds.CHINESE:
            return f"{number}、"
        if self.kind is Kinds.BRACKET_CHINESE:
            return f"（{number}）"
        if self.kind is Kinds.BRACKET_ARABIC:
            return f"（{self.value}）"
        if self.kind is Kinds.ARABIC:
            return self.text if self.separator in ".．" else f"{self.value}."
        if self.kind is Kinds.ORDINAL:
            return f"第{number}，" if self.separator == "、" else self.text
        return self.text

    def shifted(self, offset: int) -> Marker:
        """The same marker ``offset`` characters further on. Copied field by field, level
        and family included: the outline shifts every clause enumerator it finds, and
        ``__init__`` would compute both again (tests/test_markers.py checks every field)."""
        moved = _new_marker(Marker)
        moved.kind, moved.value, moved.text = self.kind, self.value, self.text
        moved.start, moved.end = self.start + offset, self.end + offset
        moved.open, moved.close, moved.separator = self.open, self.close, self.separator
        moved.after, moved.digits_follow = self.after, self.digits_follow
        moved.level, moved.family = self.level, self.family
        return moved


_new_marker = object.__new__


# The characters a marker is made of (every terminal of the grammar but the section gap).
# A marker reads the same whatever follows it, but for the kind of character right after
# it (REST swallows the rest; _to_marker looks at its first character only), so the parse
# is cached on the marker and a stand-in for that character: 1.坚持… and 1.严格… are one.
_MARKER_CHARS = (
    r"[（()）一二三四五六七八九十0-9、.．，,：:第其是要部分篇编章节条另方面\u2460-\u2473]"
)
_MARKER_RUN = compile_re(_MARKER_CHARS + "*")
_SECTION_RUN = compile_re(r"[0-9.．]*[ \t\u3000]*")  # 1.1 and the gap before its title


def _parse(head: str, start: str) -> Marker | None:
    run = (_SECTION_RUN if start == "section" else _MARKER_RUN).match(head).end()  # type: ignore[union-attr]
    if run < len(head):
        head = head[:run] + _stand_in(head[run])
    return _parse_cached(head, start)


def _stand_in(char: str) -> str:
    """What the parse tells of the character after a marker: a space or separator as is,
    any digit as ０ (1，2 is a number), anything else as 文 (none of these is a terminal)."""
    if char in _AFTER_PART or char.isspace():
        return char
    return "０" if char.isdigit() else "文"


@lru_cache(maxsize=8192)
def _parse_cached(head: str, start: str) -> Marker | None:
    shape = head.translate(_DIGITS_TO_ONE)
    if shape == head:
        return _parse_grammar(head, start)
    # The grammar reads every ASCII digit alike (ARABIC is [0-9]{1,3}) and only asks whether
    # a number is zero, so 1. … 470. share the parse of 1. 11. 111.: the text and the value
    # are taken back from the digits as typed.
    marker = _parse_grammar(shape, start)
    if marker is None:
        return None
    text = head[: marker.end]
    value = marker.value
    if marker.kind in _DIGIT_KINDS:
        value = int(_DIGIT_RUN.findall(text)[-1])
    return Marker(
        marker.kind, value, text, marker.start, marker.end, marker.open, marker.close,
        marker.separator, marker.after, marker.digits_follow,
    )  # fmt: skip


# Nonzero ASCII digits read as 1: a number's length and whether it is zero are kept.
_DIGITS_TO_ONE = str.maketrans("23456789", "11111111")
_DIGIT_KINDS = frozenset((Kind.ARABIC, Kind.BRACKET_ARABIC, Kind.DECIMAL))
_DIGIT_RUN = compile_re(r"[0-9]+")


@lru_cache(maxsize=1024)
def _parse_grammar(head: str, start: str) -> Marker | None:
    """The grammar's reading of ``head``, kept in the user's store across runs (keyed by
    the code that reads it): the parser is loaded only for a shape never seen before."""
    key = (head, start)
    store = _store()
    if store is not None:
        entry = store.get(key)
        if entry is not None:
            try:
                return _from_entry(entry)
            except (TypeError, ValueError):  # damaged: read afresh below
                store.discard(key)
    from draftlint.numbering.reading import parse

    entry = parse(head, start)
    if store is not None:
        store.put(key, entry)
    return _from_entry(entry)


# What reading.parse answers for a marker (Marker's fields, the kind as its value), or ().
_ENTRY_TYPES = (str, int, str, int, int, str, str, str, str, bool)


def _from_entry(entry: object) -> Marker | None:
    if entry == ():
        return None
    if type(entry) is not tuple or len(entry) != len(_ENTRY_TYPES):
        raise TypeError("not a marker entry")
    if not all(type(item) is kind for item, kind in zip(entry, _ENTRY_TYPES, strict=True)):
        raise TypeError("not a marker entry")
    kind, *rest = entry
    return Marker(Kind(kind), *rest)


@cache
def _store() -> Store | None:
    """The store of the grammar's answers, named by a checksum of the code behind them
    (the generated parser, the transform, these classes, the numerals), or None when that
    code cannot be read."""
    here = Path(__file__).resolve().parent
    checksum = code_checksum(here / "lalr.py", here / "reading.py", here / "marks.py",
                             Path(numerals.__file__))  # fmt: skip
    return None if checksum is None else Store(f"markers-{python_stamp()}-{checksum}")


_DECIMAL_DOTS = compile_re(r"[.．]")
# What a section title may not open with: a unit makes 1.5 倍 or 2.1 亿元 a quantity.
_UNITS = frozenset("倍%％‰个万亿元千百十年月日号时分秒米克吨斤亩里人户家次项名岁天周度多余")
_SENTENCE_MARKS = compile_re(r"[。；，！？;!?]")
_SECTION_TITLE_MAX = 30  # 1 总则: a single-number section carries a short title, not a sentence

# Cheap pre-filters: only text that can open a marker reaches the parser.
HEAD_CHARS = frozenset("（(一二三四五六七八九十第其另0123456789") | frozenset(
    chr(c) for c in range(0x2460, 0x2474)
)
_CLAUSE_MARK = r"[。；：！？;!?][\s\u3000]*"  # what closes the clause before an enumerator
_CLAUSE_START = compile_re(_CLAUSE_MARK + "(?=[一二三四五六七八九十第其另])")
_LEADING_SPACE = compile_re(r"[\s\u3000]*")


# Every marker opening with digits has at most three of them and then a separator, a
# bracket or a space (1. 1、 1) 1： 1.1 1 总则): the grammar's ARABIC and what may follow it.
_DIGIT_HEAD = compile_re(r"[0-9]{1,3}[.．、)）:：,，\s\u3000]")


def parse_head(text: str, *, sections: bool = True) -> Marker | None:
    """The marker opening a paragraph (after any indentation), or None. With ``sections``
    False, 1.1 编制目的 is not read as a section number (it opens with 1. and digits)."""
    return _parse_head(text, sections)


# The outline reads each paragraph's head, and rules (N007, the profiles) ask again for the
# same paragraph text: the string's hash is kept with it, so asking again costs one lookup.
@lru_cache(maxsize=8192)
def _parse_head(text: str, sections: bool) -> Marker | None:
    offset = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    if offset >= len(text) or text[offset] not in HEAD_CHARS:
        return None
    if "0" <= text[offset] <= "9" and _DIGIT_HEAD.match(text, offset) is None:
        return None  # 12345号, 2026年: digits no marker form continues (a cheap test first)
    if sections and text[offset].isdigit():
        section = parse_section(text[offset:])
        if section is not None:
            return section.shifted(offset) if offset else section
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
    for match in _CLAUSE_HEAD.finditer(text):
        run, after = match.groups()  # as _parse reads text[start : start + _CLAUSE_SLICE]
        head = run + _stand_in(after) if after and len(run) < _CLAUSE_SLICE else run
        marker = _parse_cached(head, "clause")
        if marker is not None:
            found.append(marker.shifted(match.end()))
    return found


_CLAUSE_SLICE = 8  # the characters a clause enumerator is read from
# _CLAUSE_START, with what _parse would find in the slice after it captured in the
# lookahead (the match itself is the same, so a clause start inside a run is found too):
# the run of marker characters, and the character after it.
_CLAUSE_HEAD = compile_re(
    _CLAUSE_MARK
    + f"(?=([一二三四五六七八九十第其另]{_MARKER_CHARS}{{0,{_CLAUSE_SLICE - 1}}})((?s:.)?))"
)


def parse_section(text: str) -> Marker | None:
    """A GB/T 1.1 section number opening ``text``: 1 总则, 1.1 编制目的, 2.1.1 指挥部职责.

    The number is followed by a space and a title (or, below the top, a numbered clause);
    1.5 倍 and 2.1 亿元 are quantities, and a bare 1 needs a short title, not a sentence.
    """
    head = text[: _HEAD_SLICE + 2]
    if not _SECTION_SHAPE.match(head):
        return None  # 1.坚持 or 3.5亿元: no gap after the number (asked before the parser)
    marker = _parse(head, "section")
    if marker is None:
        return None
    title = text[marker.end :].lstrip(" \t\u3000")
    if not title or not _is_cjk(title[0]) or title[0] in _UNITS:
        return None
    if marker.level == HEADING_LEVEL[Kind.DECIMAL] + 1 and (
        len(title) > _SECTION_TITLE_MAX or _SENTENCE_MARKS.search(title)
    ):
        return None
    return marker


@lru_cache(maxsize=1024)  # Word's numbers: few prefixes, on many paragraphs
def parse_prefix(prefix: str) -> Marker | None:
    """The marker Word computed for an automatically numbered paragraph (its whole prefix)."""
    text = prefix.strip()
    if _DECIMAL_PREFIX.fullmatch(text):
        parts = _DECIMAL_DOTS.split(text.rstrip(".．"))
        return Marker(Kind.DECIMAL, int(parts[-1]), text.rstrip(".．"), 0, len(prefix))
    marker = _parse(text, "head")
    if marker is None or marker.end != len(text) or not marker.is_heading:
        return None
    return Marker(
        marker.kind, marker.value, marker.text, 0, len(prefix), marker.open, marker.close,
        marker.separator, marker.after,
    )  # fmt: skip


def parse_bare(text: str) -> Marker | None:
    """A heading marker standing alone on its line (5. or （三） with nothing after it)."""
    stripped = text.strip()
    if not stripped or len(stripped) > _HEAD_SLICE or stripped[0] not in HEAD_CHARS:
        return None
    if "0" <= stripped[0] <= "9" and _DIGIT_HEAD.match(stripped) is None:
        return None  # 12345号: no marker form (and no parse for each such line)
    marker = _parse(stripped, "head")
    if marker is None or marker.end != len(stripped) or not marker.is_heading:
        return None
    if marker.kind is Kind.ARABIC and marker.separator in _LOOSE_SEPARATORS:
        return None
    return marker.shifted(text.index(stripped[0]))


# 1.1 / 2.1.1 / 3 computed by Word (a trailing dot allowed): a decimal section number.
_DECIMAL_PREFIX = compile_re(r"[0-9]{1,3}(?:[.．][0-9]{1,3})+[.．]?|[0-9]{1,3}")
# What the ``section`` rule reads before the title: ARABIC (DOT ARABIC)* SECTION_GAP.
_SECTION_SHAPE = compile_re(r"[0-9]{1,3}(?:[.．][0-9]{1,3})*[ \t\u3000]")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "“《（("
