"""The outline: numbered headings as a tree, and inline enumerations as groups.

Levels follow GB/T 9704-2012 7.3.3: 一、 is 1, （一） is 2, 1. is 3, （1） is 4 (① is 5).
The tree tolerates skipped levels and drafts that start below level 1. Each run of
siblings is checked against the document's own convention (restart at 1 under each
parent, or number straight through across parents), so rules only read the verdicts.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from enum import Enum
from itertools import accumulate, compress, count, islice, pairwise
from operator import attrgetter, itemgetter

from draftlint.analysis.joined import Joined
from draftlint.model import Document, Paragraph, automatic_positions
from draftlint.numbering.markers import (  # what the parsers look at first
    _CLAUSE_START,
    _DIGIT_HEAD,
    HEAD_CHARS,
    HEADING_LEVEL,
    Kinds,
    Marker,
    find_clause_enumerators,
    parse_bare,
    parse_head,
    parse_prefix,
)
from draftlint.patterns import compile_re
from draftlint.records import dataclass


class Problem(str, Enum):
    SKIP = "skip"
    REPEAT = "repeat"
    START = "start"


@dataclass(eq=False, slots=True)
class Heading:
    """A numbered heading in the outline tree, with its parent and children."""

    marker: Marker
    paragraph: Paragraph
    scope: int
    parent: Heading | None = None
    children: list[Heading] = field(default_factory=list)
    problem: Problem | None = None
    expected: int | None = None  # the value this heading should carry, when it has a problem

    @property
    def level(self) -> int:
        return self.marker.level

    @property
    def title(self) -> str:
        return self.paragraph.text[self.marker.end :].strip()

    @property
    def is_empty(self) -> bool:
        """A number with no text: Word shows a bare 5. (or 5. stands alone on its line)."""
        return not self.title

    @property
    def is_section(self) -> bool:
        """1 / 1.1 / 2.1.1: a GB/T 1.1 section number, a scheme of its own."""
        return self.marker.kind is Kinds.DECIMAL


@dataclass(slots=True)
class EnumItem:
    """One member of an inline enumeration (一是 …) and its verdict."""

    marker: Marker
    paragraph: Paragraph
    at_paragraph_start: bool
    problem: Problem | None = None
    expected: int | None = None


@dataclass(slots=True)
class Scope:
    """The main text, one attachment, or a second document printed in the file (the 办法
    a 印发 通知 carries after its 落款): each numbers its headings afresh."""

    index: int
    label: str  # "正文", the attachment line (附件1), or the second document's title
    roots: list[Heading] = field(default_factory=list)
    continuous_levels: set[int] = field(default_factory=set)
    kind: str = "main"  # "main", "attachment" or "document"
    start: Paragraph | None = None  # the paragraph opening it (None for the main text)


@dataclass(slots=True)
class Outline:
    """The document's regions and numbering. ``main`` is the main text: the body
    paragraphs before the first attachment (附件 / 附件1 / 附件1：名称 on its own line) or
    second document (a …办法/…方案 title line after the 落款 and date, or whose numbering
    starts again at 一、/第一条), not counting the very first paragraph. Every rule that asks
    where the main text ends, or where a region starts, reads it here and nowhere else."""

    scopes: list[Scope]
    headings: list[Heading]  # every numbered heading with text, in document order
    enumerations: list[list[EnumItem]]  # groups of two or more, in document order
    main: list[Paragraph] = field(default_factory=list)
    scope_starts: frozenset[int] = frozenset()  # indices of the paragraphs opening a scope
    # Numbered paragraphs with no text (Word's bare 5.; a 5. alone between 4. and 6.): in
    # the tree, so the numbers after them count on, but not in ``headings``.
    empty_items: list[Heading] = field(default_factory=list)

    def starts_scope(self, paragraph: Paragraph) -> bool:
        """Whether ``paragraph`` opens an attachment or a second document."""
        return paragraph.index in self.scope_starts


# 附件：1.名称 opens the 附件说明: the 2.名称 lines under it list attachments, not headings.
_ATTACHMENT_NOTE = compile_re(r"^[\s\u3000]*附件[\s\u3000]*[：:]")

# 附件 / 附件1 alone on a line, or 附件1：title (附件：1.xx is the 附件说明 line instead).
_ATTACHMENT = compile_re(r"^[\s\u3000]*附件\s*(?:[0-9０-９]+\s*(?:[：:].*)?|[0-9０-９]*)\s*$")

# The title of a document printed inside another: …规定 / …办法 / …方案 standing alone.
_DOCUMENT_TITLE = compile_re(
    r"^[^。，；：！？、,;:!?]{2,38}"
    r"(?:规定|办法|方案|细则|规则|预案|条例|规划|计划|要点|准则|章程|纲要|指南|制度|清单|意见)"
    r"(?:[（(][^）)]{1,20}[）)])?$"
)
_TITLE_LINE = compile_re(r"^[^。，；：！？、,;:!?（(]{2,30}$")
_DATE_LINE = compile_re(r"^(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年\S{1,3}月\S{1,3}日$")
_NOTE_LINE = compile_re(r"^[（(][^）)]{1,30}[）)]$")  # （此件公开发布） （本文有删减）
_SPACES = compile_re(r"[\s\u3000]+")


def _squeezed(text: str) -> str:
    """The line without spaces: 国 务 院 工 作 规 则 is set out, not several words."""
    return _SPACES.sub("", text)


_TITLE_BLOCK = 2  # a title typed over up to three lines
# An unnumbered sub-heading: 资金保障方面： / 注： / ● 重点任务 / 2027年度工作计划 (a short
# line without a sentence mark): a list under it starts afresh.
_SUBHEADING = compile_re(
    r"^[\s\u3000]*(?:[^\n。；！？]{0,28}[：:]|[●■◆▲•○◇□★☆►▪➢※◎][^。；]{1,28}"
    r"|[^\s\u3000。，；：！？、,;:!?]{2,20})[\s\u3000]*$"
)
_SUBHEADING_MAX = 29  # the longest a line _SUBHEADING takes can be, stripped of spaces


def is_attachment_start(text: str) -> bool:
    """附件 / 附件1 alone on a line, or 附件1：名称: where an attachment begins."""
    return "附件" in text and _ATTACHMENT.match(text) is not None


def _is_date_line(text: str) -> bool:
    """2026年1月5日 or 二〇二六年一月五日 alone on its line (spaces anywhere)."""
    return (
        "年" in text
        and text.rstrip().endswith("日")  # before the line is squeezed (a new string)
        and _DATE_LINE.match(_squeezed(text)) is not None
    )


# The last characters of the title words in _DOCUMENT_TITLE (…办法, …方案（试行）): a cheap
# test before the line is squeezed and matched.
_TITLE_ENDS = frozenset("定法案则例划点程要南度单见）)")


def _read_head(paragraph: Paragraph, automatic: bool) -> Marker | None:
    """The paragraph's marker: Word's own for automatic numbering, else the typed one."""
    if automatic:
        marker = parse_prefix(paragraph.text[: paragraph.prefix_len])
        if marker is not None:
            return marker
    return parse_head(paragraph.text)


# A paragraph whose first non-space character may open a marker, digits only as the
# parsers take them (1. 1、 1 总则, never 12345号): a superset of what they accept.
_HEAD_START = compile_re(
    "(?m)^[^\\S\\n]*(?:["
    + "".join(re.escape(char) for char in sorted(HEAD_CHARS) if not "0" <= char <= "9")
    + "]|"
    + _DIGIT_HEAD.pattern
    + "|\\n)"
)


_ATTACHMENT_HINT = compile_re("附件")  # in every 附件 line and 附件说明
_TEXT, _STORY = attrgetter("text"), attrgetter("story")


def _last_characters(texts: Sequence[str], pattern: re.Pattern[str]) -> list[int] | None:
    """The positions of the texts whose last character ``pattern`` matches (one regex pass
    over a string of last characters), or None if a text is empty."""
    if not all(texts):
        return None
    last, step = itemgetter(-1), 1 << 14  # a CJK character is a new string each time:
    ends = "".join(  # joined a slice at a time, not a million of them held at once
        "".join(map(last, texts[start : start + step])) for start in range(0, len(texts), step)
    )
    return [match.start() for match in pattern.finditer(ends)]


def _union(*positions: Iterable[int]) -> list[int]:
    return sorted(set().union(*positions))


class _Heads:
    """Each body paragraph's marker (``at[position]``, None for most) and the sorted
    positions holding one (``marked``): later passes visit those, not every paragraph."""

    def __init__(self, body: list[Paragraph], joined: Joined) -> None:
        self.body = body
        automatic = automatic_positions(body)
        self.candidates = _union(joined.positions(_HEAD_START, at_start=True), automatic)
        self.at: list[Marker | None] = [None] * len(body)
        numbered = set(automatic)
        for position in self.candidates:
            self.at[position] = _read_head(body[position], position in numbered)
        self.refresh()

    def refresh(self) -> None:
        at = self.at
        self.marked = [position for position in self.candidates if at[position] is not None]

    def heading_positions(self) -> list[int]:
        at = self.at
        return [p for p in self.marked if at[p].is_heading]  # type: ignore[union-attr]


def _read_heads(body: list[Paragraph], joined: Joined, boundaries: list[int]) -> _Heads:
    """The markers of the body. ``boundaries``: the 附件 and date lines."""
    heads = _Heads(body, joined)
    _sections_only_on_top(heads, boundaries)
    heads.refresh()  # a number read again may be no marker at all
    at = heads.at
    if not any(
        at[p].kind is Kinds.DECIMAL and at[p].level > _TOP_SECTION  # type: ignore[union-attr]
        for p in heads.marked
    ):
        # 1 总则 is a section number only in a document that also numbers 1.1 …
        for position in heads.marked:
            if at[position].kind is Kinds.DECIMAL:  # type: ignore[union-attr]
                at[position] = None
    else:
        _promote_top_sections(heads)
    heads.refresh()
    bare_found: dict[int, Marker] = {}  # judged against the typed markers, set afterwards
    for position in heads.candidates:  # parse_bare looks at the same first character
        if at[position] is None:
            bare = parse_bare(body[position].text)
            if bare is not None and _between_siblings(bare, at, position):
                bare_found[position] = bare  # 5. alone on its line, inside a run 4. … 6.
    for position, bare in bare_found.items():
        at[position] = bare
    if bare_found:
        heads.refresh()
    return heads


def _boundary_lines(
    body: list[Paragraph], joined: Joined, attachment_hints: list[int]
) -> list[int]:
    """Positions of the 附件 lines and date lines (a superset of each is searched first;
    ``attachment_hints``: the paragraphs holding 附件)."""
    attachments = [p for p in attachment_hints if is_attachment_start(body[p].text)]
    dates = [p for p in joined.positions(_DATE_END_HINT) if _is_date_line(body[p].text)]
    return _union(attachments, dates)


# A date line ends in 日 (spaces after it aside): far fewer paragraphs than those with 年.
_DATE_END_HINT = compile_re(r"日(?=[^\S\n]*(?:\n|\Z))")


def _sections_only_on_top(heads: _Heads, boundaries: list[int]) -> None:
    """Section numbers are the top scheme of a document (or of the part after a date or an
    附件 line). Where 一、/（一）/第一章 come first, a 1.1 typed under 一、 is read as before: a
    number opening the text, not a section that would climb above 一、."""
    at, marked, body = heads.at, heads.marked, heads.body
    segment_start = 0
    for end in [*boundaries, len(body)]:
        inside = marked[bisect_right(marked, segment_start - 1) : bisect_right(marked, end - 1)]
        first = next((at[p] for p in inside if at[p].is_heading), None)  # type: ignore[union-attr]
        if first is not None and first.kind in (Kinds.CHINESE, Kinds.BRACKET_CHINESE, Kinds.PART):
            for position in inside:
                marker = at[position]
                if marker is not None and marker.kind is Kinds.DECIMAL:
                    at[position] = parse_head(body[position].text, sections=False)
        segment_start = end + 1


def _promote_top_sections(heads: _Heads) -> None:
    """In a document numbering 1.1 …, a 1. typed with a space (1. 总则) or directly followed
    by 1.1 is the top of the section numbers, not a 1. of the 一、/（一）/1. levels."""
    at, body = heads.at, heads.body
    following: Marker | None = None
    for position in reversed(heads.marked):
        marker = at[position]
        if marker is None or not marker.is_heading:
            continue
        if (
            marker.kind is Kinds.ARABIC
            and marker.separator in ".．"
            and not marker.needs_siblings
            and (
                body[position].text[marker.end : marker.end + 1] in (" ", "\t", "\u3000")
                or (
                    following is not None
                    and following.kind is Kinds.DECIMAL
                    and following.text in (f"{marker.value}.1", f"{marker.value}．1")
                )
            )
        ):
            marker = at[position] = Marker(
                Kinds.DECIMAL, marker.value, marker.text, marker.start, marker.end
            )
        following = marker


def _between_siblings(marker: Marker, heads: list[Marker | None], position: int) -> bool:
    """A bare marker line counts only next to its sibling (a table cell （十四） does not)."""
    for at, step in ((position - 1, -1), (position + 1, 1)):
        other = heads[at] if 0 <= at < len(heads) else None
        if other is not None and other.kind is marker.kind and other.value == marker.value + step:
            return True
    return False


_TOP_SECTION = -9  # the level of a single-number section (1 总则)


def _subheading_counts(body: list[Paragraph], heads: list[Marker | None]) -> array[int]:
    """For each position, how many unnumbered sub-headings stand before it."""
    # A sub-heading is short once stripped: only those lines are matched, found in C.
    stripped_lengths = map(len, map(str.strip, map(_TEXT, body)))
    short = compress(count(), map(_SUBHEADING_MAX.__ge__, stripped_lengths))
    is_subheading = bytearray(len(body))
    for position in short:
        if heads[position] is None and _SUBHEADING.match(body[position].text):
            is_subheading[position] = 1
    return array("q", islice(accumulate(is_subheading, initial=0), len(body)))


# A title word's last character, or a space (the title may come before it).
_TITLE_LAST = compile_re("[\\s" + "".join(map(re.escape, sorted(_TITLE_ENDS))) + "]")
_TITLE_END_HINT = compile_re(
    "[" + "".join(map(re.escape, sorted(_TITLE_ENDS))) + "](?=\\s*(?:\\n|\\Z))"
)  # a title word's last character, then only spaces to the paragraph's end


def _document_titles(
    body: list[Paragraph],
    heads: Sequence[Marker | None],
    next_heading_at: Sequence[int],
    joined: Joined,
) -> dict[int, bool]:
    """Positions where a second document's title block begins, each with whether the
    current scope must already hold headings (True) or the title follows a date (False).

    A title line (…办法 standing alone) opens a document when the numbering after it starts
    again at 1, and it either follows the 成文日期 (a 印发 通知) or the document before it
    already has numbered headings (two 规定 printed one after the other).
    """
    found: dict[int, bool] = {}
    hints = _last_characters(joined.texts, _TITLE_LAST)
    if hints is None:  # an empty paragraph: no last character to look at
        hints = joined.positions(_TITLE_END_HINT)
    for position in hints:
        paragraph = body[position]
        if position == 0 or heads[position] is not None:
            continue
        if paragraph.text.rstrip()[-1:] not in _TITLE_ENDS:
            continue
        line = _squeezed(paragraph.text)
        if not _DOCUMENT_TITLE.match(line) or line.startswith("附件"):
            continue
        following = next_heading_at[position]
        first_heading = heads[following] if following < len(body) else None
        if first_heading is None or first_heading.value != 1:
            continue
        if first_heading.kind not in (Kinds.CHINESE, Kinds.PART, Kinds.DECIMAL):
            continue  # numbering that starts again at 一、, 第一条/第一章 or 1 总则
        first = position
        while (
            position - first < _TITLE_BLOCK
            and first - 1 > 0
            and heads[first - 1] is None
            and _TITLE_LINE.match(_squeezed(body[first - 1].text))
            and not _is_date_line(body[first - 1].text)
        ):
            first -= 1
        if first == 0:
            continue  # the document's own title
        before = _squeezed(body[first - 1].text)
        if _NOTE_LINE.match(before) and first > 1:
            before = _squeezed(body[first - 2].text)  # the date, above （此件公开发布）
        found[first] = not _is_date_line(before)
    return found


_CONTENTS_TITLE = compile_re(r"^[\s\u3000]*目[\s\u3000]*录[\s\u3000]*$")
_ENTRY_END = compile_re(r"[\s\u3000.．·…‥_-]*\d*[\s\u3000]*$")  # leader dots, a page number
_CONTENTS_ENTRY_MAX = 40


def _entry(text: str) -> str:
    """A contents entry or a heading, compared without spaces, leaders and page number."""
    return re.sub(r"[\s\u3000]+", "", _ENTRY_END.sub("", text))


_CONTENTS_HINT = compile_re("目")


def typed_contents(body: list[Paragraph], joined: Joined | None = None) -> set[int]:
    """Indices of a table of contents typed as text (目录, then its entries): not headings.

    The entries run until the first one comes round again (the body starts) or a line that
    is no entry (a sentence, a long line). Word's own TOC fields are the reader's "toc" story.
    """
    found: set[int] = set()
    at = 0  # where the last contents ended
    for position in (joined or _joined(body)).positions(_CONTENTS_HINT):
        if position < at or not _CONTENTS_TITLE.match(body[position].text):
            continue
        entries: list[Paragraph] = []
        first = ""
        at = position + 1
        while at < len(body):
            text = body[at].text.strip()
            key = _entry(text)
            if not key or len(key) > _CONTENTS_ENTRY_MAX or text[-1:] in "。；;！？":
                break
            if first and key == first:
                break  # the body's first heading: the contents are over
            first = first or key
            entries.append(body[at])
            at += 1
        if len(entries) >= 2:
            found.add(body[position].index)
            found.update(entry.index for entry in entries)
    return found


def _joined(body: list[Paragraph]) -> Joined:
    """The body's texts joined, so that one regex pass in C finds the few paragraphs a
    per-paragraph test may hold for, and the test runs on those alone: a document of a
    million short lines costs a few passes, not millions of Python calls."""
    return Joined(list(map(_TEXT, body)))  # one pointer a paragraph: no new strings


def build_outline(document: Document, whole: Callable[[], Joined] | None = None) -> Outline:
    """``whole``: the ``Joined`` of every paragraph, taken when every paragraph is body text
    (a text file) rather than joined again."""
    paragraphs = document.paragraphs
    if all(story == "body" for story in set(map(_STORY, paragraphs))):
        body = list(paragraphs)  # a text file: every paragraph
        joined = whole() if whole is not None else _joined(body)
    else:
        body = list(compress(paragraphs, map("body".__eq__, map(_STORY, paragraphs))))
        joined = _joined(body)
    contents = typed_contents(body, joined)
    if contents:
        body = [paragraph for paragraph in body if paragraph.index not in contents]
        joined = _joined(body)
    attachment_hints = joined.positions(_ATTACHMENT_HINT)
    read = _read_heads(body, joined, _boundary_lines(body, joined, attachment_hints))
    heads = read.at
    # The next paragraph position that may continue a numbered run, for 3.5%… checks.
    next_heading_at = _NextHeading(read.heading_positions(), len(body))
    titles = _document_titles(body, heads, next_heading_at, joined)
    enumeration_hints = joined.positions(_CLAUSE_START)
    del joined  # the joined text is not needed any more
    scopes = [Scope(0, "正文")]
    headings: list[Heading] = []
    empty_items: list[Heading] = []
    stack: list[Heading] = []
    last_sibling: dict[tuple[int, int], Heading] = {}
    in_note = False
    main_end: int | None = None
    memo: dict[tuple[int, int, str], bool] = {}
    boundaries: set[int] = set()  # positions that close open enumerations
    position_of: dict[int, int] = {}  # a heading's paragraph index → its position in body
    previous = -1
    attachment_lines = set(attachment_hints)  # the only ones that may hold 附件 or 附件说明
    # Only paragraphs that may open a region, hold an 附件说明 or a marker do anything here;
    # any other paragraph ends an 附件说明 (``in_note``).
    for position in _union(attachment_hints, titles, read.marked):
        if position != previous + 1:
            in_note = False
        previous = position
        paragraph, marker = body[position], heads[position]
        opens = None
        hinted = position in attachment_lines
        if hinted and is_attachment_start(paragraph.text):
            opens = "attachment"
        elif position in titles and (not titles[position] or scopes[-1].roots):
            opens = "document"
        if opens is not None:
            if position and main_end is None:
                main_end = position
            scopes.append(Scope(len(scopes), paragraph.text.strip(), kind=opens, start=paragraph))
            stack = []
            boundaries.add(position)
            in_note = False
            continue
        if hinted and _ATTACHMENT_NOTE.match(paragraph.text):
            in_note = True
            continue
        if in_note and marker is not None and marker.kind is Kinds.ARABIC:
            continue  # the next item of the 附件说明
        in_note = False
        if marker is None or marker.kind not in HEADING_LEVEL:  # not marker.is_heading
            continue
        level = marker.level
        while stack and stack[-1].marker.level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else scopes[-1].roots
        key = (id(siblings), level)
        if marker.needs_siblings and not _fits_siblings(
            marker, last_sibling.get(key), heads, next_heading_at, position, memo
        ):
            continue  # 3.5%… opening a paragraph: a number, not a heading
        heading = Heading(marker, paragraph, scopes[-1].index, parent)
        siblings.append(heading)
        last_sibling[key] = heading
        if not paragraph.text[marker.end :].strip() and (  # heading.is_empty
            paragraph.is_automatic or _between_siblings(marker, heads, position)
        ):
            empty_items.append(heading)  # counted in its run, reported once by N008
        else:
            headings.append(heading)
        stack.append(heading)
        boundaries.add(position)
        position_of[paragraph.index] = position
    subheadings: array[int] | None = None  # counted on first need: most documents never ask

    def starts_afresh(before: Heading, after: Heading) -> bool:
        """A list under a new sub-heading, or one Word restarts, begins at 1 again (any
        other number there is judged within the run it continues)."""
        if after.marker.value != 1:
            return False
        if after.paragraph.is_automatic or after.is_section:
            return True  # Word's own restart; section numbers again after a table of contents
        nonlocal subheadings
        if subheadings is None:
            subheadings = _subheading_counts(body, heads)
        at = position_of[after.paragraph.index]
        return subheadings[at] > subheadings[position_of[before.paragraph.index]]

    for scope in scopes:
        _check_scope(scope, starts_afresh)
    main = body[:main_end]
    starts = frozenset(scope.start.index for scope in scopes if scope.start is not None)
    visits = _union(boundaries, read.marked, enumeration_hints)
    enumerations = _enumerations(body, heads, boundaries, visits, set(enumeration_hints))
    return Outline(scopes, headings, enumerations, main, starts, empty_items)


class _NextHeading(Sequence[int]):
    """For each position, the position of the next heading marker after it (the number
    of body paragraphs if none): looked up among the heading positions, not stored per
    paragraph."""

    def __init__(self, heading_positions: list[int], size: int) -> None:
        self.positions, self.size = heading_positions, size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, position: int) -> int:  # type: ignore[override]
        at = bisect_right(self.positions, position)
        return self.positions[at] if at < len(self.positions) else self.size


def _fits_siblings(
    marker: Marker,
    sibling: Heading | None,
    heads: list[Marker | None],
    next_heading_at: Sequence[int],
    position: int,
    memo: dict[tuple[int, int, str], bool],
) -> bool:
    """Whether 1.5倍… or 1：… opening a paragraph continues its siblings' numbering."""
    style = _loose_style(marker)
    if sibling is not None:
        return sibling.marker.value == marker.value - 1 and _loose_style(sibling.marker) == style
    if marker.value != 1:
        return False
    return _next_is_second(
        marker.level, style, next_heading_at[position], heads, next_heading_at, memo
    )


def _loose_style(marker: Marker) -> str:
    """1： and 1， count as markers only in a run written the same way."""
    if marker.kind is Kinds.ARABIC and marker.separator in "：:":
        return "："
    if marker.kind is Kinds.ARABIC and marker.separator in "，,":
        return "，"
    return ""


def _next_is_second(
    level: int,
    style: str,
    at: int,
    heads: list[Marker | None],
    next_heading_at: Sequence[int],
    memo: dict[tuple[int, int, str], bool],
) -> bool:
    """Whether the next heading at ``level`` or above, from ``at`` on, is a 2 at ``level``
    written in ``style``.

    Walks heading markers only, and remembers each answer for every marker it passed, so
    the whole document costs linear time however many 1.5倍… lines ask.
    """
    passed: list[int] = []
    answer = False
    while at < len(heads):
        if (level, at, style) in memo:
            answer = memo[(level, at, style)]
            break
        later = heads[at]
        assert later is not None
        if later.level <= level:
            answer = later.level == level and later.value == 2 and _loose_style(later) == style
            break
        passed.append(at)
        at = next_heading_at[at]
    for position in passed:
        memo[(level, position, style)] = answer
    return answer


Afresh = Callable[[Heading, Heading], bool]


def _runs(scope: Scope, starts_afresh: Afresh) -> dict[int, list[list[Heading]]]:
    """Runs of siblings per level: the children of one parent at that level, split where a
    list starts afresh (under an unnumbered sub-heading, or restarted by Word)."""
    runs: dict[int, list[list[Heading]]] = defaultdict(list)
    pending = [scope.roots]
    while pending:
        children = pending.pop()
        current: dict[int, list[Heading]] = {}
        for child in children:
            level = child.marker.level
            run = current.get(level)
            # value == 1 is starts_afresh's own first test, made here without the call.
            if run is None or (child.marker.value == 1 and starts_afresh(run[-1], child)):
                run = current[level] = []
                runs[level].append(run)
            run.append(child)
            if child.children:  # most have none
                pending.append(child.children)
    return runs


def _check_scope(scope: Scope, starts_afresh: Afresh) -> None:
    """Judge each run. A run may start at 1 (the list restarts under its parent) or carry
    on from the run before it (numbered straight through): a document may do both. Only a
    run that does neither is wrong, judged by the convention most runs follow."""
    for level, runs in sorted(_runs(scope, starts_afresh).items()):
        runs.sort(key=lambda run: run[0].paragraph.index)
        restart = continuous = 0
        for previous, run in pairwise(runs):
            first, last = run[0].marker.value, previous[-1].marker.value
            if first == 1:
                restart += 1
            elif first == last + 1:
                continuous += 1
        is_continuous = continuous > restart
        if is_continuous:
            scope.continuous_levels.add(level)
        last_value: int | None = None
        for run in runs:
            first = run[0].marker.value
            if last_value is None or first == 1:
                _check_run(run, 1, opens_scope=True)
            elif first == last_value + 1:
                _check_run(run, first, opens_scope=False)
            else:
                expected = last_value + 1 if is_continuous else 1
                _check_run(run, expected, opens_scope=not is_continuous)
            last_value = run[-1].marker.value


def _check_run(run: list[Heading], expected: int, *, opens_scope: bool) -> None:
    values = [h.marker.value for h in run]
    if _counts_on(values, expected):
        return  # no problem anywhere: the headings keep their defaults (None, None)
    verdicts = judge_sequence(values, expected, opens_scope=opens_scope)
    for heading, (problem, wanted) in zip(run, verdicts, strict=True):
        heading.problem, heading.expected = problem, wanted


def _counts_on(values: list[int], expected: int) -> bool:
    """Whether ``values`` are expected, expected + 1, …: judge_sequence would find nothing
    (most runs; asked first, as one comparison in C)."""
    return values == list(range(expected, expected + len(values)))


def judge_sequence(
    values: list[int], expected: int, *, opens_scope: bool = True
) -> list[tuple[Problem | None, int | None]]:
    """Each value's problem and the value it should carry, one finding per typo.

    After a wrong number the count resumes from what the writer most likely meant: if the
    next sibling continues from the wrong number (一 三 四: a real skip; 二 二 三: the second
    二 repeats), from it; otherwise the wrong number stood for the expected one (（一）（三）
    （三）, 1. 1. 1.), so the next sibling is judged against expected + 1 and a single typo
    never yields two findings whose advice conflicts.
    """
    verdicts: list[tuple[Problem | None, int | None]] = []
    for position, value in enumerate(values):
        if value == expected:
            verdicts.append((None, None))
            expected = value + 1
            continue
        if position == 0 and opens_scope:
            problem = Problem.START
        elif value > expected:
            problem = Problem.SKIP
        else:
            problem = Problem.REPEAT
        verdicts.append((problem, expected))
        following = values[position + 1] if position + 1 < len(values) else None
        expected = value + 1 if following in (None, value + 1) else expected + 1
    return verdicts


def _enumerations(
    body: list[Paragraph],
    heads: list[Marker | None],
    boundaries: set[int],
    visits: list[int],
    clause_hints: set[int],
) -> list[list[EnumItem]]:
    """Groups of 一是/二是 …: an enumeration lives in its heading section. Its members may
    open a paragraph or stand inline after 。；：, with unnumbered paragraphs between them
    (……财政政策。一是…… / …… / 二是……); a heading or a new region closes it.

    ``visits``: in order, every position that is a boundary, holds a marker or may hold a
    clause enumerator; no other paragraph can change a group. ``clause_hints``: the
    positions that may hold a clause enumerator (a superset of those that do)."""
    groups: list[list[EnumItem]] = []
    open_groups: dict[str, list[EnumItem]] = {}
    # A list of paragraph-opening members (一是…/二是…) that an inline 一是 interrupted: the
    # inline list is nested in one member, and the next paragraph-opening member that follows
    # on from the outer list continues it (七是…：……一是……十是…… / 八是…).
    outer: dict[str, list[EnumItem]] = {}
    for position in visits:
        paragraph, head = body[position], heads[position]
        if position in boundaries:
            open_groups, outer = {}, {}
        items: list[EnumItem] = []
        if head is not None and head.kind not in HEADING_LEVEL:  # not head.is_heading
            items.append(EnumItem(head, paragraph, True))
        if position in clause_hints:
            clauses = find_clause_enumerators(paragraph.text)
            items += [EnumItem(marker, paragraph, False) for marker in clauses]
        for item in items:
            family = item.marker.family
            group = open_groups.get(family)
            resumed = outer.get(family)
            if (
                item.at_paragraph_start
                and resumed is not None
                and item.marker.value == resumed[-1].marker.value + 1
            ):
                group = open_groups[family] = resumed
                del outer[family]
            elif group is None or item.marker.value == 1:
                if (
                    group is not None
                    and not item.at_paragraph_start
                    and group[-1].at_paragraph_start
                ):
                    outer[family] = group
                group = open_groups[family] = []
                groups.append(group)
            group.append(item)
    checked = [group for group in groups if len(group) >= 2]
    for group in checked:
        _check_enumeration(group)
    return checked


def _check_enumeration(group: list[EnumItem]) -> None:
    values = [item.marker.value for item in group]
    if _counts_on(values, 1):
        return  # 一是 二是 …: nothing to report (一方面 另一方面 count 1, 2 too)
    if any(item.marker.kind is Kinds.ASPECT for item in group):
        return  # 一方面 / 另一方面: a pair, not a count
    verdicts = judge_sequence(values, 1)
    for item, (problem, wanted) in zip(group, verdicts, strict=True):
        item.problem, item.expected = problem, wanted
