"""The content cache's store: packs of entries found through a sharded index."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from draftlint import packstore
from draftlint.packstore import PackStore


def _key(n: int) -> str:
    return f"{n:064x}"[::-1]  # the first hex digit varies: keys fall in different shards


def _save(folder: Path, entries: dict[str, bytes]) -> None:
    store = PackStore(folder)
    for key, entry in entries.items():
        store.add(key, entry)
    store.merge(store.write_pending())


def test_entries_are_read_back_from_one_pack(tmp_path: Path) -> None:
    entries = {_key(n): f'{{"n": {n}}}'.encode() for n in range(40)}
    _save(tmp_path, entries)
    assert len(list((tmp_path / "packs").iterdir())) == 1
    assert len(list(tmp_path.glob("entries-*.json"))) == 16
    reader = PackStore(tmp_path)
    assert {key: reader.get(key) for key in entries} == entries
    assert reader.get(_key(99)) is None


def test_a_pending_entry_is_a_hit_before_it_is_written(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "store")
    store.add(_key(1), b"{}")
    assert store.get(_key(1)) == b"{}"
    assert not (tmp_path / "store").exists()


def test_packs_are_merged_and_the_store_starts_afresh_when_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packstore, "MAX_PACKS", 3)
    keys = [_key(n) for n in range(10)]
    for key in keys:
        _save(tmp_path, {key: key.encode()})
    assert len(list((tmp_path / "packs").iterdir())) <= 4
    reader = PackStore(tmp_path)
    assert [reader.get(key) for key in keys] == [key.encode() for key in keys]

    size = sum(p.stat().st_size for p in (tmp_path / "packs").iterdir())
    monkeypatch.setattr(packstore, "MAX_BYTES", size - 1)
    _save(tmp_path, {"f" * 64: b"the last"})
    reader = PackStore(tmp_path)
    assert reader.get("f" * 64) == b"the last"
    assert all(reader.get(key) is None for key in keys)
    assert len(list((tmp_path / "packs").iterdir())) == 1  # the dropped packs are removed


def test_a_merge_keeps_another_runs_pack_and_removes_stale_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packstore, "MAX_PACKS", 1)
    _save(tmp_path, {_key(1): b"first"})
    packs = tmp_path / "packs"
    waiting = packs / "1-2_3.jsonl"  # written by another run, not yet in the index
    waiting.write_bytes(b"x")
    orphan = packs / "4-5_6.jsonl"  # left by a run stopped two hours ago
    orphan.write_bytes(b"x")
    temporary = tmp_path / ".entries-0.json.abc123.tmp"  # a save killed mid-write
    temporary.write_bytes(b"{")
    stray = tmp_path / "notes.txt"  # not the store's: never touched
    stray.write_bytes(b"mine")
    old = time.time() - 7200
    for path in (orphan, temporary, stray):
        os.utime(path, (old, old))
    _save(tmp_path, {_key(2): b"second"})  # three packs: merged
    assert waiting.exists() and stray.exists()
    assert not orphan.exists() and not temporary.exists()
    reader = PackStore(tmp_path)
    assert (reader.get(_key(1)), reader.get(_key(2))) == (b"first", b"second")


def test_a_planted_index_gives_no_entry_and_no_error(tmp_path: Path) -> None:
    _save(tmp_path, {_key(1): b"mine"})
    shard_path = tmp_path / f"entries-{_key(1)[0]}.json"
    shard = json.loads(shard_path.read_text(encoding="utf-8"))
    pack, offset, length = shard[_key(1)]
    secret = tmp_path / "secret.txt"
    secret.write_bytes(_key(2).encode() + b" planted\n")
    (tmp_path / "packs" / "0-0_0.jsonl").symlink_to(secret)  # a link with a pack's name
    os.mkfifo(tmp_path / "packs" / "1-1_1.jsonl")  # a pipe would block a plain open
    planted = {
        _key(2): ["0-0_0.jsonl", 0, secret.stat().st_size],
        _key(3): ["1-1_1.jsonl", 0, 10],
        _key(4): ["../../secret.txt", 0, 10],
        _key(5): [pack, offset, length],  # another key's place
        _key(6): [pack, 2**70, 10],
        _key(7): [pack, 0, 2**62],
        _key(8): "not a place",
    }
    for key, value in planted.items():
        path = tmp_path / f"entries-{key[0]}.json"
        loaded = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        loaded[key] = value
        path.write_text(json.dumps(loaded), encoding="utf-8")
    reader = PackStore(tmp_path)
    assert reader.get(_key(1)) == b"mine"
    assert all(reader.get(key) is None for key in planted)


def test_a_merge_copies_only_entries_that_hold_their_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save(tmp_path, {_key(1): b"mine"})
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"password\n")
    (tmp_path / "packs" / "0-0_0.jsonl").symlink_to(secret)
    shard_path = tmp_path / f"entries-{_key(2)[0]}.json"
    shard = json.loads(shard_path.read_text(encoding="utf-8")) if shard_path.exists() else {}
    shard[_key(2)] = ["0-0_0.jsonl", 0, 9]
    shard_path.write_text(json.dumps(shard), encoding="utf-8")
    monkeypatch.setattr(packstore, "MAX_PACKS", 1)
    _save(tmp_path, {_key(3): b"third"})  # merges
    merged = b"".join(p.read_bytes() for p in (tmp_path / "packs").iterdir() if not p.is_symlink())
    assert b"password" not in merged
    reader = PackStore(tmp_path)
    assert (reader.get(_key(1)), reader.get(_key(2)), reader.get(_key(3))) == (
        b"mine",
        None,
        b"third",
    )


def test_a_merge_leaves_big_packs_as_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packstore, "MAX_PACKS", 2)
    monkeypatch.setattr(packstore, "_SMALL_PACK", 1000)
    _save(tmp_path, {_key(n): b"x" * 100 for n in range(20)})  # one big pack
    (big,) = (tmp_path / "packs").iterdir()
    before = big.stat().st_mtime_ns
    for n in range(20, 24):
        _save(tmp_path, {_key(n): b"small"})
    packs = list((tmp_path / "packs").iterdir())
    assert big in packs and big.stat().st_mtime_ns == before and len(packs) <= 3
    reader = PackStore(tmp_path)
    assert all(reader.get(_key(n)) == b"x" * 100 for n in range(20))
    assert all(reader.get(_key(n)) == b"small" for n in range(20, 24))


def test_a_merge_compacts_a_big_pack_once_most_of_it_is_dead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries of files since changed are dead weight: a big pack mostly of them is copied
    (its live entries only) and removed."""
    monkeypatch.setattr(packstore, "MAX_PACKS", 2)
    monkeypatch.setattr(packstore, "_SMALL_PACK", 1000)
    _save(tmp_path, {_key(n): b"x" * 100 for n in range(20)})  # one big pack
    (big,) = (tmp_path / "packs").iterdir()
    for n in range(15):  # the index forgets most of the big pack's entries
        path = tmp_path / f"entries-{_key(n)[0]}.json"
        shard = json.loads(path.read_text(encoding="utf-8"))
        del shard[_key(n)]
        path.write_text(json.dumps(shard), encoding="utf-8")
    for n in range(20, 23):
        _save(tmp_path, {_key(n): b"small"})
    assert not big.exists()
    size = sum(p.stat().st_size for p in (tmp_path / "packs").iterdir())
    line = 64 + 1 + 1  # key, space, newline
    assert size == 5 * (line + 100) + 3 * (line + 5)  # live entries only: nothing dead
    reader = PackStore(tmp_path)
    assert all(reader.get(_key(n)) == b"x" * 100 for n in range(15, 20))
    assert all(reader.get(_key(n)) is None for n in range(15))
