"""Reporters: the same findings for people (terminal) and for machines (json …)."""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from operator import attrgetter

from draftlint.model import Finding, Severity
from draftlint.records import dataclass

PLACEHOLDER_TAG = "placeholder"


@dataclass(slots=True)
class FileResult:
    """One file's findings (or the reason it could not be read)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    kind: str | None = None  # the document's kind ("txt", "md", "docx") once read
    # The findings already encoded by a worker process (JSON lines), so the process that
    # writes the report does not encode them all itself; None: not encoded yet.
    rendered: list[str] | None = None


@dataclass(slots=True)
class Totals:
    """Counts over a run: files, findings, unreadable files, by severity and code."""

    files: int = 0
    findings: int = 0
    unreadable: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    placeholders: int = 0  # findings of rules tagged "placeholder"

    @classmethod
    def of(cls, results: list[FileResult]) -> Totals:
        totals = cls(by_severity={s.value: 0 for s in Severity})
        for result in results:
            totals.add(result)
        return totals

    def add(self, result: FileResult) -> None:
        """Count one more file (reports written as each file finishes keep a running total)."""
        self.files += 1
        self.unreadable += result.error is not None
        self.findings += len(result.findings)
        by_severity, by_code = self.by_severity, self.by_code
        # Counted by (rule, severity) pair in C first: a large file has tens of thousands.
        pairs = Counter(map(_RULE_AND_SEVERITY, result.findings))
        for (rule, severity), count in pairs.items():
            by_severity[(severity or rule.severity).value] += count
            by_code[rule.code] = by_code.get(rule.code, 0) + count
            if PLACEHOLDER_TAG in rule.tags:
                self.placeholders += count


_RULE_AND_SEVERITY = attrgetter("rule", "severity")
