"""Findings from the outline's verdicts, for N001–N003: the outline already judged each run."""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.model import Finding
from draftlint.numbering.outline import Heading, Problem
from draftlint.rule import Rule

AUTOMATIC_NOTE = {"zh": "（自动编号）", "en": " (automatic numbering)"}


def heading_problems(rule: Rule, problem: Problem) -> Iterator[Finding]:
    for heading in rule.ctx.outline.headings:
        if heading.problem is problem and heading.expected is not None:
            yield _finding(rule, heading)


def _finding(rule: Rule, heading: Heading) -> Finding:
    marker = heading.marker
    expected = marker.renumbered(heading.expected or 1)
    finding = rule.finding(
        heading.paragraph, marker.start, marker.end,
        marker=marker.text.strip(), expected=expected,
        auto=AUTOMATIC_NOTE[rule.ctx.options.lang] if heading.paragraph.is_automatic else "",
    )  # fmt: skip
    finding.extra["expected"] = expected
    return finding
