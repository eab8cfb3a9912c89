"""Zero numbering findings on the correct drafts in the shapes of real documents (issue 9).

``tests/data/precision/real_shapes/`` holds thirteen correct drafts written for the tests; their
README lists the traps (decimal 1.1 sections, lists restarting under sub-headings, a printed
办法 after the 落款, 一是 inline then 二是 in a later paragraph, 1. directly under 三、 …). Every N
rule, including any added later, must stay silent on them, as text and built as .docx with
Word's automatic numbering.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.lint import findings_of, lint_json
from tests.helpers.precision_docx import build_from_text

from draftlint.registry import all_rules

REAL_SHAPES = Path(__file__).resolve().parent / "data" / "precision" / "real_shapes"
DRAFTS = sorted(REAL_SHAPES.glob("*.txt"))


def numbering_rules() -> str:
    return ",".join(rule.code for rule in all_rules() if rule.code.startswith("N"))


def describe(report) -> list[str]:
    return [
        f"{Path(f['path']).name}:{f['line']} {f['code']} {f['message']}"
        for f in findings_of(report)
    ]


def test_real_shapes_are_all_there() -> None:
    assert len(DRAFTS) == 13


def test_no_numbering_finding_on_the_text_drafts() -> None:
    _, report = lint_json("--select", numbering_rules(), *map(str, DRAFTS))
    assert report["summary"]["files"] == len(DRAFTS)
    assert describe(report) == []


def test_no_numbering_finding_on_their_docx_builds(tmp_path) -> None:
    built = [build_from_text(path, tmp_path / f"{path.stem}.docx") for path in DRAFTS]
    _, report = lint_json("--select", numbering_rules(), *map(str, built))
    assert report["summary"]["files"] == len(built)
    assert describe(report) == []
