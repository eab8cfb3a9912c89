"""SARIF 2.1.0 (code-scanning UIs): validated against the official schema in the tests.

For a Word file ``region.startLine`` is the paragraph ordinal, and the location in words
(表格1第2行第3列, 页眉) is a ``logicalLocations`` entry, since a .docx has no lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from draftlint import __version__
from draftlint.fingerprint import fingerprints, normal_path
from draftlint.model import Finding, Severity
from draftlint.registry import all_rules
from draftlint.report import FileResult
from draftlint.rule import Rule

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
WORD_KINDS = frozenset({"docx"})


def artifact_uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def _rule_entry(rule: type[Rule], lang: str) -> dict[str, Any]:
    summary = rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary.get(lang) or summary["zh"]},
        "fullDescription": {"text": rule.why.get(lang) or rule.why["zh"]},
        "help": {"text": f"{summary.get(lang) or summary['zh']} — {rule.source}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": list(rule.tags),
            "source": rule.source,
            "shortDescription-zh": summary["zh"],
            "shortDescription-en": summary.get("en", summary["zh"]),
        },
    }


def _result(finding: Finding, uri: str, index: int, print_: str, kind: str | None,
            lang: str) -> dict[str, Any]:  # fmt: skip
    region: dict[str, Any] = {
        "startLine": max(1, finding.line),
        "startColumn": max(1, finding.column),
        "endColumn": max(1, finding.end_column),
    }
    if finding.text:
        region["snippet"] = {"text": finding.text}
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}
    }
    if kind in WORD_KINDS and finding.paragraph.location:
        location["logicalLocations"] = [
            {"name": finding.paragraph.location, "kind": finding.paragraph.story or "paragraph"}
        ]
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVEL[finding.effective_severity],
        "message": {"text": finding.message(lang)},
        "locations": [location],
        "partialFingerprints": {"draftlint/v1": print_},
    }


def render_sarif(results: list[FileResult], lang: str) -> str:
    rules: list[type[Rule]] = list(all_rules())
    extra = sorted({f.rule for r in results for f in r.findings} - set(rules), key=lambda r: r.code)
    rules += extra  # U001 unused-suppression, when it was asked for
    index = {rule: number for number, rule in enumerate(rules)}
    out_results, notifications = [], []
    for result in results:
        uri = artifact_uri(result.path)
        if result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{result.path}: {result.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })  # fmt: skip
            continue
        prints = fingerprints(result.findings, normal_path(result.path, Path.cwd()))
        for finding, print_ in zip(result.findings, prints, strict=True):
            out_results.append(_result(finding, uri, index[finding.rule], print_, result.kind,
                                       lang))  # fmt: skip
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "draftlint",
                "version": __version__,
                "informationUri": "https://pypi.org/project/draftlint/",
                "rules": [_rule_entry(rule, lang) for rule in rules],
            }},
            "invocations": [{
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    }  # fmt: skip
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
