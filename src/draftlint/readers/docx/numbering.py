"""Word's automatic numbering (numbering.xml): the marker each numbered paragraph shows.

w:num points to a w:abstractNum (directly, or through w:numStyleLink → a numbering style
→ another num); the abstractNum's w:lvl gives start, format and text (%1、 （%2）). The
counter belongs to the abstractNum, so several w:num sharing one continue each other —
LibreOffice writes a restart as a new w:num with w:startOverride, and the next item back
on the first num continues from there (一、二、 then 四、 on the override, then 五、).
Counters are kept per story (``ListCounters``): the body and each text box count apart.
"""

from __future__ import annotations

from dataclasses import field

from lxml import etree

from draftlint.readers.docx.names import (
    MC_ALTERNATE,
    MC_FALLBACK,
    W_ABSTRACT_NUM,
    W_ABSTRACT_NUM_ID,
    W_FORMAT,
    W_ILVL,
    W_IS_LGL,
    W_LVL,
    W_LVL_OVERRIDE,
    W_LVL_RESTART,
    W_LVL_TEXT,
    W_NULL,
    W_NUM,
    W_NUM_FMT,
    W_NUM_STYLE_LINK,
    W_NUMID,
    W_PSTYLE,
    W_START,
    W_START_OVERRIDE,
    W_VAL,
    alternate_branch,
    bounded_val,
    decimal,
    int_val,
    is_on,
    on_value,
)
from draftlint.readers.docx.numfmt import MAX_MARKER, format_number, zero_padded_width
from draftlint.readers.docx.styles import Styles
from draftlint.records import dataclass

LEVELS = 9
MAX_START = 32767  # Word keeps w:start and w:startOverride within 0 … 32767
_MAX_LEVEL_TEXT = 4 * MAX_MARKER  # a longer w:lvlText is damaged: it gets no marker
# What a list gives for a paragraph whose marker cannot be shown (longer than MAX_MARKER):
# the reader marks the paragraph (Paragraph.numbering_damaged) and renders no marker.
DAMAGED = "\x00damaged"
_TOO_LONG = "0" * MAX_MARKER + "1"  # a zero-padded format wider than any marker: not shown


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a Word list: start, format, text and restart rule."""

    start: int = 0  # ECMA-376: an omitted w:start is 0
    fmt: str = "decimal"
    custom: str = ""
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 never
    legal: bool = False  # w:isLgl: show every level's number in Arabic digits
    style: str | None = None  # w:pStyle: the paragraph style bound to this level
    damaged: bool = False  # a w:lvlText too long to be a marker: shown as DAMAGED


@dataclass(slots=True)
class AbstractList:
    """A w:abstractNum: the levels that list instances share."""

    key: str
    levels: list[Level | None] = field(default_factory=lambda: [None] * LEVELS)
    style_link: str | None = None  # w:numStyleLink: the levels live in that style's list


@dataclass(slots=True)
class NumInstance:
    """A w:num: an abstract list with its start and level overrides."""

    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


def _format(lvl: etree._Element) -> tuple[str, str]:
    fmt = lvl.find(W_NUM_FMT)
    if fmt is None:  # Word 2010+ writes custom formats inside mc:AlternateContent
        alternate = lvl.find(MC_ALTERNATE)
        if alternate is not None:
            branch = alternate_branch(alternate)
            fmt = branch.find(W_NUM_FMT) if branch is not None else None
            if fmt is not None and fmt.get(W_VAL) == "custom":
                pattern = fmt.get(W_FORMAT, "")
                fallback = alternate.find(f"{MC_FALLBACK}/{W_NUM_FMT}")
                if zero_padded_width(pattern) is None and fallback is not None:
                    fmt = fallback
    if fmt is None:
        return "decimal", ""
    return fmt.get(W_VAL, "decimal"), fmt.get(W_FORMAT, "")


def _level(lvl: etree._Element) -> Level:
    fmt, custom = _format(lvl)
    custom = _first_pattern(custom)
    text_element = lvl.find(W_LVL_TEXT)
    text, damaged = "", False
    if text_element is not None and not on_value(text_element.get(W_NULL)):
        text = text_element.get(W_VAL, "")
        if len(text) > _MAX_LEVEL_TEXT:
            text, damaged = "", True  # no marker rather than a huge one before every paragraph
    style = lvl.find(W_PSTYLE)
    start = bounded_val(lvl.find(W_START), 0, MAX_START)
    return Level(
        start=start if start is not None else 0, fmt=fmt, custom=custom, text=text,
        restart=int_val(lvl.find(W_LVL_RESTART)), legal=is_on(lvl.find(W_IS_LGL)),
        style=style.get(W_VAL) if style is not None else None, damaged=damaged,
    )  # fmt: skip


def _first_pattern(custom: str) -> str:
    """The first pattern of a custom w:format ("001, 002, ..." → "001"), read once here and
    kept short, so no paragraph scans a format padded with a million zeros again."""
    first = custom.split(",", 1)[0].strip()
    if len(first) <= MAX_MARKER:
        return first
    return _TOO_LONG if zero_padded_width(first) is not None else ""


def _ilvl(element: etree._Element) -> int | None:
    level = decimal(element.get(W_ILVL))
    return level if level is not None and 0 <= level < LEVELS else None


class Numbering:
    """The list definitions of one document."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, AbstractList] = {}
        self.nums: dict[str, NumInstance] = {}
        self._abstract_of: dict[str, AbstractList | None] = {}
        self._style_levels: dict[tuple[str, str | None], int | None] = {}
        if root is None:
            return
        for element in root.iterchildren(W_ABSTRACT_NUM):
            key = element.get(W_ABSTRACT_NUM_ID)
            if key is None:
                continue
            abstract = AbstractList(key)
            link = element.find(W_NUM_STYLE_LINK)
            if link is not None:
                abstract.style_link = link.get(W_VAL)
            for lvl in element.iterchildren(W_LVL):
                index = _ilvl(lvl)
                if index is not None:
                    abstract.levels[index] = _level(lvl)
            self.abstracts.setdefault(key, abstract)
        for element in root.iterchildren(W_NUM):
            num_id, target = element.get(W_NUMID), element.find(W_ABSTRACT_NUM_ID)
            if num_id is None or target is None:
                continue
            instance = NumInstance(target.get(W_VAL, ""))
            for override in element.iterchildren(W_LVL_OVERRIDE):
                index = _ilvl(override)
                if index is None:
                    continue
                start = bounded_val(override.find(W_START_OVERRIDE), 0, MAX_START)
                if start is not None:
                    instance.start_overrides[index] = start
                lvl = override.find(W_LVL)
                if lvl is not None:
                    instance.levels[index] = _level(lvl)
            self.nums.setdefault(num_id, instance)

    def abstract_of(self, num_id: str) -> AbstractList | None:
        """The abstractNum holding the levels, following w:numStyleLink (a few hops at most)."""
        if num_id not in self._abstract_of:
            self._abstract_of[num_id] = self._find_abstract(num_id)
        return self._abstract_of[num_id]

    def _find_abstract(self, num_id: str) -> AbstractList | None:
        instance = self.nums.get(num_id)
        abstract = self.abstracts.get(instance.abstract_id) if instance else None
        for _ in range(3):
            if abstract is None or abstract.style_link is None:
                break
            linked = self.styles.num_id(abstract.style_link)
            target = self.nums.get(linked) if linked else None
            found = self.abstracts.get(target.abstract_id) if target else None
            if found is None or found is abstract:
                break
            abstract = found
        return abstract

    def level(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.nums.get(num_id)
        if instance is None:
            return None
        own = instance.levels.get(ilvl)
        if own is not None:
            return own
        abstract = self.abstract_of(num_id)
        return abstract.levels[ilvl] if abstract else None

    def style_level(self, num_id: str, style_id: str | None) -> int | None:
        """The level bound to a paragraph style by w:lvl/w:pStyle."""
        key = (num_id, style_id)
        if key not in self._style_levels:
            self._style_levels[key] = self._find_style_level(num_id, style_id)
        return self._style_levels[key]

    def _find_style_level(self, num_id: str, style_id: str | None) -> int | None:
        abstract = self.abstract_of(num_id)
        if abstract is None or style_id is None:
            return None
        for index, level in enumerate(abstract.levels):
            if level is not None and level.style == style_id:
                return index
        return None


class _Plan:
    """What counting one item of a list at one level needs, worked out once per level.
    (A plain class: a NamedTuple costs a quarter of a millisecond to define at start-up.)"""

    __slots__ = ("abstract_key", "level", "override", "pieces", "reset", "tail")

    def __init__(
        self,
        abstract_key: str,
        level: Level,
        override: int | None,
        reset: tuple[int, ...],
        pieces: tuple[tuple[str, int, Level], ...],
        tail: str,
    ) -> None:
        self.abstract_key = abstract_key  # whose counters: w:num sharing an abstractNum share them
        self.level = level
        self.override = override  # w:startOverride: the first item of this w:num starts there
        self.reset = reset  # the deeper levels an item here restarts
        self.pieces = pieces  # the text before each %N, N-1, and that level
        self.tail = tail  # the text after the last %N


_NO_PLAN = _Plan("", Level(), None, (), (), "")  # not yet worked out (None: not a list)
_UNNUMBERED = Level(start=1)  # what a %N of a level the list does not define shows


class ListCounters:
    """The running counters of one story: the body, a text box, a header …"""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self._values: dict[str, list[int | None]] = {}
        self._used: set[tuple[str, int]] = set()  # levels whose w:startOverride is used up
        self._plans: dict[tuple[str, int], _Plan | None] = {}

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Count one item of list ``num_id`` at level ``ilvl``; its shown marker, if any."""
        key = (num_id, ilvl)
        plan = self._plans.get(key, _NO_PLAN)
        if plan is _NO_PLAN:
            plan = self._plans[key] = self._plan(num_id, ilvl)
        if plan is None:
            return None
        values = self._values.get(plan.abstract_key)
        if values is None:
            values = self._values[plan.abstract_key] = [None] * LEVELS
        level = plan.level
        if plan.override is not None and key not in self._used:
            values[ilvl] = plan.override
            self._used.add(key)
        elif values[ilvl] is None:
            values[ilvl] = level.start
        else:
            values[ilvl] += 1  # type: ignore[operator]
        for deeper in plan.reset:
            values[deeper] = None
        if level.damaged:
            return DAMAGED
        if level.fmt == "bullet" or not level.text:
            return None
        return _render(plan, values)

    def _plan(self, num_id: str, ilvl: int) -> _Plan | None:
        numbering = self.numbering
        abstract = numbering.abstract_of(num_id)
        level = numbering.level(num_id, ilvl)
        if abstract is None or level is None:
            return None
        pieces = []
        text = level.text
        position = search = 0
        # Each %1 … %9 (what the pattern %([1-9]) finds, left to right), found without a
        # regular expression: no user's store of compiled patterns to load for it.
        while (found := text.find("%", search)) != -1:
            digit = text[found + 1 : found + 2]
            if "1" <= digit <= "9":
                index = int(digit) - 1
                referenced = numbering.level(num_id, index) or _UNNUMBERED
                pieces.append((text[position:found], index, referenced))
                position = search = found + 2
            else:
                search = found + 1
        return _Plan(
            abstract.key, level, numbering.nums[num_id].start_overrides.get(ilvl),
            self._deeper_restarting(num_id, ilvl), tuple(pieces), text[position:],
        )  # fmt: skip

    def _deeper_restarting(self, num_id: str, ilvl: int) -> tuple[int, ...]:
        """The deeper levels an item at ``ilvl`` restarts (w:lvlRestart, by default all)."""
        restarting = []
        for deeper in range(ilvl + 1, LEVELS):
            below = self.numbering.level(num_id, deeper)
            restart = below.restart if below is not None and below.restart is not None else deeper
            if restart and ilvl < restart:
                restarting.append(deeper)
        return tuple(restarting)


def _render(plan: _Plan, values: list[int | None]) -> str | None:
    """The marker, or DAMAGED when it would exceed ``MAX_MARKER`` (damaged numbering)."""
    legal = plan.level.legal
    pieces: list[str] = []
    for text, index, referenced in plan.pieces:
        value = values[index]
        if value is None:
            value = referenced.start
        if legal and referenced.fmt != "none":
            number: str | None = str(value)
        else:
            number = format_number(value, referenced.fmt, referenced.custom)
        if number is None:
            return DAMAGED
        pieces += (text, number)
    pieces.append(plan.tail)
    marker = "".join(pieces)
    return marker if len(marker) <= MAX_MARKER else DAMAGED
