"""Each rule's work grows linearly on the inputs that once made it quadratic (issue 10):
the input at n and at 4n (see tests/helpers/growth.py for how work is measured)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.helpers.growth import LINEAR_BOUND, growth

from draftlint.engine import lint_document
from draftlint.readers import read_bytes
from draftlint.registry import select_rules

# (rule selection, the repeated unit, n, lines: the unit repeated per line or in one line)
CASES = {
    "W004 run of closers": ("W004", "）", 8000, False),
    "P001 run of 某": ("P001", "某", 40000, False),
    "P001 stars after a note": ("P001", "中*文", 8000, False),
    "P001 empty brackets": ("P001", "中[]", 8000, False),
    "P001 bold pairs": ("P001", "**重点**。", 3000, False),
    "P001 bullet stars": ("P001", "* ", 6000, False),
    "W005 run of hyphens": ("W005", "-", 4000, False),
    "W005 run of dots": ("W005", ".", 4000, False),
    "outline 1.5倍 lines": ("N", "1.5倍\n", 5000, True),
    "C002 cited addresses": ("C002", "[x]: http://a.com ", 2000, False),
    "P001 letters in a long paragraph": ("P001", "X次，", 3000, False),
    "every rule, one X次 per line": ("ALL", "X次\n", 2000, True),
}


def make(select: str, unit: str, lines: bool) -> Callable[[int], Callable[[], object]]:
    rules = select_rules([select])

    def build(n: int) -> Callable[[], object]:
        text = unit * n if lines else "前文" + unit * n + "后文\n"
        document = read_bytes(text.encode("utf-8"), "draft.txt")
        return lambda: lint_document(document, rules)

    return build


@pytest.mark.parametrize("name", CASES)
def test_work_grows_linearly(name: str) -> None:
    select, unit, n, lines = CASES[name]
    assert growth(make(select, unit, lines), n) <= LINEAR_BOUND
