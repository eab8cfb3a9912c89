"""Fix an automatic number through numbering.xml, never by typing it into the text.

The paragraph, and every later paragraph of its part on the same list, moves to a new
w:num: a copy of its w:num whose w:lvlOverride/w:startOverride at the paragraph's level is
the number Word should show. Counters run per abstract list, so the siblings after it count
on from there. A paragraph numbered only through its style has no w:numPr of its own to
repoint: that is reported as not fixable, as is any change the reader, reading the result,
does not show as asked (the caller checks).
"""

from __future__ import annotations

import copy

from lxml import etree

from draftlint.readers.docx.names import (
    W_ABSTRACT_NUM_ID,
    W_ILVL,
    W_LVL_OVERRIDE,
    W_NUM,
    W_NUMID,
    W_NUMPR,
    W_P,
    W_PPR,
    W_START_OVERRIDE,
    W_VAL,
    w,
)

W_NUM_ID_ATTR = w("numId")
W_ILVL_ATTR = w("ilvl")


def own_numbering(paragraph: etree._Element) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own w:numPr."""
    properties = paragraph.find(W_PPR)
    numbering = properties.find(W_NUMPR) if properties is not None else None
    if numbering is None:
        return None
    num_id = numbering.find(W_NUMID)
    level = numbering.find(W_ILVL)
    if num_id is None or num_id.get(W_VAL) in (None, "0"):
        return None
    try:
        ilvl = int(level.get(W_VAL, "0")) if level is not None else 0
    except ValueError:
        return None
    return num_id.get(W_VAL), ilvl


def restart_at(numbering_root: etree._Element, paragraphs: list[etree._Element],
               position: int, value: int) -> bool:  # fmt: skip
    """Make paragraph ``position`` of ``paragraphs`` show ``value``; False if not safe."""
    found = own_numbering(paragraphs[position])
    if found is None:
        return False
    num_id, ilvl = found
    nums = {num.get(W_NUM_ID_ATTR): num for num in numbering_root.iter(W_NUM)}
    old = nums.get(num_id)
    if old is None or old.find(W_ABSTRACT_NUM_ID) is None:
        return False
    new_id = str(max((int(k) for k in nums if k and k.isdigit()), default=0) + 1)
    new = copy.deepcopy(old)
    new.set(W_NUM_ID_ATTR, new_id)
    for override in new.findall(W_LVL_OVERRIDE):
        if override.get(W_ILVL_ATTR) == str(ilvl):
            new.remove(override)
    override = etree.SubElement(new, W_LVL_OVERRIDE)
    override.set(W_ILVL_ATTR, str(ilvl))
    etree.SubElement(override, W_START_OVERRIDE).set(W_VAL, str(value))
    last = list(numbering_root.iter(W_NUM))[-1]
    last.addnext(new)
    for paragraph in paragraphs[position:]:
        if paragraph.tag == W_P and (own_numbering(paragraph) or (None,))[0] == num_id:
            paragraph.find(W_PPR).find(W_NUMPR).find(W_NUMID).set(W_VAL, new_id)
    return True
