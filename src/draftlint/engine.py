"""Run the selected rules over one document and collect their findings in order.

Rules never look at each other's findings. Where two rules could report the same
characters (W001 and W004 on an ASCII bracket in Chinese text), the rule that gives way
names the other in ``Rule.defers_to``; the engine drops its finding on a span the other
rule reports, and only when that rule is selected. So ``--select W004`` reports every
W004 finding of a full run, and more.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from draftlint.analysis.spans import Spans, merge, overlaps
from draftlint.collector import collector_paused
from draftlint.context import LintContext
from draftlint.model import Document, Finding, LintOptions
from draftlint.rule import Rule


def lint_document(
    document: Document,
    rules: Sequence[type[Rule]],
    options: LintOptions | None = None,
    processes: int = 1,
) -> list[Finding]:
    """The document's findings; with ``processes`` > 1, a long document's text rules run
    in a second process (``split_rules``)."""
    with collector_paused():  # until the context is dropped: the collector never sees it
        return run_rules(LintContext(document, options or LintOptions()), rules, processes)


def run_rules(
    context: LintContext, rules: Sequence[type[Rule]], processes: int = 1
) -> list[Finding]:
    """The findings of ``rules`` on a context whose outline and sections a caller reuses."""
    with collector_paused():
        found = _found(context, rules, processes)
        claimed: dict[str, dict[int, Spans]] = {}  # owner code → paragraph index → its spans
        findings: list[Finding] = []
        for rule in rules:
            mine = found[rule.code]
            owners = [code for code in rule.defers_to if code in found]
            if not owners or not mine:
                findings.extend(mine)
                continue
            owned: dict[int, list[tuple[int, int]]] = {}  # paragraph index → owners' spans
            for code in owners:
                if code not in claimed:
                    claimed[code] = _spans_by_paragraph(found[code])
                for index, spans in claimed[code].items():
                    owned.setdefault(index, []).extend(spans)
            # One merged set of spans a paragraph: meeting it is meeting one owner's span.
            union = {index: tuple(merge(spans)) for index, spans in owned.items()}
            findings.extend(
                finding
                for finding in mine
                if (spans := union.get(finding.paragraph.index)) is None
                or not overlaps(spans, finding.start, finding.end)
            )
        # Finding.sort_key as three stable sorts, least significant first: their keys are
        # the findings' own objects, where one sort would build a tuple for each finding.
        for key in _ORDER:
            findings.sort(key=key)
    return findings


def _found(
    context: LintContext, rules: Sequence[type[Rule]], processes: int
) -> dict[str, list[Finding]]:
    """Each rule's findings, by code, in the order of ``rules``."""
    if processes > 1:
        from draftlint.split_rules import run_split, worth_splitting

        if worth_splitting(context, rules):
            return run_split(context, rules)
    return {rule.code: list(rule(context).check()) for rule in rules}


_ORDER = (attrgetter("rule.code"), attrgetter("start"), attrgetter("paragraph.index"))


def _spans_by_paragraph(findings: list[Finding]) -> dict[int, Spans]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for finding in findings:
        end = max(finding.end, finding.start + 1)
        spans.setdefault(finding.paragraph.index, []).append((finding.start, end))
    return {index: tuple(merge(found)) for index, found in spans.items()}
