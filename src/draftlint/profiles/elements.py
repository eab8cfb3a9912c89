"""The parts of a 请示 or 通知 (GB/T 9704-2012 7.3): 主送机关, 正文, 附件说明, 落款, 成文日期."""

from __future__ import annotations

import re
from dataclasses import field
from functools import cache
from typing import Any

from draftlint.model import Paragraph
from draftlint.numbering.markers import parse_head
from draftlint.patterns import compile_re
from draftlint.profiles.title import is_masthead
from draftlint.records import dataclass
from draftlint.resources import rule_data


@dataclass(slots=True)
class Elements:
    """Where the 公文 elements are: recipient, body, attachments, signature, date."""

    recipient: Paragraph | None = None
    body: list[Paragraph] = field(default_factory=list)
    attachment_note: list[Paragraph] = field(default_factory=list)  # 附件：1.… and 2.… lines
    signature: Paragraph | None = None
    date: Paragraph | None = None
    date_match: re.Match[str] | None = None
    doc_number: Paragraph | None = None  # 发文字号, above or below the title
    doc_number_match: re.Match[str] | None = None
    last: Paragraph | None = None  # the last paragraph of the main text

    def present(self) -> set[str]:
        found = {"标题"}
        for name, value in (
            ("主送机关", self.recipient), ("正文", self.body),
            ("附件说明", self.attachment_note), ("落款", self.signature), ("成文日期", self.date),
        ):  # fmt: skip
            if value:
                found.add(name)
        return found


@cache
def _data() -> dict[str, Any]:
    return rule_data("sections")["elements"]


@cache
def pattern(key: str) -> re.Pattern[str]:
    return compile_re(_data()[key])


@cache
def request_pattern() -> re.Pattern[str]:
    """请示 wording (妥否，请批示 / 请予批准): the 请示结语 of S007, and S006 in a report."""
    patterns = rule_data("sections")["request"]["patterns"]
    return compile_re("|".join(f"(?:{p})" for p in patterns))


def is_recipient(text: str) -> bool:
    """各乡镇人民政府，县政府各部门： — short parts, the last an organ, no sentence marks."""
    text = text.strip()
    data = _data()
    limit = data["recipient_colon_max_length" if text[-1:] in "：:" else "recipient_max_length"]
    if not text or len(text) > limit or re.search(r"[。！？!?]", text):
        return False
    head = text.rstrip("：:，,")
    parts = [part for part in re.split(r"[，,、]", head) if part.strip()]
    if not parts or any(len(part) > data["recipient_part_length"] for part in parts):
        return False
    marker = parse_head(text)
    if marker is not None and marker.is_heading:
        return False
    return bool(pattern("organ_suffix").search(parts[-1].strip())) or bool(
        text[-1] in "：:" and pattern("organ_prefix").search(parts[0].strip())
    )


def _continues_recipient(text: str) -> bool:
    """The next line of a wrapped recipient list: itself a recipient line, or short parts
    closed by the colon (县属各国有企业：)."""
    text = text.strip()
    if is_recipient(text):
        return True
    return (
        text.endswith(("：", ":"))
        and len(text) <= _data()["recipient_max_length"]
        and not re.search(r"[。！？!?]", text)
        and all(len(p) <= _data()["recipient_part_length"] for p in re.split(r"[，,、]", text))
    )


def find_elements(main: list[Paragraph], title_end: int, title_text: str = "") -> Elements:
    """The elements after the title (``main[title_end]`` is the title's last line;
    ``title_text`` the whole title, joined over its lines)."""
    found = Elements()
    found.last = next((p for p in reversed(main) if p.text.strip()), None)
    start = title_end + 1
    # 发文字号, 份号, 密级, 紧急程度 may stand between the title and the 主送机关.
    while start < len(main) and (not main[start].text.strip() or is_masthead(main[start].text)):
        start += 1
    _find_doc_number(main[:start], found)
    if start < len(main) and is_recipient(main[start].text):
        found.recipient = main[start]
        start += 1
        # A long list of recipients wraps: 各县（市、区）人民政府，… / 市直各单位：
        while (
            start < len(main)
            and found.recipient.text.rstrip().endswith(("，", "、", ","))
            and _continues_recipient(main[start].text)
        ):
            found.recipient = main[start]
            start += 1
    end = len(main)
    date_at = _find_date(main, start, found)
    title_text = title_text or (main[title_end].text if 0 <= title_end < len(main) else "")
    if date_at is None and _ISSUING.search(title_text):
        # 关于印发《…办法》的通知: the notice signs and dates before the document it issues.
        date_at = _first_date(main, start, found)
    if date_at is not None:
        end = date_at
        if found.date_match is not None and found.date_match.group("before").strip():
            found.signature = main[date_at]
        elif date_at - 1 >= start and _is_signature(main[date_at - 1].text):
            found.signature = main[date_at - 1]
            end = date_at - 1
    elif end > start and _is_signature(main[end - 1].text, need_organ=True):
        found.signature = main[end - 1]
        end -= 1
    note_at = _find_attachment_note(main, start, end)
    if note_at is not None:
        found.attachment_note = main[note_at:end]
        end = note_at
    found.body = main[start:end]
    return found


def _find_doc_number(head: list[Paragraph], found: Elements) -> None:
    doc_number = pattern("doc_number")
    for paragraph in head:
        match = doc_number.match(paragraph.text)
        if match is not None:
            found.doc_number, found.doc_number_match = paragraph, match
            return


def _find_date(main: list[Paragraph], start: int, found: Elements) -> int | None:
    date = pattern("date")
    annotation = pattern("annotation")
    seen = 0
    for position in range(len(main) - 1, start - 1, -1):
        text = main[position].text
        if annotation.match(text):
            continue
        match = date.match(text.strip())
        if match is not None:
            found.date = main[position]
            found.date_match = date.match(text)
            return position
        seen += 1
        if seen >= _data()["date_search"]:
            break
    return None


_ISSUING = compile_re(r"(印发|转发|批转|颁布|发布).*(通知|决定|命令|函)")


def _first_date(main: list[Paragraph], start: int, found: Elements) -> int | None:
    date = pattern("date")
    for position in range(start, len(main)):
        match = date.match(main[position].text.strip())
        if match is not None:
            found.date = main[position]
            found.date_match = date.match(main[position].text)
            return position
    return None


def _is_signature(text: str, *, need_organ: bool = False) -> bool:
    text = pattern("signature_strip").sub("", text).strip()
    data = _data()
    if not text or len(text) > data["signature_max_length"]:
        return False
    if pattern("signature_forbidden").search(text) or pattern("attachment_item").match(text):
        return False
    marker = parse_head(text)
    if marker is not None:
        return False
    return not need_organ or bool(pattern("organ_suffix").search(text))


def _find_attachment_note(main: list[Paragraph], start: int, end: int) -> int | None:
    note = pattern("attachment_note")
    item = pattern("attachment_item")
    position = end - 1
    while position >= start and item.match(main[position].text):
        position -= 1
    if position >= start and note.match(main[position].text):
        return position
    return None
