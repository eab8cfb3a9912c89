"""GitLab Code Quality JSON (the ``codequality`` report of a merge request)."""

from __future__ import annotations

import json
from pathlib import Path

from draftlint.fingerprint import fingerprints, normal_path
from draftlint.model import Severity
from draftlint.report import FileResult

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render_gitlab(results: list[FileResult], lang: str) -> str:
    issues = []
    for result in results:
        path = normal_path(result.path, Path.cwd())
        if result.error is not None:
            issues.append({
                "type": "issue", "description": f"{result.path}: {result.error}",
                "check_name": "draftlint/read-error", "fingerprint": f"read-error:{path}",
                "severity": "blocker", "location": {"path": path, "lines": {"begin": 1}},
            })  # fmt: skip
            continue
        for finding, print_ in zip(result.findings, fingerprints(result.findings, path),
                                   strict=True):  # fmt: skip
            issues.append({
                "type": "issue",
                "description": finding.message(lang),
                "check_name": f"{finding.code} {finding.rule.name}",
                "fingerprint": print_,
                "severity": SEVERITY[finding.effective_severity],
                "location": {"path": path, "lines": {"begin": max(1, finding.line)}},
            })  # fmt: skip
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
