"""What a rule sees: the document, the options, and every shared analysis of the document.

Each analysis is a typed property computed once, on first use, and shared by every rule
that asks; this class is the full list of what a rule can ask for.
"""

from __future__ import annotations

from functools import cached_property

from draftlint.analysis.joined import Joined
from draftlint.analysis.layout import Layout, build_layouts
from draftlint.analysis.punctuation import HalfMark, protected_spans, scan_document
from draftlint.analysis.residue import scan
from draftlint.analysis.spans import Span, Spans
from draftlint.model import Document, LintOptions, Paragraph
from draftlint.numbering.outline import Outline, build_outline
from draftlint.profiles import SectionAnalysis, analyse

__all__ = ["LintContext", "LintOptions"]


class LintContext:
    def __init__(self, document: Document, options: LintOptions | None = None) -> None:
        self.document = document
        self.options = options or LintOptions()
        self._protected: dict[int, Spans] = {}

    @cached_property
    def outline(self) -> Outline:
        """Numbered headings as a tree, enumerations, and where the main text ends."""
        return build_outline(self.document, lambda: self.joined)

    @cached_property
    def sections(self) -> SectionAnalysis:
        """Title, profile, top-level sections and elements: one detection for S001–S007."""
        return analyse(self.document, self.outline, self.options)

    @cached_property
    def layouts(self) -> list[Layout]:
        """Each numbered heading's sentence and what follows it (S003–S005)."""
        return build_layouts(self.document, self.outline, self.sections)

    @cached_property
    def joined(self) -> Joined:
        """The paragraph texts joined by newlines, for one regex pass over the document."""
        return Joined([p.text for p in self.document.paragraphs])

    @cached_property
    def residue(self) -> dict[int, list[Span]]:
        """Web-page residue spans by paragraph index (paragraphs with none left out).

        A table cell is never residue: a column of domains or a 首页 cell is content."""
        paragraphs = self.document.paragraphs
        found = scan(self.joined.texts, self.joined)
        return {i: spans for i, spans in found.items() if paragraphs[i].story != "table"}

    @cached_property
    def halfwidth(self) -> dict[int, tuple[HalfMark, ...]]:
        """The ASCII marks standing in Chinese text, with their full-width replacements, by
        paragraph position, which is its index (paragraphs with none left out, in order): one
        pass over the document."""
        return scan_document(self.joined)

    def halfwidth_marks(self, paragraph: Paragraph) -> tuple[HalfMark, ...]:
        """``halfwidth`` of ``paragraph``."""
        return self.halfwidth.get(paragraph.index, ())

    def protected_spans(self, paragraph: Paragraph) -> Spans:
        """URLs, e-mail, file names, versions, numbers and code in ``paragraph``."""
        found = self._protected.get(paragraph.index)
        if found is None:
            found = protected_spans(paragraph.text)
            if found:
                self._protected[paragraph.index] = found
        return found
