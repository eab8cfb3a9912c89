"""Markdown: markup removed before linting, every character mapped back to its column.

markdown-it-py (already a dependency of rich) finds the block structure (code blocks and
HTML are skipped, ``#`` headings keep their level) and parses each line's inline markup;
the text it yields is located in the source line, so findings point at real columns.
Chinese drafts put one paragraph on each line, so each source line is one paragraph.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from draftlint.model import Document, Paragraph
from draftlint.readers.text import decode, split_lines

_md = MarkdownIt("commonmark").enable("table").enable("strikethrough")

# Block prefixes that are markup, not text: quotes, headings, bullets. An ordered-list
# number ("1. ") is kept: it is the numbering the linter checks.
_BLOCK_PREFIX = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$)[ \t]*|[-*+][ \t]+)?")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SKIPPED_BLOCKS = frozenset({"fence", "code_block", "html_block", "hr"})
_DROPPED_INLINE = frozenset({"code_inline", "html_inline", "image"})


def _block_lines(text: str) -> tuple[set[int], dict[int, int], set[int], dict[int, int]]:
    """0-based lines to skip, heading levels by line, table lines, and the number each
    ordered-list item shows (Markdown renumbers 1. 1. 1. as 1. 2. 3.)."""
    skipped: set[int] = set()
    headings: dict[int, int] = {}
    tables: set[int] = set()
    shown: dict[int, int] = {}
    counters: list[int] = []  # one per open ordered list: the next number it shows
    for token in _md.parse(text):
        if token.type == "ordered_list_open":
            counters.append(int(token.attrGet("start") or 1))
        elif token.type == "ordered_list_close":
            counters.pop()
        elif token.type == "bullet_list_open":
            counters.append(0)
        elif token.type == "bullet_list_close":
            counters.pop()
        elif token.type == "list_item_open" and counters and counters[-1] and token.map:
            shown[token.map[0]] = counters[-1]
            counters[-1] += 1
        if token.map is None:
            continue
        first, last = token.map
        if token.type in _SKIPPED_BLOCKS:
            skipped.update(range(first, last))
        elif token.type == "heading_open":
            headings[first] = int(token.tag[1:])
        elif token.type == "table_open":
            tables.update(range(first, last))
    return skipped, headings, tables, shown


def _inline_text(line: str, start: int) -> tuple[str, list[int]]:
    """Text of ``line[start:]`` without inline markup, and each character's column."""
    chars: list[str] = []
    columns: list[int] = []
    cursor = start
    tokens = _md.parseInline(line[start:])[0].children or []
    for token in tokens:
        if token.type in _DROPPED_INLINE:
            found = line.find(token.markup + token.content, cursor) if token.markup else -1
            if found >= 0:
                cursor = found + len(token.markup) * 2 + len(token.content)
            continue
        if token.type != "text" or not token.content:
            continue
        found = line.find(token.content, cursor)
        if found < 0:  # an entity or escape changed the text: keep it, columns approximate
            found = cursor
        chars.append(token.content)
        columns.extend(range(found, found + len(token.content)))
        cursor = found + len(token.content)
    return "".join(chars), columns


def read_markdown(data: bytes, path: str) -> Document:
    text = decode(data)
    lines = split_lines(text)
    skipped, headings, tables, shown = _block_lines("\n".join(lines))
    skipped |= _front_matter(lines)
    document = Document(path, "md")
    paragraphs = document.paragraphs
    for index, line in enumerate(lines):
        if index in skipped or not line.strip():
            continue
        if index in tables:
            if _TABLE_DELIMITER.match(line):
                continue
            segments = _table_cells(line)
        else:
            body = _HEADING_CLOSE.sub("", line) if index in headings else line
            segments = [(_BLOCK_PREFIX.match(body).end(), body)]  # type: ignore[union-attr]
        for start, source in segments:
            content, columns = _inline_text(source, start)
            if not content.strip():
                continue
            if index in shown:
                content, columns = _renumber(content, columns, shown[index])
            paragraphs.append(
                Paragraph(
                    len(paragraphs), content, index + 1, f"第{index + 1}行",
                    heading_level=headings.get(index), columns=columns,
                )
            )  # fmt: skip
    return document


_LIST_NUMBER = re.compile(r"\d+(?=[.)])")


def _renumber(content: str, columns: list[int], number: int) -> tuple[str, list[int]]:
    """An ordered-list item as the reader sees it: the number Markdown shows, mapped back
    to the digits typed in the source."""
    typed = _LIST_NUMBER.match(content)
    if typed is None or int(typed.group()) == number:
        return content, columns
    digits = str(number)
    first, last = columns[0], columns[typed.end() - 1]
    mapped = [min(first + i, last) for i in range(len(digits))]
    return digits + content[typed.end() :], mapped + columns[typed.end() :]


def _table_cells(line: str) -> list[tuple[int, str]]:
    cells: list[tuple[int, str]] = []
    start = 0
    for match in re.finditer(r"(?<!\\)\|", line + "|"):
        end = match.start()
        if line[start:end].strip():
            cells.append((start, line[:end]))
        start = match.end()
    return cells


def _front_matter(lines: list[str]) -> set[int]:
    if not lines or lines[0].strip() != "---":
        return set()
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return set(range(index + 1))
    return set()
