"""Baseline: record today's findings, then report only new ones; fingerprints survive
paragraphs inserted elsewhere in the draft."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.lint import findings_of, lint_json, run_lint, write_docx

from draftlint.fingerprint import fingerprints, normalise
from draftlint.model import Finding, Paragraph
from draftlint.registry import find_rule

DRAFT = [
    "学习心得",
    "一、总体情况",
    "共开展X次学习。",
    "二、存在问题",
    "三、主要做法",
    "三、下一步打算",
]
INSERTED = ["本文为初稿。", "请审阅。", "谢谢。"]


def test_baseline_survives_inserted_paragraphs_and_catches_a_new_repeat(tmp_path: Path) -> None:
    draft = write_docx(tmp_path / "心得.docx", DRAFT)
    written = run_lint("--write-baseline", "baseline.json", "心得.docx", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {e["code"] for e in recorded["findings"]} == {"N002", "P001"}

    code, report = lint_json("--baseline", "baseline.json", "心得.docx", cwd=tmp_path)
    assert (code, findings_of(report)) == (0, [])

    write_docx(draft, [*INSERTED, *DRAFT])  # three paragraphs at the top: lines shift by 3
    code, report = lint_json("--baseline", "baseline.json", "心得.docx", cwd=tmp_path)
    assert (code, findings_of(report)) == (0, [])
    _, unfiltered = lint_json("心得.docx", cwd=tmp_path)
    assert len(findings_of(unfiltered)) == 2  # the old findings are still there, only known

    write_docx(draft, [*INSERTED, *DRAFT, "三、新的工作"])
    code, report = lint_json("--baseline", "baseline.json", "心得.docx", cwd=tmp_path)
    (new,) = findings_of(report)
    assert (code, new["code"], new["text"], new["line"]) == (1, "N002", "三、", 10)


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("\n".join(DRAFT) + "\n", encoding="utf-8")
    no_folder = run_lint("--write-baseline", "ci/baseline.json", "drafts", cwd=tmp_path)
    assert no_folder.returncode == 2 and len(no_folder.stderr.strip().splitlines()) == 1
    (tmp_path / "ci").mkdir()
    written = run_lint("--write-baseline", str(tmp_path / "ci" / "baseline.json"), "drafts",
                       cwd=tmp_path)  # fmt: skip
    assert written.returncode == 0, written.stderr
    entries = json.loads((tmp_path / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in entries["findings"]} == {"../drafts/a.txt"}
    # Named differently, from another folder: the same findings are known.
    code, report = lint_json("--baseline", "../ci/baseline.json", "a.txt", cwd=tmp_path / "drafts")
    assert (code, findings_of(report)) == (0, [])
    code, report = lint_json("--baseline", "ci/baseline.json", str(tmp_path / "drafts" / "a.txt"),
                             cwd=tmp_path)  # fmt: skip
    assert (code, findings_of(report)) == (0, [])


def test_a_repeated_identical_paragraph_is_a_new_occurrence(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("标题\n共开展X次学习。\n", encoding="utf-8")
    run_lint("--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    draft.write_text("标题\n共开展X次学习。\n共开展X次学习。\n", encoding="utf-8")
    code, report = lint_json("--baseline", "b.json", "a.txt", cwd=tmp_path)
    assert code == 1 and [f["line"] for f in findings_of(report)] == [3]


def test_bad_baseline_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题\n", encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    for name in ("b.json", "missing.json"):
        result = run_lint("--baseline", name, "a.txt", cwd=tmp_path)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
        assert name in result.stderr and "Traceback" not in result.stderr


def test_fingerprint_ignores_line_and_whitespace_but_not_rule_path_or_text() -> None:
    rule = find_rule("P001")

    def finding(text: str, line: int) -> Finding:
        return Finding(rule, Paragraph(index=line, text=text, line=line), 3, 4)

    base = fingerprints([finding("共开展X次学习。", 3)], "a.txt")
    assert fingerprints([finding("共开展 X次学习。", 30)], "a.txt") == base
    assert fingerprints([finding("共开展X次学习。", 3)], "b.txt") != base
    assert fingerprints([finding("共开展X项学习。", 3)], "a.txt") != base
    two = fingerprints([finding("共开展X次学习。", 3), finding("共开展X次学习。", 4)], "a.txt")
    assert two[0] == base[0] and two[1] != base[0]
    assert normalise("ＡＢ　c\n") == "ABc"
