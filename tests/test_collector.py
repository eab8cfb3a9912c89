"""The cyclic garbage collector in a console run: off for one file, on for many, and a
program calling ``main`` keeps its own setting."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

# The console entry point as the ``lint`` script calls it, counting the collections that
# start from then on: while the command line's modules are imported, and in the run.
_COUNTING = """
import atexit, gc, sys
from draftlint.entry import main
started = []
gc.callbacks.append(lambda phase, info: phase == "start" and started.append(info))
atexit.register(lambda: print("collections", len(started), file=sys.stderr))
sys.argv = ["lint", *sys.argv[1:]]
main()
"""


def _collections(*args: str) -> int:
    completed = subprocess.run(
        [sys.executable, "-c", _COUNTING, "--no-cache", "--format", "json", "-j", "1", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert completed.returncode in (0, 1), completed.stderr
    counts = [line for line in completed.stderr.splitlines() if line.startswith("collections")]
    return int(counts[-1].split()[1])


@pytest.fixture()
def long_drafts(tmp_path: Path) -> list[Path]:
    """Two drafts long enough that linting each makes tens of thousands of objects."""
    lines = [f"{n}.第{n}项工作按计划推进，完成率100%，群众满意。" for n in range(1, 4001)]
    paths = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        path.write_text("工作总结\n" + "\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_console_run_of_one_file_never_collects(long_drafts: list[Path]) -> None:
    assert _collections(str(long_drafts[0])) == 0
    assert _collections("--version") == 0  # not even while importing


def test_the_console_scripts_and_module_run_the_entry_point() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    scripts = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts == {"lint": "draftlint.entry:main", "draftlint": "draftlint.entry:main"}
    completed = subprocess.run([sys.executable, "-m", "draftlint", "--version"],
                               capture_output=True, text=True, timeout=60)  # fmt: skip
    assert completed.returncode == 0 and completed.stdout.startswith("draftlint ")


def test_a_console_run_of_many_files_collects(long_drafts: list[Path]) -> None:
    # Each file's outline is a tree of reference cycles: left uncollected, they would pile up.
    assert _collections(*map(str, long_drafts)) > 0


def test_main_called_from_python_leaves_the_collector_as_it_was(long_drafts: list[Path]) -> None:
    from draftlint.cli import main

    was, thresholds = gc.isenabled(), gc.get_threshold()
    try:
        gc.set_threshold(500, 5, 5)
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            for paths in ([long_drafts[0]], long_drafts):
                for jobs in ("1", "2"):
                    with pytest.raises(SystemExit):
                        main(["--no-cache", "--format", "json", "-j", jobs, *map(str, paths)])
                    assert gc.isenabled() is enabled
                    assert gc.get_threshold() == (500, 5, 5)
                    assert gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*thresholds)
        (gc.enable if was else gc.disable)()
