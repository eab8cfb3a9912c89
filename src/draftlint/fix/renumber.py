"""``--unsafe-fixes`` for N001–N003 and N006: renumber the whole run of siblings.

From the flagged heading on, every later sibling at its level under the same parent takes
the next number (the second 三、 becomes 四、, the 四、 after it 五、), until the run starts
afresh at one. Cross-references in the text (第三部分, 见三、) are never touched: the caller
says so when anything was renumbered.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftlint.fix.plan import Edit, NumberingEdit, Plan
from draftlint.model import Document, Finding
from draftlint.numbering.outline import EnumItem, Heading, build_outline

RENUMBERED_CODES = frozenset({"N001", "N002", "N003", "N006"})


def renumber(document: Document, findings: list[Finding], plan: Plan) -> None:
    outline = build_outline(document)
    flagged = {(f.paragraph.index, f.start): f for f in findings}
    done: set[int] = set()  # id() of the markers already given a new number
    for heading in outline.headings:
        finding = flagged.get((heading.paragraph.index, heading.marker.start))
        if finding is None or finding.code == "N006" or heading.expected is None:
            continue
        if id(heading) in done:
            continue
        container = (
            heading.parent.children if heading.parent else outline.scopes[heading.scope].roots
        )
        run = [h for h in container if h.level == heading.level]
        first = _shift(run[run.index(heading) :], heading.expected, plan, finding.code, done)
        if first is not None:
            plan.fixed.append((finding, first))
    for group in outline.enumerations:
        for position, item in enumerate(group):
            finding = flagged.get((item.paragraph.index, item.marker.start))
            if finding is None or finding.code != "N006" or item.expected is None:
                continue
            if id(item) in done:
                continue
            first = _shift(group[position:], item.expected, plan, finding.code, done)
            if first is not None:
                plan.fixed.append((finding, first))


def _shift(run: Sequence[Heading | EnumItem], value: int, plan: Plan, code: str,
           done: set[int]) -> Edit | NumberingEdit | None:  # fmt: skip
    """Number ``run`` from ``value`` on; the first member's edit (None: it cannot change)."""
    first: Edit | NumberingEdit | None = None
    for position, member in enumerate(run):
        if position and member.marker.value == 1:
            break  # the list starts afresh here
        done.add(id(member))
        if member.marker.value != value:
            paragraph = member.paragraph
            marker = member.marker
            edit: Edit | NumberingEdit
            if marker.start < paragraph.prefix_len:
                edit = NumberingEdit(paragraph.index, value, code)
                plan.numbering.append(edit)
            else:
                edit = Edit(
                    paragraph.index, marker.start, marker.end, marker.renumbered(value), code
                )
                if not plan.add(edit):
                    if position == 0:
                        return None
                    continue
            plan.renumbered = True
            if position == 0:
                first = edit
        value += 1
    return first
