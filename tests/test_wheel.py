"""The built wheel works on its own: grammar and rule data come from the installed package."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    (wheel,) = dist.glob("draftlint-*.whl")
    env_dir = base / "venv"
    # The test environment already has the dependencies; the wheel itself goes in the venv.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=600)  # fmt: skip
    return env_dir


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(env_dir / "bin" / "lint"), *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)  # fmt: skip


def test_wheel_ships_grammar_and_rules(installed: Path, tmp_path: Path) -> None:
    probe = subprocess.run(
        [str(installed / "bin" / "python"), "-c",
         "import draftlint.resources as r; print(r.data_root())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    data_root = Path(probe.stdout.strip())
    assert installed in data_root.parents
    assert (data_root / "grammar" / "numbering.lark").is_file()
    assert (data_root / "rules").is_dir()


def test_installed_lint_runs_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("标题\n一、总体情况\n二、存在问题\n二、下一步工作打算\n", encoding="utf-8")
    result = run(installed, "--format", "json", "draft.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "N002" in codes
    assert run(installed, "--help", cwd=tmp_path).returncode == 0
    rules = run(installed, "rules", cwd=tmp_path)
    assert rules.returncode == 0 and "N002" in rules.stdout
    outline = run(installed, "outline", "draft.txt", cwd=tmp_path)
    assert outline.returncode == 0 and "二、存在问题" in outline.stdout
