"""draftlint benchmark: one table of whole-process wall times and peaks next to a reference.

    python bench/run.py            # every row (a few minutes on two idle cores)
    python bench/run.py --quick    # smaller inputs, fewer repeats (about a minute)
    python bench/run.py --src DIR  # time another checkout's src/ (before/after a change)

Each row is a figure, draftlint's time (and peak memory where it matters), the reference's,
and the ratio draftlint / reference. Every figure is a whole process (``lint`` as a user runs
it, ``--format json`` to a pipe, ``--no-cache`` unless the row is about the cache), the best
of ``--repeat`` runs with the contenders interleaved, so a noisy machine slows them alike.
Peaks are the process's maximum resident set (children included for ``-j``).

Rows: the three seeds ×200 (4.9 MB) against AutoCorrect (``pip install autocorrect-py``, the
bench extra; its own lint call timed in its process, as it reads text already in memory);
text ×16 against ×1 per MB (linear growth); a generated 400-page .docx against the raw floor
(unzip + lxml parse of word/document.xml + joining w:t, also a whole process), with ``-j 1``
and as a user runs it (a lone file's text rules then run in a second process); one small
draft and ``lint --version`` against ``python -c "import docx"``; 510 small .docx with
``-j 1`` against ``-j 2``, after what two busy processes at once get from this machine's two
cores against one after the other, and against each half of the folder linted in its own
``-j 1`` process, both at once (what ``-j 2`` would take if sharing out the files cost
nothing); four of them as a hook passes them, default ``-j`` against ``-j 1``; a first run
with the cache (cold) against ``--no-cache``, and a second run over the unchanged folder
(warm) against the first; and the worst pathological inputs of issue 10 against prose of
the same size.

``--callgrind`` (valgrind, about 3 minutes more) adds ``-j 2`` on two idle cores, which a
shared machine cannot time: modelled from instruction counts, which do not depend on the
machine's load (what runs before the fork, plus half of what runs after it, against
``-j 1``'s instructions).
Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SENTENCES = [
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神",
    "严格落实意识形态工作责任制，定期分析研判意识形态领域情况",
    "全年共组织集中学习24次，开展专题研讨6次，参训干部职工达1,200余人次",
    "完成固定资产投资3.5亿元，同比增长12.6%，高于全市平均水平2.1个百分点",
    "依托“三会一课”、主题党日等载体，推动理论学习走深走实",
    "对照问题清单逐项整改，建立台账，明确责任人和完成时限",
    "加强网络舆情监测，及时回应社会关切，牢牢掌握舆论主动权",
    "聚焦群众急难愁盼问题，办理各类诉求856件，按期办结率98.7%",
]
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11] if n < 20 else str(n)


def draft_paragraphs(count: int) -> list[str]:
    """About 100 characters a paragraph on average: 5,000 paragraphs is a 400-page draft."""
    rng = random.Random(7)
    out = ["2024年度工作总结"]
    section = 0
    while len(out) < count:
        section += 1
        out.append(f"{cn(section % 19 + 1)}、第{section}部分工作情况")
        for sub in range(1, 5):
            out.append(f"（{cn(sub)}）{rng.choice(SENTENCES)}。")
            for point in range(1, 4):
                out.append(f"{point}.{rng.choice(SENTENCES)}，{rng.choice(SENTENCES)}。")
                out.append(
                    f"一是{rng.choice(SENTENCES)}。二是{rng.choice(SENTENCES)}。"
                    f"三是{rng.choice(SENTENCES)}。"
                )
                out.append("，".join(rng.choice(SENTENCES) for _ in range(4)) + "。")
    return out[:count]


def make_docx(paragraphs: list[str], path: Path) -> None:
    """Real Word output via python-docx; every tenth paragraph uses automatic numbering."""
    import docx

    document = docx.Document()
    for index, text in enumerate(paragraphs):
        if index % 10 == 5:
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
        if index % 500 == 250:
            table = document.add_table(rows=3, cols=3)
            for cell in table._cells:
                cell.text = "数据12.5%"
    document.save(str(path))


_FLOOR_DOCX = f"""
import sys, zipfile
from lxml import etree
with zipfile.ZipFile(sys.argv[1]) as archive:
    root = etree.fromstring(archive.read("word/document.xml"))
texts = ["".join(t.text or "" for t in p.iter("{W}t")) for p in root.iter("{W}p")]
"""

_AUTOCORRECT = """
import sys, time, autocorrect_py
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
autocorrect_py.lint_for(text, "seeds.txt")
print(time.perf_counter() - start)
"""


TIMEOUT = 120.0  # seconds; a slower run is shown as "inf"
TIME = "/usr/bin/time"  # GNU time, for each process's peak resident set


def _kill_group(pid: int) -> None:
    """End a timed process and whatever it started (it leads its own session)."""
    with contextlib.suppress(ProcessLookupError):  # it had just ended
        os.killpg(pid, signal.SIGKILL)


@dataclass
class Timing:
    seconds: float = float("inf")
    peak_mib: float = 0.0


class Bench:
    def __init__(self, src: Path, repeat: int) -> None:
        self.repeat = repeat
        self.env = {**os.environ, "PYTHONPATH": str(src)}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed wheel has its .pyc
        self.lint = [sys.executable, "-m", "draftlint"]
        help_text = self.run_text([*self.lint, "check", "--help"])
        self.has_jobs = "--jobs" in help_text
        self.has_cache = "--no-cache" in help_text
        self.rows: list[tuple[str, str, str, str]] = []

    def run_text(self, command: list[str]) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True)
        return done.stdout

    def lint_args(self, *args: str, cache: bool = False, one_process: bool = True) -> list[str]:
        """``lint`` on ``args`` in one process (``-j 1``) unless ``one_process`` is False
        (then as a user runs it: as many processes as CPUs)."""
        extra = ["-j", "1"] if self.has_jobs and one_process and "-j" not in args else []
        if self.has_cache and not cache:
            extra.append("--no-cache")
        return [*self.lint, "--format", "json", *extra, *args]

    def once(self, command: list[str], cwd: Path | None = None) -> Timing:
        """One whole process: its wall time and peak (infinite past ``TIMEOUT`` seconds)."""
        return self.at_once([command], cwd)

    def _start(self, command: list[str], cwd: Path | None) -> subprocess.Popen[bytes]:
        return subprocess.Popen(command, env=self.env, cwd=cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip

    def at_once(self, commands: list[list[str]], cwd: Path | None = None) -> Timing:
        """``commands`` started together: the wall time until the last ends, the highest of
        their peaks. GNU time reports each peak: a child forked from this (large) process
        would inherit this process's high-water mark in its own rusage."""
        with contextlib.ExitStack() as stack:
            peaks = [stack.enter_context(tempfile.NamedTemporaryFile("r", suffix=".rss"))
                     for _ in commands]  # fmt: skip
            start = time.perf_counter()
            processes = [self._start([TIME, "-f", "%M", "-o", rss.name, *command], cwd)
                         for command, rss in zip(commands, peaks, strict=True)]  # fmt: skip
            # Not subprocess.run(timeout=…): its wait polls at doubling intervals (up to 50 ms)
            # and would round each time up to its next poll. A timer stops a runaway instead.
            watchdogs = [threading.Timer(TIMEOUT, _kill_group, (p.pid,)) for p in processes]
            for watchdog in watchdogs:
                watchdog.start()
            try:
                for process in processes:
                    process.wait()
            except BaseException:  # Ctrl-C: their own sessions do not get the terminal's
                for process in processes:
                    _kill_group(process.pid)
                raise
            finally:
                for watchdog in watchdogs:
                    watchdog.cancel()
            seconds = time.perf_counter() - start
            if seconds >= TIMEOUT:
                return Timing()
            texts = [Path(rss.name).read_text(encoding="utf-8").split() for rss in peaks]
            peak = max((int(text[-1]) / 1024 for text in texts if text), default=0.0)
            return Timing(seconds, peak)

    def best(self, contenders: dict[str, Callable[[], Timing]],
             repeat: int | None = None) -> dict[str, Timing]:  # fmt: skip
        best = {name: Timing() for name in contenders}
        for _ in range(repeat or self.repeat):
            for name, run in contenders.items():
                timing = run()
                if timing.seconds < best[name].seconds:
                    best[name] = timing
        return best

    def row(self, figure: str, ours: Timing, reference: Timing, reference_name: str,
            peak: bool = False) -> None:  # fmt: skip
        mine = f"{ours.seconds:.2f} s" + (f", {ours.peak_mib:.0f} MiB" if peak else "")
        theirs = f"{reference_name} {reference.seconds:.2f} s"
        if peak and reference.peak_mib:
            theirs += f", {reference.peak_mib:.0f} MiB"
        self.rows.append((figure, mine, theirs, f"{ours.seconds / reference.seconds:.2f}×"))
        print(f"  {figure}: {mine} | {theirs}", file=sys.stderr)

    def table(self) -> str:
        lines = ["| figure | draftlint | reference | ratio |", "|---|---|---|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(lines)


def seeds_text() -> str | None:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        return None
    return "\n".join(seed.read_text(encoding="utf-8") for seed in seeds)


def autocorrect(bench: Bench, corpus: Path) -> Timing:
    done = subprocess.run([sys.executable, "-c", _AUTOCORRECT, str(corpus)], env=bench.env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return Timing(float(done.stdout.strip()))


def seeds_rows(bench: Bench, tmp: Path, times: int, growth: int) -> None:
    text = seeds_text()
    if text is None:
        print("(seed rows skipped: ../shared/seeds not found)", file=sys.stderr)
        return
    corpus = tmp / "seeds.txt"
    corpus.write_text("\n".join([text] * times), encoding="utf-8")
    mb = corpus.stat().st_size / 1e6
    try:
        import autocorrect_py  # noqa: F401  (run in its own process)

        contenders = {"ours": lambda: bench.once(bench.lint_args(str(corpus))),
                      "ac": lambda: autocorrect(bench, corpus)}  # fmt: skip
        # AutoCorrect keeps a call budget per process: each of its runs is a fresh process.
        best = bench.best(contenders)
        bench.row(f"seeds ×{times} ({mb:.1f} MB text; goal ≤ 1, ≤ 100 MiB)", best["ours"],
                  best["ac"], "AutoCorrect", peak=True)  # fmt: skip
    except ImportError:
        print("(AutoCorrect row skipped: pip install autocorrect-py)", file=sys.stderr)
        best = bench.best({"ours": lambda: bench.once(bench.lint_args(str(corpus)))})
    big = tmp / "seeds_big.txt"
    big.write_text("\n".join([text] * (times * growth)), encoding="utf-8")
    big_mb = big.stat().st_size / 1e6
    # Best of two: one run against the best of several would read noise as growth.
    large = bench.best({"big": lambda: bench.once(bench.lint_args(str(big)))}, repeat=2)["big"]
    per_mb = Timing(large.seconds / big_mb * mb, large.peak_mib)
    bench.row(f"text ×{growth} ({big_mb:.0f} MB) per MB (goal ≤ 1.2, ≤ 600 MiB)", per_mb,
              best["ours"], f"×1 ({mb:.1f} MB)", peak=True)  # fmt: skip
    big.unlink()


def docx_rows(bench: Bench, tmp: Path, paragraphs: int) -> None:
    path = tmp / "draft.docx"
    make_docx(draft_paragraphs(paragraphs), path)
    floor = [sys.executable, "-c", _FLOOR_DOCX, str(path)]
    best = bench.best({"ours": lambda: bench.once(bench.lint_args(str(path))),
                       "default": lambda: bench.once(bench.lint_args(str(path), one_process=False)),
                       "floor": lambda: bench.once(floor)}, repeat=bench.repeat * 3)  # fmt: skip
    pages = f"{paragraphs // 12}-page .docx ({paragraphs} paragraphs"
    bench.row(f"{pages}, -j 1; goal ≤ 3)", best["ours"], best["floor"], "unzip+lxml+join w:t")
    # As `lint draft.docx` runs: a lone file's text rules in a second process (split_rules).
    bench.row(f"{pages}, default -j; goal ≤ 3)", best["default"], best["floor"],
              "unzip+lxml+join w:t")  # fmt: skip


def startup_rows(bench: Bench) -> None:
    small = ROOT / "examples" / "report.txt"
    docx_import = [sys.executable, "-c", "import docx"]
    best = bench.best({
        "draft": lambda: bench.once(bench.lint_args(str(small))),
        "version": lambda: bench.once([*bench.lint, "--version"]),
        "docx": lambda: bench.once(docx_import),
    }, repeat=bench.repeat * 3)  # fmt: skip
    bench.row("one small draft (examples/report.txt; goal ≤ 1.5)", best["draft"], best["docx"],
              "python -c 'import docx'")  # fmt: skip
    bench.row("lint --version (goal ≤ 1.2)", best["version"], best["docx"],
              "python -c 'import docx'")  # fmt: skip


def many_files(folder: Path, count: int) -> None:
    """``count`` small .docx from one template (one styles.xml), as a shared folder holds."""
    import docx

    folder.mkdir()
    rng = random.Random(3)
    for index in range(count):
        document = docx.Document()
        document.add_paragraph(f"关于第{index}项工作的报告")
        for item in range(12):
            style = "List Number" if item % 3 == 0 else None
            document.add_paragraph(rng.choice(SENTENCES) + "。" + rng.choice(SENTENCES), style)
        document.save(str(folder / f"{index:03}.docx"))


_BUSY = "sum(i * i for i in range(4_000_000))"  # about 0.2 s of one core


def ceiling_row(bench: Bench) -> None:
    """What two cores give this machine: two CPU-bound processes at once against the same
    two one after the other."""
    busy = [sys.executable, "-c", _BUSY]

    def one_after_the_other() -> Timing:
        return Timing(bench.once(busy).seconds + bench.once(busy).seconds)

    best = bench.best({"parallel": lambda: bench.at_once([busy, busy]),
                       "serial": one_after_the_other})  # fmt: skip
    bench.row("the machine: 2 busy processes at once", best["parallel"], best["serial"],
              "one after the other")  # fmt: skip


def many_rows(bench: Bench, tmp: Path, count: int, callgrind: bool = False) -> None:
    folder = tmp / "many"
    many_files(folder, count)
    ceiling_row(bench)
    if bench.has_jobs:
        files = sorted(map(str, folder.iterdir()))
        halves = [bench.lint_args(*files[: count // 2]), bench.lint_args(*files[count // 2 :])]
        # Three times the repeats: a best -j 2 run needs both cores quiet at once, a -j 1 run
        # only one, so on a shared machine -j 2 needs more tries to find its own best.
        best = bench.best({
            "j1": lambda: bench.once(bench.lint_args("-j", "1", str(folder))),
            "j2": lambda: bench.once(bench.lint_args("-j", "2", str(folder))),
            "halves": lambda: bench.at_once(halves),
        }, repeat=3 * bench.repeat)  # fmt: skip
        bench.row(f"{count} small .docx, -j 2 (goal ≤ 0.59)", best["j2"], best["j1"], "-j 1",
                  peak=True)  # fmt: skip
        bench.row(f"{count} small .docx, each half in its own -j 1 process, at once "
                  "(-j 2 if sharing out cost nothing)", best["halves"], best["j1"],
                  "-j 1")  # fmt: skip
        if callgrind:
            idle_cores_row(bench, folder, count, best["j1"])
        few = files[:4]  # a pre-commit hook's few drafts
        best = bench.best({
            "default": lambda: bench.once(bench.lint_args(*few, one_process=False)),
            "j1": lambda: bench.once(bench.lint_args("-j", "1", *few)),
        })  # fmt: skip
        bench.row("4 small .docx, default -j", best["default"], best["j1"], "-j 1")
    else:
        best = bench.best({"j1": lambda: bench.once(bench.lint_args(str(folder)))})
        bench.row(f"{count} small .docx (one process)", best["j1"], Timing(1.0), "1 s", peak=True)
    if bench.has_cache:
        work = tmp / "cwd"
        cold, warm, none = Timing(), Timing(), Timing()
        for _ in range(bench.repeat):
            subprocess.run(["rm", "-rf", str(work)], check=True)
            work.mkdir()
            args = bench.lint_args("-j", "1", str(folder), cache=True)
            none = min(none, bench.once(bench.lint_args("-j", "1", str(folder))),
                       key=lambda t: t.seconds)  # fmt: skip
            cold = min(cold, bench.once(args, cwd=work), key=lambda t: t.seconds)
            warm = min(warm, bench.once(args, cwd=work), key=lambda t: t.seconds)
        bench.row(f"{count} small .docx, first run with the cache (cold)", cold, none,
                  "--no-cache")  # fmt: skip
        bench.row(f"{count} small .docx, second run: cache warm (goal ≤ 0.2)", warm, cold,
                  "first run (cold)")  # fmt: skip


# Each process's costs are written at every fork (--dump-before), so the first part of the
# process that forked is what ran before a second process existed.
CALLGRIND = ("valgrind", "--tool=callgrind", "--trace-children=yes", "--dump-before=fork")


def _instructions(bench: Bench, command: list[str], out: Path,
                  env: dict[str, str]) -> tuple[int, int]:  # fmt: skip
    """(before the first fork, in all): the instructions ``command`` executes, by callgrind."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    done = subprocess.run([*CALLGRIND, f"--callgrind-out-file={out}/cg.%p", *command],
                          env={**bench.env, **env}, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)  # fmt: skip
    if done.returncode not in (0, 1):  # 1: findings
        raise RuntimeError(f"callgrind run failed: {done.stderr[-500:]}")
    counts = {}
    for path in out.iterdir():
        found = re.search(r"^summary: (\d+)", path.read_text(errors="replace"), re.MULTILINE)
        counts[path.name] = int(found.group(1)) if found else 0
    forked = sorted((name for name in counts if name.endswith(".1")),
                    key=lambda name: int(name.split(".")[1]))  # fmt: skip
    before = counts[forked[0]] if forked else sum(counts.values())
    return before, sum(counts.values())


def idle_cores_row(bench: Bench, folder: Path, count: int, j1: Timing) -> None:
    """``-j 2`` on two idle cores, modelled where the machine's cores are shared: what runs
    before the fork, plus half of what runs after it in every process, against ``-j 1``'s
    instructions. It assumes the two halves even (the task pipe evens them on equal cores)
    and an instruction costs the same in both runs. The time alone before the fork is
    stretched by callgrind's slowdown, so the same files are linted before it."""
    if shutil.which("valgrind") is None:
        print("  (no valgrind: the idle-core model is left out)", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as out_name:
        out = Path(out_name)
        start = time.perf_counter()
        _, one = _instructions(bench, bench.lint_args("-j", "1", str(folder)), out, {})
        slowdown = (time.perf_counter() - start) / j1.seconds
        alone = bench.run_text([sys.executable, "-c", "from draftlint.parallel import "
                                "SERIAL_SECONDS as s; print(s)"]).strip() or "0.06"  # fmt: skip
        env = {"DRAFTLINT_SERIAL_SECONDS": str(float(alone) * slowdown)}
        before, total = _instructions(bench, bench.lint_args("-j", "2", str(folder)), out, env)
    path = before + (total - before) / 2
    bench.rows.append((f"{count} small .docx, -j 2 on two idle cores, modelled: instructions "
                       "before the fork + half of those after (callgrind; goal ≤ 0.59)",
                       f"{path / 1e9:.2f} G instructions", f"-j 1 {one / 1e9:.2f} G",
                       f"{path / one:.2f}×"))  # fmt: skip
    print(f"  idle-core model: {path / 1e9:.2f} G | -j 1 {one / 1e9:.2f} G", file=sys.stderr)


PATHOLOGICAL = {  # issue 10's worst inputs, by family
    "）×40k (W004)": lambda: "）" * 40_000,
    "某×400k (P001)": lambda: "某" * 400_000,
    "-×40k (protected spans)": lambda: "-" * 40_000,
    "1.5倍×300k lines (outline)": lambda: "1.5倍\n" * 300_000,
    "X次×200k (200k findings)": lambda: "X次\n" * 200_000,
    "[x]: http://a.com ×20k (C002)": lambda: "[x]: http://a.com " * 20_000,
}


def pathological_rows(bench: Bench, tmp: Path, scale: float) -> None:
    prose = draft_paragraphs(200_000)
    path, reference = tmp / "odd.txt", tmp / "prose.txt"
    for name, make in PATHOLOGICAL.items():
        text = make()
        text = text[: int(len(text) * scale)]
        path.write_text(text, encoding="utf-8")
        size = len(text.encode("utf-8"))
        plain, total = [], 0
        for line in prose:
            plain.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                break
        reference.write_text("\n".join(plain), encoding="utf-8")
        best = bench.best({"odd": lambda: bench.once(bench.lint_args(str(path))),
                           "prose": lambda: bench.once(bench.lint_args(str(reference)))},
                          repeat=1)  # fmt: skip
        bench.row(f"{name}, {size / 1e6:.2f} MB", best["odd"], best["prose"],
                  "prose of that size", peak=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repeats")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src/ to time")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--callgrind", action="store_true",
                        help="add -j 2 on two idle cores, modelled by instruction counts "
                        "(valgrind; about 3 minutes more)")  # fmt: skip
    args = parser.parse_args()
    # Time processes as a user's install runs them: with their bytecode written once and
    # read after (a shell exporting PYTHONDONTWRITEBYTECODE would recompile every module).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    quick = args.quick
    bench = Bench(args.src.resolve(), args.repeat or (1 if quick else 3))
    bench.once(bench.lint_args(str(ROOT / "examples" / "report.txt")))  # grammar cache, .pyc
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seeds_rows(bench, tmp, 50 if quick else 200, 4 if quick else 16)
        docx_rows(bench, tmp, 5000)
        startup_rows(bench)
        many_rows(bench, tmp, 200 if quick else 510, args.callgrind)
        pathological_rows(bench, tmp, 0.25 if quick else 1.0)
    machine = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"{time.strftime('%Y-%m-%d', time.gmtime())}, {machine}, {args.src}\n")
    print(bench.table())


if __name__ == "__main__":
    main()
