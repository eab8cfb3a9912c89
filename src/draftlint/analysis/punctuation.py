"""Chinese context, protected spans and the half-width marks in Chinese text (W001–W005).

An ASCII mark is in Chinese context when the nearest character on one side (a few spaces
skipped) is Han or Chinese punctuation; spans that are not prose (URLs, e-mail, file names,
versions, numbers, code) are never touched. The tables live in ``rules/punctuation.toml``.

``scan_halfwidth`` says which ASCII marks stand in Chinese text and what replaces each:
W001 reports them, W003 and W004 read what a straight quote stands for. Which rule reports
a character is not decided here: the engine drops a finding on a span that a rule it defers
to reports (``Rule.defers_to``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from operator import itemgetter
from typing import Any, NamedTuple

from draftlint.analysis.joined import Joined
from draftlint.analysis.regex_shape import anchored_at_start
from draftlint.analysis.spans import Spans, inside, merge
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.resources import rule_data

_SPACES = frozenset(" \t\u3000\u00a0")
_ASCII_RUN = compile_re(r"[!-~]{2,}")  # one mark alone between Chinese characters is prose


def table() -> dict[str, Any]:
    return rule_data("punctuation")


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled patterns of the punctuation tables, built once."""

    han: re.Pattern[str]
    chinese: re.Pattern[str]  # Han or Chinese punctuation: one character
    protected: re.Pattern[str]  # tried within runs of printable ASCII
    protected_anywhere: re.Pattern[str] | None  # scope = "paragraph"
    protected_later: re.Pattern[str] | None  # those of them that can match past offset 0
    ascii_marks: re.Pattern[str]  # any ASCII mark W001 looks at
    paired: str  # the ASCII brackets and quotes, which pair with full-width halves
    family_of: dict[str, str]  # bracket/quote character → its family's first character
    all_marks: re.Pattern[str]  # those, with the full-width halves brackets/quotes pair with
    max_gap: int
    # An ASCII mark next to Chinese (spaces skipped), or an ASCII bracket or quote that may
    # pair with a full-width half: without either, a paragraph has nothing for W001.
    candidate: re.Pattern[str]
    # Narrower, for a search of the whole document: a mark that scan_halfwidth may report
    # (``_reportable``). The paragraphs without one are most of a draft, and have nothing.
    reportable: re.Pattern[str]
    wide: re.Pattern[str]
    any_paired: re.Pattern[str]  # one of ``paired``
    marks: dict[str, str]  # [halfwidth] marks, stops, brackets and quotes of the table
    stops: dict[str, str]
    brackets: tuple[tuple[str, str, str, str], ...]
    quotes: tuple[tuple[str, str, str], ...]


@cache
def compiled() -> _Patterns:
    data = table()
    context = data["context"]
    han, punctuation = context["han"], context["punctuation"]
    halfwidth = data["halfwidth"]
    ascii_chars = [*halfwidth["marks"], *halfwidth["stops"]]
    wide_chars: list[str] = []
    for narrow_open, narrow_close, wide_open, wide_close in halfwidth["brackets"]:
        ascii_chars += [narrow_open, narrow_close]
        wide_chars += [wide_open, wide_close]
    for straight, opening, closing in halfwidth["quotes"]:
        ascii_chars.append(straight)
        wide_chars += [opening, closing]
    paired = "".join(
        c for c in ascii_chars if c not in halfwidth["marks"] and c not in halfwidth["stops"]
    )
    family_of = {char: group[0] for group in halfwidth["brackets"] for char in group}
    family_of |= {char: group[0] for group in halfwidth["quotes"] for char in group}
    ascii_class = "".join(re.escape(c) for c in dict.fromkeys(ascii_chars))
    wide_class = "".join(re.escape(c) for c in dict.fromkeys(wide_chars))
    entries = data.get("protected", [])
    protected = "|".join(
        f"(?:{e['pattern']})" for e in entries if e.get("scope", "ascii") == "ascii"
    )
    paragraph = [e["pattern"] for e in entries if e.get("scope", "ascii") == "paragraph"]
    anywhere = "|".join(f"(?:{p})" for p in paragraph)
    later = "|".join(f"(?:{p})" for p in paragraph if not anchored_at_start(p))
    return _Patterns(
        han=compile_re(f"[{han}]"),
        chinese=compile_re(f"[{han}{punctuation}]"),
        protected=compile_re(protected or r"(?!)"),
        protected_anywhere=compile_re(anywhere) if anywhere else None,
        protected_later=compile_re(later) if later else None,
        ascii_marks=compile_re(f"[{ascii_class}]"),
        paired=paired,
        family_of=family_of,
        all_marks=compile_re(f"[{ascii_class}{wide_class}]"),
        max_gap=int(context.get("max_gap", 2)),
        candidate=compile_re(
            f"[{han}{punctuation}]\\s{{0,{int(context.get('max_gap', 2))}}}[{ascii_class}]"
            f"|[{ascii_class}]\\s{{0,{int(context.get('max_gap', 2))}}}[{han}{punctuation}]"
        ),
        reportable=compile_re(
            _reportable(
                f"{han}{punctuation}",
                "".join(map(re.escape, halfwidth["marks"])),
                "".join(map(re.escape, halfwidth["stops"])),
                re.escape(paired),
                int(context.get("max_gap", 2)),
            )
        ),
        wide=compile_re(f"[{wide_class}]"),
        any_paired=compile_re(f"[{re.escape(paired)}]" if paired else "(?!)"),
        marks=halfwidth["marks"],
        stops=halfwidth["stops"],
        brackets=tuple(tuple(bracket) for bracket in halfwidth["brackets"]),
        quotes=tuple(tuple(quote) for quote in halfwidth["quotes"]),
    )


def _reportable(chinese: str, marks: str, stops: str, paired: str, gap: int) -> str:
    """A mark scan_halfwidth may report, for one search of the joined text: an ASCII bracket
    or quote (paired by position, wherever it stands), a mark with Chinese beside it (up to
    ``gap`` spaces between) or a stop right after Chinese. Without one a paragraph has nothing
    to report. Each alternative checks the mark it follows, so the pattern opens with one
    character class, which the regex engine finds at C speed. No class holds a newline: every
    match lies inside one paragraph."""
    spaces = "[" + "".join(map(re.escape, sorted(_SPACES))) + "]"
    alternatives = [f"(?<=[{paired}])"] if paired else []
    if marks or stops:
        alternatives.append(f"(?<=[{chinese}][{marks}{stops}])")
    if marks:
        alternatives.append(f"(?<=[{marks}])(?={spaces}{{0,{gap}}}[{chinese}])")
        alternatives += [f"(?<=[{chinese}]{spaces}{{{k}}}[{marks}])" for k in range(1, gap + 1)]
    if not alternatives:
        return "(?!)"
    return f"[{marks}{stops}{paired}](?:{'|'.join(alternatives)})"


_CHINESE: dict[str, bool] = {"": False}  # per character, filled on first sight


def is_chinese(char: str) -> bool:
    known = _CHINESE.get(char)
    if known is None:
        known = _CHINESE[char] = compiled().chinese.match(char) is not None
    return known


def before(text: str, index: int) -> str:
    """The nearest character before ``index``, up to ``max_gap`` spaces skipped ("" if none)."""
    gap = compiled().max_gap
    j = index - 1
    while j >= 0 and text[j] in _SPACES and index - 1 - j < gap:
        j -= 1
    return "" if j < 0 or text[j] in _SPACES else text[j]


def after(text: str, index: int) -> str:
    """The nearest character after ``index`` (the mark's own position), spaces skipped."""
    gap = compiled().max_gap
    j = index + 1
    n = len(text)
    while j < n and text[j] in _SPACES and j - index - 1 < gap:
        j += 1
    return "" if j >= n or text[j] in _SPACES else text[j]


def in_chinese_context(text: str, start: int, end: int | None = None) -> bool:
    """Han or Chinese punctuation next to ``text[start:end]`` on at least one side."""
    end = start + 1 if end is None else end
    return is_chinese(before(text, start)) or is_chinese(after(text, end - 1))


def between_chinese(text: str, start: int, end: int) -> bool:
    return is_chinese(before(text, start)) and is_chinese(after(text, end - 1))


def anywhere_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``protected_anywhere.finditer(text)`` (scope = "paragraph" patterns).

    A pattern anchored at the start (^.*[EB/OL].*$) is tried at offset 0 only; the rest
    (`code`) begin with a literal the regex engine finds fast, where the whole alternation
    would be tried at every position."""
    pats = compiled()
    anywhere = pats.protected_anywhere
    if anywhere is None:
        return []
    first = anywhere.match(text)
    if first is not None and first.end() == 0:
        return [m.span() for m in anywhere.finditer(text)]  # an empty match: no shortcut
    found = [] if first is None else [first.span()]
    if pats.protected_later is not None:
        start = 0 if first is None else first.end()
        found += [m.span() for m in pats.protected_later.finditer(text, start)]
    return found


def protected_spans(text: str) -> Spans:
    """Merged spans of URLs, e-mail, file names, versions, numbers and code in ``text``."""
    pats = compiled()
    found: list[tuple[int, int]] = []
    if pats.protected_anywhere is not None:
        found += anywhere_spans(text)
    protected = pats.protected.finditer
    for run in _ASCII_RUN.finditer(text):
        found += [m.span() for m in protected(text, run.start(), run.end())]
    return tuple(merge(found)) if found else ()


# --- W001's verdicts -------------------------------------------------------------------------


class HalfMark(NamedTuple):
    """An ASCII mark in Chinese text and the full-width mark that replaces it."""

    start: int
    char: str
    replacement: str


# Made without NamedTuple's Python-level __new__: a large draft has tens of thousands of marks.
_new_mark = partial(tuple.__new__, HalfMark)
_start_of = itemgetter(0)


def scan_halfwidth(text: str) -> tuple[HalfMark, ...]:
    """The ASCII marks of ``text`` that stand in Chinese context, each with the full-width
    mark that replaces it (W001's verdicts; W003 and W004 read what a straight quote means)."""
    if compiled().ascii_marks.search(text) is None:
        return ()
    return _scan_marks(text)


def _scan_marks(text: str) -> tuple[HalfMark, ...]:
    """``scan_halfwidth`` of a text known to hold an ASCII mark."""
    pats = compiled()
    has_paired = pats.any_paired.search(text) is not None
    if pats.candidate.search(text) is None and not (has_paired and pats.wide.search(text)):
        return ()
    protected: Spans | None = None  # computed on first need: most marks sit in numbers
    marks, stops, family_of = pats.marks, pats.stops, pats.family_of
    groups: dict[str, list[tuple[int, str]]] = {}  # bracket/quote family → its marks in order
    # Full-width brackets and quotes matter only to pair with ASCII ones.
    finder = pats.all_marks if has_paired else pats.ascii_marks
    found: list[HalfMark] = []
    chinese = _CHINESE  # is_chinese, inlined for the character before: the common case
    for match in finder.finditer(text):
        position = match.start()
        char = text[position]  # one character: indexing is cheaper than match.group()
        replacement = marks.get(char)
        if replacement is None:
            replacement = stops.get(char)
            if replacement is None:  # a bracket or quote: paired below
                if protected is None:
                    protected = protected_spans(text)
                if not protected or not inside(protected, position):
                    groups.setdefault(family_of[char], []).append((position, char))
                continue
            if not _is_sentence_stop(text, position):
                continue
        elif not (
            position and (chinese.get(text[position - 1]) or is_chinese(text[position - 1]))
        ) and not in_chinese_context(text, position):
            continue
        if protected is None:
            protected = protected_spans(text)
        if not protected or not inside(protected, position):
            found.append(_new_mark((position, char, replacement)))
    if groups:
        for bracket in pats.brackets:
            found += _brackets(text, groups.get(bracket[0], []), *bracket)
        for quote in pats.quotes:
            found += _quotes(text, groups.get(quote[0], []), *quote)
        found.sort(key=_start_of)
    return tuple(found)


def scan_document(joined: Joined) -> dict[int, tuple[HalfMark, ...]]:
    """``scan_halfwidth`` of each text in ``joined``, by position (those with none left out).

    One search of the joined text finds the paragraphs holding a mark that may be reported;
    only those are scanned. Most ASCII marks in a draft sit in numbers (1,200, 3.5, 1.): a
    paragraph of them is never read in Python."""
    texts = joined.texts
    found: dict[int, tuple[HalfMark, ...]] = {}
    for position in joined.positions(compiled().reportable):
        marks = _scan_marks(texts[position])  # a match is an ASCII mark
        if marks:
            found[position] = marks
    return found


def _is_sentence_stop(text: str, position: int) -> bool:
    previous = text[position - 1] if position else ""
    following = text[position + 1] if position + 1 < len(text) else ""
    if previous == "." or following == ".":
        return False  # .. or ...: W005's ellipsis
    if not is_chinese(previous):
        return False
    return not following or following in _SPACES or is_chinese(following)


def _next(text: str, position: int) -> str:
    """The character right after a closing mark: ``"Hello." 然后`` is an English quote."""
    return text[position + 1] if position + 1 < len(text) else ""


def _has_chinese(text: str, start: int, end: int) -> bool:
    return compiled().chinese.search(text, start, end) is not None


def _brackets(
    text: str, events: list[tuple[int, str]], n_open: str, n_close: str, w_open: str, w_close: str
) -> Iterator[HalfMark]:
    """ASCII brackets paired in the paragraph; a pair in Chinese context is converted whole."""
    stack: list[tuple[int, str]] = []
    lone: list[tuple[int, str]] = []
    for position, char in events:
        if char in (n_open, w_open):
            stack.append((position, char))
            continue
        if not stack:
            lone.append((position, char))
            continue
        opened_at, opener = stack.pop()
        if opener == n_open and char == n_close:
            chinese = (
                _has_chinese(text, opened_at + 1, position)
                or is_chinese(before(text, opened_at))
                or compiled().han.match(_next(text, position)) is not None
            )
            if chinese:
                yield HalfMark(opened_at, opener, w_open)
                yield HalfMark(position, char, w_close)
        elif opener == n_open:  # (…）: the ASCII half of a Chinese pair
            yield HalfMark(opened_at, opener, w_open)
        elif char == n_close:  # （…)
            yield HalfMark(position, char, w_close)
    for position, char in [*lone, *stack]:
        if char == n_close and position and text[position - 1] in ":;":
            continue  # :) is an emoticon, not half of a bracket pair
        if char in (n_open, n_close) and in_chinese_context(text, position):
            yield HalfMark(position, char, w_open if char == n_open else w_close)


def _quotes(
    text: str, events: list[tuple[int, str]], straight: str, opening: str, closing: str
) -> Iterator[HalfMark]:
    """Straight quotes by position: first opening, second closing; one closing a curly “ is ”."""
    curly_open = False
    pending: int | None = None  # a straight quote waiting for its partner
    for position, char in events:
        if char == straight and _is_apostrophe(text, position):
            continue
        if char == opening:
            if pending is not None:
                yield from _lone_quote(text, pending, straight, opening)
                pending = None
            curly_open = True
        elif char == closing:
            if pending is not None:  # "…”: the straight half of a Chinese pair
                yield HalfMark(pending, straight, opening)
                pending = None
            curly_open = False
        elif curly_open:  # “…"
            yield HalfMark(position, straight, closing)
            curly_open = False
        elif pending is None:
            pending = position
        else:
            chinese = (
                _has_chinese(text, pending + 1, position)
                or is_chinese(before(text, pending))
                or is_chinese(_next(text, position))
            )
            if chinese:
                yield HalfMark(pending, straight, opening)
                yield HalfMark(position, straight, closing)
            pending = None
    if pending is not None:
        yield from _lone_quote(text, pending, straight, opening)


def _lone_quote(text: str, position: int, straight: str, opening: str) -> Iterator[HalfMark]:
    if in_chinese_context(text, position):
        yield HalfMark(position, straight, opening)


def _is_apostrophe(text: str, position: int) -> bool:
    """don't, Xi'an: an ASCII letter on both sides."""
    if position == 0 or position + 1 >= len(text):
        return False
    return (
        text[position - 1].isascii()
        and text[position - 1].isalpha()
        and (text[position + 1].isascii() and text[position + 1].isalpha())
    )
