"""Every rule's documented examples run as tests, so the docs cannot drift from the code."""

from __future__ import annotations

import re

import pytest

from draftlint.model import Severity
from draftlint.registry import all_rules, find_rule

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_bad_example_is_flagged(rule, lint_text) -> None:
    if getattr(rule, "examples_need_word", False):
        pytest.skip(f"{rule.code} exists only in Word files: its own tests build them")
    codes = [f.code for f in lint_text(rule.example_bad, select=rule.code)]
    assert rule.code in codes


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_good_example_is_clean(rule, lint_text) -> None:
    assert [f.code for f in lint_text(rule.example_good, select=rule.code)] == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_is_documented(rule) -> None:
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    assert rule.tags
    for field in (rule.summary, rule.why):
        assert field["zh"] and field["en"]
    assert set(rule.message) >= {"zh", "en"}
    assert rule.source
    assert find_rule(rule.code) is rule and find_rule(rule.name) is rule


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
