"""The built wheel works on its own: grammar and rule data come from the installed package.

The wheel goes into a fresh venv. Its dependencies come from the running environment
(which may itself be a virtualenv, whose site-packages ``system_site_packages`` would not
see): a .pth file in the new venv lists the running environment's site-packages, after
the venv's own, so the wheel's draftlint wins over any editable install there.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
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
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=600, env=clean_env())  # fmt: skip
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, env=clean_env(),
    ).stdout.strip()  # fmt: skip
    (Path(own) / "_running_environment.pth").write_text(
        "\n".join(running_site_packages()) + "\n", encoding="utf-8"
    )
    return env_dir


def running_site_packages() -> list[str]:
    """Where the running interpreter finds its packages (a venv's, the user's, the base's)."""
    paths = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    paths += site.getsitepackages()
    if site.ENABLE_USER_SITE:
        paths.append(site.getusersitepackages())
    return list(dict.fromkeys(p for p in paths if Path(p).is_dir()))


def clean_env() -> dict[str, str]:
    """No PYTHONPATH: the source tree must not stand in for the installed wheel."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(env_dir / "bin" / "lint"), *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env=clean_env())  # fmt: skip


def test_wheel_ships_grammar_and_rules(installed: Path, tmp_path: Path) -> None:
    probe = subprocess.run(
        [str(installed / "bin" / "python"), "-c",
         "import draftlint.resources as r; print(r.data_root())"],
        cwd=tmp_path, capture_output=True, text=True, check=True, env=clean_env(),
    )  # fmt: skip
    data_root = Path(probe.stdout.strip())
    assert installed in data_root.parents
    assert (data_root / "grammar" / "numbering.lark").is_file()
    assert (data_root / "rules").is_dir()


def test_installed_lint_runs_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("标题\n一、总体情况\n二、存在问题\n二、下一步工作打算\n", encoding="utf-8")
    result = run(installed, "--format", "json", "draft.txt", cwd=tmp_path)
    # Read the report before trusting the exit status: a crash (ModuleNotFoundError) also
    # exits 1, which would otherwise pass for "findings".
    assert result.stdout.startswith("{"), result.stderr
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "N002" in codes
    assert result.returncode == 1, result.stderr
    assert run(installed, "--help", cwd=tmp_path).returncode == 0
    rules = run(installed, "rules", cwd=tmp_path)
    assert rules.returncode == 0 and "N002" in rules.stdout
    outline = run(installed, "outline", "draft.txt", cwd=tmp_path)
    assert outline.returncode == 0 and "二、存在问题" in outline.stdout
