"""WordprocessingML spelled once: tag and attribute names, and the small readings every part
needs (a number, an on/off toggle, an outline level, one branch of mc:AlternateContent).

Numbers are read strictly, ASCII digits only: ``int()`` would also take ``1_000`` and
non-ASCII digits, which Word does not.
"""

from __future__ import annotations

from lxml import etree

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(local: str) -> str:
    return f"{{{_W_NS}}}{local}"


# Package relationships
REL = f"{{{_PKG_REL_NS}}}Relationship"

# Story containers and blocks
W_BODY = w("body")
W_P = w("p")
W_TBL = w("tbl")
W_TR = w("tr")
W_TC = w("tc")
W_SDT = w("sdt")
W_SDT_CONTENT = w("sdtContent")
W_CUSTOM_XML = w("customXml")
W_TXBX = w("txbxContent")
W_FOOTNOTE = w("footnote")
W_ENDNOTE = w("endnote")
W_FOOTNOTE_REF = w("footnoteReference")
W_ENDNOTE_REF = w("endnoteReference")
W_SECTPR = w("sectPr")
W_HEADER_REF = w("headerReference")
W_FOOTER_REF = w("footerReference")

# Comments (word/comments.xml) and their anchors in a story
W_COMMENT = w("comment")
W_COMMENT_RANGE_START = w("commentRangeStart")
W_COMMENT_RANGE_END = w("commentRangeEnd")
W_COMMENT_REFERENCE = w("commentReference")

# Runs and their content
W_R = w("r")
W_T = w("t")
W_TAB = w("tab")
W_PTAB = w("ptab")
W_BR = w("br")
W_CR = w("cr")
W_FLDCHAR = w("fldChar")
W_FLDCHAR_TYPE = w("fldCharType")
W_DEL = w("del")
W_MOVE_FROM = w("moveFrom")
W_VANISH = w("vanish")
W_BOLD = w("b")
W_NO_BREAK_HYPHEN = w("noBreakHyphen")

# Properties
W_PPR = w("pPr")
W_RPR = w("rPr")
W_TRPR = w("trPr")
W_TCPR = w("tcPr")
W_SDTPR = w("sdtPr")
W_PSTYLE = w("pStyle")
W_NUMPR = w("numPr")
W_NUMID = w("numId")
W_ILVL = w("ilvl")
W_OUTLINE_LVL = w("outlineLvl")
W_GRID_SPAN = w("gridSpan")
W_GRID_BEFORE = w("gridBefore")
W_VMERGE = w("vMerge")

# Styles (styles.xml)
W_STYLE = w("style")
W_STYLE_ID = w("styleId")
W_NAME = w("name")
W_BASED_ON = w("basedOn")
W_DEFAULT = w("default")

# Numbering (numbering.xml)
W_ABSTRACT_NUM = w("abstractNum")
W_ABSTRACT_NUM_ID = w("abstractNumId")
W_NUM = w("num")
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

# Attributes
W_VAL = w("val")
W_ID = w("id")
W_TYPE = w("type")
R_ID = f"{{{_R_NS}}}id"

# Markup compatibility: Word writes new features twice, mc:Choice and mc:Fallback.
MC_ALTERNATE = f"{{{_MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{_MC_NS}}}Choice"
MC_FALLBACK = f"{{{_MC_NS}}}Fallback"

BODY_LEVEL = 9  # w:outlineLvl 9 is body text; 0-8 are heading levels
MAX_DIGITS = 9  # longer numbers are out of every range Word accepts


def decimal(value: str | None) -> int | None:
    """A w:val number read as Word reads it (ASCII digits, optional minus); None otherwise.

    A number of more than ``MAX_DIGITS`` digits is returned as ±10**MAX_DIGITS, outside
    every range, so callers bound it rather than ever building a huge integer.
    """
    if value is None:
        return None
    value = value.strip()
    # What -?[0-9]+ matches, without a regular expression to compile at start-up: an ASCII
    # string of digits is [0-9]+ (no "_", no other scripts' digits).
    digits = value[1:] if value[:1] == "-" else value
    if not (digits.isdigit() and digits.isascii()):
        return None
    if len(digits.lstrip("0")) > MAX_DIGITS:
        return -(10**MAX_DIGITS) if value.startswith("-") else 10**MAX_DIGITS
    return int(value)


def int_val(element: etree._Element | None) -> int | None:
    """The w:val of ``element`` as a number (see ``decimal``)."""
    return decimal(element.get(W_VAL)) if element is not None else None


def bounded_val(element: etree._Element | None, low: int, high: int) -> int | None:
    """The w:val of ``element`` clamped to ``low``…``high`` (None when absent or not a number)."""
    value = int_val(element)
    return None if value is None else min(max(value, low), high)


_OFF = frozenset({"0", "false", "off"})


def on_value(value: str | None, default: bool = False) -> bool:
    """An ST_OnOff attribute: "0", "false", "off" (any case) are off; absent is ``default``."""
    if value is None:
        return default
    return value.strip().lower() not in _OFF


def is_on(element: etree._Element | None) -> bool:
    """A toggle property (w:vanish, w:isLgl …): present, with no w:val or an "on" one."""
    return element is not None and on_value(element.get(W_VAL), default=True)


def outline_level(element: etree._Element | None) -> int | bool | None:
    """0-based heading level of a w:outlineLvl; None for body text (9, or not a number);
    False when there is no w:outlineLvl (the level is inherited)."""
    if element is None:
        return False
    level = int_val(element)
    return level if level is not None and 0 <= level < BODY_LEVEL else None


def alternate_branch(alternate: etree._Element) -> etree._Element | None:
    """The one branch of an mc:AlternateContent to read: the first Choice, else Fallback."""
    for child in alternate:
        if child.tag == MC_CHOICE:
            return child
    for child in alternate:
        if child.tag == MC_FALLBACK:
            return child
    return None
