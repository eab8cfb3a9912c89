"""Start-up work: the JSON path without rich, no lark at run time, the user cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.lint import run_lint

DRAFT = "一、总体情况\n三、存在问题\n全年完成X次检查。\n"

_PROBE = """
import sys
from draftlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write(" ".join(sorted(m for m in sys.modules if m.split(".")[0] == "rich")))
"""


def _modules_loaded(*args: str) -> str:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)  # fmt: skip
    return done.stderr.strip()


def test_json_path_and_version_do_not_import_rich(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert _modules_loaded("--format", "json", str(draft)) == ""
    assert _modules_loaded("--version") == ""
    assert "rich.console" in _modules_loaded(str(draft))  # the terminal report does use it


def test_help_text_limit_matches_the_reader() -> None:
    from draftlint import cli, files

    assert cli.DEFAULT_MAX_MIB == files.DEFAULT_MAX_MIB


def test_user_cache_is_written_once_and_reused(tmp_path: Path) -> None:
    """The compiled patterns are saved in the user's cache folder on the first run and only
    read afterwards."""
    cache = tmp_path / "cache"
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    env = {"DRAFTLINT_CACHE_DIR": str(cache)}
    first = run_lint("--format", "json", "--no-cache", str(draft), env=env)
    written = sorted(cache.glob("patterns-*.marshal"))
    assert len(written) == 1 and written[0].stat().st_size > 0
    assert list(cache.glob("*.tmp")) == []
    stamp = written[0].stat().st_mtime_ns
    second = run_lint("--format", "json", "--no-cache", str(draft), env=env)
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert {f["code"] for f in json.loads(first.stdout)["files"][0]["findings"]} >= {"N001"}
    assert written[0].stat().st_mtime_ns == stamp  # loaded, not rebuilt


def test_lint_never_imports_lark(tmp_path: Path) -> None:
    """The numbering parser is generated from the grammar ahead of time (numbering/lalr.py)."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    probe = _PROBE.replace('== "rich"', 'in ("lark", "regex")')
    done = subprocess.run([sys.executable, "-c", probe, "--format", "json", "--no-cache", str(draft)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)  # fmt: skip
    assert '"N001"' in done.stdout
    assert done.stderr.strip() == ""


def test_unwritable_cache_folder_still_lints(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    completed = run_lint("--format", "json", str(draft),
                         env={"DRAFTLINT_CACHE_DIR": str(blocker / "sub")})  # fmt: skip
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == ""
    assert json.loads(completed.stdout)["summary"]["findings"] > 0


def test_the_app_narrowed_to_one_command_behaves_as_the_whole_app() -> None:
    """main() builds only the command it runs: its help and its usage errors are the same."""
    from typer.testing import CliRunner

    from draftlint import cli

    runner = CliRunner()
    for name in cli.SUBCOMMANDS:
        narrow = cli._app_for([name])
        assert narrow is not cli.app and len(narrow.registered_commands) == 1
        for args in ([name, "--help"], [name, "--no-such-option"]):
            whole = runner.invoke(cli.app, args, prog_name="lint")
            mine = runner.invoke(narrow, args, prog_name="lint")
            assert (mine.exit_code, mine.output) == (whole.exit_code, whole.output), args
    assert cli._app_for(["--help"]) is cli.app and cli._app_for([]) is cli.app
