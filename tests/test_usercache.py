"""The user cache folder does not grow without end: files of earlier versions are deleted
once nobody has used them for a month; a file in use is kept however old it is."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import draftlint.usercache as usercache
from draftlint.usercache import Store, prune_stale

DAY = 86_400


def aged(path: Path, days: float, content: bytes = b"x") -> Path:
    path.write_bytes(content)
    past = time.time() - days * DAY
    os.utime(path, (past, past))
    return path


STAMP = "cpython-311-30b07f0-m4"


def test_stale_files_of_ours_go_and_everything_else_stays(tmp_path: Path) -> None:
    old_markers = aged(tmp_path / f"markers-{STAMP}-45d73209.marshal", 40)
    old_shapes = aged(tmp_path / f"shapes-{STAMP}-125898c5.marshal", 40)
    old_patterns = aged(tmp_path / f"patterns-{STAMP}-20220615-4.marshal", 40)
    old_grammar = aged(tmp_path / "numbering-b9fe69710316699c.lark", 90)
    left_by_a_killed_writer = aged(tmp_path / f".toml-{STAMP}.marshal.k2_x9a.tmp", 2)
    recent = aged(tmp_path / f"records-{STAMP}.marshal", 10)
    being_written = aged(tmp_path / f".records-{STAMP}.marshal.a1b2c3.tmp", 0.1)
    kept = [
        recent,
        being_written,
        aged(tmp_path / "notes.marshal", 400),  # names draftlint never makes
        aged(tmp_path / "patterns-of-my-own.marshal", 400),
        aged(tmp_path / "markers-x.lark", 400),
        aged(tmp_path / ".notes.tmp", 400),
    ]
    folder = tmp_path / f"toml-{STAMP}.marshal"  # a folder with our name: left alone
    folder.mkdir()
    os.utime(folder, (0, 0))
    deleted = prune_stale(tmp_path)
    gone = [old_markers, old_shapes, old_patterns, old_grammar, left_by_a_killed_writer]
    assert sorted(deleted) == sorted(path.name for path in gone)
    assert not any(path.exists() for path in gone)
    assert all(path.exists() for path in kept) and folder.is_dir()


def test_a_missing_folder_prunes_nothing(tmp_path: Path) -> None:
    assert prune_stale(tmp_path / "absent") == []


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(usercache, "_pruned", False)
    return tmp_path


def test_a_store_in_use_is_touched_so_it_is_never_stale(cache_dir: Path) -> None:
    store = Store("toml-test")
    store.put("a", 1)
    store.save()
    path = cache_dir / "toml-test.marshal"
    os.utime(path, (time.time() - 60 * DAY,) * 2)
    reader = Store("toml-test")
    assert reader.get("a") == 1
    assert time.time() - path.stat().st_mtime < DAY  # read: marked as used today
    reader._added = False


def test_writing_a_store_deletes_the_stale_files_once(cache_dir: Path) -> None:
    old = aged(cache_dir / f"markers-{STAMP}-0000000a.marshal", 45)
    store = Store(f"markers-{STAMP}-0000000b")
    store.put("1.", (1,))
    store.save()
    assert not old.exists()
    assert (cache_dir / f"markers-{STAMP}-0000000b.marshal").exists()
    again = aged(cache_dir / f"markers-{STAMP}-0000000c.marshal", 45)
    store.put("2.", (2,))
    store.save()
    assert again.exists()  # one look per process: a write is rare, and so is the scan


def test_lint_leaves_a_fresh_cache_and_removes_a_stale_one(tmp_path: Path) -> None:
    from tests.helpers.lint import run_lint

    cache = tmp_path / "cache"
    cache.mkdir()
    stale = aged(cache / "patterns-cpython-39-3090cf0-m4-20171005-4.marshal", 100)
    draft = tmp_path / "draft.txt"
    draft.write_text("一、总体情况\n三、存在问题\n", encoding="utf-8")
    done = run_lint("--no-cache", str(draft), env={"DRAFTLINT_CACHE_DIR": str(cache)})
    assert done.returncode == 1, done.stderr
    assert not stale.exists()
    assert {path.name.split("-")[0] for path in cache.glob("*.marshal")} >= {"patterns", "toml"}


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")
def test_a_store_others_may_write_is_not_read(cache_dir: Path) -> None:
    """It may hold code that runs: a file anybody could have replaced is not trusted."""
    store = Store(f"records-{STAMP}")
    store.put("source", "value")
    store.save()
    path = cache_dir / f"records-{STAMP}.marshal"
    assert Store(f"records-{STAMP}").get("source") == "value"
    for shared in (0o666, 0o664, 0o620):  # others, or the group, may write it
        path.chmod(shared)
        assert Store(f"records-{STAMP}").get("source") is None
    path.chmod(0o644)
    assert Store(f"records-{STAMP}").get("source") == "value"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_store_is_written_for_the_user_alone_whatever_the_umask(cache_dir: Path) -> None:
    """Under umask 002 a file would be group-writable, and then never trusted again."""
    previous = os.umask(0o002)
    try:
        store = Store(f"toml-{STAMP}")
        store.put("key", "value")
        store.save()
    finally:
        os.umask(previous)
    path = cache_dir / f"toml-{STAMP}.marshal"
    assert path.stat().st_mode & 0o777 == 0o600
    assert Store(f"toml-{STAMP}").get("key") == "value"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_store_others_may_write_is_not_merged_into_the_next_save(cache_dir: Path) -> None:
    """Saving keeps what other processes saved meanwhile: never from a file it would not
    read, or the entries planted there would come back in a file it trusts."""
    import marshal

    path = cache_dir / f"records-{STAMP}.marshal"
    path.write_bytes(marshal.dumps({"planted": "code"}))
    path.chmod(0o666)
    store = Store(f"records-{STAMP}")
    store.put("source", "value")
    store.save()
    again = Store(f"records-{STAMP}")
    assert again.get("source") == "value" and again.get("planted") is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_a_forked_child_leaves_what_its_parent_added_to_the_parent(cache_dir: Path) -> None:
    """Any child (a -j worker, the text rules' process) saves only what it added itself:
    the parent's additions are the parent's to save, not written twice."""
    store = Store("forked-test")
    store.put("parent's", 1)
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            store.save()
            status = 0 if not (cache_dir / "forked-test.marshal").exists() else 3
        finally:
            os._exit(status)
    assert os.waitpid(pid, 0)[1] == 0
    store.save()
    assert (cache_dir / "forked-test.marshal").exists()
