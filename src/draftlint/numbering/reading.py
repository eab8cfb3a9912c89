"""Marker forms read with the grammar's generated LALR parser (``numbering/lalr.py``).

Imported only when a marker shape is not in the user's store of earlier answers (see
``markers._parse_grammar``): most runs never load the parser.
"""

from __future__ import annotations

from functools import cache

from draftlint.numbering.lalr import Lark, Lark_StandAlone, LarkError, Token, Transformer, Tree
from draftlint.numbering.marks import AFTER_PART, LOOSE_SEPARATORS, Kind
from draftlint.numerals import NONZERO_DIGITS
from draftlint.records import dataclass

# A marker's fields as ``markers.Marker`` takes them (the kind as its value), or () for
# none: what the user's store keeps (marshal holds tuples of str, int and bool).
Entry = tuple[object, ...]


@cache
def _parser() -> Lark:
    """The grammar's LALR parser, from the tables generated beside this module (``lalr.py``,
    made from ``grammar/numbering.lark`` by ``build_parser``): no grammar is read or built,
    and the ``lark`` package is never imported at run time."""
    return Lark_StandAlone()


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


def _to_marker(tree: Tree, text: str) -> Entry:
    node, *rest = tree.children
    form = _TO_FORM.transform(node) if isinstance(node, Tree) else None
    if form is None:
        return ()
    following = str(rest[0]) if rest else ""
    end = len(text) - len(following)
    if form.kind is Kind.PART and following and following[0] not in AFTER_PART:
        return ()  # 第一条　本办法… is a division; 第二节课 or 第三条道路 is prose
    loose = form.separator in LOOSE_SEPARATORS and form.kind is Kind.ARABIC
    if loose and (not following or following[0].isdigit() or following[0].isspace()):
        return ()  # 17:00, 1:2, 1，2: numbers, never a marker
    return (
        form.kind.value, form.value, text[:end], 0, end, form.open, form.close, form.separator,
        form.after, following[:1].isdigit() and form.kind is not Kind.PART,
    )  # fmt: skip


def parse(head: str, start: str) -> Entry:
    """What the grammar reads in ``head`` from the rule ``start`` (head, clause, section):
    the marker's fields (``Marker(Kind(kind), *rest)``), or () for no marker."""
    try:
        tree = _parser().parse(head, start=start)
    except LarkError:
        return ()  # not a marker: plain text
    if start == "section":
        return _section_marker(tree)
    return _to_marker(tree, head)


def _section_marker(tree: Tree) -> Entry:
    """1.1 编制目的 read by the ``section`` rule: the number as typed, without the space."""
    numbers = [int(token) for token in tree.children if token.type == "ARABIC"]
    if not all(numbers):
        return ()  # 1.0 or 0.5: a quantity
    number = "".join(str(token) for token in tree.children if token.type in ("ARABIC", "DOT"))
    return (Kind.DECIMAL.value, numbers[-1], number, 0, len(number), "", "", "", "", False)
