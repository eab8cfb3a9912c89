"""Shared fixtures: the seeds, real .docx files made with python-docx, real `lint` runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_NAMES = {
    "000": "000_b7783f23aae105a9.txt",
    "001": "001_87348d7e6788912e.txt",
    "002": "002_9b0739ec5ab9c34d.txt",
}


def lint_executable() -> list[str]:
    """The installed `lint` console script (beside this Python), else `python -m draftlint`."""
    script = Path(sys.executable).with_name("lint")
    if script.exists():
        return [str(script)]
    found = shutil.which("lint")
    return [found] if found else [sys.executable, "-m", "draftlint"]


def run_lint(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run the real `lint` command; stdout/stderr decoded as UTF-8."""
    full_env = {**os.environ, **(env or {})}
    completed = subprocess.run(
        [*lint_executable(), *args], cwd=cwd, input=stdin, capture_output=True, env=full_env,
        timeout=300,
    )  # fmt: skip
    return subprocess.CompletedProcess(
        completed.args, completed.returncode,
        completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8"),
    )  # fmt: skip


def lint_json(*args: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    completed = run_lint("--format", "json", *args, **kwargs)
    return completed.returncode, json.loads(completed.stdout)


def findings_of(report: dict[str, Any], code: str | None = None) -> list[dict[str, Any]]:
    return [
        finding
        for file in report["files"]
        for finding in file["findings"]
        if code is None or finding["code"] == code
    ]


def write_docx(path: Path, paragraphs: Iterable[str]) -> Path:
    """A real .docx with one paragraph per item, written by python-docx."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def seed_paragraphs(name: str) -> list[str]:
    text = (SEEDS / SEED_NAMES[name]).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def seed() -> Callable[[str], Path]:
    """Path of a seed draft by number ("000"); skips cleanly when ../shared is absent."""

    def get(name: str) -> Path:
        path = SEEDS / SEED_NAMES[name]
        if not path.exists():
            pytest.skip("../shared/seeds is not beside this checkout")
        return path

    return get


@pytest.fixture
def seed_docx(tmp_path: Path, seed: Callable[[str], Path]) -> Callable[[str], Path]:
    """A seed as .docx, one paragraph per non-empty line."""

    def get(name: str) -> Path:
        seed(name)
        return write_docx(tmp_path / f"{name}.docx", seed_paragraphs(name))

    return get


@pytest.fixture
def lint_text(tmp_path: Path) -> Callable[..., list]:
    """Lint a text in-process and return its findings (fast path for rule tests)."""
    from draftlint.engine import lint_document
    from draftlint.model import LintOptions
    from draftlint.readers import read_bytes
    from draftlint.registry import select_rules

    def run(text: str, select: str | None = None, suffix: str = ".txt", **options: Any) -> list:
        document = read_bytes(text.encode("utf-8"), f"draft{suffix}")
        rules = select_rules(select.split(",") if select else None)
        return lint_document(document, rules, LintOptions(**options))

    return run
