"""Lint many files in several processes, results in the order of the files (``-j N``).

Workers are forked once per run and each lints whole files; a result comes back pickled,
without its reader handles (``Paragraph.source``, lxml elements no report reads). Output
order, findings and errors are exactly those of ``-j 1``: only the time differs.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from draftlint.files import Target
    from draftlint.report import FileResult


class Linter(Protocol):
    def lint(self, target: Target) -> FileResult: ...


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


_linter: Linter | None = None


def _start_worker(linter: Linter) -> None:
    global _linter
    _linter = linter


def _lint_in_worker(target: Target) -> FileResult:
    assert _linter is not None
    return portable(_linter.lint(target))


def portable(result: FileResult) -> FileResult:
    """``result`` without what only the reader needs (lxml handles cannot be pickled)."""
    for finding in result.findings:
        finding.paragraph.source = None
    return result


def lint_all(linter: Linter, targets: Sequence[Target], jobs: int) -> Iterator[FileResult]:
    """Each target's result, in order; ``jobs`` > 1 lints them in that many processes."""
    stdin = any(target.path is None and target.error is None for target in targets)
    workers = min(jobs, len(targets))
    if workers < 2 or stdin:  # standard input is read by this process
        yield from map(linter.lint, targets)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(8, len(targets) // (workers * 8)))
    with context.Pool(workers, initializer=_start_worker, initargs=(linter,)) as pool:
        yield from pool.imap(_lint_in_worker, targets, chunksize=chunk)
