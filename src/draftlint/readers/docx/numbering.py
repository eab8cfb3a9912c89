"""Word's automatic numbering (numbering.xml): the marker each numbered paragraph shows.

w:num points to a w:abstractNum (directly, or through w:numStyleLink → a numbering style
→ another num); the abstractNum's w:lvl gives start, format and text (%1、 （%2）). The
counter belongs to the abstractNum, so several w:num sharing one continue each other —
LibreOffice writes a restart as a new w:num with w:startOverride, and the next item back
on the first num continues from there (一、二、 then 四、 on the override, then 五、).
Counters are kept per story (``ListCounters``): the body and each text box count apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from draftlint.readers.docx.names import (
    MC_ALTERNATE,
    MC_FALLBACK,
    W_ILVL,
    W_PSTYLE,
    W_VAL,
    alternate_branch,
    is_on,
    w,
)
from draftlint.readers.docx.numfmt import format_number
from draftlint.readers.docx.styles import Styles, int_val

W_ABSTRACT_NUM = w("abstractNum")
W_ABSTRACT_NUM_ID = w("abstractNumId")
W_NUM = w("num")
W_NUM_ID_ATTR = w("numId")
W_LVL = w("lvl")
W_START = w("start")
W_NUM_FMT = w("numFmt")
W_FORMAT = w("format")
W_LVL_TEXT = w("lvlText")
W_LVL_RESTART = w("lvlRestart")
W_IS_LGL = w("isLgl")
W_NULL = w("null")
W_LVL_OVERRIDE = w("lvlOverride")
W_START_OVERRIDE = w("startOverride")
W_NUM_STYLE_LINK = w("numStyleLink")

LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_ZERO_PADDED = re.compile(r"0+1")


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 0  # ECMA-376: an omitted w:start is 0
    fmt: str = "decimal"
    custom: str = ""
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 never
    legal: bool = False  # w:isLgl: show every level's number in Arabic digits
    style: str | None = None  # w:pStyle: the paragraph style bound to this level


@dataclass(slots=True)
class AbstractList:
    key: str
    levels: list[Level | None] = field(default_factory=lambda: [None] * LEVELS)
    style_link: str | None = None  # w:numStyleLink: the levels live in that style's list


@dataclass(slots=True)
class NumInstance:
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
                pattern = fmt.get(W_FORMAT, "").split(",", 1)[0].strip()
                fallback = alternate.find(f"{MC_FALLBACK}/{W_NUM_FMT}")
                if not _ZERO_PADDED.fullmatch(pattern) and fallback is not None:
                    fmt = fallback
    if fmt is None:
        return "decimal", ""
    return fmt.get(W_VAL, "decimal"), fmt.get(W_FORMAT, "")


def _level(lvl: etree._Element) -> Level:
    fmt, custom = _format(lvl)
    text_element = lvl.find(W_LVL_TEXT)
    text = ""
    if text_element is not None and not is_on_attr(text_element.get(W_NULL)):
        text = text_element.get(W_VAL, "")
    style = lvl.find(W_PSTYLE)
    start = int_val(lvl.find(W_START))
    return Level(
        start=start if start is not None else 0, fmt=fmt, custom=custom, text=text,
        restart=int_val(lvl.find(W_LVL_RESTART)), legal=is_on(lvl.find(W_IS_LGL)),
        style=style.get(W_VAL) if style is not None else None,
    )  # fmt: skip


def is_on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _ilvl(element: etree._Element) -> int | None:
    try:
        level = int(element.get(W_ILVL, ""))
    except ValueError:
        return None
    return level if 0 <= level < LEVELS else None


class Numbering:
    """The list definitions of one document."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, AbstractList] = {}
        self.nums: dict[str, NumInstance] = {}
        self._abstract_of: dict[str, AbstractList | None] = {}
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
            num_id, target = element.get(W_NUM_ID_ATTR), element.find(W_ABSTRACT_NUM_ID)
            if num_id is None or target is None:
                continue
            instance = NumInstance(target.get(W_VAL, ""))
            for override in element.iterchildren(W_LVL_OVERRIDE):
                index = _ilvl(override)
                if index is None:
                    continue
                start = int_val(override.find(W_START_OVERRIDE))
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
        abstract = self.abstract_of(num_id)
        if abstract is None or style_id is None:
            return None
        for index, level in enumerate(abstract.levels):
            if level is not None and level.style == style_id:
                return index
        return None


class ListCounters:
    """The running counters of one story: the body, a text box, a header …"""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self._values: dict[str, list[int | None]] = {}
        self._used: set[tuple[str, int]] = set()

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Count one item of list ``num_id`` at level ``ilvl``; its shown marker, if any."""
        numbering = self.numbering
        abstract = numbering.abstract_of(num_id)
        level = numbering.level(num_id, ilvl)
        if abstract is None or level is None:
            return None
        values = self._values.setdefault(abstract.key, [None] * LEVELS)
        override = numbering.nums[num_id].start_overrides.get(ilvl)
        if override is not None and (num_id, ilvl) not in self._used:
            values[ilvl] = override
        elif values[ilvl] is None:
            values[ilvl] = level.start
        else:
            values[ilvl] += 1  # type: ignore[operator]
        self._used.add((num_id, ilvl))
        for deeper in range(ilvl + 1, LEVELS):
            below = numbering.level(num_id, deeper)
            restart = below.restart if below is not None and below.restart is not None else deeper
            if restart and ilvl < restart:
                values[deeper] = None
        if level.fmt == "bullet" or not level.text:
            return None
        return self._render(num_id, level, values)

    def _render(self, num_id: str, level: Level, values: list[int | None]) -> str:
        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            referenced = self.numbering.level(num_id, index) or Level(start=1)
            value = values[index]
            if value is None:
                value = referenced.start
            if level.legal and referenced.fmt != "none":
                return str(value)
            return format_number(value, referenced.fmt, referenced.custom)

        return _PLACEHOLDER.sub(number, level.text)
