"""A document-type profile: how its title reads, which sections and elements it needs."""

from __future__ import annotations

import re
from dataclasses import field
from functools import cache
from pathlib import Path

from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.resources import rule_data

# The parts of a 公文 a profile may require (GB/T 9704-2012 7.3), in document order.
ELEMENTS = ("标题", "主送机关", "正文", "附件说明", "落款", "成文日期")


@cache
def _drop() -> re.Pattern[str]:
    return compile_re(rule_data("sections")["heading"]["normalise_drop"])


def normalise_heading(text: str) -> str:
    """A heading as S001 compares it: without 的/和/及/与/上/方面, spaces and closing marks,
    so 今后的工作 reads as 今后工作 and 成就与不足 as 成就不足."""
    return _drop().sub("", text)


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """A section a profile expects, and how its heading is recognised."""

    name: str
    required: bool
    synonyms: tuple[str, ...]  # found anywhere in the normalised heading
    patterns: tuple[re.Pattern[str], ...]  # searched in the heading as written
    headings: tuple[str, ...] = ()  # whole headings: the normalised heading is one of these
    # Searched in the main text: the section's content given without a heading of its own
    # (造成2人死亡，直接经济损失260万元 in an accident report's opening paragraph).
    content: tuple[re.Pattern[str], ...] = ()
    # The synonyms and whole headings normalised once, not for every heading compared; the
    # synonyms as one alternation of literals, found in a heading in C (None: no synonym).
    _synonyms: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _headings: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = sorted(set(map(normalise_heading, self.synonyms)))
        either = compile_re("|".join(map(re.escape, words))) if words else None
        object.__setattr__(self, "_synonyms", either)
        object.__setattr__(self, "_headings", frozenset(map(normalise_heading, self.headings)))

    def matches(self, heading: str, normal: str | None = None) -> bool:
        """``normal``: ``normalise_heading(heading)`` when the caller has it already."""
        if normal is None:
            normal = normalise_heading(heading)
        return (
            (self._synonyms is not None and self._synonyms.search(normal) is not None)
            or normal in self._headings
            or any(pattern.search(heading) for pattern in self.patterns)
        )


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """A 公文 element a profile expects (落款, 成文日期 …)."""

    name: str
    required: bool


@dataclass(frozen=True, slots=True)
class Profile:
    """A document type: how its title is recognised, its sections and elements."""

    name: str
    source: str  # "bundled", "repository" or "profiles-dir"
    path: Path
    title_patterns: tuple[re.Pattern[str], ...]
    priority: int = 0
    description: str = ""
    aliases: tuple[str, ...] = ()
    sections: tuple[SectionSpec, ...] = ()
    order: tuple[str, ...] = ()  # section names, expected order
    elements: tuple[ElementSpec, ...] = ()
    no_requests: bool = False  # a report: S006 applies
    ends_with_request: bool = False  # a 请示: S007 checks the closing request
    replaces: tuple[Path, ...] = field(default=())  # bundled files this one overrides

    @property
    def required_sections(self) -> tuple[SectionSpec, ...]:
        return tuple(section for section in self.sections if section.required)

    def matches_title(self, title: str) -> bool:
        return any(pattern.search(title) for pattern in self.title_patterns)

    def element(self, name: str) -> ElementSpec | None:
        return next((element for element in self.elements if element.name == name), None)
