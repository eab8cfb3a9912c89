"""``-j N``: several processes, the same report in the same order as ``-j 1``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from tests.helpers.lint import SEED_NAMES, SEEDS, lint_executable, run_lint, write_docx

DRAFT = "一、总体情况\n三、存在问题\n全年完成X次检查,效果明显。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Many kinds of file: seeds (when present), .docx with Word's automatic numbering,
    Markdown, an unreadable file, and enough files that each process gets several."""
    root = tmp_path / "drafts"
    root.mkdir()
    for name in SEED_NAMES.values():
        if (SEEDS / name).exists():
            shutil.copy(SEEDS / name, root / name)
    for index in range(12):
        (root / f"t{index:02}.txt").write_text(DRAFT * (index % 3 + 1), encoding="utf-8")
    document = docx.Document()
    for text in ("关于X项工作的报告", "总体情况", "存在问题", "下步打算"):
        document.add_paragraph(text, style="List Number")
    document.save(str(root / "auto.docx"))
    write_docx(root / "plain.docx", ["一、总体情况", "三、存在问题", "某某单位"])
    (root / "notes.md").write_text("# 报告\n\n1. 项目\n3. 项目\n", encoding="utf-8")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    return root


@pytest.mark.parametrize("output_format", ["json", "text", "sarif"])
def test_two_jobs_give_the_report_of_one(folder: Path, output_format: str) -> None:
    one = run_lint("--format", output_format, "-j", "1", str(folder))
    two = run_lint("--format", output_format, "--jobs", "2", str(folder))
    assert (two.returncode, two.stderr) == (one.returncode, one.stderr)
    assert one.returncode == 2  # broken.docx
    assert "broken.docx" in one.stderr
    if output_format == "text":
        assert two.stdout == one.stdout
        return
    report_one, report_two = json.loads(one.stdout), json.loads(two.stdout)
    assert report_two == report_one
    if output_format == "json":
        paths = [Path(f["path"]).name for f in report_one["files"]]
        assert paths == sorted(paths)  # the walk's order, kept by the workers
        assert report_one["summary"]["findings"] > 20
        auto = next(f for f in report_one["files"] if f["path"].endswith("auto.docx"))
        assert any(finding.get("automatic") for finding in auto["findings"])


@pytest.mark.parametrize("alone", ["60", "0.01"])
def test_files_linted_before_the_fork_give_the_same_report(folder: Path, alone: str) -> None:
    """However many files this process lints before it forks (all of them, or as many as
    0.01 s allows), the report is that of -j 1."""
    one = run_lint("--format", "json", "-j", "1", str(folder))
    two = run_lint("--format", "json", "-j", "2", str(folder),
                   env={"DRAFTLINT_SERIAL_SECONDS": alone})  # fmt: skip
    assert (two.returncode, two.stderr, two.stdout) == (one.returncode, one.stderr, one.stdout)


def test_jobs_must_be_positive(folder: Path) -> None:
    completed = run_lint("-j", "0", str(folder))
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr


def test_standard_input_with_files_keeps_order(folder: Path) -> None:
    first = next(iter(sorted(folder.glob("t*.txt"))))
    args = ("--format", "json", "--stdin-filename", "in.txt", str(first), "-")
    one = run_lint(*args, "-j", "1", stdin=DRAFT.encode("utf-8"))
    two = run_lint(*args, "-j", "2", stdin=DRAFT.encode("utf-8"))
    assert json.loads(two.stdout) == json.loads(one.stdout)
    assert [f["path"] for f in json.loads(one.stdout)["files"]][1] == "in.txt"


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal_and_never_in_the_report(tmp_path: Path) -> None:
    import pty

    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(25):
        (folder / f"{index:02}.txt").write_text(DRAFT, encoding="utf-8")
    master, slave = pty.openpty()
    process = subprocess.Popen([*lint_executable(), "--format", "json", "--no-cache", str(folder)],
                               stdout=subprocess.PIPE, stderr=slave, cwd=tmp_path)  # fmt: skip
    os.close(slave)
    terminal = _read_all(master).decode("utf-8", "replace")
    os.close(master)
    report = json.loads(process.communicate(timeout=300)[0])
    assert report["summary"]["files"] == 25
    assert "━" in terminal  # the bar was drawn on the terminal
    piped = run_lint("--format", "json", "--no-cache", str(folder))
    assert "━" not in piped.stderr and json.loads(piped.stdout) == report
    few = run_lint("--format", "json", "--no-cache", *map(str, sorted(folder.iterdir())[:3]))
    assert few.stderr == ""


def test_a_bad_profile_is_each_files_error_with_two_jobs_as_with_one(tmp_path: Path) -> None:
    """The -j warm-up is only a speed-up: its trouble is reported per file, as -j 1 does."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    runs = [run_lint("--no-cache", "--profile", "nosuch", "-j", jobs, "a.txt", "b.txt",
                     cwd=tmp_path) for jobs in ("1", "2")]  # fmt: skip
    one, two = runs
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert one.returncode == 2
    assert "Traceback" not in two.stderr
    assert two.stderr.count("nosuch") == 2  # one line per file


def test_the_progress_bar_runs_no_thread_that_a_fork_would_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """-j forks its workers while the bar is shown: no refresh thread may exist then."""
    import io
    import threading

    from draftlint.runloop import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    before = threading.active_count()
    with progress_bar(30, "zh") as advance:
        assert threading.active_count() == before
        for _ in range(30):
            advance()
    assert "━" in terminal.getvalue()
