"""Paragraph styles (styles.xml): the list and outline level a paragraph inherits.

A heading styled Heading 1 / 标题 1 carries no marker of its own, and a style may carry
the w:numPr that numbers every paragraph of that style. Both are read through w:basedOn.
"""

from __future__ import annotations

import re

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

# Word writes built-in names in English ("heading 1"); WPS and localized files may write 标题 1.
_HEADING_NAME = compile_re(r"(?:heading|标题)\s*([1-9])", re.IGNORECASE)
# Word's built-in TOC entry styles: "toc 1" … "toc 9" (id TOC1), localised as 目录 1.
_TOC_NAME = compile_re(r"(?i)(?:toc|目录)\s*[1-9]")
MAX_BASED_ON_DEPTH = 100  # a longer w:basedOn chain is cut there (real ones are < 10)


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph style gives its paragraphs: list, outline level, TOC."""

    num_id: str | None = None  # from the style's w:numPr (inherited through basedOn)
    ilvl: int | None = None
    outline_level: int | None = None  # 0-based; None: body text
    is_toc: bool = False  # a table-of-contents entry (toc 1 / 目录 1): repeats the headings


_PLAIN = StyleInfo()


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self._elements: dict[str, etree._Element] = {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iterchildren(W_STYLE):
            if style.get(W_TYPE, "paragraph") not in ("paragraph", "numbering"):
                continue
            style_id = style.get(W_STYLE_ID)
            if style_id is None:
                continue
            self._elements.setdefault(style_id, style)
            if on_value(style.get(W_DEFAULT)) and style.get(W_TYPE) == "paragraph":
                self.default_paragraph = style_id

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
        chain: list[tuple[str, etree._Element]] = []
        seen: set[str] = set()
        parent = _PLAIN
        current: str | None = style_id
        while current is not None and len(chain) < MAX_BASED_ON_DEPTH:
            cached = self._resolved.get(current)
            if cached is not None:
                parent = cached
                break
            style = self._elements.get(current)
            if style is None or current in seen:  # unknown, or a basedOn cycle
                break
            seen.add(current)
            chain.append((current, style))
            based_on = style.find(W_BASED_ON)
            current = based_on.get(W_VAL, "") if based_on is not None else None
        for current, style in reversed(chain):
            parent = self._resolved[current] = _own(current, style, parent)
        return self._resolved.get(style_id, _PLAIN)


def _own(style_id: str, style: etree._Element, parent: StyleInfo) -> StyleInfo:
    """A style's information: its own properties over what it inherits from ``parent``."""
    ppr = style.find(W_PPR)
    num_id, ilvl = parent.num_id, parent.ilvl
    numpr = ppr.find(W_NUMPR) if ppr is not None else None
    if numpr is not None:
        own_id = numpr.find(W_NUMID)
        if own_id is not None:
            num_id, ilvl = own_id.get(W_VAL), None
        own_level = int_val(numpr.find(W_ILVL))
        if own_level is not None:
            ilvl = own_level
    name_element = style.find(W_NAME)
    name = (name_element.get(W_VAL, "") if name_element is not None else "").strip()
    level = outline_level(ppr.find(W_OUTLINE_LVL) if ppr is not None else None)
    if level is False:
        match = _HEADING_NAME.fullmatch(name) or _HEADING_NAME.fullmatch(style_id)
        level = int(match.group(1)) - 1 if match else parent.outline_level
    is_toc = parent.is_toc or bool(_TOC_NAME.fullmatch(name) or _TOC_NAME.fullmatch(style_id))
    return StyleInfo(num_id, ilvl, None if level is False else level, is_toc)
