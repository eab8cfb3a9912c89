"""Edit a paragraph's text inside its runs, as a tracked change or directly.

A paragraph's characters are mapped to the w:t elements that hold them, walking the w:p as
the reader does (deleted text, field codes, hidden runs, text boxes and the unread branch
of mc:AlternateContent are not text). When that map does not give back exactly the text
the findings were made on, the paragraph is left alone. A fix touches only the characters
of its span: in apply mode the w:t's text; as a tracked change the run holding them is
split in place (the original run keeps everything before, a copy everything after) and
the span goes into w:del, the replacement into w:ins with the first run's formatting.
"""

from __future__ import annotations

import copy

from lxml import etree

from draftlint.readers.docx.names import (
    MC_ALTERNATE as _MC_ALTERNATE,
)
from draftlint.readers.docx.names import (
    MC_FALLBACK,
    W_BR,
    W_CR,
    W_DEL,
    W_FLDCHAR,
    W_FLDCHAR_TYPE,
    W_ID,
    W_MOVE_FROM,
    W_NO_BREAK_HYPHEN,
    W_P,
    W_PPR,
    W_PTAB,
    W_R,
    W_RPR,
    W_SDTPR,
    W_T,
    W_TAB,
    W_TXBX,
    W_VANISH,
    alternate_branch,
    is_on,
    w,
)
from draftlint.records import dataclass

W_INS = w("ins")
W_DEL_TEXT = w("delText")
W_AUTHOR = w("author")
W_DATE = w("date")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "draftlint"
_SIMPLE = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}
_SKIPPED = frozenset({W_DEL, W_MOVE_FROM, W_PPR, W_RPR, W_SDTPR, W_TXBX, W_P, MC_FALLBACK})
# Parents a run may be split inside; a run already inside w:ins is not tracked over again.
_SPLITTABLE = frozenset({W_P, w("hyperlink"), w("smartTag"), w("customXml"), w("sdtContent")})


@dataclass(slots=True)
class CharMap:
    """A w:p's shown text, each character with the w:t (and index) holding it."""

    text: str
    holders: list[tuple[etree._Element | None, int]]  # (w:t, index) or (None, -1): not a w:t


def char_map(paragraph: etree._Element) -> CharMap:
    chars: list[str] = []
    holders: list[tuple[etree._Element | None, int]] = []
    fields: list[bool] = []  # one per open field: True while in its code part

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == _MC_ALTERNATE:
                branch = alternate_branch(child)
                if branch is not None:
                    walk(branch)
                continue
            if tag != W_R:
                walk(child)
                continue
            properties = child.find(W_RPR)
            if properties is not None and is_on(properties.find(W_VANISH)):
                continue
            for item in child:
                if item.tag == W_FLDCHAR:
                    kind = item.get(W_FLDCHAR_TYPE)
                    if kind == "begin":
                        fields.append(True)
                    elif kind == "separate" and fields:
                        fields[-1] = False
                    elif kind == "end" and fields:
                        fields.pop()
                elif any(fields):
                    continue
                elif item.tag == W_T:
                    text = item.text or ""
                    chars.append(text)
                    holders.extend((item, i) for i in range(len(text)))
                elif item.tag in _SIMPLE:
                    chars.append(_SIMPLE[item.tag])
                    holders.append((None, -1))

    walk(paragraph)
    return CharMap("".join(chars), holders)


def _groups(
    holders: list[tuple[etree._Element | None, int]],
) -> list[tuple[etree._Element, int, int]] | None:
    """The span's characters as (w:t, start, end) pieces; None if one is not in a w:t."""
    groups: list[tuple[etree._Element, int, int]] = []
    for element, index in holders:
        if element is None:
            return None
        if groups and groups[-1][0] is element and groups[-1][2] == index:
            groups[-1] = (element, groups[-1][1], index + 1)
        else:
            groups.append((element, index, index + 1))
    return groups


def _trimmed(old: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """Only the characters that change: 二是是 → 二是 deletes one 是, 三、 → 四、 swaps 三.
    At least one old character stays in the span, so a change is never a bare insertion."""
    if old == replacement:
        return start, start, replacement
    head = 0
    while head < len(old) - 1 and head < len(replacement) and old[head] == replacement[head]:
        head += 1
    tail = 0
    while (
        tail < len(old) - head - 1
        and tail < len(replacement) - head
        and old[-1 - tail] == replacement[-1 - tail]
    ):
        tail += 1
    return start + head, end - tail, replacement[head : len(replacement) - tail]


def _set_text(element: etree._Element, text: str) -> None:
    element.text = text
    if text != text.strip():
        element.set(XML_SPACE, "preserve")


class RunEditor:
    """Edits of one part; ``tracked`` writes w:del/w:ins with ``date``."""

    def __init__(self, root: etree._Element, tracked: bool, date: str) -> None:
        self.tracked, self.date = tracked, date
        ids = [int(v) for v in root.xpath("//@w:id", namespaces={"w": W_ID[1:].split("}")[0]})
               if str(v).lstrip("-").isdigit()]  # fmt: skip
        self.next_id = max(ids, default=0) + 1

    def replace(self, paragraph: etree._Element, start: int, end: int, replacement: str) -> bool:
        """Replace characters [start, end) of the paragraph's text; False if it cannot."""
        mapped = char_map(paragraph)
        if end <= start or end > len(mapped.holders):
            return False
        start, end, replacement = _trimmed(mapped.text[start:end], start, end, replacement)
        if end <= start:
            return True  # nothing to change
        groups = _groups(mapped.holders[start:end])
        if groups is None:
            return False
        if not self.tracked:
            for position in range(len(groups) - 1, -1, -1):
                element, a, b = groups[position]
                text = element.text or ""
                _set_text(element, text[:a] + (replacement if position == 0 else "") + text[b:])
            return True
        if any(element.getparent().getparent().tag not in _SPLITTABLE for element, _, _ in groups):
            return False
        for position in range(len(groups) - 1, -1, -1):
            element, a, b = groups[position]
            deleted = self._split(element, a, b)
            if position == 0 and replacement:
                deleted.addnext(self._inserted(deleted, replacement))
        return True

    def _mark(self, tag: str) -> etree._Element:
        mark = etree.Element(tag)
        mark.set(W_ID, str(self.next_id))
        mark.set(W_AUTHOR, AUTHOR)
        mark.set(W_DATE, self.date)
        self.next_id += 1
        return mark

    def _split(self, element: etree._Element, a: int, b: int) -> etree._Element:
        """Split the run holding ``element`` around [a, b) of its text; the new w:del."""
        run = element.getparent()
        text = element.text or ""
        children = list(run)
        k = children.index(element)
        after = copy.deepcopy(run)
        after_children = list(after)
        for index, child in enumerate(after_children):
            if index < k and child.tag != W_RPR:
                after.remove(child)
        if text[b:]:
            _set_text(after_children[k], text[b:])
        else:
            after.remove(after_children[k])
        for child in children[k + 1 :]:
            run.remove(child)
        properties = run.find(W_RPR)
        deleted_run = etree.Element(W_R)
        for name, value in run.attrib.items():
            deleted_run.set(name, value)
        if properties is not None:
            deleted_run.append(copy.deepcopy(properties))
        deleted_text = etree.SubElement(deleted_run, W_DEL_TEXT)
        _set_text(deleted_text, text[a:b])
        deletion = self._mark(W_DEL)
        deletion.append(deleted_run)
        if text[:a]:
            _set_text(element, text[:a])
        else:
            run.remove(element)
        run.addnext(deletion)
        if any(child.tag != W_RPR for child in after):
            deletion.addnext(after)
        if not any(child.tag != W_RPR for child in run):
            run.getparent().remove(run)
        return deletion

    def _inserted(self, deletion: etree._Element, replacement: str) -> etree._Element:
        deleted_run = deletion[0]
        run = etree.Element(W_R)
        for name, value in deleted_run.attrib.items():
            run.set(name, value)
        properties = deleted_run.find(W_RPR)
        if properties is not None:
            run.append(copy.deepcopy(properties))
        _set_text(etree.SubElement(run, W_T), replacement)
        insertion = self._mark(W_INS)
        insertion.append(run)
        return insertion


def _split_before(element: etree._Element, index: int) -> None:
    """Split the run holding w:t ``element`` so that its character ``index`` starts a run."""
    text = element.text or ""
    if index <= 0:
        if list(element.getparent()).index(element) > _first_content(element):
            _split_run_before_child(element)
        return
    if index >= len(text):
        following = element.getnext()
        if following is not None:
            _split_run_before_child(following)
        return
    run = element.getparent()
    after = copy.deepcopy(run)
    children = list(run)
    k = children.index(element)
    after_children = list(after)
    for position, child in enumerate(after_children):
        if position < k and child.tag != W_RPR:
            after.remove(child)
    _set_text(after_children[k], text[index:])
    for child in children[k + 1 :]:
        run.remove(child)
    _set_text(element, text[:index])
    run.addnext(after)


def _first_content(element: etree._Element) -> int:
    children = list(element.getparent())
    return next(i for i, child in enumerate(children) if child.tag != W_RPR)


def _split_run_before_child(element: etree._Element) -> None:
    """Move ``element`` and what follows it in its run into a copy of the run after it."""
    run = element.getparent()
    children = list(run)
    k = children.index(element)
    after = copy.deepcopy(run)
    for position, child in enumerate(list(after)):
        if position < k and child.tag != W_RPR:
            after.remove(child)
    for child in children[k:]:
        run.remove(child)
    run.addnext(after)


def isolate_span(
    paragraph: etree._Element, start: int, end: int
) -> tuple[etree._Element, etree._Element] | None:
    """Split runs so that characters [start, end) of the paragraph are whole runs, without
    changing any text or formatting; the first and last of those runs (None: not in w:t)."""
    if end <= start:
        return None
    mapped = char_map(paragraph)
    if end > len(mapped.holders) or any(h is None for h, _ in mapped.holders[start:end]):
        return None
    if any(h.getparent().getparent() is None for h, _ in mapped.holders[start:end]):  # type: ignore[union-attr]
        return None
    last_element, last_index = mapped.holders[end - 1]
    _split_before(last_element, last_index + 1)  # type: ignore[arg-type]
    first_element, first_index = mapped.holders[start]
    _split_before(first_element, first_index)  # type: ignore[arg-type]
    mapped = char_map(paragraph)
    first, last = mapped.holders[start][0], mapped.holders[end - 1][0]
    return first.getparent(), last.getparent()  # type: ignore[union-attr]
