"""The process's standard streams, the collector's pace for a command, and the process's
end: shared by the typer command line (``cli.main``) and the quick path for the common
command lines (``lint_command.run_quick``)."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from rich.console import Console

INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C


def start_run() -> tuple[int, int, int]:
    """Set up the process for a command; returns the collector's thresholds before.

    Start-up makes many objects that live as long as the process (classes, tables,
    patterns): at the default pace (a pass every 700 allocations) the collector would trace
    them again and again. Reference cycles are still collected, only less often. (The
    console command's ``entry`` has turned it off: this pace is for a run of many files,
    which turns it back on, and for a program calling ``cli.main``.)"""
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    utf8_streams()
    return thresholds


def utf8_streams() -> None:
    """Write UTF-8 whatever the console's locale, so CJK never crashes a redirect."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def stdout_console() -> Console:
    from rich.console import Console

    # Piped output is not cut to 80 columns: trees and tables keep their locations.
    width = None if sys.stdout.isatty() else 200
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, width=width)


def fail(message: str) -> None:
    print(message, file=sys.stderr)


def exit_now(code: object) -> NoReturn:
    """Exit as ``sys.exit(code)`` would, without tearing the interpreter down: freeing every
    module and object one by one takes ~20 ms, a sixth of a small draft's run. The exit
    handlers still run (the user cache is saved there) and the output is flushed."""
    import atexit

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what Python's own exit reports
            status = 120
    os._exit(status)
