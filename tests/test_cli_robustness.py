"""Odd command lines and odd paths: one line on stderr and in the JSON ``error``, exit 2,
the other files still linted, never a traceback, never a hang (issue 10)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from tests.helpers.lint import lint_executable, lint_json, run_lint, write_docx

GOOD = "标题\n一、总体情况\n二、存在问题\n二、下一步工作\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def errors_of(report: dict) -> dict[str, str]:
    return {f["path"]: f["error"] for f in report["files"] if f["error"] is not None}


def assert_one_error_and_good_linted(args: list[str], good: Path, reason: str, **kwargs) -> dict:
    result = run_lint("--format", "json", *args, str(good), **kwargs)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    (error,) = errors_of(report).values()
    assert reason in error and "\n" not in error
    stderr_lines = result.stderr.strip().splitlines()
    assert len(stderr_lines) == 1 and reason in stderr_lines[0]
    linted = next(f for f in report["files"] if f["path"] == str(good))
    assert any(f["code"] == "N002" for f in linted["findings"])
    return report


def test_missing_file_with_a_name_too_long(good: Path, tmp_path: Path) -> None:
    name = str(tmp_path / ("长" * 200 + ".txt"))
    assert_one_error_and_good_linted([name], good, "file name too long")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_not_read(good: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} absent")
    assert_one_error_and_good_linted([device], good, "not a regular file")


def test_fifo_is_not_read(good: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes to it: reading it would block forever
    assert_one_error_and_good_linted([str(fifo)], good, "not a regular file")


@pytest.mark.parametrize("name", ["pipe.docx", "pipe.txt", "pipe.doc"])
def test_fifo_is_not_read_before_forking(good: Path, tmp_path: Path, name: str) -> None:
    """With -j, this process first sorts out the long drafts: it opens each file as the reader
    does, so a pipe named like a Word file is not waited on there either."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    assert_one_error_and_good_linted(["-j", "2", str(fifo)], good, "not a regular file",
                                     env={"DRAFTLINT_SERIAL_SECONDS": "60"})  # fmt: skip


def test_size_limit_flag_and_environment(good: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("一、总体情况\n" * 2000, encoding="utf-8")  # ~34 KB
    assert_one_error_and_good_linted(["--max-file-size", "0.01", str(big)], good, "too large")
    assert_one_error_and_good_linted(
        [str(big)], good, "too large", env={"DRAFTLINT_MAX_FILE_MIB": "0.01"}
    )
    code, report = lint_json("--max-file-size", "1", str(big))
    assert code in (0, 1) and report["files"][0]["error"] is None


@pytest.mark.parametrize("limit", ["inf", "nan", "1e400"])
def test_size_limit_that_is_not_finite(good: Path, limit: str) -> None:
    """On the command line: one line and exit 2, nothing linted. In the environment: as if
    unset (as an unreadable value is)."""
    result = run_lint("--format", "json", "--max-file-size", limit, str(good))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"--max-file-size {float(limit)}: 需为有限的数 (must be a finite number of MiB)"
    ]
    code, report = lint_json(str(good), env={"DRAFTLINT_MAX_FILE_MIB": limit})
    assert code == 1 and report["files"][0]["error"] is None


def test_stdin_closed_is_one_line(good: Path) -> None:
    completed = subprocess.run(
        [*lint_executable(), "--format", "json", "-", str(good)],
        stdin=None, capture_output=True, preexec_fn=lambda: os.close(0), timeout=120,
    )  # fmt: skip
    stderr = completed.stderr.decode("utf-8")
    assert completed.returncode == 2 and "Traceback" not in stderr
    report = json.loads(completed.stdout)
    assert "standard input" in report["files"][0]["error"]
    assert report["files"][1]["findings"]


def _without_dac(args: list[str]) -> list[str] | None:
    """Run as root without the capability to bypass file modes, so chmod 000 applies."""
    if os.geteuid() != 0:
        return args
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", *args]


def _run_restricted(*args: str) -> subprocess.CompletedProcess[str]:
    command = _without_dac([*lint_executable(), *args])
    if command is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    completed = subprocess.run(command, capture_output=True, timeout=120)
    return subprocess.CompletedProcess(completed.args, completed.returncode,
                                       completed.stdout.decode(), completed.stderr.decode())  # fmt: skip


def test_file_in_a_directory_it_may_not_read(good: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        result = _run_restricted("--format", "json", str(locked / "a.txt"), str(good))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    assert "permission denied" in errors_of(report)[str(locked / "a.txt")]
    assert report["files"][1]["findings"]


def test_unreadable_directory_is_an_error_not_no_files(good: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        result = _run_restricted("--format", "json", str(locked), str(good))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    assert "permission denied" in errors_of(report)[str(locked)]
    assert len(result.stderr.strip().splitlines()) == 1


def test_file_name_with_a_newline_is_printed_escaped(tmp_path: Path) -> None:
    odd = tmp_path / "第一\n稿.txt"
    odd.write_text(GOOD, encoding="utf-8")
    result = run_lint(str(odd))
    assert result.returncode == 1
    assert "第一\\n稿.txt:4:1: N002" in result.stdout
    assert "第一\n稿" not in result.stdout
    _, report = lint_json(str(odd))  # JSON carries the real name, escaped by JSON itself
    assert report["files"][0]["path"] == str(odd)
    missing = run_lint(str(tmp_path / "缺\n失.txt"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1


def test_broken_profile_beside_one_file_is_that_files_error(tmp_path: Path) -> None:
    broken, fine = tmp_path / "broken", tmp_path / "fine"
    for folder in (broken, fine):
        folder.mkdir()
        (folder / ".git").mkdir()  # each is its own repository root for profiles
        (folder / "draft.txt").write_text(GOOD, encoding="utf-8")
    (broken / ".draftlint" / "profiles").mkdir(parents=True)
    (broken / ".draftlint" / "profiles" / "bad.toml").write_text("name = [\n", encoding="utf-8")
    result = run_lint("--format", "json", str(broken / "draft.txt"), str(fine / "draft.txt"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 2 and report["summary"]["errors"] == 1
    assert "bad.toml" in report["files"][0]["error"]
    assert any(f["code"] == "N002" for f in report["files"][1]["findings"])


def test_read_error_with_a_newline_in_its_message_is_one_line(good: Path, tmp_path: Path) -> None:
    source = write_docx(tmp_path / "src.docx", ["标题", "一、总体情况"])
    damaged = tmp_path / "ebcdic.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"encoding='UTF-8'", b"encoding='EBCDIC-US'", 1)
            zout.writestr(item, data)
    result = run_lint("--format", "json", str(damaged), str(good))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert "\n" not in report["files"][0]["error"]
    assert len(result.stderr.strip().splitlines()) == 1
