"""A document-type profile: how its title reads, which sections and elements it needs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# The parts of a 公文 a profile may require (GB/T 9704-2012 7.3), in document order.
ELEMENTS = ("标题", "主送机关", "正文", "附件说明", "落款", "成文日期")


@dataclass(frozen=True, slots=True)
class SectionSpec:
    name: str
    required: bool
    synonyms: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, heading: str) -> bool:
        return any(word in heading for word in self.synonyms) or any(
            pattern.search(heading) for pattern in self.patterns
        )


@dataclass(frozen=True, slots=True)
class ElementSpec:
    name: str
    required: bool


@dataclass(frozen=True, slots=True)
class Profile:
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
