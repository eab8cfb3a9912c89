"""Build a plain-text draft as a real .docx whose heading numbers are Word's automatic numbering.

A paragraph that opens with a typed marker — 一、 （一） 1. （1） — loses the marker and gets a
w:numPr instead: one abstractNum (chineseCounting 一、 and （一）, decimal 1. and （1）, each level
restarting under the level above, no tab after the number) and one w:num per restart. Where the
typed number is not what Word's counter would show next (a list that starts again under an
unnumbered sub-heading, an attachment numbering again from 一、, （一）…（九） numbered straight
through several 一、 sections), the builder opens a new w:num with a w:startOverride, as Word and
LibreOffice do for "restart at" / "set numbering value". Read back, the document shows the same
text as the draft, with the markers computed from numbering.xml.

python-docx writes the package; lxml adds the numbering XML python-docx has no API for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from draftlint.numerals import from_chinese

ABSTRACT_ID = 90  # above the ids python-docx's default template already uses
FIRST_NUM_ID = 900
# (numFmt, lvlText) of levels 0–3, as GB/T 9704-2012 7.3.3 orders them.
LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
)
_CN = "[一二三四五六七八九十]+"
# A decimal marker must not be the integer part of a number (2.27) or a date (2026.5).
MARKER = re.compile(
    rf"^(?:(?P<l0>{_CN})、|（(?P<l1>{_CN})）|(?P<l2>[1-9]\d?)[.．](?!\d)|（(?P<l3>[1-9]\d?)）)"
)


@dataclass(frozen=True, slots=True)
class Marker:
    level: int  # 0 一、, 1 （一）, 2 1., 3 （1）
    value: int
    typed: str  # the marker as typed, e.g. "（三）"


def split_marker(line: str) -> tuple[Marker, str] | None:
    """The heading marker a paragraph opens with, and the text after it; None if it has none."""
    match = MARKER.match(line)
    if match is None:
        return None
    level = next(index for index in range(4) if match.group(f"l{index}") is not None)
    digits = match.group(f"l{level}")
    value = from_chinese(digits) if level < 2 else int(digits)
    if value is None or not line[match.end() :].strip():
        return None  # an unparsable numeral, or a bare marker: leave it typed
    return Marker(level, value, match.group(0)), line[match.end() :]


def _w(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(qn(f"w:{tag}"))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _abstract_num() -> etree._Element:
    abstract = _w("abstractNum", abstractNumId=str(ABSTRACT_ID))
    abstract.append(_w("multiLevelType", val="multilevel"))
    for index, (fmt, text) in enumerate(LEVELS):
        lvl = _w("lvl", ilvl=str(index))
        for child in (
            _w("start", val="1"),
            _w("numFmt", val=fmt),
            _w("suff", val="nothing"),  # 一、标题, not 一、<tab>标题
            _w("lvlText", val=text),
            _w("lvlJc", val="left"),
        ):
            lvl.append(child)
        abstract.append(lvl)
    return abstract


def _num(num_id: int, overrides: dict[int, int]) -> etree._Element:
    num = _w("num", numId=str(num_id))
    num.append(_w("abstractNumId", val=str(ABSTRACT_ID)))
    for level, start in overrides.items():
        override = _w("lvlOverride", ilvl=str(level))
        override.append(_w("startOverride", val=str(start)))
        num.append(override)
    return num


class _Counter:
    """What Word will show next at each level of the one abstract list, and the w:num to use."""

    def __init__(self) -> None:
        self.values: list[int | None] = [None] * len(LEVELS)
        self.nums: list[dict[int, int]] = [{}]

    @property
    def num_id(self) -> int:
        return FIRST_NUM_ID + len(self.nums) - 1

    def take(self, marker: Marker) -> int:
        """Count ``marker``; a new w:num restarts the level when the typed value differs."""
        current = self.values[marker.level]
        expected = 1 if current is None else current + 1
        if marker.value != expected:
            self.nums.append({marker.level: marker.value})
        self.values[marker.level] = marker.value
        for deeper in range(marker.level + 1, len(LEVELS)):
            self.values[deeper] = None
        return self.num_id


def build_precision_docx(lines: Iterable[str], path: Path) -> Path:
    """Write ``lines`` (one paragraph each; blank lines dropped) to ``path`` as a .docx."""
    document = docx.Document()
    counter = _Counter()
    for line in lines:
        if not line.strip():
            continue
        found = split_marker(line)
        if found is None:
            document.add_paragraph(line)
            continue
        marker, text = found
        num_id = counter.take(marker)
        paragraph = document.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = marker.level
        num_pr.get_or_add_numId().val = num_id
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(_abstract_num())
    else:
        first_num.addprevious(_abstract_num())  # every abstractNum precedes every num
    for index, overrides in enumerate(counter.nums):
        numbering.append(_num(FIRST_NUM_ID + index, overrides))
    document.save(str(path))
    return path


def build_from_text(source: Path, target: Path) -> Path:
    """The .txt draft ``source`` as the .docx ``target``."""
    return build_precision_docx(source.read_text(encoding="utf-8").splitlines(), target)
