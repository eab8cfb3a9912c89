"""Parsed TOML kept in the user cache (draftlint.datacache): the same data as tomllib, a
fresh object each time, and an edited file is read afresh."""

from __future__ import annotations

import datetime
import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.lint import run_lint

import draftlint.datacache as datacache
from draftlint.resources import rules_dir
from draftlint.usercache import Store

PROFILE = """name = "测试报告"
title_patterns = ['测试报告$']
[[sections]]
name = "{section}"
required = true
synonyms = ["{section}"]
"""


@pytest.fixture
def store(fresh_store: Callable[..., Store]) -> Store:
    return fresh_store(datacache, "test-toml")


def test_same_data_as_tomllib_and_a_fresh_object_each_time(store: Store) -> None:
    for path in sorted(rules_dir().rglob("*.toml")):
        text = path.read_text(encoding="utf-8")
        first = datacache.parse_toml(text)
        assert first == tomllib.loads(text)
        first.clear()  # a caller changing its copy changes nobody else's
        assert datacache.parse_toml(text) == tomllib.loads(text)
    store.save()
    reread = Store("test-toml")
    assert len(reread._load()) == len(list(rules_dir().rglob("*.toml")))


def test_dates_are_parsed_every_time_and_errors_are_tomllibs(store: Store) -> None:
    text = "day = 2026-01-02\n"
    assert datacache.parse_toml(text) == {"day": datetime.date(2026, 1, 2)}
    assert store.get(text) is None
    with pytest.raises(tomllib.TOMLDecodeError) as tomllibs:
        tomllib.loads("key = \n")
    with pytest.raises(datacache.TomlError) as ours:  # tomllib is imported only to parse
        datacache.parse_toml("key = \n")
    assert str(ours.value) == str(tomllibs.value)
    assert isinstance(ours.value, ValueError)


def test_a_damaged_entry_is_parsed_afresh(store: Store) -> None:
    store.put("a = 1\n", b"\x00not marshal")
    assert datacache.parse_toml("a = 1\n") == {"a": 1}


def test_an_edited_user_profile_is_read_afresh(tmp_path: Path) -> None:
    profiles = tmp_path / "project" / ".draftlint" / "profiles"
    profiles.mkdir(parents=True)
    draft = tmp_path / "project" / "draft.txt"
    draft.write_text("年度测试报告\n一、工作情况\n内容。\n", encoding="utf-8")
    env = {"DRAFTLINT_CACHE_DIR": str(tmp_path / "cache")}

    def missing(section: str) -> list[str]:
        (profiles / "测试报告.toml").write_text(PROFILE.format(section=section), encoding="utf-8")
        done = run_lint("--format", "json", "--no-cache", "--select", "S001", str(draft), env=env)
        findings = json.loads(done.stdout)["files"][0]["findings"]
        return [f["message"] for f in findings]

    first = missing("存在问题")
    assert len(first) == 1 and "存在问题" in first[0]
    second = missing("下步打算")
    assert len(second) == 1 and "下步打算" in second[0]
    assert missing("存在问题") == first
