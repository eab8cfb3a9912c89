"""The pre-commit hook, proven with the real pre-commit package: a temporary repository's
.pre-commit-config.yaml points at this checkout (its path and HEAD commit); pre-commit
clones it, pip-installs it into its own environment and runs `lint` on the drafts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPEATED = "关于某项工作的报告\n一、总体情况\n二、存在问题\n二、下一步工作\n"
FIXED = "关于某项工作的报告\n一、总体情况\n二、存在问题\n三、下一步工作\n"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()  # fmt: skip


@pytest.fixture
def head() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    try:
        commit = git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("this checkout is not a git repository")
    listed = git("ls-tree", "--name-only", commit, ".pre-commit-hooks.yaml", cwd=ROOT)
    if not listed:
        pytest.skip("HEAD has no .pre-commit-hooks.yaml yet (commit it first)")
    return commit


def test_hook_fails_on_a_repeated_heading_and_passes_once_fixed(tmp_path: Path, head: str) -> None:
    repo = tmp_path / "drafts"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: draftlint\n",
        encoding="utf-8",
    )
    draft = repo / "报告.txt"
    draft.write_text(REPEATED, encoding="utf-8")
    (repo / "~$报告.docx").write_bytes(b"\x00lock")  # Word's lock file: excluded by the hook
    (repo / "notes.py").write_text("x = 1\n", encoding="utf-8")  # not a draft: not passed
    git("add", "-A", cwd=repo)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    failed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True,
                            timeout=900)  # fmt: skip
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "N002" in output and "报告.txt:4:1" in output
    assert "~$" not in output and "notes.py" not in output

    draft.write_text(FIXED, encoding="utf-8")
    git("add", "-A", cwd=repo)
    passed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True,
                            timeout=900)  # fmt: skip
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
