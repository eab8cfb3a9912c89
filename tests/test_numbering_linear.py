"""The outline stays linear on pathological input: work is counted, not timed.

Work is the number of Python lines executed inside ``draftlint/numbering/`` while the outline
is built (a trace hook counts them), so the figure does not depend on the machine's load. A
linear outline does about four times the work on four times the input; a quadratic one
sixteen times.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import draftlint.numbering.markers as markers
from draftlint.numbering.outline import build_outline
from draftlint.readers import read_bytes

NUMBERING_DIR = str(Path(markers.__file__).resolve().parent)


def work(text: str) -> int:
    """Lines executed in the numbering package while building the outline of ``text``."""
    document = read_bytes(text.encode("utf-8"), "draft.txt")
    markers._parse_cached.cache_clear()  # each size pays for its own parsing
    markers._parse_grammar.cache_clear()
    markers._parse_head.cache_clear()
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def hook(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(NUMBERING_DIR) else None

    sys.settrace(hook)
    try:
        build_outline(document)
    finally:
        sys.settrace(None)
    return count


PATHOLOGICAL = {
    # Numbers opening paragraphs: each asks whether the next heading continues it.
    "1.5倍": lambda n: "".join(f"1.5倍于上年，增长{i}。\n" for i in range(n)),
    # Loose 1： markers that never form a run, and times.
    "1：": lambda n: "".join(f"1：第{i}项\n17:00前报送{i}\n" for i in range(n)),
    # Every level, deep, again and again, under decimal sections.
    "deep": lambda n: "".join(
        f"{i % 90 + 1} 总则\n{i % 90 + 1}.1 目的\n{i % 90 + 1}.1.1 职责\n一、甲{i}\n（一）乙\n"
        f"1.丙\n（1）丁\n①戊\n"
        for i in range(n // 8)
    ),
    # Many roots at one level, then numbers asking to join them.
    "roots": lambda n: (
        "".join(f"①项{i}\n" for i in range(n // 2))
        + "".join(f"3.5%的增幅{i}\n" for i in range(n // 2))
    ),
    # Second documents one after another, each restarting at 第一条.
    "documents": lambda n: (
        "总标题\n"
        + "".join(f"第{i}号管理办法\n第一条 总则{i}。\n第二条 施行。\n" for i in range(n // 3))
    ),
    # Sub-headings splitting runs, bare markers between siblings, enumerations.
    "runs": lambda n: (
        "一、工作\n"
        + "".join(f"说明{i % 7}：\n1.甲{i}\n2.\n3.丙\n三是丁{i}。\n" for i in range(n // 5))
    ),
    # Lines holding every hint the outline searches for (附件, 年, 目, a clause start, a title
    # word at the end) without being any of those things: each is looked at once.
    "hints": lambda n: "".join(f"目前附件年度。第{i}项管理办法\n" for i in range(n)),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_outline_work_grows_linearly(name: str) -> None:
    make = PATHOLOGICAL[name]
    small, large = work(make(400)), work(make(1600))
    assert small > 0
    assert large <= 5 * small, f"{name}: {small} lines of work at n, {large} at 4n"
