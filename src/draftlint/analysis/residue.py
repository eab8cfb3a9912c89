"""Scraped web-page residue (banners, 扫码 prompts, word counts, the site's address).

Plain functions, used by C002, by ``LintContext.residue`` and by the title finder (which
skips a website banner before the title): ``is_residue(text)`` for one paragraph,
``scan(texts)`` for a whole document in a few regex passes. The patterns live in ``rules/residue.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from draftlint.analysis.joined import Joined
from draftlint.analysis.spans import Span, merge
from draftlint.model import Paragraph
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.resources import rule_data

_TRAILING = " \t\u3000。，、；：！？.,;:!?"
_ADDRESS_END = ".,:;!?'"  # sentence punctuation after an address is not part of it


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled web-residue patterns, built once from rules/residue.toml."""

    anywhere: re.Pattern[str]
    whole_line: re.Pattern[str]
    whole_line_max: int
    bare_number: re.Pattern[str]
    copy_number: re.Pattern[str]
    label: re.Pattern[str]  # the domain label after a dot
    tlds: frozenset[str]
    address_chars: frozenset[str]
    address_tail: re.Pattern[str]
    not_addresses: frozenset[str]
    cue: re.Pattern[str]
    citation_start: re.Pattern[str]
    cue_window: int
    opens: str
    closes: str
    han: re.Pattern[str]
    rest_max: int


def _any(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


@cache
def compiled() -> _Patterns:
    data = rule_data("residue")
    urls = data["urls"]
    chars = urls["address_chars"]
    return _Patterns(
        anywhere=compile_re(_any(data.get("anywhere", []))),
        whole_line=compile_re(
            rf"\s*(?:{_any(data.get('whole_line', []))})[{re.escape(_TRAILING)}]*", re.IGNORECASE
        ),
        whole_line_max=int(data.get("whole_line_max", 40)),
        bare_number=compile_re(data["bare_number"]),
        copy_number=compile_re(data.get("copy_number", "(?!)")),
        label=compile_re(r"[A-Za-z0-9-]*"),
        tlds=frozenset(t.lower() for t in urls["tlds"]),
        address_chars=frozenset(re.findall(f"[{chars}]", "".join(map(chr, range(32, 127))))),
        address_tail=compile_re(f"[{chars}]*"),
        not_addresses=frozenset(n.lower() for n in urls.get("not_addresses", [])),
        cue=compile_re(_any([re.escape(c) for c in urls["citation_cues"]])),
        citation_start=compile_re(urls["citation_start"]),
        cue_window=int(urls.get("cue_window", 30)),
        opens=urls["brackets_open"],
        closes=urls["brackets_close"],
        han=compile_re(f"[{data['han']}]"),
        rest_max=int(data.get("rest_max", 16)),
    )


def core_span(text: str) -> Span:
    """The paragraph without surrounding spaces and trailing punctuation."""
    stripped = text.rstrip(_TRAILING)
    start = len(stripped) - len(stripped.lstrip())
    return start, len(stripped)


def is_bare_number(text: str) -> bool:
    """221381, - 3 -: a number alone on its line."""
    return compiled().bare_number.fullmatch(text) is not None


def is_cited(text: str, start: int, brackets: _Brackets | None = None) -> bool:
    """Whether the address at ``start`` is part of a citation (来源：…, （…）, [1] …).

    ``brackets`` is the paragraph's bracket positions, found once when a paragraph holds
    many addresses (counting them again for each address would be quadratic).
    """
    pats = compiled()
    if pats.citation_start.match(text):
        return True
    if pats.cue.search(text, max(0, start - pats.cue_window), start):
        return True
    brackets = brackets or _Brackets(text)
    return brackets.depth(start) > 0


class _Brackets:
    """Opening and closing bracket positions of one paragraph, for ``depth`` at any offset."""

    __slots__ = ("closes", "opens")

    def __init__(self, text: str) -> None:
        pats = compiled()
        self.opens = [i for i, char in enumerate(text) if char in pats.opens]
        self.closes = [i for i, char in enumerate(text) if char in pats.closes]

    def depth(self, offset: int) -> int:
        return bisect_left(self.opens, offset) - bisect_left(self.closes, offset)


def _address(text: str, seed: int) -> Span | None:
    """The whole address around a .com or :// at ``seed``; None for an e-mail address."""
    pats = compiled()
    start = seed
    while start > 0 and text[start - 1] in pats.address_chars:
        start -= 1
    end = pats.address_tail.match(text, seed).end()
    while end > start and text[end - 1] in _ADDRESS_END:
        end -= 1
    token = text[start:end]
    if "@" in token or end - start < 4 or token.lower() in pats.not_addresses:
        return None
    return start, end


def scan(texts: Sequence[str], joined: Joined | None = None) -> dict[int, list[Span]]:
    """Residue spans by position in ``texts`` (paragraphs with none are left out)."""
    pats = compiled()
    joined = joined or Joined(texts)
    found: dict[int, list[Span]] = {}
    limit = pats.whole_line_max
    fullmatch = pats.whole_line.fullmatch
    for position in [i for i, text in enumerate(texts) if len(text) <= limit]:
        text = texts[position]
        if text.strip() and fullmatch(text):
            found[position] = [core_span(text)]
    spans: dict[int, list[Span]] = {}
    for match in pats.anywhere.finditer(joined.text):
        if "\n" in match.group():
            continue  # a pattern with \s that ran into the next paragraph
        position, start = joined.locate(match.start())
        spans.setdefault(position, []).append((start, start + match.end() - match.start()))
    last = (-1, -1)
    brackets: tuple[int, _Brackets] | None = None  # the current paragraph's, once needed
    for at, scheme in _address_seeds(joined.text):
        position, seed = joined.locate(at)
        if (position, seed) < last:
            continue  # inside the address just read
        text = texts[position]
        if not scheme:
            label = pats.label.match(text, seed + 1).group()
            if label.lower() not in pats.tlds:
                continue  # 3.5, v1.2, 方案.pdf
        address = _address(text, seed)
        if address is None:
            continue
        last = (position, address[1])
        if brackets is None or brackets[0] != position:
            brackets = (position, _Brackets(text))
        if not is_cited(text, address[0], brackets[1]):
            spans.setdefault(position, []).append(address)
    for position, found_spans in spans.items():
        found.setdefault(position, merge(found_spans))
    return found


ADDRESS_SEED = r"\.[A-Za-z]|://"  # what _address_seeds finds (its test compares the two)
# Its first half alone: a literal first character, which the regex engine finds at C speed
# (the alternation would test every character against a class). Most dots in a draft sit in
# numbers (3.5, 1.) and never reach Python.
_DOT_LETTER = compile_re(r"\.[A-Za-z]")


def _address_seeds(text: str) -> list[tuple[int, bool]]:
    """Where an address may be: each match of ``ADDRESS_SEED``, in order, and whether it is
    the ://, found by its two halves apart; the matches of the two never overlap, nor two of
    one (a letter is no dot, a slash no colon)."""
    found = [(match.start(), False) for match in _DOT_LETTER.finditer(text)]
    at = text.find("://")
    while at >= 0:
        found.append((at, True))
        at = text.find("://", at + 3)
    found.sort()
    return found


def residue_spans(text: str) -> list[Span]:
    """Spans of residue in one paragraph, in order; empty when the paragraph is clean."""
    return scan([text]).get(0, [])


def is_residue(text: str) -> bool:
    """Whether a paragraph is (or holds) web-page residue rather than document text.

    True for a banner (SUCAI198.COM —— …), a share or word-count line, a 扫码 prompt, a
    page number or any bare number alone on its line. The title finder skips such lines.
    """
    return is_bare_number(text) or bool(residue_spans(text))


def is_whole_line(text: str, spans: Sequence[Span]) -> bool:
    """Whether the paragraph is residue as a whole: little text of its own beside ``spans``."""
    if not spans:
        return False
    pats = compiled()
    rest, cursor = 0, 0
    for start, end in spans:
        rest += len(pats.han.findall(text, cursor, start))
        cursor = end
    rest += len(pats.han.findall(text, cursor))
    return rest <= pats.rest_max


def edge_numbers(paragraphs: Sequence[Paragraph], residue: dict[int, list[Span]]) -> list[int]:
    """Indices of bare-number paragraphs in the runs of residue at the start and end of the
    body; ``residue`` is ``scan`` of all the paragraphs, by paragraph index."""
    found: set[int] = set()
    copy_number = compiled().copy_number
    # Each run is read from its end of the body only as far as it goes: a few paragraphs.
    for run, at_start in ((_body(paragraphs), True), (_body(reversed(paragraphs)), False)):
        numbers: list[int] = []
        for paragraph in run:
            if at_start and copy_number.fullmatch(paragraph.text):
                continue  # the 份号 of the 版头
            if is_bare_number(paragraph.text):
                numbers.append(paragraph.index)
            elif paragraph.index not in residue:
                break
        if len(numbers) < _TABLE_ROW:
            found.update(numbers)  # more in a row are a table's cells, flattened to lines
    return sorted(found)


_TABLE_ROW = 3


def _body(paragraphs: Iterable[Paragraph]) -> Iterator[Paragraph]:
    return (p for p in paragraphs if p.story == "body" and not _only_automatic_number(p))


def _only_automatic_number(paragraph: Paragraph) -> bool:
    """A Word list item with no typed text: its number is Word's, not a page number."""
    return paragraph.prefix_len > 0 and not paragraph.text[paragraph.prefix_len :].strip()
