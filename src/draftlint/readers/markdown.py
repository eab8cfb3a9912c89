"""Markdown: markup removed before linting, every character mapped back to its column.

markdown-it-py (already a dependency of rich) parses the whole file once: the block
structure (code blocks and HTML are skipped, ``#`` headings keep their level, each table
cell is read apart) and every block's inline markup. The text it yields is then located in
the source with one cursor that only moves forward, so reading is linear in the file and
findings point at real columns. Chinese drafts put one paragraph on each line, so each
source line of a block is one paragraph. An ordered-list number ("1. ") is kept: it is the
numbering the linter checks, shown as Markdown renders it (1. 1. 1. reads 1. 2. 3.).

Suppression directives are HTML comments on a line of their own:
``<!-- draftlint-disable-next-line P001 -->`` covers the next paragraph,
``<!-- draftlint-disable P001 -->`` … ``<!-- draftlint-enable -->`` (or the end of the file)
the paragraphs between; no code means every rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from draftlint.model import Document, Paragraph, Suppression
from draftlint.patterns import compile_re
from draftlint.readers.directives import codes_of
from draftlint.readers.text import decode, split_lines
from draftlint.records import dataclass

_md = MarkdownIt("commonmark").enable("table").enable("strikethrough")

_LIST_NUMBER = compile_re(r"\d+(?=[.)])")
_DIRECTIVE = compile_re(
    r"\s*<!--\s*draftlint-(disable-next-line|disable|enable)(?![\w-])(.*?)-->\s*", re.DOTALL
)


@dataclass(slots=True)
class _Line:
    """The text of one source line of one block, as it is being collected."""

    index: int  # 0-based source line
    chars: list[str] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _ListItem:
    """An ordered-list item whose typed number ("1.") still waits for its text."""

    line: int
    start: int  # offset of the typed number in the source
    end: int  # just past it and the blanks after it
    shown: int  # the number Markdown shows


class _Reader:
    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.starts = [0]  # offset of each line's first character
        position = source.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = source.find("\n", position + 1)
        self.document = Document(path, "md")
        self.cursor = 0  # everything before it has been located
        self.html_blocks: list[range] = []  # lines of the HTML blocks: where directives are

    def line_end(self, line: int) -> int:
        return self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.source)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def read(self, tokens: list[Token | None]) -> Document:
        """Paragraphs from ``tokens``, each token dropped once read (the tokens of a long
        file outweigh the paragraphs made from them: they are not kept side by side)."""
        counters: list[int] = []  # one per open list: the next number it shows (0: bullets)
        heading: int | None = None
        item: _ListItem | None = None
        for position, token in enumerate(tokens):
            tokens[position] = None
            if token is None:
                continue
            kind = token.type
            if kind == "ordered_list_open":
                counters.append(_start(token))
            elif kind == "bullet_list_open":
                counters.append(0)
            elif kind in ("ordered_list_close", "bullet_list_close") and counters:
                counters.pop()
            elif kind == "list_item_open" and counters and counters[-1] and token.map:
                item = self._list_item(token, counters[-1])
                counters[-1] += 1
            elif kind == "list_item_close" and item is not None:
                self._emit(_Line(item.line), None, item)  # an item with no text: "2."
                item = None
            elif kind == "heading_open":
                heading = int(token.tag[1:])
            elif kind == "heading_close":
                heading = None
            elif kind == "inline" and token.map:
                self._inline(token, heading, item)
                item = None
            elif kind == "html_block" and token.map:
                self.html_blocks.append(range(*token.map))
        return self.document

    def _list_item(self, token: Token, shown: int) -> _ListItem | None:
        line = token.map[0]  # type: ignore[index]
        typed = token.info + token.markup
        end = self.line_end(line)
        start = self.source.find(typed, self.starts[line], end)
        if start < 0 or not token.info:
            return None
        past = start + len(typed)
        while past < end and self.source[past] in " \t":
            past += 1
        return _ListItem(line, start, past, shown)

    def _inline(self, token: Token, heading: int | None, item: _ListItem | None) -> None:
        """Locate the text of one block's inline content and emit a paragraph per line."""
        source = self.source
        first, last = token.map  # type: ignore[misc]
        block_end = self.line_end(last - 1)
        cursor = max(self.cursor, self.starts[first])
        current: _Line | None = None
        for child in token.children or ():
            kind = child.type
            if kind == "text" and child.content:
                content = child.content
                line = self.line_of(cursor)
                end = self.line_end(line)
                found = source.find(content, cursor, end)
                if current is None or current.index != line:
                    if current is not None:
                        self._emit(current, heading, item)
                        heading = item = None  # a heading's level and a number: first line
                    current = _Line(line)
                current.chars.append(content)
                line_start = self.starts[line]
                if found >= 0:
                    current.columns.extend(
                        range(found - line_start, found - line_start + len(content))
                    )
                    cursor = found + len(content)
                else:  # an entity or escape changed the text: place it character by character
                    cursor = _place(source, content, cursor, end, line_start, current.columns)
            elif kind in ("softbreak", "hardbreak"):
                newline = source.find("\n", cursor, block_end + 1)
                cursor = newline + 1 if newline >= 0 else cursor
            elif kind == "code_inline":
                cursor = _past_code(source, child.markup, cursor, block_end)
            elif kind == "html_inline":
                found = source.find(child.content, cursor, block_end)
                cursor = found + len(child.content) if found >= 0 else cursor
            elif kind == "image":
                cursor = _past_image(source, cursor, block_end)
        if current is not None:
            self._emit(current, heading, item)
        elif item is not None:
            self._emit(_Line(item.line), None, item)
        self.cursor = max(cursor, self.cursor)

    def _emit(self, line: _Line, heading: int | None, item: _ListItem | None) -> None:
        """Append ``line`` as a paragraph (its list number first, when it holds one)."""
        text = "".join(line.chars)
        columns = line.columns
        if item is not None and item.line == line.index:
            marker = self.source[item.start : item.end]
            if not columns:
                marker = marker.rstrip()
            offset = item.start - self.starts[line.index]
            text = marker + text
            columns = [*range(offset, offset + len(marker)), *line.columns]
            text, columns = _renumber(text, columns, item.shown)
        if not text.strip():
            return
        paragraphs = self.document.paragraphs
        number = line.index + 1
        paragraphs.append(
            Paragraph(
                len(paragraphs), text, number, heading_level=heading, columns=columns,
            )
        )  # fmt: skip

    def suppressions(self) -> None:
        """The directives written in HTML blocks, as Suppressions over the paragraphs."""
        paragraph_lines = [p.line for p in self.document.paragraphs]
        found = self.document.suppressions
        opened: list[tuple[int, tuple[str, ...]]] = []  # (line, codes) of open disables

        def cover(line: int, codes: tuple[str, ...], first: int, last: int) -> None:
            if first <= last:
                found.append(Suppression(first, last, codes, line, "markdown"))

        for lines in self.html_blocks:
            for index in lines:
                match = _DIRECTIVE.fullmatch(self.source, self.starts[index], self.line_end(index))
                if match is None:
                    continue
                kind, codes, line = match.group(1), codes_of(match.group(2)), index + 1
                after = bisect_right(paragraph_lines, line)  # first paragraph below
                if kind == "disable-next-line":
                    cover(line, codes, after, min(after, len(paragraph_lines) - 1))
                elif kind == "disable":
                    opened.append((line, codes))
                else:
                    for start, start_codes in opened:
                        first = bisect_right(paragraph_lines, start)
                        cover(start, start_codes, first, bisect_left(paragraph_lines, line) - 1)
                    opened = []
        for start, start_codes in opened:
            cover(
                start, start_codes, bisect_right(paragraph_lines, start), len(paragraph_lines) - 1
            )
        found.sort(key=lambda suppression: (suppression.first, suppression.line))


def read_markdown(data: bytes, path: str) -> Document:
    lines = split_lines(decode(data))
    for index in _front_matter(lines):
        lines[index] = ""  # read by nobody: blank, so line numbers stay
    source = "\n".join(lines)
    reader = _Reader(source, path)
    reader.read(_md.parse(source))  # type: ignore[arg-type]
    reader.suppressions()
    return reader.document


def _start(token: Token) -> int:
    start = token.attrGet("start")
    return int(start) if isinstance(start, (int, str)) and str(start).isdigit() else 1


_WINDOW = 16  # how far ahead a character changed by an entity or escape is looked for


def _place(
    source: str, content: str, cursor: int, end: int, line_start: int, columns: list[int]
) -> int:
    """Columns of ``content`` in ``source[cursor:end]`` found one character at a time, each
    looked for a few characters ahead only (so the work stays linear); a character not found
    (``&copy;`` became ©) takes the next position. Returns the new cursor."""
    last = max(end - 1, line_start)
    for char in content:
        found = source.find(char, cursor, min(end, cursor + _WINDOW))
        position = found if found >= 0 else min(cursor, last)
        columns.append(position - line_start)
        cursor = position + 1
    return min(cursor, end)


def _past_code(source: str, markup: str, cursor: int, end: int) -> int:
    """Just past the code span opened by ``markup`` at or after ``cursor``."""
    opening = source.find(markup, cursor, end)
    if opening < 0:
        return cursor
    closing = source.find(markup, opening + len(markup), end)
    return closing + len(markup) if closing >= 0 else cursor


def _past_image(source: str, cursor: int, end: int) -> int:
    """Just past ``![alt](target)`` at or after ``cursor`` (the alt text is not linted)."""
    opening = source.find("![", cursor, end)
    middle = source.find("](", opening, end) if opening >= 0 else -1
    closing = source.find(")", middle, end) if middle >= 0 else -1
    return closing + 1 if closing >= 0 else cursor


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


def _front_matter(lines: list[str]) -> range:
    if not lines or lines[0].strip() != "---":
        return range(0)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return range(index + 1)
    return range(0)
