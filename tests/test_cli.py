"""The `lint` command as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_executable, lint_json, run_lint, write_docx

REPEAT = "标题\n一、甲\n二、乙\n二、丙\n"
CLEAN = "标题\n一、甲\n二、乙\n"
WARN_ONLY = "标题\n一、甲\n1.子项\n2.子项\n"


@pytest.fixture
def drafts(tmp_path: Path) -> dict[str, Path]:
    files = {"repeat": REPEAT, "clean": CLEAN, "warn": WARN_ONLY}
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_text_output_line_excerpt_and_caret(drafts) -> None:
    result = run_lint(str(drafts["repeat"]))
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"{drafts['repeat']}:4:1: N002 numbering-repeat 序号重复：“二、”已经用过，此处应为“三、”"
    )
    assert lines[1].endswith("│ 二、丙")
    # 二、 is two CJK characters: four terminal columns.
    assert lines[2].split("│ ")[1].rstrip() == "^^^^"
    assert "发现 1 个问题" in lines[-1]
    assert result.returncode == 1


def test_caret_is_width_aware_in_the_middle_of_a_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("一、甲\n（一）强化领导。一是健全机制。三是压实责任。\n", encoding="utf-8")
    lines = run_lint(str(path), "--select", "N006").stdout.splitlines()
    excerpt, caret = lines[1].split("│ ")[1], lines[2].split("│ ")[1]
    assert excerpt.startswith("（一）强化领导。一是健全机制。三是")
    # 15 CJK characters precede 三是: 30 columns, then two wide characters underlined.
    assert caret.rstrip() == " " * 30 + "^^^^"


def test_json_shape(drafts) -> None:
    code, report = lint_json(str(drafts["repeat"]), str(drafts["clean"]))
    assert code == 1
    assert set(report) == {"files", "summary"}
    assert [f["path"] for f in report["files"]] == [str(drafts["repeat"]), str(drafts["clean"])]
    first = report["files"][0]
    assert first["error"] is None
    finding = first["findings"][0]
    keys = ("code", "rule", "severity", "line", "column", "end_column", "location", "text")
    assert {k: finding[k] for k in keys} == {
        "code": "N002", "rule": "numbering-repeat", "severity": "error", "line": 4,
        "column": 1, "end_column": 3, "location": "第4行", "text": "二、",
    }  # fmt: skip
    assert isinstance(finding["message"], str)
    summary = report["summary"]
    assert (summary["files"], summary["findings"], summary["errors"]) == (2, 1, 0)


def test_exit_codes(drafts) -> None:
    assert run_lint(str(drafts["clean"])).returncode == 0
    assert run_lint(str(drafts["warn"])).returncode == 0  # warnings alone pass
    assert run_lint(str(drafts["repeat"])).returncode == 1
    assert run_lint("--select", "NOPE", str(drafts["clean"])).returncode == 2
    assert run_lint("--format", "xml", str(drafts["clean"])).returncode == 2


def test_unreadable_file_reported_and_others_still_linted(drafts, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes("这不是压缩包".encode())
    missing = tmp_path / "missing.txt"
    result = run_lint("--format", "json", str(broken), str(missing), str(drafts["repeat"]))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{broken}: ") and "zip" in errors[0]
    assert errors[1].startswith(f"{missing}: ")
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["files"][0]["error"] and report["files"][1]["error"]
    assert [f["code"] for f in report["files"][2]["findings"]] == ["N002"]
    assert report["summary"]["errors"] == 2


@pytest.mark.parametrize("selector", ["N002", "numbering-repeat", "numbering", "N", "n002"])
def test_select_by_code_name_tag_prefix(drafts, selector: str) -> None:
    _, report = lint_json("--select", selector, str(drafts["repeat"]))
    assert [f["code"] for f in findings_of(report)] == ["N002"]


@pytest.mark.parametrize("selector", ["N002", "numbering-repeat", "numbering", "N001,N002"])
def test_ignore_by_code_name_tag(drafts, selector: str) -> None:
    _, report = lint_json("--ignore", selector, str(drafts["repeat"]))
    assert "N002" not in [f["code"] for f in findings_of(report)]


def test_english_messages(drafts) -> None:
    _, report = lint_json("--lang", "en", str(drafts["repeat"]))
    assert findings_of(report)[0]["message"].startswith("Numbering repeats")
    assert "Checked 1 files" in run_lint("--lang", "en", str(drafts["repeat"])).stdout


def test_quiet_prints_only_finding_lines(drafts) -> None:
    result = run_lint("-q", str(drafts["repeat"]), str(drafts["clean"]))
    assert result.stdout.splitlines() == [
        f"{drafts['repeat']}:4:1: N002 numbering-repeat 序号重复：“二、”已经用过，此处应为“三、”"
    ]


def test_version_and_help() -> None:
    from draftlint import __version__

    assert run_lint("--version").stdout.strip() == f"draftlint {__version__}"
    for args in (["--help"], ["check", "--help"]):
        result = run_lint(*args)
        assert result.returncode == 0 and "lint" in result.stdout


def test_stdin_with_filename() -> None:
    result = run_lint("--format", "json", "--stdin-filename", "draft.md", "-",
                      stdin="## 一、**甲**\n\n二、乙\n\n二、丙\n".encode())  # fmt: skip
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "draft.md"
    assert [f["code"] for f in findings_of(report)] == ["N002"]


def test_directory_is_walked(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(REPEAT, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(REPEAT, encoding="utf-8")
    write_docx(tmp_path / "sub" / "c.docx", REPEAT.splitlines())
    (tmp_path / "sub" / "ignored.pdf").write_bytes(b"%PDF")
    (tmp_path / ".git" / "d.txt").write_text(REPEAT, encoding="utf-8")
    (tmp_path / "sub" / "~$c.docx").write_bytes(b"lock")
    _, report = lint_json(str(tmp_path))
    names = sorted(Path(f["path"]).name for f in report["files"])
    assert names == ["a.txt", "b.md", "c.docx"]
    assert all(f["findings"] for f in report["files"])


def test_output_is_utf8_whatever_the_locale(drafts) -> None:
    env = {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    result = run_lint(str(drafts["repeat"]), env=env)
    assert result.returncode == 1
    assert "序号重复" in result.stdout


def test_rules_and_rule_commands() -> None:
    listing = run_lint("rules")
    assert listing.returncode == 0
    for code in ("N001", "N002", "N003", "N004", "N005", "N006"):
        assert code in listing.stdout
    for key in ("N002", "numbering-repeat"):
        page = run_lint("rule", key)
        assert page.returncode == 0
        assert "N002 numbering-repeat" in page.stdout and "四、下一步工作打算" in page.stdout
    assert "Why" in run_lint("rule", "N002", "--lang", "en").stdout
    missing = run_lint("rule", "Z999")
    assert missing.returncode == 2 and "Z999" in missing.stderr


def test_outline_command(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n一、总体情况\n（一）组织领导\n二、存在问题\n二、下一步工作打算\n", "utf-8"
    )
    result = run_lint("outline", str(path))
    assert result.returncode == 0
    out = result.stdout
    assert "一、总体情况" in out and "（一）组织领导" in out
    assert "N002" in out.split("二、下一步工作打算")[1].splitlines()[0]


def test_draftlint_alias_is_installed() -> None:
    alias = Path(lint_executable()[0]).with_name("draftlint")
    if not alias.exists() and not shutil.which("draftlint"):
        pytest.skip("lint is not installed as a console script here")
    import subprocess

    result = subprocess.run([str(alias) if alias.exists() else "draftlint", "--version"],
                            capture_output=True)  # fmt: skip
    assert result.returncode == 0 and b"draftlint" in result.stdout


def test_summary_counts_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("标题\n今年共开展X次检查，发放资料*份。\n", encoding="utf-8")
    assert "其中未替换的占位符 2 处" in run_lint(str(path)).stdout.splitlines()[-1]


def test_rule_page_lists_the_rule_settings() -> None:
    result = run_lint("rule", "numbering-level", "--lang", "en")
    assert result.returncode == 0
    assert "skipped-level (bool)" in result.stdout
