"""Rules are independent of selection: ``--select R`` reports every finding R gives in a full
run (a rule that defers to another drops a finding only when that other rule runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import SEED_NAMES, SEEDS, findings_of, lint_json

from draftlint.engine import lint_document
from draftlint.model import Finding
from draftlint.readers import read_path
from draftlint.registry import all_rules, select_rules

PRECISION = Path(__file__).resolve().parent / "data" / "precision"
DRAFTS = [SEEDS / name for name in SEED_NAMES.values()] + sorted(PRECISION.glob("*.*"))


def key(finding: Finding) -> tuple:
    return (finding.code, finding.paragraph.index, finding.start, finding.end, finding.message())


@pytest.mark.parametrize("path", DRAFTS, ids=[path.name for path in DRAFTS])
def test_selecting_a_rule_never_hides_its_findings(path: Path) -> None:
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    document = read_path(path)
    full = lint_document(document, all_rules())
    for rule in all_rules():
        alone = {key(f) for f in lint_document(document, select_rules([rule.code]))}
        in_full = {key(f) for f in full if f.rule is rule}
        assert in_full <= alone, rule.code


def test_seed_000_gives_deferring_rules_work_to_check(seed) -> None:
    """Guard for the test above: on seed 000 some findings are dropped as another rule's."""
    document = read_path(seed("000"))
    full = len(lint_document(document, all_rules()))
    alone = sum(len(lint_document(document, select_rules([r.code]))) for r in all_rules())
    assert alone > full


def test_unpaired_bracket_is_reported_without_w001(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text('会议强调,要落实"第一议题"制度(试行.\n', encoding="utf-8")
    _, full = lint_json(str(draft))
    assert sorted(f["code"] for f in findings_of(full)) == ["W001"] * 5
    _, alone = lint_json("--select", "W004", str(draft))
    assert [(f["code"], f["column"]) for f in findings_of(alone)] == [("W004", 17)]


def test_marker_in_ascii_brackets_is_reported_without_n005(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("一、总体\n(一)乙\n", encoding="utf-8")
    _, full = lint_json(str(draft))
    assert [f["code"] for f in findings_of(full)] == ["N005"]
    _, without = lint_json("--ignore", "N005", str(draft))
    assert [(f["code"], f["column"]) for f in findings_of(without)] == [("W001", 1), ("W001", 3)]
