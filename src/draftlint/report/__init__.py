"""Reporters: the same findings for people (terminal) and for machines (json …)."""

from __future__ import annotations

from dataclasses import dataclass, field

from draftlint.model import Finding, Severity

PLACEHOLDER_TAG = "placeholder"


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    kind: str | None = None  # the document's kind ("txt", "md", "docx") once read


@dataclass(slots=True)
class Totals:
    files: int = 0
    findings: int = 0
    unreadable: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    placeholders: int = 0  # findings of rules tagged "placeholder"

    @classmethod
    def of(cls, results: list[FileResult]) -> Totals:
        totals = cls(files=len(results), by_severity={s.value: 0 for s in Severity})
        for result in results:
            totals.unreadable += result.error is not None
            totals.findings += len(result.findings)
            for finding in result.findings:
                totals.by_severity[finding.effective_severity.value] += 1
                totals.by_code[finding.code] = totals.by_code.get(finding.code, 0) + 1
                totals.placeholders += PLACEHOLDER_TAG in finding.rule.tags
        return totals
