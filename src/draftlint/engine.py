"""Run the selected rules over one document and collect their findings in order.

Rules never look at each other's findings. Where two rules could report the same
characters (W001 and W004 on an ASCII bracket in Chinese text), the rule that gives way
names the other in ``Rule.defers_to``; the engine drops its finding on a span the other
rule reports, and only when that rule is selected. So ``--select W004`` reports every
W004 finding of a full run, and more.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftlint.analysis.spans import Spans, merge, overlaps
from draftlint.context import LintContext
from draftlint.model import Document, Finding, LintOptions
from draftlint.rule import Rule


def lint_document(
    document: Document, rules: Sequence[type[Rule]], options: LintOptions | None = None
) -> list[Finding]:
    return run_rules(LintContext(document, options or LintOptions()), rules)


def run_rules(context: LintContext, rules: Sequence[type[Rule]]) -> list[Finding]:
    """The findings of ``rules`` on a context whose outline and sections a caller reuses."""
    found = {rule.code: list(rule(context).check()) for rule in rules}
    claimed: dict[str, dict[int, Spans]] = {}  # owner code → paragraph index → its spans
    findings: list[Finding] = []
    for rule in rules:
        owners = [code for code in rule.defers_to if code in found]
        for code in owners:
            if code not in claimed:
                claimed[code] = _spans_by_paragraph(found[code])
        findings.extend(
            finding
            for finding in found[rule.code]
            if not any(_claimed(claimed[code], finding) for code in owners)
        )
    findings.sort(key=Finding.sort_key)
    return findings


def _spans_by_paragraph(findings: list[Finding]) -> dict[int, Spans]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for finding in findings:
        end = max(finding.end, finding.start + 1)
        spans.setdefault(finding.paragraph.index, []).append((finding.start, end))
    return {index: tuple(merge(found)) for index, found in spans.items()}


def _claimed(spans: dict[int, Spans], finding: Finding) -> bool:
    owned = spans.get(finding.paragraph.index)
    return owned is not None and overlaps(owned, finding.start, finding.end)
