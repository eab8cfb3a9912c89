"""The outline: numbered headings as a tree, and inline enumerations as groups.

Levels follow GB/T 9704-2012 7.3.3: 一、 is 1, （一） is 2, 1. is 3, （1） is 4 (① is 5).
The tree tolerates skipped levels and drafts that start below level 1. Each run of
siblings is checked against the document's own convention (restart at 1 under each
parent, or number straight through across parents), so rules only read the verdicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from draftlint.model import Document, Paragraph
from draftlint.numbering.markers import (
    Kind,
    Marker,
    find_clause_enumerators,
    parse_head,
)


class Problem(str, Enum):
    SKIP = "skip"
    REPEAT = "repeat"
    START = "start"


@dataclass(eq=False, slots=True)
class Heading:
    marker: Marker
    paragraph: Paragraph
    scope: int
    parent: Heading | None = None
    children: list[Heading] = field(default_factory=list)
    problem: Problem | None = None
    expected: int | None = None  # the value this heading should carry, when it has a problem

    @property
    def level(self) -> int:
        return self.marker.level

    @property
    def title(self) -> str:
        return self.paragraph.text[self.marker.end :].strip()


@dataclass(slots=True)
class EnumItem:
    marker: Marker
    paragraph: Paragraph
    at_paragraph_start: bool
    problem: Problem | None = None
    expected: int | None = None


@dataclass(slots=True)
class Scope:
    """The main text, or one attachment: each numbers its headings afresh."""

    index: int
    label: str  # "正文" or the attachment line, e.g. "附件1"
    roots: list[Heading] = field(default_factory=list)
    continuous_levels: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Outline:
    """The document's regions and numbering. ``main`` is the main text: the body
    paragraphs before the first attachment (附件 / 附件1 / 附件1：名称 on its own line, not
    as the very first paragraph). Every rule that asks where the main text ends reads it
    here, and nowhere else."""

    scopes: list[Scope]
    headings: list[Heading]  # every numbered heading, in document order
    enumerations: list[list[EnumItem]]  # groups of two or more, in document order
    main: list[Paragraph] = field(default_factory=list)


# 附件：1.名称 opens the 附件说明: the 2.名称 lines under it list attachments, not headings.
_ATTACHMENT_NOTE = re.compile(r"^[\s\u3000]*附件[\s\u3000]*[：:]")

# 附件 / 附件1 alone on a line, or 附件1：title (附件：1.xx is the 附件说明 line instead).
_ATTACHMENT = re.compile(r"^[\s\u3000]*附件\s*(?:[0-9０-９]+\s*(?:[：:].*)?|[0-9０-９]*)\s*$")


def is_attachment_start(text: str) -> bool:
    """附件 / 附件1 alone on a line, or 附件1：名称: where an attachment begins."""
    return _ATTACHMENT.match(text) is not None


def build_outline(document: Document) -> Outline:
    heads = [
        (paragraph, parse_head(paragraph.text))
        for paragraph in document.paragraphs
        if paragraph.story == "body"
    ]
    scopes = [Scope(0, "正文")]
    headings: list[Heading] = []
    stack: list[Heading] = []
    in_note = False
    main_end: int | None = None
    # The next paragraph position that may continue a numbered run, for 3.5%… checks.
    next_heading_at = _next_heading_positions(heads)
    memo: dict[tuple[int, int], bool] = {}
    for position, (paragraph, marker) in enumerate(heads):
        if is_attachment_start(paragraph.text):
            if position and main_end is None:
                main_end = position
            scopes.append(Scope(len(scopes), paragraph.text.strip()))
            stack = []
            continue
        if _ATTACHMENT_NOTE.match(paragraph.text):
            in_note = True
            continue
        if in_note and marker is not None and marker.kind is Kind.ARABIC:
            continue  # the next item of the 附件说明
        in_note = False
        if marker is None or not marker.is_heading:
            continue
        while stack and stack[-1].level >= marker.level:
            stack.pop()
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else scopes[-1].roots
        if marker.digits_follow and not _fits_siblings(
            marker, siblings, heads, next_heading_at, position, memo
        ):
            continue  # 3.5%… opening a paragraph: a number, not a heading
        heading = Heading(marker, paragraph, scopes[-1].index, parent)
        siblings.append(heading)
        headings.append(heading)
        stack.append(heading)
    for scope in scopes:
        _check_scope(scope)
    main = [paragraph for paragraph, _ in heads[:main_end]]
    return Outline(scopes, headings, _enumerations(heads), main)


def _next_heading_positions(heads: list[tuple[Paragraph, Marker | None]]) -> list[int]:
    """For each position, the position of the next heading marker after it (len if none)."""
    following = [len(heads)] * len(heads)
    upcoming = len(heads)
    for position in range(len(heads) - 1, -1, -1):
        following[position] = upcoming
        marker = heads[position][1]
        if marker is not None and marker.is_heading:
            upcoming = position
    return following


def _fits_siblings(
    marker: Marker,
    siblings: list[Heading],
    heads: list[tuple[Paragraph, Marker | None]],
    next_heading_at: list[int],
    position: int,
    memo: dict[tuple[int, int], bool],
) -> bool:
    """Whether 1.5倍… opening a paragraph continues its siblings' numbering (else a number)."""
    for sibling in reversed(siblings):
        if sibling.level == marker.level:
            return sibling.marker.value == marker.value - 1
    if marker.value != 1:
        return False
    return _next_is_second(marker.level, next_heading_at[position], heads, next_heading_at, memo)


def _next_is_second(
    level: int,
    at: int,
    heads: list[tuple[Paragraph, Marker | None]],
    next_heading_at: list[int],
    memo: dict[tuple[int, int], bool],
) -> bool:
    """Whether the next heading at ``level`` or above, from ``at`` on, is a 2 at ``level``.

    Walks heading markers only, and remembers each answer for every marker it passed, so
    the whole document costs linear time however many 1.5倍… lines ask.
    """
    passed: list[int] = []
    answer = False
    while at < len(heads):
        if (level, at) in memo:
            answer = memo[(level, at)]
            break
        later = heads[at][1]
        assert later is not None
        if later.level <= level:
            answer = later.level == level and later.value == 2
            break
        passed.append(at)
        at = next_heading_at[at]
    for position in passed:
        memo[(level, position)] = answer
    return answer


def _runs(scope: Scope) -> dict[int, list[list[Heading]]]:
    """Runs of siblings per level, each run the children of one parent at that level."""
    runs: dict[int, list[list[Heading]]] = defaultdict(list)

    def visit(children: list[Heading]) -> None:
        by_level: dict[int, list[Heading]] = defaultdict(list)
        for child in children:
            by_level[child.level].append(child)
        for level, run in by_level.items():
            runs[level].append(run)
        for child in children:
            visit(child.children)

    visit(scope.roots)
    return runs


def _check_scope(scope: Scope) -> None:
    for level, runs in sorted(_runs(scope).items()):
        runs.sort(key=lambda run: run[0].paragraph.index)
        restart = continuous = 0
        for previous, run in pairwise(runs):
            first, last = run[0].marker.value, previous[-1].marker.value
            if first == 1:
                restart += 1
            elif first == last + 1:
                continuous += 1
        is_continuous = continuous > restart
        if is_continuous:
            scope.continuous_levels.add(level)
        last_value = 0
        for number, run in enumerate(runs):
            expected = last_value + 1 if is_continuous and number else 1
            _check_run(run, expected, opens_scope=not (is_continuous and number))
            last_value = run[-1].marker.value


def _check_run(run: list[Heading], expected: int, *, opens_scope: bool) -> None:
    verdicts = judge_sequence([h.marker.value for h in run], expected, opens_scope=opens_scope)
    for heading, (problem, wanted) in zip(run, verdicts, strict=True):
        heading.problem, heading.expected = problem, wanted


def judge_sequence(
    values: list[int], expected: int, *, opens_scope: bool = True
) -> list[tuple[Problem | None, int | None]]:
    """Each value's problem and the value it should carry, one finding per typo.

    After a wrong number the count resumes from what the writer most likely meant: if the
    next sibling continues from the wrong number (一 三 四: a real skip; 二 二 三: the second
    二 repeats), from it; otherwise the wrong number stood for the expected one (（一）（三）
    （三）, 1. 1. 1.), so the next sibling is judged against expected + 1 and a single typo
    never yields two findings whose advice conflicts.
    """
    verdicts: list[tuple[Problem | None, int | None]] = []
    for position, value in enumerate(values):
        if value == expected:
            verdicts.append((None, None))
            expected = value + 1
            continue
        if position == 0 and opens_scope:
            problem = Problem.START
        elif value > expected:
            problem = Problem.SKIP
        else:
            problem = Problem.REPEAT
        verdicts.append((problem, expected))
        following = values[position + 1] if position + 1 < len(values) else None
        expected = value + 1 if following in (None, value + 1) else expected + 1
    return verdicts


def _enumerations(heads: list[tuple[Paragraph, Marker | None]]) -> list[list[EnumItem]]:
    groups: list[list[EnumItem]] = []
    carried: dict[str, list[EnumItem]] = {}  # open groups of the previous paragraph
    for paragraph, head in heads:
        items: list[EnumItem] = []
        if head is not None and not head.is_heading:
            items.append(EnumItem(head, paragraph, True))
        items.extend(EnumItem(m, paragraph, False) for m in find_clause_enumerators(paragraph.text))
        current: dict[str, list[EnumItem]] = {}
        for item in items:
            family = item.marker.family
            group = current.get(family)
            if group is None and item.at_paragraph_start and item.marker.value != 1:
                group = carried.get(family)
            if group is None or item.marker.value == 1:
                group = []
                groups.append(group)
            group.append(item)
            current[family] = group
        carried = current
    checked = [group for group in groups if len(group) >= 2]
    for group in checked:
        _check_enumeration(group)
    return checked


def _check_enumeration(group: list[EnumItem]) -> None:
    if any(item.marker.kind is Kind.ASPECT for item in group):
        return  # 一方面 / 另一方面: a pair, not a count
    verdicts = judge_sequence([item.marker.value for item in group], 1)
    for item, (problem, wanted) in zip(group, verdicts, strict=True):
        item.problem, item.expected = problem, wanted
