"""Finds every rule: each module in ``draftlint.rules`` defines one ``Rule`` subclass.

Adding a rule is adding a module (plus its data in ``rules/``); nothing else lists them.
Selectors accept a code (N002), a code prefix (N), a name (numbering-repeat), an alias,
a tag (numbering) or ALL, as in ruff and markdownlint.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache

from draftlint import rules as rules_package
from draftlint.rule import Rule


class UnknownSelector(ValueError):
    pass


@cache
def all_rules() -> tuple[type[Rule], ...]:
    found: list[type[Rule]] = []
    for info in pkgutil.iter_modules(rules_package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{rules_package.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value is not Rule
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return tuple(sorted(found, key=lambda rule: rule.code))


def find_rule(key: str) -> type[Rule] | None:
    wanted = key.strip().lower()
    for rule in all_rules():
        if wanted in (name.lower() for name in rule.names()):
            return rule
    return None


def _matches(rule: type[Rule], selector: str) -> bool:
    wanted = selector.strip().lower()
    if wanted == "all":
        return True
    if wanted in (name.lower() for name in rule.names()):
        return True
    if wanted in (tag.lower() for tag in rule.tags):
        return True
    return rule.code.lower().startswith(wanted) and wanted[:1].isalpha()


def expand(selectors: Iterable[str]) -> set[type[Rule]]:
    chosen: set[type[Rule]] = set()
    for selector in selectors:
        matched = {rule for rule in all_rules() if _matches(rule, selector)}
        if not matched:
            raise UnknownSelector(selector)
        chosen |= matched
    return chosen


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> tuple[type[Rule], ...]:
    chosen = expand(select) if select else set(all_rules())
    if ignore:
        chosen -= expand(ignore)
    return tuple(rule for rule in all_rules() if rule in chosen)
