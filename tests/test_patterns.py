"""Regular expressions saved once per user (draftlint.patterns): the same patterns as
``re.compile``, and any trouble with the saved file means compiling afresh."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers.lint import run_lint

from draftlint.usercache import Store

DRAFT = "一、总体情况\n三、存在问题\n全年完成X次检查，，请于xx日前报送。\n"

# Compiles draftlint's own patterns through draftlint.patterns in a fresh process, then checks
# each against re.compile, and prints how many there were.
_PROBE = """
import re, sys
import draftlint.patterns as patterns
from draftlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
seen = dict(patterns._store._used)
patterns._compiled.clear()
for (pattern, flags), _ in seen.items():
    mine = patterns.compile_re(pattern, flags)
    theirs = re.compile(pattern, flags)
    assert mine == theirs and mine.groupindex == theirs.groupindex, pattern
    assert mine.groups == theirs.groups and mine.flags == theirs.flags, pattern
sys.stderr.write(str(len(seen)))
"""


def _probe(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "DRAFTLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)  # fmt: skip


def test_saved_patterns_equal_re_compile(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    first = _probe(cache, "--format", "json", "--no-cache", str(draft))
    assert int(first.stderr) > 50, first.stderr  # compiled afresh, then saved
    saved = list(cache.glob("patterns-*.marshal"))
    assert len(saved) == 1 and list(cache.glob("*.tmp")) == []
    stamp = saved[0].stat().st_mtime_ns
    for answers in cache.glob("markers-*.marshal"):
        answers.unlink()  # the marker parser runs again, compiling the same patterns
    second = _probe(cache, "--format", "json", "--no-cache", str(draft))
    assert second.stderr == first.stderr  # every one read back, each equal to re.compile
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert saved[0].stat().st_mtime_ns == stamp  # nothing new: not rewritten


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe3\x00\x00\x00"])
def test_damaged_file_means_compiling_afresh(tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "cache"
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    clean = run_lint("--format", "json", "--no-cache", str(draft),
                     env={"DRAFTLINT_CACHE_DIR": str(tmp_path / "clean")})  # fmt: skip
    cache.mkdir()
    run_lint("--format", "json", "--no-cache", str(draft), env={"DRAFTLINT_CACHE_DIR": str(cache)})
    for saved in cache.glob("patterns-*.marshal"):
        saved.write_bytes(content)
    damaged = run_lint("--format", "json", "--no-cache", str(draft),
                       env={"DRAFTLINT_CACHE_DIR": str(cache)})  # fmt: skip
    assert damaged.stderr == "" and damaged.returncode == clean.returncode == 1
    assert json.loads(damaged.stdout) == json.loads(clean.stdout)


def test_a_wrong_entry_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry whose code the engine refuses is compiled afresh (``_sre`` validates it)."""
    import draftlint.patterns as patterns

    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path))
    store = Store("test-patterns")
    store._entries = {("a+b", 0): (32, [1, 2, 3], 0, {}, (None,))}
    monkeypatch.setattr(patterns, "_store", store)
    monkeypatch.setattr(patterns, "_compiled", {})
    compiled = patterns.compile_re("a+b")
    assert compiled == re.compile("a+b") and compiled.search("xaab")
    assert store._entries[("a+b", 0)][1] != [1, 2, 3]  # replaced by the right code
    store._added = False  # nothing to write at exit, into the user's real cache folder


def test_compile_re_behaves_like_re_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import draftlint.patterns as patterns

    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path))
    store = Store("test-patterns")
    monkeypatch.setattr(patterns, "_store", store)
    monkeypatch.setattr(patterns, "_compiled", {})
    for pattern, flags in [("(?P<n>[\u4e00-\u9fff]+)x", re.IGNORECASE), (b"[a-z]+", 0),
                           ("(?i)abc", 0), (r"(\d)\1", re.MULTILINE | re.DOTALL)]:  # fmt: skip
        mine, theirs = patterns.compile_re(pattern, flags), re.compile(pattern, flags)
        assert mine == theirs and mine.groupindex == theirs.groupindex
        patterns._compiled.clear()
        again = patterns.compile_re(pattern, flags)  # from the saved entry
        assert again == theirs and again is not mine
        assert patterns.compile_re(pattern, flags) is again  # built once per process
    with pytest.raises(re.error):
        patterns.compile_re("(unclosed")
    already = re.compile("x")
    assert patterns.compile_re(already) is already
    store._added = False  # nothing to write at exit, into the user's real cache folder


def test_workers_save_the_patterns_they_compiled(tmp_path: Path) -> None:
    """-j workers end without exit handlers: they save the user cache when done."""
    import marshal

    folder = tmp_path / "drafts"
    folder.mkdir()
    for index in range(6):
        (folder / f"{index}.txt").write_text(DRAFT, encoding="utf-8")
    cache = tmp_path / "cache"
    done = run_lint("--format", "json", "--no-cache", "-j", "2", str(folder),
                    env={"DRAFTLINT_CACHE_DIR": str(cache)})  # fmt: skip
    assert json.loads(done.stdout)["summary"]["files"] == 6
    saved = list(cache.glob("patterns-*.marshal"))
    assert len(saved) == 1
    assert (
        len(marshal.loads(saved[0].read_bytes())) > 50
    )  # the rules' patterns, not only this process's
    assert list(cache.glob("toml-*.marshal"))
