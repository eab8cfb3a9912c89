"""Run the selected rules over one document and collect their findings in order."""

from __future__ import annotations

from collections.abc import Sequence

from draftlint.context import LintContext, LintOptions
from draftlint.model import Document, Finding
from draftlint.rule import Rule


def lint_document(
    document: Document, rules: Sequence[type[Rule]], options: LintOptions | None = None
) -> list[Finding]:
    return run_rules(LintContext(document, options or LintOptions()), rules)


def run_rules(context: LintContext, rules: Sequence[type[Rule]]) -> list[Finding]:
    """The findings of ``rules`` on a context whose outline and sections a caller reuses."""
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule(context).check())
    findings.sort(key=Finding.sort_key)
    return findings
