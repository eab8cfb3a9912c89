"""The -j pool itself (draftlint.parallel): order, who lints, a worker that dies, an error."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from draftlint.files import Target
from draftlint.parallel import Encoder, lint_all
from draftlint.report import FileResult

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


class Recorder:
    """Lints nothing: each result names the target and the process that made it: "alone"
    (this process, before any fork), "parent" (this process, beside the workers: known
    from ``forks``, the ``forked`` fixture's list) or "worker"."""

    def __init__(self, forks: list[int] | None = None, die_on: str | None = None,
                 fail_on: str | None = None, fail_in: str | None = None,
                 finished: Path | None = None, meet: Path | None = None) -> None:  # fmt: skip
        self.parent = os.getpid()
        self.forks = forks
        self.die_on, self.fail_on, self.finished = die_on, fail_on, finished
        self.fail_in = fail_in  # "worker" or "parent": fails at its first file there
        self.meet = meet  # a folder where this process and a worker wait for each other
        self.started_in: int | None = None  # the process forked() ran in

    def forked(self) -> None:
        self.started_in = os.getpid()

    def finish(self) -> None:
        if self.finished is not None:
            with self.finished.open("a", encoding="utf-8") as log:
                log.write(f"{os.getpid()}\n")

    def lint(self, target: Target) -> FileResult:
        worker = os.getpid() != self.parent
        alone = not worker and self.forks == []
        if self.meet is not None and not alone:  # the mark first, so that none waits for ever
            (self.meet / ("worker" if worker else "parent")).touch()
        if worker and self.die_on in (target.name, "*"):
            os._exit(9)  # a worker killed mid-chunk (out of memory, a crash in a C library)
        kind = "worker" if worker else "alone" if alone else "parent"
        if target.name == self.fail_on or kind == self.fail_in:
            raise ValueError(f"cannot lint {target.name}")
        if worker and self.started_in != os.getpid():
            raise AssertionError("forked() has not run in this worker")
        if self.meet is not None and not alone:  # both take part, however busy the machine
            _wait_for((self.meet / ("parent" if worker else "worker")).exists)
        return FileResult(target.name, kind=kind)


def _wait_for(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, "the other process never linted a file"
        time.sleep(0.001)


def _targets(count: int) -> list[Target]:
    return [Target(f"{index:04}.txt", Path(f"{index:04}.txt")) for index in range(count)]


def _encoded(result: FileResult) -> list[str]:
    """An encoding as the JSON report's: with one, this process lints its share too."""
    return []


@pytest.mark.parametrize("count", [3, 17, 130, 5000])
@pytest.mark.parametrize("encode", [None, _encoded])
def test_every_file_once_in_order(count: int, encode: Encoder | None, forked: list[int]) -> None:
    """With no time alone (the tests' setting), the workers are forked at once."""
    targets = _targets(count)
    results = list(lint_all(Recorder(forked), targets, 2, encode))
    assert [result.path for result in results] == [target.name for target in targets]
    kinds = {result.kind for result in results}
    if encode is None:  # this process writes, two workers lint
        assert kinds == {"worker"} and len(forked) == 2
    else:
        assert kinds <= {"parent", "worker"} and len(forked) == 1


@pytest.mark.parametrize("jobs", [2, 3])
def test_with_the_json_encoding_n_jobs_are_this_process_and_n_minus_one_workers(
    jobs: int, forked: list[int], tmp_path: Path
) -> None:
    targets = _targets(200)
    results = list(lint_all(Recorder(forked, meet=tmp_path), targets, jobs, _encoded))
    assert [result.path for result in results] == [target.name for target in targets]
    assert {result.kind for result in results} == {"parent", "worker"}
    assert len(forked) == jobs - 1


@pytest.mark.parametrize(("encode", "workers"), [(None, 2), (_encoded, 1)])
def test_each_worker_finishes_after_its_last_chunk(
    encode: Encoder | None, workers: int, tmp_path: Path
) -> None:
    """This process's own ``finish`` is its caller's (the command's) to run."""
    log = tmp_path / "finished.txt"
    results = list(lint_all(Recorder(finished=log), _targets(50), 2, encode))
    assert len(results) == 50
    pids = log.read_text(encoding="utf-8").split()
    assert len(pids) == workers and str(os.getpid()) not in pids


def test_one_job_or_one_file_stays_in_this_process(forked: list[int]) -> None:
    cases = ((_targets(5), 1), (_targets(1), 4))
    for targets, jobs in cases:
        assert {r.kind for r in lint_all(Recorder(forked), targets, jobs)} == {"alone"}
    assert forked == []


def test_a_run_over_before_its_time_alone_never_forks(
    forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAFTLINT_SERIAL_SECONDS", "60")
    results = list(lint_all(Recorder(forked), _targets(300), 2))
    assert {r.kind for r in results} == {"alone"} and forked == []
    monkeypatch.setenv("DRAFTLINT_SERIAL_SECONDS", "0.2")
    slow = Recorder(forked)
    slow_lint = slow.lint

    def lint(target: Target) -> FileResult:
        time.sleep(0.05)
        return slow_lint(target)

    slow.lint = lint  # type: ignore[method-assign]
    kinds = [r.kind for r in lint_all(slow, _targets(40), 2)]
    assert kinds[-1] == "worker" and len(forked) == 2
    assert kinds.count("alone") <= 4  # a sleep is never shorter: 0.2 s holds 4 at most
    assert "alone" not in kinds[kinds.count("alone") :]


def test_long_drafts_are_left_until_the_workers_are_forked(
    tmp_path: Path, forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two long drafts are linted side by side, not the first here alone, then the second."""
    monkeypatch.setenv("DRAFTLINT_SERIAL_SECONDS", "60")
    targets = []
    for name, size in (("short.txt", 100), ("long1.txt", 100_000), ("long2.txt", 100_000)):
        (tmp_path / name).write_text("一" * (size // 3), encoding="utf-8")
        targets.append(Target(name, tmp_path / name))
    kinds = [r.kind for r in lint_all(Recorder(forked), targets, 2)]
    assert kinds == ["alone", "worker", "worker"] and len(forked) == 2


def test_a_word_files_length_is_its_body_not_its_images(tmp_path: Path) -> None:
    """A memo with a large picture is short; a 400-page report is long, though its zip is
    small; a file LibreOffice converts is slow whatever its size."""
    import docx

    from draftlint.parallel import _large

    memo = docx.Document()
    memo.add_paragraph("关于开展检查的通知")
    memo.save(str(tmp_path / "memo.docx"))
    with zipfile.ZipFile(tmp_path / "memo.docx", "a") as archive:
        archive.writestr("word/media/logo.png", os.urandom(300_000))  # incompressible
    report = docx.Document()
    for index in range(6000):
        report.add_paragraph(f"（{index}）加强理论学习，全年组织集中学习十二次。")
    report.save(str(tmp_path / "report.docx"))
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    assert (tmp_path / "memo.docx").stat().st_size > (tmp_path / "report.docx").stat().st_size
    large = {name: _large(Target(name, tmp_path / name))
             for name in ("memo.docx", "report.docx", "old.doc", "broken.docx")}  # fmt: skip
    assert large == {"memo.docx": False, "report.docx": True, "old.doc": True,
                     "broken.docx": False}  # fmt: skip


@pytest.mark.parametrize("encode", [None, _encoded])
def test_a_worker_stopped_early_still_finishes(
    encode: Encoder | None, tmp_path: Path, forked: list[int]
) -> None:
    """The run ends early (SIGTERM to the workers): each worker that had started still runs
    ``finish`` (where the content cache is saved) before it goes."""
    log = tmp_path / "finished.txt"
    recorder = Recorder(forked, finished=log, meet=tmp_path if encode else None)
    results = lint_all(recorder, _targets(4000), 2, encode)
    assert any(result.kind == "worker" for result in results)
    results.close()
    assert forked and all(map(_gone, forked))
    finished = {int(pid) for pid in log.read_text(encoding="utf-8").split()}
    assert finished and finished <= set(forked)


def test_a_dead_workers_files_are_linted_here() -> None:
    targets = _targets(40)
    results = list(lint_all(Recorder(die_on="0013.txt"), targets, 2))
    assert [result.path for result in results] == [target.name for target in targets]
    by_name = {result.path: result.kind for result in results}
    assert by_name["0013.txt"] == "parent"
    assert "worker" in by_name.values()


def test_a_dead_workers_chunk_is_done_here_when_this_process_lints_too(
    forked: list[int], tmp_path: Path
) -> None:
    """The worker dies at its first file (after marking it): its chunk is done here."""
    targets = _targets(40)
    results = list(lint_all(Recorder(forked, die_on="*", meet=tmp_path), targets, 2, _encoded))
    assert [result.path for result in results] == [target.name for target in targets]
    assert {result.kind for result in results} == {"parent"}
    assert (tmp_path / "worker").exists() and len(forked) == 1 and all(map(_gone, forked))


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True  # reaped: not even a zombie is left
    return False


@pytest.mark.parametrize("encode", [None, _encoded])
def test_an_error_in_a_worker_is_raised_here_and_no_worker_is_left(
    encode: Encoder | None, forked: list[int], tmp_path: Path
) -> None:
    """The worker fails at its first file; with the JSON encoding, after this process has
    linted too."""
    recorder = Recorder(forked, fail_in="worker", meet=tmp_path if encode else None)
    with pytest.raises(ValueError, match=r"cannot lint \d{4}\.txt"):
        list(lint_all(recorder, _targets(60), 2, encode))
    assert forked and all(map(_gone, forked))


def test_an_error_while_this_process_lints_too_ends_the_workers(
    forked: list[int], tmp_path: Path
) -> None:
    recorder = Recorder(forked, fail_in="parent", meet=tmp_path)  # (the workers wait for it)
    with pytest.raises(ValueError, match=r"cannot lint \d{4}\.txt"):
        list(lint_all(recorder, _targets(60), 3, _encoded))
    assert len(forked) == 2 and all(map(_gone, forked))


@pytest.mark.parametrize("encode", [None, _encoded])
def test_stopping_early_ends_the_workers(encode: Encoder | None, forked: list[int]) -> None:
    results = lint_all(Recorder(forked), _targets(400), 3, encode)
    assert next(results).path == "0000.txt"
    results.close()
    assert len(forked) == (3 if encode is None else 2) and all(map(_gone, forked))


def test_findings_cross_processes_whole_and_sharing_their_paragraphs() -> None:
    """A finding is pickled as a call with its fields (``Finding.__reduce__``): every field
    comes back, and findings of one paragraph still share one paragraph."""
    import pickle

    from draftlint.model import Finding, Fix, FixSafety, Paragraph, Severity
    from draftlint.registry import find_rule

    paragraph = Paragraph(3, "今年完成X次检查", 4, "")
    rule = find_rule("P001")
    assert rule is not None
    findings = [
        Finding(
            rule,
            paragraph,
            4,
            6,
            {"text": "X次"},
            Fix("3次", FixSafety.REVIEW),
            Severity.WARNING,
            {"expected": "3次"},
        ),
        Finding(rule, paragraph, 0, 2),
    ]
    back = pickle.loads(pickle.dumps(findings, pickle.HIGHEST_PROTOCOL))
    assert back == findings
    assert back[0].paragraph is back[1].paragraph
    assert back[0].fix == findings[0].fix and back[0].extra == {"expected": "3次"}
    assert back[1].args == {} and back[1].args is not back[0].args


def test_a_folders_files_share_one_settings_object_within_a_run_only(tmp_path: Path) -> None:
    """The settings are worked out once per folder and file ignores, by the run: a second run
    (another call from Python, other flags) works them out afresh and keeps nothing global."""
    from draftlint.effective import Flags
    from draftlint.files import Target
    from draftlint.lint_run import Run

    (tmp_path / "draftlint.toml").write_text(
        '[per-file-ignores]\n"c.txt" = ["W001"]\n', encoding="utf-8"
    )
    paths = [tmp_path / name for name in ("a.txt", "b.txt", "c.txt")]
    first = Run(Flags(), "zh", None, 1 << 20, None, False)
    a, b, c = (first._effective(Target(path.name, path)) for path in paths)
    assert a is b and c is not a
    assert "W001" not in {rule.code for rule in c.rules}
    second = Run(Flags(ignore=["W002"]), "zh", None, 1 << 20, None, False)
    again = second._effective(Target("a.txt", paths[0]))
    assert again is not a and "W002" not in {rule.code for rule in again.rules}


def test_a_result_pipe_is_enlarged_never_shrunk() -> None:
    """With this process linting too, a worker's results wait in its pipe (1 MiB, not
    Linux's 64 KiB), not in the worker, while this process lints a file of its own."""
    fcntl = pytest.importorskip("fcntl")
    limit = Path("/proc/sys/fs/pipe-max-size")
    if not hasattr(fcntl, "F_SETPIPE_SZ") or int(limit.read_text()) < 1 << 20:
        pytest.skip("pipes of 1 MiB are not allowed here")
    from draftlint.forkpool import _enlarge

    read_end, write_end = os.pipe()
    try:
        _enlarge(write_end, 1 << 20)
        if fcntl.fcntl(write_end, fcntl.F_GETPIPE_SZ) != 1 << 20:
            pytest.skip("this user's pipes already hold all they may")
        _enlarge(write_end, 4096)  # never shrunk
        assert fcntl.fcntl(write_end, fcntl.F_GETPIPE_SZ) == 1 << 20
    finally:
        os.close(read_end)
        os.close(write_end)
    read_end, write_end = os.pipe()
    try:
        _enlarge(write_end, 3 << 18)  # 768 KiB: rounded down, where Linux would round up
        assert fcntl.fcntl(write_end, fcntl.F_GETPIPE_SZ) == 1 << 19
    finally:
        os.close(read_end)
        os.close(write_end)


def test_the_pool_imports_where_there_is_no_fcntl() -> None:
    """Windows has no fcntl: the pool imports it only to enlarge a pipe."""
    import subprocess
    import sys

    code = ("import os, sys; sys.modules['fcntl'] = None\n"
            "import draftlint.split_rules\n"
            "from draftlint.forkpool import _enlarge\n"
            "r, w = os.pipe(); _enlarge(w, 1 << 20); print('ok')")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr


@pytest.mark.parametrize("encode", [None, _encoded])
def test_with_no_process_to_fork_every_file_is_linted_here(
    encode: Encoder | None, forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    targets = _targets(60)
    results = list(lint_all(Recorder(forked), targets, 2, encode))
    assert [result.path for result in results] == [target.name for target in targets]
    assert {result.kind for result in results} == {"alone"}


def test_a_task_pipe_too_small_is_an_error_not_a_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linux gives a user past its limit on pipes one or two pages: writing 8 KiB of tasks
    into a 4 KiB pipe would wait for ever (no other process reads it yet)."""
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("pipes have a fixed size here")
    from draftlint import forkpool

    pipe = os.pipe

    def small_pipe() -> tuple[int, int]:
        read_end, write_end = pipe()
        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
        return read_end, write_end

    monkeypatch.setattr(os, "pipe", small_pipe)
    with pytest.raises(OSError):
        forkpool.task_pipe(2000)
    tasks = forkpool.task_pipe(100)  # 400 bytes: they fit
    try:
        assert list(forkpool.taken(tasks)) == list(range(100))
    finally:
        os.close(tasks)


@pytest.mark.parametrize("encode", [None, _encoded])
def test_with_no_task_pipe_every_file_is_linted_here(
    encode: Encoder | None, forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftlint import forkpool

    def no_pipe(count: int) -> int:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(forkpool, "task_pipe", no_pipe)
    targets = _targets(60)
    results = list(lint_all(Recorder(forked), targets, 2, encode))
    assert [result.path for result in results] == [target.name for target in targets]
    assert forked == []


@pytest.mark.parametrize("encode", [None, _encoded])
def test_an_error_comes_after_the_files_before_it(encode: Encoder | None) -> None:
    """As with -j 1: the report has every file before the one that failed, whichever
    process linted which."""
    results = lint_all(Recorder(fail_on="0030.txt"), _targets(60), 2, encode)
    reported = []
    with pytest.raises(ValueError, match=r"cannot lint 0030\.txt"):
        for result in results:
            reported.append(result.path)
    assert reported == [target.name for target in _targets(30)]


def test_signals_wait_while_a_child_is_forked() -> None:
    """A SIGTERM (or Ctrl-C) that comes while a child is being forked arrives after, here
    and in the child once its handlers are set: never in the parent's code in the child."""
    import signal
    import threading

    from draftlint.forkpool import signals_held

    arrived: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda *_: arrived.append("term"))
    try:
        with signals_held():  # (at this thread: the test runner may have others)
            signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
            time.sleep(0.01)
            assert arrived == []  # held back
        assert arrived == ["term"]  # delivered as the block ends
    finally:
        signal.signal(signal.SIGTERM, previous)
