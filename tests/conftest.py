"""Fixtures: the seeds, real .docx files made with python-docx, in-process lint runs."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from tests.helpers.lint import SEED_NAMES, SEEDS, seed_paragraphs, write_docx

_OWN_CACHE_DIR: list[str] = []  # the user cache folder this process made for the run


def pytest_configure(config: pytest.Config) -> None:
    """One user cache folder for the whole run (and the xdist workers and ``lint``
    subprocesses it starts), removed after: the suite never writes to the real user's."""
    if "DRAFTLINT_CACHE_DIR" not in os.environ:
        _OWN_CACHE_DIR.append(tempfile.mkdtemp(prefix="draftlint-test-cache-"))
        os.environ["DRAFTLINT_CACHE_DIR"] = _OWN_CACHE_DIR[0]
    # -j forks its workers after the first file, not after 0.06 s of linting alone: the
    # tests' few small files would otherwise all be linted before any worker exists.
    os.environ.setdefault("DRAFTLINT_SERIAL_SECONDS", "0")


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _OWN_CACHE_DIR:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop("DRAFTLINT_CACHE_DIR", None)


@pytest.fixture
def seed() -> Callable[[str], Path]:
    """Path of a seed draft by number ("000"); skips cleanly when ../shared is absent."""

    def get(name: str) -> Path:
        path = SEEDS / SEED_NAMES[name]
        if not path.exists():
            pytest.skip("../shared/seeds is not beside this checkout")
        return path

    return get


@pytest.fixture
def seed_docx(tmp_path: Path, seed: Callable[[str], Path]) -> Callable[[str], Path]:
    """A seed as .docx, one paragraph per non-empty line."""

    def get(name: str) -> Path:
        seed(name)
        return write_docx(tmp_path / f"{name}.docx", seed_paragraphs(name))

    return get


@pytest.fixture
def lint_text(tmp_path: Path) -> Callable[..., list]:
    """Lint a text in-process and return its findings (fast path for rule tests)."""
    from draftlint.engine import lint_document
    from draftlint.model import LintOptions
    from draftlint.readers import read_bytes
    from draftlint.registry import select_rules

    def run(text: str, select: str | None = None, suffix: str = ".txt", **options: Any) -> list:
        document = read_bytes(text.encode("utf-8"), f"draft{suffix}")
        rules = select_rules(select.split(",") if select else None)
        return lint_document(document, rules, LintOptions(**options))

    return run


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the children forked while the test runs (os.fork recorded)."""
    pids: list[int] = []
    fork = os.fork

    def recording_fork() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    return pids


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Any]]:
    """``fresh_store(module, name)``: ``module``'s user-cache store replaced by a new, empty
    one named ``name``, in a cache folder of the test's own (nothing reaches the user's)."""
    from draftlint.usercache import Store

    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path))
    made: list[Store] = []

    def replace(module: ModuleType, name: str) -> Store:
        store = Store(name)
        monkeypatch.setattr(module, "_store", store)
        made.append(store)
        return store

    yield replace
    for store in made:
        store._added = False  # nothing left to write at exit
