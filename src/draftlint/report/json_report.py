"""The JSON contract: keep the documented keys stable; add optional keys only."""

from __future__ import annotations

import json
from typing import Any, TextIO

from draftlint.model import Finding
from draftlint.report import FileResult, Totals


def finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "code": finding.code,
        "rule": finding.rule.name,
        "severity": finding.effective_severity.value,
        "message": finding.message(lang),
        "line": finding.line,
        "column": finding.column,
        "end_column": finding.end_column,
        "location": finding.paragraph.location,
        "text": finding.text,
    }
    if finding.fix is not None:
        entry["fix"] = {"replacement": finding.fix.replacement, "safety": finding.fix.safety.value}
    if finding.paragraph.is_automatic:
        entry["automatic"] = True
    entry.update(finding.extra)
    return entry


def write_json(results: list[FileResult], lang: str, stream: TextIO) -> None:
    totals = Totals.of(results)
    document = {
        "files": [
            {
                "path": result.path,
                "error": result.error,
                "findings": [finding_json(f, lang) for f in result.findings],
            }
            for result in results
        ],
        "summary": {
            "files": totals.files,
            "findings": totals.findings,
            "errors": totals.unreadable,
            "by_severity": totals.by_severity,
            "by_code": dict(sorted(totals.by_code.items())),
            "placeholders": totals.placeholders,
        },
    }
    # One dumps and one write: json.dump's many small writes are several times slower.
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
