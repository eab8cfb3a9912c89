"""What a rule sees: the document, its outline (built once, on first use), the options."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from draftlint.model import Document
from draftlint.numbering.outline import Outline, build_outline

if TYPE_CHECKING:
    from draftlint.profiles import SectionAnalysis


@dataclass
class LintOptions:
    lang: str = "zh"
    profile: str | None = None
    profiles_dir: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # per-rule options, by rule name


@dataclass
class LintContext:
    document: Document
    options: LintOptions = field(default_factory=LintOptions)
    shared: dict[str, Any] = field(default_factory=dict)  # results rules share (e.g. spans claimed)

    @cached_property
    def outline(self) -> Outline:
        return build_outline(self.document)

    @cached_property
    def sections(self) -> SectionAnalysis:
        """Title, profile, top-level sections and elements: one detection for S001–S007."""
        from draftlint.profiles import analyse  # the profiles package imports this module

        return analyse(self.document, self.outline, self.options)
