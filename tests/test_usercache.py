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


def test_stale_files_of_ours_go_and_everything_else_stays(tmp_path: Path) -> None:
    old_markers = aged(tmp_path / "markers-cpython-311-aaaa.marshal", 40)
    old_grammar = aged(tmp_path / "numbering-b9fe69710316699c.lark", 90)
    recent = aged(tmp_path / "patterns-cpython-311-m4.marshal", 10)
    foreign = aged(tmp_path / "notes.marshal", 400)  # not a name draftlint makes
    temporary = aged(tmp_path / ".toml-x.marshal.1234.tmp", 400)
    folder = aged(tmp_path / "records-dir.marshal", 0)  # a folder with our name: left alone
    folder.unlink()
    folder.mkdir()
    os.utime(folder, (0, 0))
    deleted = prune_stale(tmp_path)
    assert sorted(deleted) == sorted([old_markers.name, old_grammar.name])
    assert not old_markers.exists() and not old_grammar.exists()
    assert recent.exists() and foreign.exists() and temporary.exists() and folder.is_dir()


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
    old = aged(cache_dir / "markers-cpython-311-0ld.marshal", 45)
    store = Store("markers-cpython-311-new")
    store.put("1.", (1,))
    store.save()
    assert not old.exists()
    assert (cache_dir / "markers-cpython-311-new.marshal").exists()
    again = aged(cache_dir / "markers-cpython-311-0lder.marshal", 45)
    store.put("2.", (2,))
    store.save()
    assert again.exists()  # one look per process: a write is rare, and so is the scan


def test_lint_leaves_a_fresh_cache_and_removes_a_stale_one(tmp_path: Path) -> None:
    from tests.helpers.lint import run_lint

    cache = tmp_path / "cache"
    cache.mkdir()
    stale = aged(cache / "patterns-cpython-39-old.marshal", 100)
    draft = tmp_path / "draft.txt"
    draft.write_text("一、总体情况\n三、存在问题\n", encoding="utf-8")
    done = run_lint("--no-cache", str(draft), env={"DRAFTLINT_CACHE_DIR": str(cache)})
    assert done.returncode == 1, done.stderr
    assert not stale.exists()
    assert {path.name.split("-")[0] for path in cache.glob("*.marshal")} >= {"patterns", "toml"}
