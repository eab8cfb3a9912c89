"""Lint many files in several processes, results in the order of the files (``-j N``).

Workers are forked once per run, before anything is linted, and lint every file; this
process only reads their results and writes the report in order. Each warms up (imports,
rule data, patterns) at the same time as the others, and a small process forks cheaply.

The work is a list of chunks of a few consecutive files. Their numbers wait in a pipe as
4-byte records: a worker takes the next one with one ``read`` (atomic on a pipe), so the
processes stay evenly loaded to the end without a coordinator. Each worker writes its
results to its own pipe as length-prefixed pickles (without the reader handles, lxml
elements no report reads); this process waits on those pipes and yields the chunks in order.
No thread runs here, so this process costs almost nothing while the workers lint. A worker
that dies leaves its chunk to be linted here. Output order, findings and errors are exactly
those of ``-j 1``: only the time differs.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import selectors
import signal
import struct
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from draftlint.model import Finding, Paragraph

if TYPE_CHECKING:
    from draftlint.files import Target
    from draftlint.report import FileResult

Encoder = Callable[["FileResult"], list[str]]
_RECORD = struct.Struct("<I")  # a chunk number in the task pipe
_FRAME = struct.Struct("<Q")  # the length of one pickled message in a result pipe
_MAX_CHUNKS = 4096  # task records fit a pipe's buffer (64 KiB) with room to spare
_CHUNK_FILES = 8  # at most, per chunk: few messages, yet an even load at the end


class Linter(Protocol):
    def lint(self, target: Target) -> FileResult: ...


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
    """Each target's result, in order; ``jobs`` > 1 lints them in that many processes.
    ``encode`` (the report's per-finding encoding) then runs in the workers too, its output
    in ``FileResult.rendered``."""
    stdin = any(target.path is None and target.error is None for target in targets)
    workers = min(jobs, len(targets))
    if workers < 2 or stdin or not hasattr(os, "fork"):  # standard input is read here
        yield from map(linter.lint, targets)
        return
    size = max(1, min(_CHUNK_FILES, len(targets) // (workers * 8)), -(-len(targets) // _MAX_CHUNKS))
    chunks = [targets[start : start + size] for start in range(0, len(targets), size)]
    yield from _Pool(linter, chunks, workers, encode).results()


class _Pool:
    def __init__(self, linter: Linter, chunks: list[Sequence[Target]], workers: int,
                 encode: Encoder | None) -> None:  # fmt: skip
        self.linter, self.chunks, self.workers, self.encode = linter, chunks, workers, encode
        self.pids: list[int] = []

    def results(self) -> Iterator[FileResult]:
        tasks_read, tasks_write = os.pipe()
        os.write(tasks_write, b"".join(_RECORD.pack(n) for n in range(len(self.chunks))))
        os.close(tasks_write)  # the workers see the end of the pipe once every chunk is taken
        readers: dict[int, bytearray] = {}
        gc.freeze()  # what exists now is shared with the workers, not copied by their collector
        try:
            for _ in range(self.workers):
                results_read, results_write = os.pipe()
                pid = os.fork()
                if pid == 0:  # the worker
                    os.close(results_read)
                    for fd in readers:
                        os.close(fd)
                    self._work(tasks_read, results_write)  # never returns
                os.close(results_write)
                self.pids.append(pid)
                readers[results_read] = bytearray()
            os.close(tasks_read)
            yield from self._collect(readers)
        finally:
            gc.unfreeze()
            for fd in readers:
                os.close(fd)
            for pid in self.pids:
                with contextlib.suppress(ProcessLookupError):  # no worker outlives the run
                    os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)

    def _work(self, tasks: int, results: int) -> None:
        """The worker's loop: take a chunk number, lint the chunk, send its results."""
        status = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the run stops, quietly
            while len(record := os.read(tasks, _RECORD.size)) == _RECORD.size:
                number = _RECORD.unpack(record)[0]
                try:
                    message = (number, [_lint_for_writer(self.linter, target, self.encode)
                                        for target in self.chunks[number]], None)  # fmt: skip
                    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
                except Exception as error:  # a bug: raised again in the writing process
                    data = pickle.dumps((number, None, _picklable(error)))
                frame = _FRAME.pack(len(data)) + data
                view = memoryview(frame)
                while view:
                    view = view[os.write(results, view) :]
        except BaseException:
            status = 1
        finally:
            os._exit(status)  # no atexit handler, no flush of buffers inherited from the parent

    def _collect(self, readers: dict[int, bytearray]) -> Iterator[FileResult]:
        done: dict[int, list[FileResult]] = {}
        following = 0  # the next chunk to yield
        with selectors.DefaultSelector() as selector:
            for fd in readers:
                selector.register(fd, selectors.EVENT_READ)
            open_pipes = len(readers)
            while following < len(self.chunks):
                if following in done:
                    yield from done.pop(following)
                    following += 1
                    continue
                if open_pipes == 0:  # a worker died: its chunks are linted here
                    results = [self.linter.lint(t) for t in self.chunks[following]]
                    done[following] = results
                    continue
                for key, _ in selector.select():
                    fd = key.fd
                    data = os.read(fd, 1 << 20)
                    if not data:
                        selector.unregister(fd)
                        open_pipes -= 1
                        continue
                    buffer = readers[fd]
                    buffer += data
                    for number, results, error in _frames(buffer):
                        if error is not None:
                            raise error
                        done[number] = results


def _frames(buffer: bytearray) -> Iterator[tuple[int, list[FileResult], BaseException | None]]:
    """The complete messages at the start of ``buffer``, removed from it."""
    while len(buffer) >= _FRAME.size:
        length = _FRAME.unpack_from(buffer)[0]
        end = _FRAME.size + length
        if len(buffer) < end:
            return
        message = pickle.loads(memoryview(buffer)[_FRAME.size : end])
        del buffer[:end]
        yield message


def _picklable(error: Exception) -> BaseException:
    try:
        pickle.dumps(error)
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
