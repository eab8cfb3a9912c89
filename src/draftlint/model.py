"""The one data model every stage shares: a Document of Paragraphs, and Findings on them.

Readers build a ``Document``; the parser and rules read it; reporters and fixers read
``Finding``s. Every finding is a span ``[start, end)`` of one paragraph's ``text``, so
fixes from several rules can be planned against the same original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from draftlint.rule import Rule


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(slots=True)
class Paragraph:
    """One paragraph as its reader sees it, with the way back to the source file.

    ``line`` is the 1-based line (.txt/.md) or the 1-based paragraph ordinal in reading
    order (.docx). ``columns`` maps each character of ``text`` to its 0-based column in
    the source line when the reader removed markup (Markdown); ``None`` means identity.
    ``prefix_len`` counts leading characters that are not in the file at all (the
    computed marker of Word's automatic numbering). ``story`` says where the paragraph
    lives: "body", "table", "textbox", "header", "footer", "footnote", "endnote", "toc" (a table-of-contents entry); only
    body paragraphs make the outline.
    """

    index: int
    text: str
    line: int
    place: str = ""  # where, in words, when the line number says too little (a table cell)
    story: str = "body"
    heading_level: int | None = None
    columns: list[int] | None = None
    prefix_len: int = 0
    bold: bool = False  # .docx: all its text is bold (a heading set in bold, not styled)
    numbering_damaged: bool = False  # Word's automatic number could not be shown (too long)
    source: Any = None  # reader-specific handle (a w:p element for .docx), for fixes

    def column(self, offset: int) -> int:
        """1-based source column of the character at ``offset`` (or just past the end)."""
        offset = max(offset, self.prefix_len)
        if self.columns is None:
            return offset - self.prefix_len + 1
        if offset < len(self.columns):
            return self.columns[offset] + 1
        return (self.columns[-1] + 2) if self.columns else 1

    @property
    def location(self) -> str:
        """Where the paragraph is, in words: 第3行 in a text file; 第3段 or 表格1第2行第3列 in a
        Word file. Text files leave ``place`` empty: a string per line would cost more than
        the line itself in a file of a million short lines."""
        return self.place or f"第{self.line}行"

    @property
    def is_automatic(self) -> bool:
        return self.prefix_len > 0


@dataclass(slots=True, frozen=True)
class Suppression:
    """An in-document directive silencing ``codes`` (empty: every rule) on paragraphs
    ``first``…``last`` (indices, inclusive): a Word comment ``draftlint: ignore P001`` or a
    Markdown ``<!-- draftlint-disable… -->``. ``line`` is where the directive itself is."""

    first: int
    last: int
    codes: tuple[str, ...]
    line: int
    origin: str  # "comment" (Word) or "markdown"


@dataclass(slots=True)
class Document:
    path: str
    kind: str  # "txt", "md", "docx"
    paragraphs: list[Paragraph] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


class FixSafety(str, Enum):
    SAFE = "safe"
    REVIEW = "review"


@dataclass(slots=True, frozen=True)
class Fix:
    """Replace the finding's span with ``replacement``."""

    replacement: str
    safety: FixSafety = FixSafety.SAFE


@dataclass(slots=True)
class Finding:
    rule: type[Rule]
    paragraph: Paragraph
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    severity: Severity | None = None  # None: the rule's default
    extra: dict[str, Any] = field(default_factory=dict)  # optional JSON keys

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def effective_severity(self) -> Severity:
        return self.severity or self.rule.severity

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def line(self) -> int:
        return self.paragraph.line

    @property
    def column(self) -> int:
        return self.paragraph.column(self.start)

    @property
    def end_column(self) -> int:
        if self.end <= self.start:
            return self.column
        return self.paragraph.column(self.end - 1) + 1

    def message(self, lang: str = "zh") -> str:
        return self.rule.render_message(lang, self.args)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.paragraph.index, self.start, self.rule.code)


@dataclass(slots=True)
class LintOptions:
    """How to lint: message language, document type, and per-rule settings by rule name
    (``settings["placeholder"]["allow"]``), as a configuration file gives them."""

    lang: str = "zh"
    profile: str | None = None
    profiles_dir: str | None = None
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)

    def rule_settings(self, rule_name: str) -> dict[str, Any]:
        """The settings of one rule, keys in snake_case whichever way they were written."""
        return {
            key.replace("-", "_"): value for key, value in self.settings.get(rule_name, {}).items()
        }


class ReadError(Exception):
    """A file the tool cannot read; the message is one line, shown to the user as is."""
