"""Fork worker processes that work through numbered chunks; yield the results in order.

Workers are forked from this process when asked, and inherit what it has made by then (the
rules, their data and patterns, from the files it linted itself); ``start`` runs in each as
it begins, ``finish`` after its last chunk, also when Ctrl-C or the end of the run (SIGTERM)
stops it early, so what it has done is kept (a cache saved). The chunk numbers wait in a
pipe as 4-byte records: a process takes the next one with one ``read`` (atomic on a pipe),
so the processes stay evenly loaded to the end without a coordinator. Each worker writes its
results to its own pipe as length-prefixed pickles; this process waits on those pipes and
yields the chunks in order. With ``work_here``, this process takes chunks too and reads the
workers' pipes after each of its own items, until no chunk is left to take. No thread runs
here. A worker that dies leaves its chunk to be done here; an exception (a bug) is raised
here in its chunk's turn. POSIX only (``os.fork``).

``task_pipe``, ``taken`` and ``end_child`` are the parts another forked job shares
(``split_rules``).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import pickle
import selectors
import signal
import struct
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, NoReturn, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
_RECORD = struct.Struct("<I")  # a chunk number in the task pipe
_FRAME = struct.Struct("<Q")  # the length of one pickled message in a result pipe
# Bytes of tasks a pipe is asked to hold: Linux's pipes hold 64 KiB, but only a page or two
# for a user past the system's limit on pipes (then ``task_pipe`` raises OSError).
_PIPE_BUFFER = 16384
# With ``work_here``, the workers' result pipes are enlarged, so a worker seldom waits for this
# process to finish a file of its own: to 1 MiB each (the most a user may ask for one pipe,
# by default), 8 MiB in all (a user's pipes may hold 64 MiB by default; past that, Linux gives
# every new pipe of that user, in any program, a page or two).
_RESULTS_PIPE = 1 << 20
_RESULTS_PIPES = 8 << 20


class ForkPool(Generic[Item, Result]):
    """``do`` on each item of ``chunks``, in ``workers`` forked processes and, with
    ``work_here`` (or when no worker can be forked), in this one too; ``start`` runs in each
    worker before its first chunk, ``finish`` after its last (this process's own ``finish``
    is the caller's to run)."""

    def __init__(self, do: Callable[[Item], Result], chunks: list[Sequence[Item]],
                 workers: int, finish: Callable[[], None] | None = None,
                 start: Callable[[], None] | None = None,
                 work_here: bool = False) -> None:  # fmt: skip
        self.do, self.finish, self.start = do, finish, start
        self.chunks, self.workers, self.work_here = chunks, workers, work_here
        self.pids: list[int] = []

    def results(self) -> Iterator[Result]:
        try:
            tasks_read = task_pipe(len(self.chunks))
        except OSError:  # no pipe, or one too small for the tasks: all of them here
            for chunk in self.chunks:
                yield from map(self.do, chunk)
            return
        readers: dict[int, bytearray] = {}
        completed = False
        frozen_before = gc.get_freeze_count() > 0  # by the caller: left frozen after
        gc.freeze()  # what exists now is shared with the workers, not copied by their collector
        try:
            for _ in range(self.workers):
                if not self._fork(tasks_read, readers):
                    break  # no more processes (a limit, no memory): the rest is done here
            yield from self._collect(readers, tasks_read)
            completed = True
        finally:
            os.close(tasks_read)
            if not frozen_before:
                gc.unfreeze()
            for fd in readers:
                os.close(fd)
            for pid in self.pids:
                if not completed:  # stopped early: no worker outlives the run
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)  # done: each finishes its work (``finish``) and exits

    def _fork(self, tasks: int, readers: dict[int, bytearray]) -> bool:
        """Fork one worker, its result pipe's read end added to ``readers``; False if the
        system cannot make the pipe or the process."""
        try:
            results_read, results_write = os.pipe()
        except OSError:
            return False
        kept = False
        try:
            if self.work_here:
                _enlarge(results_write, min(_RESULTS_PIPE, _RESULTS_PIPES // self.workers))
            with signals_held():  # a Ctrl-C held here arrives with both ends kept
                pid = os.fork()
                if pid == 0:  # the worker: the readers are this process's
                    os.close(results_read)
                    for fd in readers:
                        os.close(fd)
                    self._work(tasks, results_write)  # never returns
                self.pids.append(pid)
                readers[results_read] = bytearray()
                kept = True
        except OSError:
            return False
        finally:
            os.close(results_write)
            if not kept:
                os.close(results_read)
        return True

    def _work(self, tasks: int, results: int) -> NoReturn:
        """The worker: take a chunk number, do the chunk, send its results; then end."""

        def work() -> None:
            global _finishing
            try:
                if self.start is not None:
                    self.start()
                for number in taken(tasks):
                    try:
                        message = (number, list(map(self.do, self.chunks[number])), None)
                        data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
                    except Exception as error:  # a bug: raised again in the writing process
                        data = pickle.dumps((number, None, _picklable(error)))
                    frame = _FRAME.pack(len(data)) + data
                    view = memoryview(frame)
                    while view:
                        view = view[os.write(results, view) :]
            finally:
                # First, with no call in between: the run's end (SIGTERM) often comes
                # just after Ctrl-C, already pending, and must not stop ``finish`` (a
                # second Ctrl-C still does).
                _finishing = True
                if self.finish is not None:
                    self.finish()

        # Ctrl-C and the run's early end (SIGTERM) are exceptions here: finish, then go.
        end_child(work, keep_interrupt=True, stop_on_term=True)

    def _collect(self, readers: dict[int, bytearray], tasks: int) -> Iterator[Result]:
        """The chunks' results in order. With ``work_here``, this process does the chunks
        it takes from ``tasks`` and reads the workers' results between its items; once no
        chunk is left to take (or without ``work_here``), it waits for theirs. An exception
        (a bug) is raised in its chunk's turn, after the results of the chunks before it."""
        done: dict[int, list[Result] | Exception] = {}
        own = taken(tasks)
        taking = self.work_here or not readers  # chunks may be left to take here
        following = 0  # the next chunk to yield
        with selectors.DefaultSelector() as selector:
            for fd in readers:
                selector.register(fd, selectors.EVENT_READ)
            while following < len(self.chunks):
                if following in done:
                    results = done.pop(following)
                    if isinstance(results, Exception):
                        raise results
                    yield from results
                    following += 1
                    continue
                if readers:  # while this process takes chunks, only what has come; then wait
                    self._read(selector, readers, done, 0 if taking else None)
                    if following in done:
                        continue
                if taking:
                    number = next(own, None)
                    if number is None:
                        taking = False
                    else:
                        done[number] = self._here(number, selector, readers, done)
                elif not readers:  # every chunk is taken, every worker gone: one died with it
                    done[following] = list(map(self.do, self.chunks[following]))

    def _here(self, number: int, selector: selectors.BaseSelector,
              readers: dict[int, bytearray],
              done: dict[int, list[Result] | Exception]) -> list[Result] | Exception:  # fmt: skip
        """Chunk ``number``'s results, done here, with the workers' pipes read after each
        item (a worker whose pipe is full waits until then); an exception, kept."""
        results = []
        try:
            for item in self.chunks[number]:
                results.append(self.do(item))
                if readers:
                    self._read(selector, readers, done, 0)
        except Exception as error:
            return error
        return results

    def _read(self, selector: selectors.BaseSelector, readers: dict[int, bytearray],
              done: dict[int, list[Result] | Exception], timeout: float | None) -> None:  # fmt: skip
        """What the workers' pipes hold, into ``done``, waiting up to ``timeout`` seconds
        (None: until a pipe has something); a pipe is forgotten at its end."""
        for key, _ in selector.select(timeout):
            fd = key.fd
            data = os.read(fd, 1 << 20)
            if not data:
                selector.unregister(fd)
                os.close(fd)
                del readers[fd]
                continue
            buffer = readers[fd]
            buffer += data
            for number, results, error in _frames(buffer):
                done[number] = results if error is None else error


def _enlarge(pipe: int, size: int) -> None:
    """Let ``pipe`` hold up to ``size`` bytes where the system allows it (Linux), never less
    than it holds already. Linux rounds a size up to a power of two: it is rounded down here,
    so the pipes together stay within what was asked for."""
    try:
        import fcntl
    except ImportError:  # Windows: no pipe sizes (a test imports this module without fcntl)
        return
    if not hasattr(fcntl, "F_SETPIPE_SZ") or size <= 0:
        return
    size = 1 << (size.bit_length() - 1)
    with contextlib.suppress(OSError):  # above the user's limits: as it is
        if size > fcntl.fcntl(pipe, fcntl.F_GETPIPE_SZ):
            fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, size)


def task_pipe(count: int) -> int:
    """The read end of a pipe holding the task numbers 0 … ``count`` - 1 (its write end is
    closed): every process that holds it takes the next number with ``taken``. OSError if
    the system gives no pipe, or one too small for them."""
    if count * _RECORD.size > _PIPE_BUFFER:
        raise ValueError("too many tasks: their records must fit the pipe's buffer")
    read_end, write_end = os.pipe()
    try:
        # Not a wait for ever when the pipe holds less (Linux gives a user past the system's
        # limit on pipes a page or two): an OSError, and the caller does the tasks itself.
        os.set_blocking(write_end, False)
        records = b"".join(_RECORD.pack(n) for n in range(count))
        if os.write(write_end, records) != len(records):
            raise OSError(errno.ENOBUFS, "the task pipe cannot hold every task")
    except OSError:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)  # the readers see the end of the pipe once every task is taken
    return read_end


def taken(tasks: int) -> Iterator[int]:
    """The task numbers this process takes from a ``task_pipe``, one at a time until none
    is left. One record is read at a time, which is atomic on a pipe: no task is taken
    twice, whichever processes read."""
    while len(record := os.read(tasks, _RECORD.size)) == _RECORD.size:
        yield _RECORD.unpack(record)[0]


def end_child(work: Callable[[], None], keep_interrupt: bool = False,
              stop_on_term: bool = False) -> NoReturn:  # fmt: skip
    """In a forked child: ``work()``, then the end of the process, with status 0 if it
    returned. Never back into the parent's code, no exit handler, no flush of buffers
    inherited from the parent. Ctrl-C stops it quietly (unless the run ignores Ctrl-C):
    at once, or with ``keep_interrupt`` as an exception ``work`` may clean up after;
    ``stop_on_term`` makes SIGTERM such an exception too. The signals ``signals_held``
    kept back during the fork arrive once these handlers are in place."""
    status = 1
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler and not keep_interrupt:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        if stop_on_term:
            signal.signal(signal.SIGTERM, _stop)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
        work()
        status = 0
    finally:
        os._exit(status)


_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while a child is forked and recorded: one landing between
    ``fork()`` and the child's own handlers would run this process's code in the child (or
    leave a child nobody waits for). The child lets them through in ``end_child``."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


_finishing = False  # in a worker: its work is over, what it did is being saved


def _stop(signum: int, frame: object) -> None:
    if not _finishing:
        raise SystemExit(1)


def _frames(buffer: bytearray) -> Iterator[tuple[int, list[Any], BaseException | None]]:
    """The complete messages at the start of ``buffer``, removed from it."""
    while len(buffer) >= _FRAME.size:
        length = _FRAME.unpack_from(buffer)[0]
        end = _FRAME.size + length
        if len(buffer) < end:
            return
        with memoryview(buffer) as view:  # released before the buffer shrinks
            message = pickle.loads(view[_FRAME.size : end])
        del buffer[:end]
        yield message


def _picklable(error: Exception) -> BaseException:
    try:
        pickle.dumps(error)
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
