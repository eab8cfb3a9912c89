"""What happens to findings after the rules ran: in-document suppressions, ``allow`` lists
and severity overrides. Pure functions over findings, so they are tested on hand-built
documents.

A directive that silenced nothing is itself reported (``--report-unused-suppressions``)
as a finding of the pseudo-rule U001 unused-suppression, like ruff's RUF100. U001 lives
here, not in ``draftlint.rules``: it is not a check of the draft, it cannot be selected,
and it only runs on request.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from draftlint.model import Document, Finding, Paragraph, Severity, Suppression
from draftlint.records import dataclass
from draftlint.registry import find_rule
from draftlint.rule import Rule


class UnusedSuppression(Rule):
    code = "U001"
    name = "unused-suppression"
    severity = Severity.WARNING
    tags = ("suppression",)
    summary = {
        "zh": "忽略指令没有忽略任何问题",
        "en": "A suppression directive that silenced nothing",
    }
    message = {
        "zh": "忽略指令（{codes}）没有忽略任何问题，可以删除",
        "en": "suppression ({codes}) silenced nothing; remove it",
    }
    why = {
        "zh": "问题改正后留下的忽略指令会把以后再出现的同类问题悄悄放过。",
        "en": "A directive left after the problem was fixed would hide the next one.",
    }
    source = "house practice"
    example_bad = ""
    example_good = ""

    def check(self) -> Iterator[Finding]:
        return iter(())


@dataclass(slots=True)
class Filtered:
    """Findings left after the suppressions, and the suppressions that silenced none."""

    kept: list[Finding]
    unused: list[Suppression]


def _covers(suppression: Suppression, finding: Finding) -> bool:
    index = finding.paragraph.index
    if not suppression.first <= index <= suppression.last:
        return False
    if not suppression.codes:
        return True
    names = {name.lower() for name in finding.rule.names()}
    return any(code.strip().lower() in names for code in suppression.codes)


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression]
) -> Filtered:
    """Drop every finding a directive covers; return the directives that covered none."""
    if not suppressions:
        return Filtered(list(findings), [])
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        hits = [number for number, s in enumerate(suppressions) if _covers(s, finding)]
        if hits:
            used.update(hits)
        else:
            kept.append(finding)
    unused = [s for number, s in enumerate(suppressions) if number not in used]
    return Filtered(kept, unused)


def reportable_unused(
    unused: Sequence[Suppression], ran: Sequence[type[Rule]]
) -> list[Suppression]:
    """Directives naming only rules that did not run are not "unused": they had no chance."""
    ran_codes = {rule.code for rule in ran}
    out = []
    for suppression in unused:
        rules = [find_rule(code) for code in suppression.codes]
        if suppression.codes and not any(rule and rule.code in ran_codes for rule in rules):
            continue
        out.append(suppression)
    return out


def unused_findings(document: Document, unused: Sequence[Suppression]) -> list[Finding]:
    """One U001 finding per unused directive, at the directive's own line."""
    findings = []
    for suppression in unused:
        location = ""
        if 0 <= suppression.first < len(document.paragraphs):
            location = document.paragraphs[suppression.first].location
        anchor = Paragraph(index=suppression.first, text="", line=suppression.line,
                           place=location, story="suppression")  # fmt: skip
        codes = ",".join(suppression.codes) or "ALL"
        findings.append(Finding(UnusedSuppression, anchor, 0, 0, {"codes": codes}))
    return findings


def apply_allow(findings: Sequence[Finding], allow: dict[str, list[str]]) -> list[Finding]:
    """Drop a finding whose span lies inside an occurrence of a text its rule allows."""
    if not allow:
        return list(findings)
    kept = []
    for finding in findings:
        texts = allow.get(finding.code)
        if texts and _inside_allowed(finding, texts):
            continue
        kept.append(finding)
    return kept


def _inside_allowed(finding: Finding, texts: Sequence[str]) -> bool:
    text = finding.paragraph.text
    end = max(finding.end, finding.start + 1)
    for allowed in texts:
        if not allowed:
            continue
        position = text.find(allowed, max(0, finding.start - len(allowed) + 1))
        while position != -1 and position <= finding.start:
            if position + len(allowed) >= end:
                return True
            position = text.find(allowed, position + 1)
    return False


def apply_severity(findings: Sequence[Finding], severity: dict[str, Severity]) -> None:
    """Configured levels replace the rule's (and the rule's own per-finding choice)."""
    if not severity:
        return
    for finding in findings:
        level = severity.get(finding.code)
        if level is not None:
            finding.severity = level
