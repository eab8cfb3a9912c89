"""The one data model every stage shares: a Document of Paragraphs, and Findings on them.

Readers build a ``Document``; the parser and rules read it; reporters and fixers read
``Finding``s. Every finding is a span ``[start, end)`` of one paragraph's ``text``, so
fixes from several rules can be planned against the same original text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, fields
from enum import Enum
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from draftlint.records import dataclass

if TYPE_CHECKING:
    from draftlint.rule import Rule


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Traits(NamedTuple):
    """What a paragraph carries besides its text and position. Most paragraphs of a
    document share one combination, so equal traits are one shared tuple (``_shared``)."""

    place: str = ""
    heading_level: int | None = None
    columns: list[int] | None = None
    prefix_len: int = 0
    bold: bool = False
    numbering_damaged: bool = False
    source_part: str | None = None  # source is (source_part, ordinal): the ordinal is kept apart
    unit: str = "行"  # the word after the line number in ``location``: 行 or 段


_PLAIN = Traits()
_SHARED: dict[Traits, Traits] = {_PLAIN: _PLAIN}
_SHARED_MAX = 4096  # distinct combinations kept; table cells' places are not shared at all


def _shared(traits: Traits) -> Traits:
    if traits.place or traits.columns is not None:
        return traits  # a table cell's place or a Markdown line's columns: its own
    found = _SHARED.get(traits)
    if found is None:
        if len(_SHARED) >= _SHARED_MAX:
            return traits
        found = _SHARED[traits] = traits
    return found


def paragraph_traits(
    place: str = "",
    heading_level: int | None = None,
    columns: list[int] | None = None,
    prefix_len: int = 0,
    bold: bool = False,
    numbering_damaged: bool = False,
    source_part: str | None = None,
    unit: str = "行",
) -> Traits:
    """Traits for ``Paragraph.with_traits``: a reader making many paragraphs alike makes
    their traits once."""
    return _shared(
        Traits(place, heading_level, columns, prefix_len, bold, numbering_damaged,
                source_part, unit)
    )  # fmt: skip


class Paragraph:
    """One paragraph as its reader sees it, with the way back to the source file.

    ``line`` is the 1-based line (.txt/.md) or the 1-based paragraph ordinal in reading
    order (.docx). ``columns`` maps each character of ``text`` to its 0-based column in
    the source line when the reader removed markup (Markdown); ``None`` means identity.
    ``prefix_len`` counts leading characters that are not in the file at all (the
    computed marker of Word's automatic numbering). ``story`` says where the paragraph
    lives: "body", "table", "textbox", "header", "footer", "footnote", "endnote", "toc" (a table-of-contents entry); only
    body paragraphs make the outline. ``place`` says where, in words, when the line number
    says too little (a table cell); ``bold``: all its text is bold (.docx: a heading set in
    bold, not styled); ``numbering_damaged``: Word's automatic number could not be shown;
    ``source``: a reader-specific handle ((part, ordinal) for .docx), for fixes.

    A document may hold millions of paragraphs, so each is small: the index, the text, the
    story (read by every rule), the line kept as its distance from the index (a small
    number, no int object of its own), the rarely varying rest as one shared ``Traits``,
    and a .docx source ordinal as its distance from the index too.
    """

    __slots__ = ("_line", "_source", "_traits", "index", "story", "text")

    def __init__(
        self,
        index: int,
        text: str,
        line: int,
        place: str = "",
        story: str = "body",
        heading_level: int | None = None,
        columns: list[int] | None = None,
        prefix_len: int = 0,
        bold: bool = False,
        numbering_damaged: bool = False,
        source: Any = None,
        *,
        unit: str = "行",
    ) -> None:
        self.index = index
        self.text = text
        self.story = story
        self._line = line - index
        part, self._source = self._split_source(source)
        self._traits = _shared(
            Traits(place, heading_level, columns, prefix_len, bold, numbering_damaged, part,
                   unit)
        )  # fmt: skip

    @classmethod
    def with_traits(
        cls,
        index: int,
        text: str,
        line: int,
        traits: Traits,
        source_ordinal: int = 0,
        story: str = "body",
    ) -> Paragraph:
        """A paragraph whose traits a reader made once (``paragraph_traits``); its source is
        (traits.source_part, source_ordinal) when the traits name a part."""
        paragraph = cls.__new__(cls)
        paragraph.index, paragraph.text, paragraph._line = index, text, line - index
        paragraph.story, paragraph._traits = story, traits
        paragraph._source = source_ordinal - index if traits.source_part is not None else None
        return paragraph

    def _split_source(self, source: Any) -> tuple[str | None, Any]:
        if (
            type(source) is tuple
            and len(source) == 2
            and type(source[0]) is str
            and type(source[1]) is int
        ):
            return source[0], source[1] - self.index
        return None, source

    def _update(self, **changes: Any) -> None:
        self._traits = _shared(self._traits._replace(**changes))

    @property
    def line(self) -> int:
        return self.index + self._line

    @line.setter
    def line(self, value: int) -> None:
        self._line = value - self.index

    @property
    def place(self) -> str:
        traits = self._traits
        if traits.place or traits.unit == "行":
            return traits.place
        return f"第{self.line}{traits.unit}"

    @place.setter
    def place(self, value: str) -> None:
        self._update(place=value, unit="行")

    @property
    def heading_level(self) -> int | None:
        return self._traits.heading_level

    @heading_level.setter
    def heading_level(self, value: int | None) -> None:
        self._update(heading_level=value)

    @property
    def columns(self) -> list[int] | None:
        return self._traits.columns

    @columns.setter
    def columns(self, value: list[int] | None) -> None:
        self._update(columns=value)

    @property
    def prefix_len(self) -> int:
        return self._traits.prefix_len

    @prefix_len.setter
    def prefix_len(self, value: int) -> None:
        self._update(prefix_len=value)

    @property
    def bold(self) -> bool:
        return self._traits.bold

    @bold.setter
    def bold(self, value: bool) -> None:
        self._update(bold=value)

    @property
    def numbering_damaged(self) -> bool:
        return self._traits.numbering_damaged

    @numbering_damaged.setter
    def numbering_damaged(self, value: bool) -> None:
        self._update(numbering_damaged=value)

    @property
    def source(self) -> Any:
        part = self._traits.source_part
        if part is not None:
            return (part, self.index + self._source)
        return self._source

    @source.setter
    def source(self, value: Any) -> None:
        part, self._source = self._split_source(value)
        if part != self._traits.source_part:
            self._update(source_part=part)

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.index, self.text, self.line, self.place, self.story, self.heading_level,
            self.columns, self.prefix_len, self.bold, self.numbering_damaged, self.source,
        )  # fmt: skip

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        names = ("index", "text", "line", "place", "story", "heading_level", "columns",
                 "prefix_len", "bold", "numbering_damaged", "source")  # fmt: skip
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"Paragraph({shown})"

    def column(self, offset: int) -> int:
        """1-based source column of the character at ``offset`` (or just past the end)."""
        traits = self._traits
        offset = max(offset, traits.prefix_len)
        columns = traits.columns
        if columns is None:
            return offset - traits.prefix_len + 1
        if offset < len(columns):
            return columns[offset] + 1
        return (columns[-1] + 2) if columns else 1

    @property
    def location(self) -> str:
        """Where the paragraph is, in words: 第3行 in a text file; 第3段 or 表格1第2行第3列 in a
        Word file. Made when asked: a string per line would cost more than the line itself
        in a file of a million short lines."""
        traits = self._traits
        return traits.place or f"第{self.line}{traits.unit}"

    @property
    def is_automatic(self) -> bool:
        return self._traits.prefix_len > 0


_PREFIX_LEN = attrgetter("_traits.prefix_len")


def automatic_positions(paragraphs: Sequence[Paragraph]) -> list[int]:
    """Positions of the paragraphs Word numbers itself (``is_automatic``), in one pass in
    C when there are none (text and Markdown files)."""
    if not any(map(_PREFIX_LEN, paragraphs)):
        return []
    return [position for position, p in enumerate(paragraphs) if p.is_automatic]


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
    """A read file: its paragraphs in reading order and its suppression directives."""

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
    """One problem: the rule, the paragraph and the span, the message's arguments."""

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

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickled as a call with its fields (-j workers send thousands): a slots object's
        # default state is a dict per object, set back one attribute at a time. 3.5× faster
        # to load, half the size.
        return type(self), _finding_fields(self)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.paragraph.index, self.start, self.rule.code)


_finding_fields = attrgetter(*(f.name for f in fields(Finding)))  # in __init__'s order


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
