"""Lint many files in several processes, results in the order of the files (``-j N``).

This process lints the first files itself, for ``serial_seconds()`` and up to the first
long one: the first makes what every worker would otherwise make for itself at the same
time as the others (imports, rule data, compiled patterns, the reader it needs), and a run
that is over by then (a pre-commit hook's few drafts, a folder whose findings are all in
the cache) never pays for forking. Long drafts are left for later, to be linted side by
side. Workers are then forked once and lint the rest in chunks of a few consecutive files
(``forkpool``), while this process writes the report in order.

With the JSON report, a chunk's findings are encoded as it is linted (a worker sends each
finding without its text), which leaves the writing almost nothing to do: then ``-j N`` is
``N`` - 1 workers and this process, which lints its share between the writes, not ``N``
workers and a third process that wakes them (510 small files, two sets of 30 runs: the best
0.62× and 0.65× of ``-j 1``, not 0.66×, and 5–6% less CPU). The terminal report is written here from the findings, up to a
fifth of the time their linting took (long drafts, 2,000 findings each): there this process
only writes, as linting a share too made six such drafts 25% slower. Output order, findings
and errors are exactly those of ``-j 1``: only the time differs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from draftlint.model import Finding, Paragraph

if TYPE_CHECKING:
    from draftlint.files import Target
    from draftlint.report import FileResult

Encoder = Callable[["FileResult"], list[str]]
_MAX_CHUNKS = 4096  # 16 KiB of task records: they fit a pipe's buffer
_CHUNK_FILES = 4  # at most, per chunk: few messages, yet an even load at the end
SERIAL_SECONDS = 0.06  # linted here before forking: about what forking two workers costs
_LONG_TEXT = 64 << 10  # bytes of a .txt/.md, or
_LONG_WORD_BODY = 512 << 10  # of a Word file's document.xml (400 pages: 1.5 MB), are a long draft


class Linter(Protocol):
    def lint(self, target: Target) -> FileResult: ...

    def finish(self) -> None:
        """Called in each worker after its last file (the caller calls it here)."""

    def forked(self) -> None:
        """Called in each worker as it starts (what was made here before the fork is
        inherited, including what only this process should save)."""


def serial_seconds() -> float:
    """How long this process lints alone before forking: ``$DRAFTLINT_SERIAL_SECONDS``
    (0 forks at once: the tests use it to run the workers on a few small files), else
    ``SERIAL_SECONDS``."""
    try:
        return max(0.0, float(os.environ.get("DRAFTLINT_SERIAL_SECONDS", SERIAL_SECONDS)))
    except ValueError:
        return SERIAL_SECONDS


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def portable(result: FileResult) -> FileResult:
    """``result`` without what only the reader needs (lxml handles cannot be pickled)."""
    for finding in result.findings:
        finding.paragraph.source = None
    return result


def _lint_for_writer(linter: Linter, target: Target, encode: Encoder | None) -> FileResult:
    """One file's result as the writing process needs it: with ``encode`` (the JSON report),
    the findings' lines are made here and each finding keeps only its rule and severity."""
    result = linter.lint(target)
    if encode is not None and result.error is None:
        if result.rendered is None:
            result.rendered = encode(result)
        blank = Paragraph(0, "", 0, "")
        result.findings = [
            Finding(f.rule, blank, 0, 0, severity=f.severity) for f in result.findings
        ]
    return portable(result)


def lint_all(linter: Linter, targets: Sequence[Target], jobs: int,
             encode: Encoder | None = None) -> Iterator[FileResult]:  # fmt: skip
    """Each target's result, in order; ``jobs`` > 1 lints them in that many processes (with
    ``encode``, this process is one of them). ``encode`` (the report's per-finding encoding)
    runs where each file is linted, its output in ``FileResult.rendered``."""
    stdin = any(target.path is None and target.error is None for target in targets)
    if min(jobs, len(targets)) < 2 or stdin or not hasattr(os, "fork"):  # stdin is read here
        yield from map(linter.lint, targets)
        return
    until = time.perf_counter() + serial_seconds()
    done = 0
    for target in targets:
        if time.perf_counter() >= until or _large(target):
            break  # several long drafts are linted side by side, not one here first
        yield linter.lint(target)
        done += 1
    rest = targets[done:]
    processes = min(jobs, len(rest))
    if processes < 2:
        yield from map(linter.lint, rest)
        return
    work_here = encode is not None  # the writing has almost nothing to do: lint here too
    size = max(1, min(_CHUNK_FILES, len(rest) // (processes * 8)), -(-len(rest) // _MAX_CHUNKS))
    chunks = [rest[start : start + size] for start in range(0, len(rest), size)]
    from draftlint.forkpool import ForkPool  # only when there is more than one process

    lint_one = partial(_lint_for_writer, linter, encode=encode)
    pool = ForkPool(lint_one, chunks, processes - work_here, linter.finish, linter.forked,
                    work_here)  # fmt: skip
    yield from pool.results()


def _large(target: Target) -> bool:
    """Whether ``target`` is a long draft, left until the workers are forked: a file
    LibreOffice must convert first (a second or more), a Word file whose body (document.xml,
    unpacked) is 512 KiB or more (its size on disk says more about its images), any other
    file of 64 KiB or more. Opened as the reader opens it (``open_regular``): a pipe or a
    device is never waited on here, and is reported when it is linted."""
    import zipfile

    from draftlint.files import FileError, open_regular
    from draftlint.readers.formats import LIBREOFFICE_SUFFIXES, WORD_SUFFIXES

    if target.path is None or target.error is not None:
        return False
    suffix = target.path.suffix.lower()
    if suffix in LIBREOFFICE_SUFFIXES:
        return True
    try:
        fd, info = open_regular(target.path, sys.maxsize)
    except FileError:
        return False
    with os.fdopen(fd, "rb") as file:
        if suffix not in WORD_SUFFIXES:
            return info.st_size >= _LONG_TEXT
        try:
            with zipfile.ZipFile(file) as archive:  # its directory only: cheap
                return archive.getinfo("word/document.xml").file_size >= _LONG_WORD_BODY
        except Exception:  # not a zip, no body …: reported when it is linted
            return False
