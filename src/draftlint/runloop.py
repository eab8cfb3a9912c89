"""The ``check`` run loop's output side: write each file's report as the file finishes.

The terminal and JSON reports stream (findings of a finished file are written and dropped);
the other formats need the whole run (SARIF, JUnit, GitLab, GitHub's summary table,
``--statistics``, ``--write-baseline``) and collect the results instead. Only the terminal
path imports rich.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import Protocol, TextIO

from draftlint.report import FileResult

STREAMED_FORMATS = ("text", "json")
PROGRESS_MIN_FILES = 20
_REDRAW = 0.1  # seconds between redraws of the progress bar


class ReportWriter(Protocol):
    def begin(self) -> None: ...
    def file(self, result: FileResult) -> None: ...
    def end(self) -> None: ...


class Outcome:
    """What the exit code needs from a run whose findings are no longer held."""

    def __init__(self) -> None:
        self.files = 0
        self.unreadable = False
        self.severities: set[str] = set()  # the severity values seen

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.unreadable |= result.error is not None
        self.severities.update(finding.effective_severity.value for finding in result.findings)

    def exit_code(self, failing: tuple[str, ...], exit_zero: bool) -> int:
        if self.unreadable:
            return 2
        if exit_zero:
            return 0
        return 1 if self.severities.intersection(failing) else 0


def streaming_writer(output_format: str, lang: str, quiet: bool, stream: TextIO,
                     to_file: bool) -> ReportWriter:  # fmt: skip
    """The writer for a streamed format (``output_format`` in ``STREAMED_FORMATS``)."""
    if output_format == "json":
        from draftlint.report.json_report import JsonWriter

        return JsonWriter(stream, lang)
    from rich.console import Console

    from draftlint.report.terminal import TerminalWriter

    if to_file:
        console = Console(file=stream, width=200, no_color=True)
    else:
        # Piped output is not cut to 80 columns: trees and tables keep their locations.
        width = None if sys.stdout.isatty() else 200
        console = Console(file=stream, highlight=False, soft_wrap=True, width=width)
    return TerminalWriter(console, lang, quiet=quiet)


@contextlib.contextmanager
def progress_bar(total: int, lang: str) -> Iterator[Callable[[], None]]:
    """``advance()`` for a rich progress bar on stderr, shown only when stderr is a terminal
    and there are more than ``PROGRESS_MIN_FILES`` files (otherwise it does nothing).

    Standard output is routed above the bar only when it is that terminal too: a redirected
    report must never be captured by the bar's console. The bar is redrawn as files finish
    (at most every ``_REDRAW`` seconds), not by rich's refresh thread: -j forks its workers
    inside this block, and a fork should find no other thread (one may hold a lock the
    child then waits on for ever)."""
    if total <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=sys.stderr)
    with Progress(console=console, transient=True, redirect_stdout=sys.stdout.isatty(),
                  auto_refresh=False) as bar:  # fmt: skip
        task = bar.add_task("检查" if lang == "zh" else "linting", total=total)
        bar.refresh()
        drawn = time.monotonic()

        def advance() -> None:
            nonlocal drawn
            bar.advance(task)
            now = time.monotonic()
            if now - drawn >= _REDRAW:
                bar.refresh()
                drawn = now

        yield advance
