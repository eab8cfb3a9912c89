"""Paragraph styles (styles.xml): the list and outline level a paragraph inherits.

A heading styled Heading 1 / 标题 1 carries no marker of its own, and a style may carry
the w:numPr that numbers every paragraph of that style. Both are read through w:basedOn.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from draftlint.patterns import compile_re
from draftlint.readers.docx.names import (
    W_BASED_ON,
    W_DEFAULT,
    W_ILVL,
    W_NAME,
    W_NUMID,
    W_NUMPR,
    W_OUTLINE_LVL,
    W_PPR,
    W_STYLE,
    W_STYLE_ID,
    W_TYPE,
    W_VAL,
    int_val,
    on_value,
    outline_level,
)
from draftlint.records import dataclass

MAX_BASED_ON_DEPTH = 100  # a longer w:basedOn chain is cut there (real ones are < 10)


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph style gives its paragraphs: list, outline level, TOC."""

    num_id: str | None = None  # from the style's w:numPr (inherited through basedOn)
    ilvl: int | None = None
    outline_level: int | None = None  # 0-based; None: body text
    is_toc: bool = False  # a table-of-contents entry (toc 1 / 目录 1): repeats the headings


_PLAIN = StyleInfo()

# What the reader takes from one paragraph (or numbering) style's w:style, its own settings
# before inheritance: (w:basedOn's id, whether it has a w:numPr/w:numId, that numId,
# w:numPr/w:ilvl, ``outline_level`` of its w:outlineLvl, the heading level its name or id
# gives (heading 1 → 0), whether its name or id is a TOC entry style's). Plain values: the
# records of a styles.xml can be kept in the user's cache (``stylecache``), no XML needed.
StyleRecord = tuple[str | None, bool, str | None, int | None, int | bool | None, int | None, bool]


def style_records(root: etree._Element | None) -> tuple[dict[str, StyleRecord], str | None]:
    """The records of a styles.xml's paragraph and numbering styles (the first of an id
    wins), and the id of the default paragraph style (the last marked default)."""
    records: dict[str, StyleRecord] = {}
    default_paragraph = None
    if root is None:
        return records, default_paragraph
    for style in root.iterchildren(W_STYLE):
        if style.get(W_TYPE, "paragraph") not in ("paragraph", "numbering"):
            continue
        style_id = style.get(W_STYLE_ID)
        if style_id is None:
            continue
        if style_id not in records:
            records[style_id] = _record(style_id, style)
        if on_value(style.get(W_DEFAULT)) and style.get(W_TYPE) == "paragraph":
            default_paragraph = style_id
    return records, default_paragraph


@cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Heading and TOC style names, compiled on first use: a run whose styles.xml records
    are all in the cache never needs them (nor the user's store of compiled patterns)."""
    return (
        # Word writes built-in names in English ("heading 1"); WPS and localized files may
        # write 标题 1.
        compile_re(r"(?:heading|标题)\s*([1-9])", re.IGNORECASE),
        # Word's built-in TOC entry styles: "toc 1" … "toc 9" (id TOC1), localised as 目录 1.
        compile_re(r"(?i)(?:toc|目录)\s*[1-9]"),
    )


def _record(style_id: str, style: etree._Element) -> StyleRecord:
    heading_name, toc_name = _name_patterns()
    based_on = style.find(W_BASED_ON)
    ppr = style.find(W_PPR)
    numpr = ppr.find(W_NUMPR) if ppr is not None else None
    has_num_id, num_id, ilvl = False, None, None
    if numpr is not None:
        own_id = numpr.find(W_NUMID)
        if own_id is not None:
            has_num_id, num_id = True, own_id.get(W_VAL)
        ilvl = int_val(numpr.find(W_ILVL))
    name_element = style.find(W_NAME)
    name = (name_element.get(W_VAL, "") if name_element is not None else "").strip()
    outline = outline_level(ppr.find(W_OUTLINE_LVL) if ppr is not None else None)
    name_level = None
    if outline is False:
        match = heading_name.fullmatch(name) or heading_name.fullmatch(style_id)
        name_level = int(match.group(1)) - 1 if match else None
    is_toc = bool(toc_name.fullmatch(name) or toc_name.fullmatch(style_id))
    return (
        based_on.get(W_VAL, "") if based_on is not None else None,
        has_num_id, num_id, ilvl, outline, name_level, is_toc,
    )  # fmt: skip


class Styles:
    def __init__(
        self, records: dict[str, StyleRecord] | None = None, default_paragraph: str | None = None
    ) -> None:
        self._records = records if records is not None else {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph = default_paragraph

    def get(self, style_id: str | None) -> StyleInfo:
        if style_id is None:
            style_id = self.default_paragraph
            if style_id is None:
                return _PLAIN
        info = self._resolved.get(style_id)
        if info is None:
            info = self._resolve(style_id)
        return info

    def num_id(self, style_id: str) -> str | None:
        """The list a numbering style (w:numStyleLink target) points to."""
        return self.get(style_id).num_id

    def _resolve(self, style_id: str) -> StyleInfo:
        """Follow w:basedOn iteratively (no recursion, at most ``MAX_BASED_ON_DEPTH`` links;
        a cycle ends the chain), then resolve from the root style down, caching each."""
        chain: list[tuple[str, StyleRecord]] = []
        seen: set[str] = set()
        parent = _PLAIN
        current: str | None = style_id
        while current is not None and len(chain) < MAX_BASED_ON_DEPTH:
            cached = self._resolved.get(current)
            if cached is not None:
                parent = cached
                break
            record = self._records.get(current)
            if record is None or current in seen:  # unknown, or a basedOn cycle
                break
            seen.add(current)
            chain.append((current, record))
            current = record[0]
        for current, record in reversed(chain):
            parent = self._resolved[current] = _own(record, parent)
        return self._resolved.get(style_id, _PLAIN)


def _own(record: StyleRecord, parent: StyleInfo) -> StyleInfo:
    """A style's information: its own settings over what it inherits from ``parent``."""
    _, has_num_id, own_num_id, own_ilvl, outline, name_level, is_toc = record
    num_id, ilvl = parent.num_id, parent.ilvl
    if has_num_id:
        num_id, ilvl = own_num_id, None
    if own_ilvl is not None:
        ilvl = own_ilvl
    level = outline
    if level is False:
        level = name_level if name_level is not None else parent.outline_level
    return StyleInfo(num_id, ilvl, level, parent.is_toc or is_toc)
