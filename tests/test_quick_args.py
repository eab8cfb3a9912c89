"""The common command lines parsed without typer (``quick_args``): the same values as typer's
``check`` for every command line it takes, typer's own handling for every other one, and no
typer import on the way."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from tests.helpers.lint import run_lint

from draftlint import cli
from draftlint.lint_command import run_check
from draftlint.quick_args import HELP_AND_VERSION, OPTIONS, SUBCOMMANDS, _path, check_options

DRAFT = "一、总体情况\n三、存在问题\n全年完成X次检查。\n"


def _check_command() -> Any:
    return typer.main.get_command(cli.app).commands["check"]  # type: ignore[attr-defined]


def test_options_mirror_the_typer_command() -> None:
    """Every option of ``check`` (but --help and the eager --version, left to typer), with
    its parameter, whether it repeats, and the values it accepts."""
    expected: dict[str, tuple[str, bool, bool]] = {}
    for param in _check_command().params:
        if param.param_type_name != "option" or param.name == "version":
            continue
        assert param.secondary_opts == []  # no --no-X forms: a flag only sets True
        for name in param.opts:
            expected[name] = (param.name, bool(getattr(param, "is_flag", False)), param.multiple)
    quick = {name: (q.dest, q.convert is None, q.multiple) for name, q in OPTIONS.items()}
    assert quick == expected
    for param in _check_command().params:
        if param.name == "version":
            continue
        # What quick_args does not read: no option takes its value from the environment or
        # a callback, and no configuration gives typer defaults.
        assert param.envvar is None and param.callback is None
        if param.param_type_name != "option" or param.is_flag:
            continue
        convert = OPTIONS[param.opts[0]].convert
        choices = getattr(param.type, "choices", None)
        if choices is not None:
            assert [member.value for member in convert] == list(choices)  # type: ignore[union-attr]
        elif param.type.name == "int range":
            assert (param.type.min, param.type.max, param.type.min_open) == (1, None, False)
        elif param.type.name == "path":  # click's Path(): an existing path must be readable
            assert convert is _path
            settings = {name: value for name, value in vars(param.type).items() if name != "type"}
            assert settings == {"exists": False, "file_okay": True, "dir_okay": True,
                                "readable": True, "writable": False, "resolve_path": False,
                                "allow_dash": False, "name": "path"}  # fmt: skip
        else:
            assert param.type.name == {str: "str", float: "float"}[convert]
    assert cli._APP_SETTINGS["context_settings"].keys() == {"help_option_names"}


def test_subcommands_are_the_registered_commands() -> None:
    """A command added to ``cli`` but not to ``SUBCOMMANDS`` would be linted as a path."""
    assert set(SUBCOMMANDS) == set(typer.main.get_command(cli.app).commands)  # type: ignore[attr-defined]
    assert set(HELP_AND_VERSION) == {"-h", "--help", "--version"}


def test_unreadable_path_values_go_to_typer(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:  # fmt: skip
    """typer rejects an existing --config, --baseline, --write-baseline or --output-file it
    cannot read; so the quick path leaves it to typer. (os.access is stubbed: root reads all.)"""
    locked = tmp_path / "locked.json"
    locked.write_text("[]", encoding="utf-8")
    args = ["--write-baseline", str(locked), "draft.txt"]
    assert check_options(args) is not None
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked)
    for option in ("--config", "--baseline", "--write-baseline", "-o"):
        assert check_options([option, str(locked), "draft.txt"]) is None
    assert check_options(["--config", str(tmp_path / "absent.toml"), "draft.txt"]) is not None


def test_run_check_has_the_typer_defaults() -> None:
    """``quick_args`` returns only the options given: the rest are ``run_check``'s defaults,
    which must be ``cli.check``'s."""
    ours = {name: p.default for name, p in inspect.signature(run_check).parameters.items()}
    theirs = {name: p.default for name, p in inspect.signature(cli.check).parameters.items()}
    del theirs["version"]
    assert ours == theirs


def _typer_values(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> tuple[Any, Any]:
    """(the values typer gives ``run_check`` for ``lint ARGS``, or None; its exit code)."""
    seen: list[dict[str, Any]] = []

    def record(**values: Any) -> None:
        seen.append(values)
        raise SystemExit(0)

    monkeypatch.setattr(cli, "run_check", record)
    try:
        cli.main(args)
        code: Any = 0
    except SystemExit as stop:
        code = stop.code
    return (seen[0] if seen else None), code


TAKEN = [
    ["draft.txt"],
    ["check", "draft.txt"],
    ["check"],
    ["--format", "json", "a.docx", "b.txt"],
    ["a.docx", "--format=json", "-j", "2", "-q"],
    ["-f", "sarif", "-o", "out.sarif", "folder"],
    ["-j2", "-fjson", "x"],
    ["--select", "N001,P001", "--select=S001", "--ignore", "C001", "x"],
    ["--extend-select", "W001", "--extend-ignore", "P003", "x"],
    ["--lang", "en", "--fail-on", "warning", "--exit-zero", "--statistics", "x"],
    ["--stdin-filename", "d.md", "-"],
    ["--profile", "述职报告", "--profiles-dir", "p", "--config", "c.toml", "x"],
    ["--baseline", "b.json", "--write-baseline", "w.json", "--report-unused-suppressions", "x"],
    ["--changed-since", "HEAD~1", "--shard", "1/3"],
    ["--max-file-size", "1.5", "--fix", "--unsafe-fixes", "--diff", "--fix-mode", "apply", "x"],
    ["--no-cache", "--cache-dir", "/tmp/c", "--jobs", "3", "x"],
    ["-j", "1", "-j", "4", "--format", "text", "--format", "github", "x"],  # the last wins
    ["--select", "-x", "x"],  # the next word is the value, whatever it looks like
    ["--", "-odd-name.txt", "--format"],
    ["x", "--max-file-size", " 2 "],
    ["--select=", "--shard=", "x"],
    ["--config=", "-o", "-", "", "--cache-dir", "~/c", "x"],
    ["-j", "+3", "-", "x"],
]
LEFT_TO_TYPER = [  # help, the version, the other commands, bundled flags
    [],
    ["--help"],
    ["-h"],
    ["check", "--help"],
    ["--version"],
    ["x", "--version"],
    ["rules"],
    ["rule", "N001"],
    ["outline", "x"],
    ["-qj2", "x"],
]
USAGE_ERRORS = [
    ["--format", "JSON", "x"],
    ["--format"],
    ["-j", "0", "x"],
    ["-j", "two", "x"],
    ["--jobs=-1", "x"],
    ["--max-file-size", "big", "x"],
    ["--form", "json", "x"],
    ["--quiet=yes", "x"],
    ["-x", "x"],
    ["--no-quiet", "x"],
    ["--lang", "fr", "x"],
]


@pytest.mark.parametrize("args", TAKEN, ids=" ".join)
def test_taken_lines_give_typer_values(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    quick = check_options(args)
    assert quick is not None
    typer_values, code = _typer_values(monkeypatch, args)
    assert code == 0 and typer_values is not None
    defaults = {name: p.default for name, p in inspect.signature(run_check).parameters.items()}
    assert {**defaults, **quick} == typer_values


@pytest.mark.parametrize("args", LEFT_TO_TYPER + USAGE_ERRORS, ids=" ".join)
def test_other_lines_go_to_typer(args: list[str]) -> None:
    assert check_options(args) is None


def test_shell_completion_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_options(["draft.txt"]) is not None
    monkeypatch.setenv("_LINT_COMPLETE", "bash_complete")
    assert check_options(["draft.txt"]) is None


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_typer_errors(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    """What ``quick_args`` turns down as wrong, typer turns down too (exit 2, nothing run)."""
    assert _typer_values(monkeypatch, args) == (None, 2)


_PROBE = """
import sys
sys.argv = ["lint", *sys.argv[1:]]
import atexit
atexit.register(lambda: sys.stderr.write(" typer" if "typer" in sys.modules else " no-typer"))
from draftlint.entry import main
main()
"""


def _probe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=120)  # fmt: skip


def test_common_lines_never_import_typer(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    done = _probe("--format", "json", "--no-cache", "-j", "1", "draft.txt", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.endswith(" no-typer")
    codes = {f["code"] for f in json.loads(done.stdout)["files"][0]["findings"]}
    assert {"N001", "P001"} <= codes
    usage = _probe("--format", "JSON", "draft.txt", cwd=tmp_path)
    assert usage.returncode == 2 and usage.stderr.endswith(" typer")
    assert "Invalid value for '--format'" in usage.stderr


def test_both_paths_give_the_same_run(tmp_path: Path) -> None:
    """The real command, and the same command line through typer in-process: the same
    report and exit code."""
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    args = ["--format", "json", "--no-cache", "-j", "1", "--select", "N,P001", "draft.txt"]
    quick = run_lint(*args, cwd=tmp_path)
    through_typer = subprocess.run(
        [sys.executable, "-c", "import sys; from draftlint.cli import main; main(sys.argv[1:])",
         *args], capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert quick.returncode == through_typer.returncode == 1
    assert quick.stdout == through_typer.stdout
    assert json.loads(quick.stdout)["summary"]["findings"] >= 2


def test_typer_caller_gets_the_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A program calling the typer app with ``standalone_mode=False`` gets the exit code back,
    as typer.Exit gives it (run_check itself raises SystemExit)."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    args = ["check", "--format", "json", "--no-cache", "-j", "1", str(draft)]
    assert cli.app(args, standalone_mode=False) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["findings"] >= 2
    assert (
        cli.app(["check", "--no-cache", "--select", "S007", str(draft)], standalone_mode=False) == 0
    )
