"""CI runs: --changed-since, --shard, and the README's GitHub Actions and GitLab CI
examples, whose commands run here against a temporary repository."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.helpers.lint import lint_executable, lint_json, run_lint

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
REPEATED = "关于某项工作的报告\n一、总体情况\n二、存在问题\n二、下一步工作\n"
CLEAN = "关于某项工作的报告\n一、总体情况\n二、存在问题\n三、下一步工作\n"


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=env).stdout.strip()  # fmt: skip


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """origin (bare) with main; a clone on branch `feature` that changed one draft and
    added another, leaving a third (with a defect of its own) untouched."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git("init", "-q", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    git("clone", "-q", str(origin), str(work), cwd=tmp_path)
    git("checkout", "-q", "-b", "main", cwd=work)
    (work / "docs").mkdir()
    (work / "docs" / "old.txt").write_text(REPEATED, encoding="utf-8")  # defect, untouched
    (work / "docs" / "edited.txt").write_text(CLEAN, encoding="utf-8")
    (work / "docs" / "gone.txt").write_text(CLEAN, encoding="utf-8")
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "drafts", cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    git("checkout", "-q", "-b", "feature", cwd=work)
    (work / "docs" / "edited.txt").write_text(REPEATED, encoding="utf-8")
    (work / "docs" / "new.md").write_text(REPEATED, encoding="utf-8")
    (work / "docs" / "gone.txt").unlink()
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "edit", cwd=work)
    return work


def linted(report: dict) -> list[str]:
    return sorted(Path(f["path"]).name for f in report["files"])


def test_changed_since_lints_only_changed_drafts(repository: Path) -> None:
    code, report = lint_json("--changed-since", "main", cwd=repository)
    assert (code, linted(report)) == (1, ["edited.txt", "new.md"])
    (repository / "docs" / "draft2.txt").write_text(REPEATED, encoding="utf-8")  # untracked
    (repository / "docs" / "build").mkdir()
    (repository / "docs" / "build" / "out.txt").write_text(REPEATED, encoding="utf-8")
    _, report = lint_json("--changed-since", "main", "docs", cwd=repository)
    assert linted(report) == ["draft2.txt", "edited.txt", "new.md"]  # build/ is excluded
    code, report = lint_json("--changed-since", "feature", cwd=repository)
    assert linted(report) == ["draft2.txt"]


def test_changed_since_bad_revision_is_one_line(repository: Path) -> None:
    result = run_lint("--changed-since", "no-such-branch", cwd=repository)
    assert result.returncode == 2 and "no-such-branch" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_shards_partition_the_files_deterministically(tmp_path: Path) -> None:
    for number in range(12):
        (tmp_path / f"d{number:02}.txt").write_text(CLEAN, encoding="utf-8")
    shards = [linted(lint_json("--shard", f"{i}/3", ".", cwd=tmp_path)[1]) for i in (1, 2, 3)]
    names = sorted(name for shard in shards for name in shard)
    assert names == sorted(p.name for p in tmp_path.glob("*.txt"))  # each file exactly once
    assert all(shards)  # 12 files over 3 shards: none is empty for this set
    again = [linted(lint_json("--shard", f"{i}/3", ".", cwd=tmp_path)[1]) for i in (1, 2, 3)]
    assert again == shards
    bad = run_lint("--shard", "4/3", ".", cwd=tmp_path)
    assert bad.returncode == 2 and "--shard" in bad.stderr


def readme_block(title: str) -> str:
    part = README.split("## CI", 1)[1].split(f"**{title}**", 1)[1]
    return re.search(r"```yaml\n(.*?)```", part, re.S).group(1)


def example_commands(block: str) -> list[str]:
    """The git and lint commands of a workflow's steps (run: / script: entries)."""
    commands = []
    for line in block.splitlines():
        match = re.match(r"\s*(?:- run:|-)\s+((?:git|lint) .*)$", line)
        if match:
            commands.append(match.group(1).split("  #")[0].strip())
    return commands


def run_example(commands: list[str], cwd: Path, variables: dict[str, str]) -> list[tuple]:
    lint = " ".join(shlex.quote(part) for part in lint_executable())
    env = {**os.environ, **variables}
    outcomes = []
    for command in commands:
        command = command.replace("${{ github.base_ref }}", variables.get("GITHUB_BASE_REF", ""))
        if command.startswith("lint "):
            command = lint + command[4:]
        completed = subprocess.run(["bash", "-c", command], cwd=cwd, env=env,
                                   capture_output=True, text=True, timeout=300)  # fmt: skip
        outcomes.append((completed.returncode, completed.stdout, completed.stderr))
    return outcomes


def test_readme_github_actions_example(repository: Path) -> None:
    commands = example_commands(readme_block("GitHub Actions"))
    assert [c.split()[0] for c in commands] == ["git", "lint"]
    summary = repository.parent / "summary.md"
    outcomes = run_example(commands, repository,
                           {"GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    (fetched, _, fetch_err), (code, out, err) = outcomes
    assert fetched == 0, fetch_err
    assert code == 1, err
    annotated = sorted(re.findall(r"^::error file=([^,]+),", out, re.M))
    assert annotated == ["docs/edited.txt", "docs/new.md"]
    assert "docs/old.txt" not in summary.read_text(encoding="utf-8")


def test_readme_gitlab_ci_example(repository: Path) -> None:
    commands = example_commands(readme_block("GitLab CI"))
    assert [c.split()[0] for c in commands] == ["git", "lint"]
    outcomes = run_example(commands, repository,
                           {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"})  # fmt: skip
    (fetched, _, fetch_err), (code, out, err) = outcomes
    assert fetched == 0, fetch_err
    assert code == 1 and out == "", err
    report = json.loads((repository / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert sorted({issue["location"]["path"] for issue in report}) == [
        "docs/edited.txt", "docs/new.md"
    ]  # fmt: skip
    assert {issue["check_name"] for issue in report} == {"N002 numbering-repeat"}
