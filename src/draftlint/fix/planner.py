"""Plan the fixes of one document: the rules' own replacements, then renumbering."""

from __future__ import annotations

from draftlint.fix.plan import Edit, Plan, fixable
from draftlint.fix.renumber import RENUMBERED_CODES, renumber
from draftlint.model import Document, Finding


def plan_fixes(document: Document, findings: list[Finding], *, unsafe: bool) -> Plan:
    """The edits for ``findings`` (read from ``document``), safe ones first."""
    plan = Plan()
    ordered = sorted(findings, key=lambda f: (f.rule.fix_tier != "safe", f.sort_key()))
    for finding in ordered:
        if not fixable(finding, unsafe) or finding.fix is None:
            continue
        paragraph = finding.paragraph
        if finding.start < paragraph.prefix_len:
            continue  # Word's automatic number: only renumbering touches it
        edit = Edit(paragraph.index, finding.start, finding.end, finding.fix.replacement,
                    finding.code)  # fmt: skip
        if finding.text != finding.fix.replacement and plan.add(edit):
            plan.fixed.append((finding, edit))
    if unsafe:
        wanted = [f for f in findings if f.code in RENUMBERED_CODES]
        if wanted:
            renumber(document, wanted, plan)
    return plan
