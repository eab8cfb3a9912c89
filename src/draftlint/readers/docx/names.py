"""Qualified tag and attribute names of WordprocessingML, spelled once."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(local: str) -> str:
    return f"{{{W_NS}}}{local}"


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
W_HDR = w("hdr")
W_FTR = w("ftr")
W_FOOTNOTE = w("footnote")
W_ENDNOTE = w("endnote")
W_FOOTNOTE_REF = w("footnoteReference")
W_ENDNOTE_REF = w("endnoteReference")
W_SECTPR = w("sectPr")
W_HEADER_REF = w("headerReference")
W_FOOTER_REF = w("footerReference")

# Runs and their content
W_R = w("r")
W_T = w("t")
W_TAB = w("tab")
W_PTAB = w("ptab")
W_BR = w("br")
W_CR = w("cr")
W_FLDCHAR = w("fldChar")
W_FLDCHAR_TYPE = w("fldCharType")
W_INS = w("ins")
W_DEL = w("del")
W_MOVE_FROM = w("moveFrom")
W_MOVE_TO = w("moveTo")
W_VANISH = w("vanish")
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

# Attributes
W_VAL = w("val")
W_ID = w("id")
W_TYPE = w("type")
R_ID = f"{{{R_NS}}}id"

# Markup compatibility: Word writes new features twice, mc:Choice and mc:Fallback.
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"

OFF_VALUES = frozenset({"0", "false", "off"})


def is_on(element: etree._Element | None) -> bool:
    """A toggle property (w:vanish, w:isLgl …): present and not switched off."""
    return element is not None and element.get(W_VAL, "1").lower() not in OFF_VALUES


def alternate_branch(alternate: etree._Element) -> etree._Element | None:
    """The one branch of an mc:AlternateContent to read: the first Choice, else Fallback."""
    for child in alternate:
        if child.tag == MC_CHOICE:
            return child
    for child in alternate:
        if child.tag == MC_FALLBACK:
            return child
    return None
