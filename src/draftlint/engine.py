"""Run the selected rules over one document and collect their findings in order."""

from __future__ import annotations

from collections.abc import Sequence

from draftlint.context import LintContext, LintOptions
from draftlint.model import Document, Finding
from draftlint.rule import Rule


def lint_document(
    document: Document, rules: Sequence[type[Rule]], options: LintOptions | None = None
) -> list[Finding]:
    context = LintContext(document, options or LintOptions())
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule(context).check())
    findings.sort(key=Finding.sort_key)
    return findings
