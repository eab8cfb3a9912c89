"""A pattern's shape is computed once per user: a run saves what it asked, a later run reads
it back without parsing, and a saved entry is exactly what the parse gives."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest
from tests.helpers.lint import run_lint

from draftlint.analysis import regex_shape
from draftlint.analysis.regex_shape import Shape, anchored_at_start, shape

DRAFT = "一、总体情况\n全年完成X次检查，“第一议题”学习,共计3.5%。\n三、存在问题\n"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """This process's shapes forgotten, and the user cache in ``tmp_path``."""
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path))
    regex_shape._store.cache_clear()
    monkeypatch.setattr(regex_shape, "_shapes", {})
    yield tmp_path
    regex_shape._store.cache_clear()


def _saved(folder: Path) -> dict:
    (store,) = folder.glob("shapes-*.marshal")
    return marshal.loads(store.read_bytes())


def test_a_run_saves_the_shapes_it_asked_and_they_are_the_parse(fresh: Path) -> None:
    draft = fresh / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    run_lint("--no-cache", str(draft), env={"DRAFTLINT_CACHE_DIR": str(fresh)})
    saved = _saved(fresh)
    assert len(saved) >= 10
    for (pattern, flags), entry in saved.items():
        assert entry == tuple(regex_shape._shape(pattern, flags)), pattern


def test_a_saved_shape_is_read_without_parsing(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = [("[，,；;]{2,}", 0), ("(?<=[一-龥])X次", 0), ("^第.章$", 8), ("a\\b", 0)]
    expected = {key: regex_shape._shape(*key) for key in asked}
    for key in asked:
        shape(*key)
    regex_shape._store().save()  # as the process's exit does
    regex_shape._store.cache_clear()
    monkeypatch.setattr(regex_shape, "_shapes", {})

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regex_shape._parser, "parse", no_parse)
    assert {key: shape(*key) for key in asked} == expected
    assert expected[("^第.章$", 8)].anchored_at_start is False  # MULTILINE: not anchored
    assert expected[("a\\b", 0)].newline_sensitive is True


@pytest.mark.parametrize("entry", [("x",), "not a tuple", (("a",), ("b",), 1, 0, 0, 0, 0)])
def test_a_damaged_entry_is_computed_afresh(fresh: Path, entry: object) -> None:
    key = ("[，,]", 0)
    store = regex_shape._store()
    assert store is not None
    store.put(key, entry)
    found = shape(*key)
    assert found == regex_shape._shape(*key) and isinstance(found, Shape)
    assert found.lead_chars == ("，", ",") and found.lead_is_first


@pytest.mark.parametrize("pattern", ["(", "a)(?:b", "a{2,1}"])
def test_a_pattern_that_does_not_parse_raises(fresh: Path, pattern: str) -> None:
    """As parsing it does: a broken paragraph-scope pattern in the rule data is an error,
    even one that would read as a valid pattern once wrapped in (?:…) and joined."""
    with pytest.raises(re.error):
        anchored_at_start(pattern)
    with pytest.raises(re.error):
        shape(pattern)


def test_a_regex_flag_is_saved_as_a_number(fresh: Path) -> None:
    shape("x", re.MULTILINE)
    store = regex_shape._store()
    assert store is not None
    store.save()
    assert _saved(fresh) == {("x", 8): tuple(regex_shape._shape("x", 8))}
