"""The JSON report is written as each file finishes: one valid document, one line a finding."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.docx_builders import CHINESE_LIST, build_docx, num, numbered, para
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


def test_fast_finding_lines_match_the_general_encoder(tmp_path: Path) -> None:
    """finding_lines skips the dict and the encoder's per-key work; its lines must be those of
    json.dumps on finding_json, byte for byte (fix, automatic, extra keys, severity override)."""
    from draftlint.engine import lint_document
    from draftlint.model import LintOptions, Severity
    from draftlint.readers import read_bytes
    from draftlint.registry import select_rules
    from draftlint.report.json_report import _DOCUMENTED, _encode, finding_json, finding_lines

    root = Path(__file__).resolve().parent.parent
    paths = [root / "examples" / "report.docx", root / "examples" / "report.txt"]
    paths += sorted((root / "tests" / "data" / "precision").glob("*.txt"))
    paths.append(
        build_docx(
            tmp_path / "automatic.docx",
            numbered("总体情况", 1) + para("今年以来,我局围绕中心工作推进落实。")
            + numbered("主要做法", 1) + numbered("下步打算", 2),
            numbering=CHINESE_LIST + num(1, 10) + num(2, 10, {0: 4}),
        )
    )  # fmt: skip
    findings = []
    for path in paths:
        document = read_bytes(path.read_bytes(), path.name)
        findings += lint_document(document, select_rules(None), LintOptions())
    findings[0].severity = Severity.INFO  # as a severity override leaves it
    findings[1].extra = {"text": "替换", "note": ["a", 1]}  # one key replaces a documented one
    findings[2].extra = {"count": 2, "note": None}  # keys of its own, not all strings
    assert any(f.fix for f in findings) and any(f.extra for f in findings)
    assert any(f.paragraph.prefix_len for f in findings)  # Word's automatic numbering
    for lang in ("zh", "en"):
        expected = [_encode(finding_json(f, lang)) for f in findings]
        assert finding_lines(findings, lang) == expected
    # The fast path's list of the keys finding_json writes itself is that list.
    written = set().union(*(set(finding_json(f, "zh")) - set(f.extra) for f in findings))
    assert written == _DOCUMENTED
