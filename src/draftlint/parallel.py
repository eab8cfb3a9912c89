"""Lint many files in several processes, results in the order of the files (``-j N``).

Workers are forked once per run and each lints whole files; a result comes back pickled,
without its reader handles (``Paragraph.source``, lxml elements no report reads). Output
order, findings and errors are exactly those of ``-j 1``: only the time differs.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from draftlint.model import Finding, Paragraph

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


_encode: Callable[[FileResult], list[str]] | None = None


def _start_worker(linter: Linter, encode: Callable[[FileResult], list[str]] | None) -> None:
    global _linter, _encode
    _linter, _encode = linter, encode


def _lint_in_worker(target: Target) -> FileResult:
    assert _linter is not None
    result = _linter.lint(target)
    if _encode is not None and result.error is None:
        if result.rendered is None:
            result.rendered = _encode(result)
        # The writer needs only each finding's rule and severity now: send those alone.
        blank = Paragraph(0, "", 0, "")
        result.findings = [
            Finding(f.rule, blank, 0, 0, severity=f.severity) for f in result.findings
        ]
    return portable(result)


def portable(result: FileResult) -> FileResult:
    """``result`` without what only the reader needs (lxml handles cannot be pickled)."""
    for finding in result.findings:
        finding.paragraph.source = None
    return result


def lint_all(linter: Linter, targets: Sequence[Target], jobs: int,
             encode: Callable[[FileResult], list[str]] | None = None) -> Iterator[FileResult]:  # fmt: skip
    """Each target's result, in order; ``jobs`` > 1 lints them in that many processes.
    ``encode`` (the report's per-finding encoding) then runs in the workers too, its output
    in ``FileResult.rendered``."""
    stdin = any(target.path is None and target.error is None for target in targets)
    workers = min(jobs, len(targets) - 1)
    if workers < 2 or stdin:  # standard input is read by this process
        yield from map(linter.lint, targets)
        return
    # The first file is linted here: forked workers then inherit the warm process (rule
    # regexes compiled, profiles and the grammar loaded) instead of each paying for it.
    yield linter.lint(targets[0])
    rest = targets[1:]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(8, len(rest) // (workers * 8)))
    gc.freeze()  # what exists now is shared with the workers, not copied by their collector
    with context.Pool(workers, initializer=_start_worker, initargs=(linter, encode)) as pool:
        yield from pool.imap(_lint_in_worker, rest, chunksize=chunk)
