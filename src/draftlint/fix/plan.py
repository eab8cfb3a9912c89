"""Which characters ``--fix`` changes: edits planned per paragraph from the findings.

An edit replaces ``[start, end)`` of one paragraph's text. Safe fixes are the replacements
the rules carry (``Rule.fix_tier == "safe"``); ``--unsafe-fixes`` adds the "unsafe" ones and
renumbers sibling runs (``renumber``). Edits that overlap an earlier one are dropped: the
next ``--fix`` sees them again if they still apply.
"""

from __future__ import annotations

from dataclasses import field

from draftlint.model import Finding
from draftlint.records import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``start:end`` of one paragraph's text, for one finding."""

    paragraph: int  # Paragraph.index
    start: int
    end: int
    replacement: str
    code: str


@dataclass(frozen=True, slots=True)
class NumberingEdit:
    """An automatic number Word computes: fixed in numbering.xml, never typed."""

    paragraph: int
    value: int  # the number Word should show
    code: str


@dataclass(slots=True)
class Plan:
    """The edits and renumberings of one file, and the findings they fix."""

    edits: dict[int, list[Edit]] = field(default_factory=dict)  # by paragraph, sorted
    numbering: list[NumberingEdit] = field(default_factory=list)
    # Each finding the plan resolves, with the edit that resolves it.
    fixed: list[tuple[Finding, Edit | NumberingEdit]] = field(default_factory=list)
    renumbered: bool = False

    @property
    def empty(self) -> bool:
        return not self.edits and not self.numbering

    def add(self, edit: Edit) -> bool:
        """Add ``edit`` unless it overlaps one already planned in its paragraph."""
        planned = self.edits.setdefault(edit.paragraph, [])
        for other in planned:
            if edit.start < other.end and other.start < edit.end:
                return False
            if edit.start == edit.end == other.start == other.end:
                return False
        planned.append(edit)
        planned.sort(key=lambda e: (e.start, e.end))
        return True


def fixable(finding: Finding, unsafe: bool) -> bool:
    tier = finding.rule.fix_tier
    return tier == "safe" or (unsafe and tier == "unsafe")
