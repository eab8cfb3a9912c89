"""The JSON report is written as each file finishes: one valid document, one line a finding."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.lint import run_lint

DRAFT = "一、总体情况\n三、存在问题\n全年完成X次检查。\n"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、总体情况\n二、下步打算\n", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"not a zip")
    return tmp_path


def test_report_is_one_document_with_a_line_per_finding(tmp_path: Path) -> None:
    completed = run_lint("--format", "json", str(_folder(tmp_path)))
    assert completed.returncode == 2  # c.docx is unreadable
    report = json.loads(completed.stdout)
    paths = [Path(f["path"]).name for f in report["files"]]
    assert paths == ["a.txt", "b.txt", "c.docx"]
    findings = report["files"][0]["findings"]
    assert {f["code"] for f in findings} >= {"N001", "P001"}
    assert report["files"][2]["error"] and report["files"][2]["findings"] == []
    assert report["summary"]["files"] == 3
    assert report["summary"]["errors"] == 1
    assert report["summary"]["findings"] == sum(len(f["findings"]) for f in report["files"])
    # Layout: each finding is one line holding one JSON object, as the README documents.
    finding_lines = [line for line in completed.stdout.splitlines() if '"code": ' in line]
    assert [json.loads(line.strip().rstrip(",")) for line in finding_lines] == [
        f for file in report["files"] for f in file["findings"]
    ]


def test_output_file_gets_the_same_report(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    folder = _folder(tmp_path / "drafts")
    target = tmp_path / "out.json"
    to_file = run_lint("--format", "json", "-o", str(target), str(folder))
    to_stdout = run_lint("--format", "json", str(folder))
    assert to_file.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(to_stdout.stdout)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_no_files_is_still_a_valid_report(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    completed = run_lint("--format", "json", "--shard", "2/2", str(tmp_path / "draft.txt"))
    shard_one = run_lint("--format", "json", "--shard", "1/2", str(tmp_path / "draft.txt"))
    reports = [json.loads(completed.stdout), json.loads(shard_one.stdout)]
    assert sorted(len(r["files"]) for r in reports) == [0, 1]
    assert [r["summary"]["files"] for r in reports if not r["files"]] == [0]
