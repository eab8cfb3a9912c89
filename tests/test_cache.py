"""The content cache: a hit gives the report of a fresh run; any change of input misses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tests.helpers.lint import lint_executable, write_docx

DRAFT = "一、总体情况\n三、存在问题\n全年完成X次检查,效果明显。\n"


def _lint(cwd: Path, *args: str) -> tuple[int, dict, str]:
    done = subprocess.run([*lint_executable(), "--format", "json", "-j", "1", *args], cwd=cwd,
                          capture_output=True, timeout=300)  # fmt: skip
    stdout = done.stdout.decode("utf-8")
    return done.returncode, json.loads(stdout), done.stderr.decode("utf-8")


def _entries(cwd: Path) -> set[str]:
    """The keys of the entries the cache holds (each read back from its pack)."""
    return _entries_in(cwd / ".draftlint_cache")


def _generation(root: Path) -> Path:
    (folder,) = [p for p in root.iterdir() if p.is_dir()]  # one version of the code
    return folder


def _entries_in(root: Path) -> set[str]:
    generation = _generation(root)
    keys = set()
    for shard in generation.glob("entries-*.json"):
        for key, (pack, offset, length) in json.loads(shard.read_text(encoding="utf-8")).items():
            with open(generation / "packs" / pack, "rb") as handle:
                handle.seek(offset)
                assert handle.read(length).startswith(key.encode() + b" ")
            assert shard.name == f"entries-{key[0]}.json"
            keys.add(key)
    return keys


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "b.md").write_text("# 报告\n\n1. 项目\n3. 项目\n", encoding="utf-8")
    write_docx(drafts / "c.docx", ["一、总体情况", "三、存在问题", "某某单位"])
    (drafts / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return tmp_path


def test_a_hit_gives_the_fresh_report(project: Path) -> None:
    fresh = _lint(project, "--no-cache", "drafts")
    assert not (project / ".draftlint_cache").exists()  # --no-cache neither reads nor writes
    cold = _lint(project, "drafts")
    entries = _entries(project)
    assert len(entries) == 3  # the unreadable file is never cached
    warm = _lint(project, "drafts")
    assert cold == fresh and warm == fresh
    assert fresh[0] == 2 and "broken.docx" in fresh[2]
    assert fresh[1]["summary"]["findings"] >= 5
    assert _entries(project) == entries  # nothing new: every file was a hit
    assert (project / ".draftlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_text_report_from_the_cache_is_the_same(project: Path) -> None:
    def text() -> str:
        done = subprocess.run([*lint_executable(), "-j", "1", "drafts"], cwd=project,
                              capture_output=True, timeout=300)  # fmt: skip
        return done.stdout.decode("utf-8")

    first, second = text(), text()
    assert "N001" in first and second == first


def test_a_changed_configuration_misses(project: Path) -> None:
    before = _lint(project, "drafts")
    codes = {f["code"] for file in before[1]["files"] for f in file["findings"]}
    assert "W001" in codes
    entries = _entries(project)
    config = project / ".draftlint.toml"
    config.write_text('ignore = ["W001"]\n[severity]\nN001 = "warning"\n', encoding="utf-8")
    after = _lint(project, "drafts")
    assert after == _lint(project, "--no-cache", "drafts")
    after_codes = {f["code"] for file in after[1]["files"] for f in file["findings"]}
    assert "W001" not in after_codes
    assert {f["severity"] for file in after[1]["files"] for f in file["findings"]
            if f["code"] == "N001"} == {"warning"}  # fmt: skip
    assert len(_entries(project) - entries) == 3  # new keys, old entries untouched
    config.unlink()
    assert _lint(project, "drafts") == before  # the first configuration's entries again


def test_flags_language_and_content_are_part_of_the_key(project: Path) -> None:
    base = _lint(project, "drafts")
    english = _lint(project, "--lang", "en", "drafts")
    assert english == _lint(project, "--no-cache", "--lang", "en", "drafts")
    assert english[1] != base[1]
    selected = _lint(project, "--select", "N", "drafts")
    assert {f["code"][0] for file in selected[1]["files"] for f in file["findings"]} == {"N"}
    (project / "drafts" / "a.txt").write_text(DRAFT + "二是二是\n", encoding="utf-8")
    changed = _lint(project, "drafts")
    assert changed == _lint(project, "--no-cache", "drafts")
    assert changed[1] != base[1]


def test_a_changed_profile_misses(project: Path) -> None:
    (project / "drafts" / "a.txt").write_text("测试报告\n一、总体情况\n二、存在问题\n",
                                              encoding="utf-8")  # fmt: skip
    profiles = project / ".draftlint" / "profiles"
    profiles.mkdir(parents=True)
    profile = profiles / "测试报告.toml"
    profile.write_text(
        'name = "测试报告"\ntitle_patterns = ["测试报告"]\n'
        '[[sections]]\nname = "总体情况"\nrequired = true\nsynonyms = ["总体情况"]\n',
        encoding="utf-8",
    )
    first = _lint(project, "drafts")
    profile.write_text(profile.read_text(encoding="utf-8") +
                       '[[sections]]\nname = "经验启示"\nrequired = true\nsynonyms = ["经验启示"]\n',
                       encoding="utf-8")  # fmt: skip
    second = _lint(project, "drafts")
    assert second == _lint(project, "--no-cache", "drafts")
    missing = [f for f in second[1]["files"][0]["findings"] if f["code"] == "S001"]
    assert missing and not [f for f in first[1]["files"][0]["findings"] if f["code"] == "S001"]


def test_a_damaged_entry_is_a_miss_and_the_cache_is_never_linted(project: Path) -> None:
    fresh = _lint(project, "drafts")
    assert _entries(project)
    for pack in (_generation(project / ".draftlint_cache") / "packs").iterdir():
        pack.write_bytes(b"{not json" * (pack.stat().st_size // 9 + 1))
    assert _lint(project, "drafts") == fresh
    (project / ".draftlint_cache" / "stray.txt").write_text(DRAFT, encoding="utf-8")
    whole = _lint(project, ".")
    assert not [f for f in whole[1]["files"] if ".draftlint_cache" in f["path"]]


def test_per_file_ignores_hold_for_hits_in_one_folder(project: Path) -> None:
    """Files of one folder share their settings unless a per-file ignore sets one apart."""
    (project / "drafts" / "b.txt").write_text(DRAFT, encoding="utf-8")
    (project / ".draftlint.toml").write_text(
        '[per-file-ignores]\n"drafts/b.txt" = ["placeholder"]\n', encoding="utf-8"
    )
    fresh = _lint(project, "--no-cache", "drafts")
    cold, warm = _lint(project, "drafts"), _lint(project, "drafts")
    assert cold == fresh and warm == fresh
    by_path = {Path(f["path"]).name: f["findings"] for f in fresh[1]["files"]}
    assert any(f["code"] == "P001" for f in by_path["a.txt"])
    assert not any(f["code"] == "P001" for f in by_path["b.txt"])
    assert len(_entries(project)) == 4


# Runs lint in this interpreter with the index's two-second wait switched off, so a file
# written a moment ago is recorded (the test cannot wait for the clock).
_NO_WAIT = """
import sys
import draftlint.cache
draftlint.cache._SETTLED_NS = 0
from draftlint.cli import main
main(sys.argv[1:])
"""


def _lint_no_wait(cwd: Path, *args: str, jobs: str = "1") -> tuple[int, dict, str]:
    import sys

    done = subprocess.run([sys.executable, "-c", _NO_WAIT, "--format", "json", "-j", jobs, *args],
                          cwd=cwd, capture_output=True, timeout=300)  # fmt: skip
    return done.returncode, json.loads(done.stdout.decode("utf-8")), done.stderr.decode("utf-8")


def test_the_file_index_spares_reading_and_sees_every_change(project: Path) -> None:
    fresh = _lint(project, "--no-cache", "drafts")
    cold = _lint_no_wait(project, "drafts")
    index = json.loads((project / ".draftlint_cache" / "files.json").read_text(encoding="utf-8"))
    assert len(index) == 4  # every file read (broken.docx too), by absolute path
    warm = _lint_no_wait(project, "drafts")
    assert cold == fresh and warm == fresh
    draft = project / "drafts" / "a.txt"
    changed = DRAFT.replace("X次", "5次")  # same size in bytes: only the times tell
    assert len(changed.encode()) == len(DRAFT.encode())
    draft.write_text(changed, encoding="utf-8")
    after = _lint_no_wait(project, "drafts")
    assert after == _lint(project, "--no-cache", "drafts")
    assert after != fresh


def test_a_file_changed_a_moment_ago_is_not_recorded(tmp_path: Path) -> None:
    from draftlint.cache import ResultCache

    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    cache = ResultCache(tmp_path / ".draftlint_cache")
    info = draft.stat()
    cache.record_digest(draft, info, cache.digest(draft.read_bytes()))
    cache.save()
    assert not (tmp_path / ".draftlint_cache" / "files.json").exists()
    old = info.st_mtime - 60
    import os

    os.utime(draft, (old, old))  # the change time stays now: still too recent
    cache.record_digest(draft, draft.stat(), cache.digest(draft.read_bytes()))
    assert cache.known_digest(draft, draft.stat()) is None


def test_a_damaged_index_means_hashing(project: Path) -> None:
    fresh = _lint(project, "--no-cache", "drafts")
    _lint_no_wait(project, "drafts")
    (project / ".draftlint_cache" / "files.json").write_text("{not json", encoding="utf-8")
    assert _lint_no_wait(project, "drafts") == fresh
    index = json.loads((project / ".draftlint_cache" / "files.json").read_text(encoding="utf-8"))
    assert len(index) == 4  # written again whole


def test_workers_record_every_digest(project: Path) -> None:
    for index in range(12):
        (project / "drafts" / f"more{index:02}.txt").write_text(
            DRAFT * (index + 1), encoding="utf-8"
        )
    fresh = _lint(project, "--no-cache", "drafts")
    assert _lint_no_wait(project, "drafts", jobs="2") == fresh
    index = json.loads((project / ".draftlint_cache" / "files.json").read_text(encoding="utf-8"))
    assert len(index) == 16  # each worker added its own files to the index
    assert len(_entries(project)) == 15  # and its entries (broken.docx has none)
    packs = (_generation(project / ".draftlint_cache") / "packs").iterdir()
    lines = b"".join(pack.read_bytes() for pack in packs).splitlines()
    assert len(lines) == 15  # each once: a worker never saves what its parent made
    assert _lint_no_wait(project, "drafts", jobs="2") == fresh


def test_a_run_writes_one_pack_not_one_file_per_entry(project: Path) -> None:
    """Creating a file costs far more than writing its bytes: a process's entries go to one
    pack, written when it finishes."""
    fresh = _lint(project, "--no-cache", "drafts")
    assert _lint(project, "drafts") == fresh
    root = project / ".draftlint_cache"
    assert len(_entries(project)) == 3
    packs = _generation(root) / "packs"
    assert len(list(packs.iterdir())) == 1
    assert _lint(project, "drafts") == fresh
    assert len(list(packs.iterdir())) == 1  # all hits: nothing written


def test_a_stopped_run_keeps_what_it_linted(project: Path) -> None:
    """The report's reader goes away (a closed pipe) after the first file: the files linted
    by then are in the cache."""
    import sys

    for index in range(30):
        (project / "drafts" / f"more{index:02}.txt").write_text(DRAFT * (index + 1),
                                                               encoding="utf-8")  # fmt: skip
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([sys.executable, "-m", "draftlint", "-j", "1", "drafts"], cwd=project,
                   stdout=reader.stdin, stderr=subprocess.DEVNULL, timeout=300)  # fmt: skip
    reader.stdin.close()
    reader.wait()
    assert len(_entries(project)) >= 1


_SAVE_OFTEN = """
import sys
import draftlint.cache
draftlint.cache._SAVE_SECONDS = 0.0
from draftlint.cli import main
main(sys.argv[1:])
"""


def test_a_stopped_worker_keeps_what_it_saved_on_the_way(project: Path) -> None:
    """-j workers stopped early (SIGTERM when the run ends early) write no entries at the
    end, so each saves every few seconds on the way (here: after every file)."""
    import sys

    for index in range(40):
        (project / "drafts" / f"more{index:02}.txt").write_text(DRAFT * (index + 1),
                                                               encoding="utf-8")  # fmt: skip
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([sys.executable, "-c", _SAVE_OFTEN, "-j", "2", "drafts"], cwd=project,
                   stdout=reader.stdin, stderr=subprocess.DEVNULL, timeout=300)  # fmt: skip
    reader.stdin.close()
    reader.wait()
    assert len(_entries(project)) >= 1


def test_ctrl_c_keeps_what_the_workers_linted(project: Path) -> None:
    """Ctrl-C reaches every process of the run: each -j worker saves what it linted."""
    import os
    import signal
    import sys

    for index in range(400):
        (project / "drafts" / f"more{index:03}.txt").write_text(DRAFT * (index % 7 + 1),
                                                                encoding="utf-8")  # fmt: skip
    run = subprocess.Popen([sys.executable, "-m", "draftlint", "--format", "json", "-j", "2",
                            "drafts"], cwd=project, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    assert run.stdout is not None
    seen = run.stdout.read(4000)  # the workers' first results have been written
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C does
    run.communicate(timeout=300)
    assert run.returncode == 130 and seen.count(b'"path"') >= 2
    kept = len(_entries(project))
    assert kept >= seen.count(b'"path"') and kept < 404


def test_entries_of_other_code_versions_go_after_a_week(project: Path) -> None:
    import os
    import time

    _lint(project, "drafts")
    root = project / ".draftlint_cache"
    current = _generation(root)
    recent, old, foreign = (
        root / "0123456789abcdef",
        root / "fedcba9876543210",
        root / "aaaabbbbccccdddd",
    )
    for folder in (recent, old, foreign):
        (folder / "packs").mkdir(parents=True)
    (foreign / "notes.txt").write_text("not draftlint's", encoding="utf-8")
    legacy, kept = root / "ab", root / "cd"  # the first layout: xx/<key>.json
    legacy.mkdir()
    (legacy / ("ab" + "0" * 62 + ".json")).write_text("{}", encoding="utf-8")
    kept.mkdir()
    (kept / "photo.jpg").write_bytes(b"\xff\xd8")  # someone else's, in a two-letter folder
    week_ago = time.time() - 8 * 86400
    for folder in (old, foreign):
        os.utime(folder, (week_ago, week_ago))
    (project / "drafts" / "new.txt").write_text(DRAFT + "新", encoding="utf-8")
    _lint(project, "drafts")  # saves a new entry: old stamps are looked at
    assert current.exists() and recent.exists()
    assert not old.exists() and not legacy.exists()
    assert (foreign / "notes.txt").exists() and (kept / "photo.jpg").exists()


def _run(cwd: Path, *args: str, user_cache: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "DRAFTLINT_CACHE_DIR": str(user_cache)}
    return subprocess.run([*lint_executable(), *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)  # fmt: skip


def test_cache_dir_puts_the_content_cache_elsewhere(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("ci") / "lint-cache"
    fresh = _lint(project, "--no-cache", "drafts")
    assert _lint(project, "--cache-dir", str(elsewhere), "drafts") == fresh
    assert not (project / ".draftlint_cache").exists()
    entries = _entries_in(elsewhere)
    assert len(entries) == 3
    assert _lint(project, "--cache-dir", str(elsewhere), "drafts") == fresh  # read back
    assert _entries_in(elsewhere) == entries


def test_clean_removes_both_caches_and_nothing_else(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    user_cache = tmp_path_factory.mktemp("user-cache")
    (user_cache / "notes.txt").write_text("mine", encoding="utf-8")
    assert _run(project, "check", "-j", "1", "drafts", user_cache=user_cache).returncode == 2
    assert _entries(project)
    assert len(list(user_cache.iterdir())) > 1  # patterns, rule data … were kept there
    done = _run(project, "clean", user_cache=user_cache)
    assert done.returncode == 0, done.stderr
    assert not (project / ".draftlint_cache").exists()
    assert [p.name for p in user_cache.iterdir()] == ["notes.txt"]
    assert "removed" in done.stdout
    assert (project / "drafts" / "a.txt").exists()
    again = _run(project, "clean", user_cache=user_cache)
    assert again.returncode == 0 and "no cache to remove" in again.stdout


def test_clean_never_deletes_a_folder_that_is_not_its_cache(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    user_cache = tmp_path_factory.mktemp("user-cache")
    done = _run(project, "clean", "--cache-dir", "drafts", user_cache=user_cache)
    assert done.returncode == 2
    assert "drafts" in done.stderr and "not draftlint's cache" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (project / "drafts" / "a.txt").exists()
    (project / "drafts" / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n",
                                                     encoding="utf-8")  # fmt: skip
    assert _run(project, "clean", "--cache-dir", "drafts", user_cache=user_cache).returncode == 2
    assert (project / "drafts" / "a.txt").exists()  # another program's cache tag: not ours


def test_an_empty_cache_dir_is_marked_as_the_cache_and_cleaned(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    user_cache = tmp_path_factory.mktemp("user-cache")
    empty = tmp_path_factory.mktemp("ci-cache")  # made by a CI step before the run
    assert _lint(project, "--cache-dir", str(empty), "drafts")[0] == 2
    assert (empty / "CACHEDIR.TAG").exists() and _entries_in(empty)
    done = _run(project, "clean", "--cache-dir", str(empty), user_cache=user_cache)
    assert done.returncode == 0 and not empty.exists()


def test_a_cache_dir_holding_other_files_is_used_but_never_cleaned(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    user_cache = tmp_path_factory.mktemp("user-cache")
    shared = tmp_path_factory.mktemp("build")
    (shared / ".gitignore").write_text("*.o\n", encoding="utf-8")
    (shared / "report.pdf").write_bytes(b"%PDF")
    fresh = _lint(project, "--no-cache", "drafts")
    assert _lint(project, "--cache-dir", str(shared), "drafts") == fresh
    assert not (shared / "CACHEDIR.TAG").exists()
    assert (shared / ".gitignore").read_text(encoding="utf-8") == "*.o\n"
    done = _run(project, "clean", "--cache-dir", str(shared), user_cache=user_cache)
    assert done.returncode == 2 and (shared / "report.pdf").exists()


def test_clean_leaves_what_others_put_in_the_cache_folder(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    user_cache = tmp_path_factory.mktemp("user-cache")
    _lint(project, "drafts")
    root = project / ".draftlint_cache"
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    done = _run(project, "clean", user_cache=user_cache)
    assert done.returncode == 0 and "the others are left" in done.stdout
    assert [p.name for p in root.iterdir()] == ["notes.txt"]


def test_a_cache_dir_is_marked_only_when_it_holds_nothing_else(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Month folders (01, 02 … 12) look like an old cache layout: they are never taken
    for the cache's, pruned or cleaned."""
    user_cache = tmp_path_factory.mktemp("user-cache")
    archive = tmp_path_factory.mktemp("archive")
    for month in ("01", "02", "12"):
        (archive / month).mkdir()
        (archive / month / "minutes.txt").write_text("会议纪要", encoding="utf-8")
    _lint(project, "--cache-dir", str(archive), "drafts")
    assert not (archive / "CACHEDIR.TAG").exists()
    assert (
        _run(project, "clean", "--cache-dir", str(archive), user_cache=user_cache).returncode == 2
    )
    assert all((archive / month / "minutes.txt").exists() for month in ("01", "02", "12"))


def test_a_save_waits_for_a_stuck_lock_only_so_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    import draftlint.cache as cache_module
    from draftlint.cache import ResultCache

    monkeypatch.setattr(cache_module, "_LOCK_SECONDS", 0.2)
    root = tmp_path / ".draftlint_cache"
    root.mkdir()
    with open(root / "files.json.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another run, stuck
        cache = ResultCache(root)
        cache.put("a" * 64, [], "txt", None)
        cache.save()  # gives up instead of waiting for ever
    assert ResultCache(root).get("a" * 64) is None
    cache.put("b" * 64, [], "txt", None)
    cache.save()  # the lock is free again
    assert ResultCache(root).get("b" * 64) is not None


def test_a_save_stopped_midway_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C (or the run's end) between writing a pack and naming its entries: the
    entries are still pending, so the process's last save keeps them."""
    from draftlint.cache import ResultCache
    from draftlint.packstore import PackStore

    root = tmp_path / ".draftlint_cache"
    cache = ResultCache(root)
    cache.put("a" * 64, [], "txt", None)
    merge = PackStore.merge

    def stopped(self: PackStore, places: dict) -> None:
        monkeypatch.setattr(PackStore, "merge", merge)
        raise KeyboardInterrupt

    monkeypatch.setattr(PackStore, "merge", stopped)
    with pytest.raises(KeyboardInterrupt):
        cache.save()
    cache.save()
    assert ResultCache(root).get("a" * 64) is not None
