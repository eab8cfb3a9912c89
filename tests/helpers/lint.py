"""Real `lint` runs, the seeds, and real .docx files made with python-docx."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
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
