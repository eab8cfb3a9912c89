"""Findings from the outline's verdicts, for N001–N003: the outline already judged each run."""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.i18n import t
from draftlint.model import Finding, Paragraph
from draftlint.numbering.outline import Heading, Problem
from draftlint.rule import Rule


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
        auto=automatic_note(rule, heading.paragraph),
    )  # fmt: skip
    finding.extra["expected"] = expected
    return finding


def automatic_note(rule: Rule, paragraph: Paragraph) -> str:
    """ "（自动编号）" after the advice when Word numbers the paragraph itself."""
    return t(rule.ctx.options.lang, "automatic_note") if paragraph.is_automatic else ""
