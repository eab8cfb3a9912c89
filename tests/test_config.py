"""Configuration files: discovery, validation, effect on findings, `lint config`, `lint init`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json, run_lint

DRAFT = "工作总结\n一、总体情况\n共开展XX次学习，撰写心得X篇。\n二、存在问题\n二、下一步工作\n增长率为5%,比去年高。\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def codes(report: dict) -> list[str]:
    return sorted(f["code"] for f in findings_of(report))


def test_ignore_and_rule_allow_change_the_findings(project: Path) -> None:
    _, before = lint_json("drafts", cwd=project)
    assert "W001" in codes(before)
    assert {f["text"] for f in findings_of(before, "P001")} == {"XX", "X"}
    (project / ".draftlint.toml").write_text(
        'ignore = ["W0"]\n[rules.placeholder]\nallow = ["XX"]\n', encoding="utf-8"
    )
    _, after = lint_json("drafts", cwd=project)
    assert not [c for c in codes(after) if c.startswith("W0")]
    assert [f["text"] for f in findings_of(after, "P001")] == ["X"]  # X篇 still flagged
    assert "N002" in codes(after)


def test_pyproject_table_and_nearest_config_wins(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.draftlint]\nignore = ["N002"]\n', encoding="utf-8"
    )
    _, report = lint_json("drafts/a.txt", cwd=project)
    assert "N002" not in codes(report) and "P001" in codes(report)
    # A nearer file replaces the farther one entirely (no merging), as in ruff.
    (project / "drafts" / "draftlint.toml").write_text('ignore = ["P001"]\n', encoding="utf-8")
    _, report = lint_json("drafts/a.txt", cwd=project)
    assert "N002" in codes(report) and "P001" not in codes(report)


def test_command_line_overrides_config(project: Path) -> None:
    (project / ".draftlint.toml").write_text('select = ["P001"]\n', encoding="utf-8")
    _, report = lint_json("drafts", cwd=project)
    assert set(codes(report)) == {"P001"}
    _, report = lint_json("--select", "N002", "drafts", cwd=project)
    assert set(codes(report)) == {"N002"}
    _, report = lint_json("--extend-select", "N002", "drafts", cwd=project)
    assert set(codes(report)) == {"P001", "N002"}


def test_severity_override_and_per_file_ignores(project: Path) -> None:
    (project / "drafts" / "b.txt").write_text(DRAFT, encoding="utf-8")
    (project / ".draftlint.toml").write_text(
        '[severity]\nN002 = "warning"\n[per-file-ignores]\n"drafts/b.txt" = ["placeholder"]\n',
        encoding="utf-8",
    )
    _, report = lint_json("drafts", cwd=project)
    by_path = {f["path"]: f["findings"] for f in report["files"]}
    a, b = by_path[str(Path("drafts/a.txt"))], by_path[str(Path("drafts/b.txt"))]
    assert {f["severity"] for f in a if f["code"] == "N002"} == {"warning"}
    assert any(f["code"] == "P001" for f in a)
    assert not any(f["code"] == "P001" for f in b)


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ('ignor = ["W001"]\n', ["ignor", "ignore"]),
        ('ignore = ["W0001"]\n', ["ignore", "W0001", "W001"]),
        ('ignore = "W001"\n', ["ignore", "list of strings"]),
        ('[rules.placeholdr]\nallow = ["X"]\n', ["placeholdr", "placeholder"]),
        ('[rules.placeholder]\nalow = ["X"]\n', ["alow", "allow"]),
        ('[rules.placeholder]\nallow = "X"\n', ["allow", "list"]),
        ('[severity]\nN002 = "fatal"\n', ["N002", "fatal"]),
        ('lang = "fr"\n', ["lang", "fr"]),
        ("select = [\n", ["TOML"]),
    ],
)
def test_bad_config_exits_2_with_one_line_naming_file_and_key(
    project: Path, content: str, needles: list[str]
) -> None:
    config = project / ".draftlint.toml"
    config.write_text(content, encoding="utf-8")
    result = run_lint("drafts", cwd=project)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(config) in lines[0]
    for needle in needles:
        assert needle in lines[0]
    assert "Traceback" not in result.stderr


def test_misspelt_key_in_pyproject_names_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.draftlint]\nextend-ignor = []\n", encoding="utf-8"
    )
    result = run_lint("drafts", cwd=project)
    assert result.returncode == 2
    assert "tool.draftlint.extend-ignor" in result.stderr and "extend-ignore" in result.stderr


def test_unknown_selector_on_command_line_suggests(project: Path) -> None:
    result = run_lint("--ignore", "numbering-repaet", "drafts", cwd=project)
    assert result.returncode == 2 and "numbering-repeat" in result.stderr


def test_excludes_default_and_configured(project: Path) -> None:
    drafts = project / "drafts"
    (drafts / "~$a.docx").write_bytes(b"lock")  # Word's lock file: never linted
    (drafts / "build").mkdir()
    (drafts / "build" / "c.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "old").mkdir()
    (drafts / "old" / "d.txt").write_text(DRAFT, encoding="utf-8")
    code, report = lint_json("drafts", cwd=project)
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt", "d.txt"]
    (project / ".draftlint.toml").write_text('extend-exclude = ["old"]\n', encoding="utf-8")
    code, report = lint_json("drafts", cwd=project)
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt"]
    assert code == 1


def test_profile_and_lang_from_config(project: Path) -> None:
    (project / ".draftlint.toml").write_text('lang = "en"\nprofile = "none"\n', encoding="utf-8")
    result = run_lint("drafts", cwd=project)
    assert "numbering" in result.stdout and "Checked 1 files" in result.stdout
    _, report = lint_json("drafts", cwd=project)
    assert not [c for c in codes(report) if c.startswith("S")]
    result = run_lint("--lang", "zh", "drafts", cwd=project)
    assert "检查 1 个文件" in result.stdout


def test_lint_config_shows_values_and_sources(project: Path) -> None:
    config = project / ".draftlint.toml"
    config.write_text('ignore = ["W001"]\n[rules.placeholder]\nallow = ["XX"]\n', encoding="utf-8")
    result = run_lint("config", "drafts/a.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert str(config) in out.splitlines()[0]
    ignore_line = next(line for line in out.splitlines() if line.startswith("ignore ="))
    assert '"W001"' in ignore_line and ignore_line.endswith(f"# {config}")
    assert "W001" not in next(line for line in out.splitlines() if line.startswith("rules-run"))
    lang_line = next(line for line in out.splitlines() if line.startswith("lang ="))
    assert lang_line.endswith("# default")


def test_lint_init_writes_a_starter_that_loads_and_refuses_to_overwrite(tmp_path: Path) -> None:
    result = run_lint("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / ".draftlint.toml").read_text(encoding="utf-8")
    assert "select" in written and "[rules.placeholder]" in written
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert run_lint("a.txt", cwd=tmp_path).returncode == 1  # the starter is valid
    again = run_lint("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert (tmp_path / ".draftlint.toml").read_text(encoding="utf-8") == written
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob(".*.tmp"))


def test_named_files_skip_lock_files_and_configured_excludes_only(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "~$lock.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "old.txt").write_text(DRAFT, encoding="utf-8")
    _, report = lint_json(".hidden.txt", "~$lock.txt", "old.txt", cwd=tmp_path)
    assert [f["path"] for f in report["files"]] == [".hidden.txt", "old.txt"]
    _, report = lint_json(".", cwd=tmp_path)  # a walk skips hidden files too
    assert [Path(f["path"]).name for f in report["files"]] == ["old.txt"]
    (tmp_path / "draftlint.toml").write_text('extend-exclude = ["old.*"]\n', encoding="utf-8")
    _, report = lint_json(".hidden.txt", "old.txt", cwd=tmp_path)
    assert [f["path"] for f in report["files"]] == [".hidden.txt"]


def test_explicit_config_file_and_stdin_filename(project: Path) -> None:
    (project / ".draftlint.toml").write_text('ignore = ["P001"]\n', encoding="utf-8")
    other = project / "strict.toml"
    other.write_text('select = ["P001"]\n', encoding="utf-8")
    _, report = lint_json("--config", str(other), "drafts", cwd=project)
    assert set(codes(report)) == {"P001"}
    # Standard input takes the configuration that governs --stdin-filename's folder.
    (project / "drafts" / "draftlint.toml").write_text('select = ["N002"]\n', encoding="utf-8")
    _, report = lint_json("--stdin-filename", "drafts/x.txt", "-", cwd=project,
                          stdin=DRAFT.encode("utf-8"))  # fmt: skip
    assert set(codes(report)) == {"N002"}


def test_rule_settings_reach_the_rule(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("案例\n经查，张某违规收受礼品。\n", encoding="utf-8")
    _, report = lint_json("a.txt", cwd=tmp_path)
    assert findings_of(report) == []
    (tmp_path / ".draftlint.toml").write_text(
        "[rules.placeholder]\nanonymised-names = true\n", encoding="utf-8"
    )
    _, report = lint_json("a.txt", cwd=tmp_path)
    assert [(f["code"], f["severity"]) for f in findings_of(report)] == [("P001", "info")]
    (tmp_path / ".draftlint.toml").write_text(
        '[rules.placeholder]\nanonymised-names = "no"\n', encoding="utf-8"
    )
    result = run_lint("a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "anonymised-names" in result.stderr
    assert "expected bool" in result.stderr


def test_a_path_through_parent_folders_is_governed_by_where_it_leads(tmp_path: Path) -> None:
    """Run in sub/: ``../docs`` is tmp/docs. Its parents are tmp and up, never sub/, whose
    configuration does not apply to it; and ``..`` is no hidden folder to exclude."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("一、总体情况\n三、存在问题\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".draftlint.toml").write_text('ignore = ["N001"]\n', encoding="utf-8")
    named = json.loads(run_lint("--format", "json", "--no-cache", "../docs/a.txt", cwd=sub).stdout)
    assert [f["code"] for f in named["files"][0]["findings"]] == ["N001"]
    assert "（无" in run_lint("config", "../docs/a.txt", cwd=sub).stdout  # no file governs it
    (tmp_path / ".draftlint.toml").write_text('extend-exclude = ["b.txt"]\n', encoding="utf-8")
    walked = json.loads(run_lint("--format", "json", "--no-cache", "..", cwd=sub).stdout)
    assert [Path(f["path"]).name for f in walked["files"]] == ["a.txt"]
    shown = run_lint("config", "../docs/a.txt", cwd=sub).stdout
    assert f"# 配置文件: {tmp_path / '.draftlint.toml'}\n" in shown
