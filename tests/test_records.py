"""draftlint.records.dataclass: the standard library's classes, their methods' code kept in
the user cache so that a later process does not compile it again."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType

import pytest

import draftlint.records as records
from draftlint.usercache import Store


@pytest.fixture
def store(fresh_store: Callable[..., Store]) -> Store:
    return fresh_store(records, "test-records")


def make_classes(decorator):  # type: ignore[no-untyped-def]
    @decorator(frozen=True, slots=True)
    class Span:
        start: int
        end: int = 0
        tags: tuple[str, ...] = ()

    @decorator
    class Bag:
        name: str
        items: list[int] = dataclasses.field(default_factory=list)

    return Span, Bag


def test_the_same_classes_as_dataclasses(store: Store) -> None:
    ours, theirs = make_classes(records.dataclass), make_classes(dataclasses.dataclass)
    for mine, standard in zip(ours, theirs, strict=True):
        assert dataclasses.is_dataclass(mine)
        assert [f.name for f in dataclasses.fields(mine)] == [
            f.name for f in dataclasses.fields(standard)
        ]
        assert mine.__doc__ == standard.__doc__
    span = ours[0](1, 2)
    assert (span, repr(span), hash(span)) == (ours[0](1, 2), "make_classes.<locals>.Span(start=1, end=2, tags=())",
                                              hash(ours[0](1, 2)))  # fmt: skip
    assert not hasattr(span, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    first, second = ours[1]("a"), ours[1]("b")
    first.items.append(1)
    assert second.items == [] and first != second
    with pytest.raises(TypeError):
        ours[1]()  # type: ignore[call-arg]


def test_methods_code_is_kept_and_reused(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    make_classes(records.dataclass)
    saved = store._entries or {}
    assert saved and all(type(code) is CodeType for code in saved.values())
    assert any("def __init__" in source for source in saved)
    compiled: list[str] = []
    real_compile = compile

    def counting_compile(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append(source)
        return real_compile(source, *args, **kwargs)

    monkeypatch.setattr(records, "compile", counting_compile, raising=False)
    Span, _ = make_classes(records.dataclass)
    assert compiled == []  # every method's code came from the store
    assert Span(5).end == 0
    assert "exec" not in vars(dataclasses)  # the standard module is left as it was


def test_a_damaged_entry_is_compiled_again(store: Store) -> None:
    make_classes(records.dataclass)
    for source in list(store._entries or {}):
        store.put(source, b"not code")
    Span, _ = make_classes(records.dataclass)
    assert Span(1, 2) == Span(1, 2)


COUNT_COMPILES = """
import draftlint.records as records
compiled = []
def counting(source, *args, **kwargs):
    compiled.append(source)
    return compile(source, *args, **kwargs)
records.compile = counting
from draftlint.model import Finding
print(len(compiled), Finding.__init__.__code__.co_filename)
"""


def test_a_second_process_reads_the_saved_code(tmp_path: Path) -> None:
    env = {"DRAFTLINT_CACHE_DIR": str(tmp_path), "PATH": ""}
    counts = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", COUNT_COMPILES], env=env,
                              capture_output=True, text=True, check=True)  # fmt: skip
        count, filename = done.stdout.split()
        counts.append(int(count))
        assert filename == "<string>"
    assert counts[0] > 10 and counts[1] == 0  # the second process compiled nothing
    assert list(tmp_path.glob("records-*.marshal"))


def test_threads_making_classes_at_once_leave_dataclasses_as_it_was(store: Store) -> None:
    import threading

    errors: list[BaseException] = []

    def make_many() -> None:
        try:
            for _ in range(40):
                make_classes(records.dataclass)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=make_many) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert "exec" not in vars(dataclasses)
