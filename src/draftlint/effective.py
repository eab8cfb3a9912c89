"""The settings one file is linted with: its configuration, then the command line on top.

Rule selection is layered as in ruff: the configuration, then the flags; in each layer a
``select`` starts over, ``extend-select`` adds, ``ignore``/``extend-ignore`` remove. A
file's ``per-file-ignores`` are removed last.
"""

from __future__ import annotations

import fnmatch
from dataclasses import field
from pathlib import Path
from typing import Any

from draftlint.config import Config
from draftlint.files import relative_parts
from draftlint.model import LintOptions, Severity
from draftlint.records import dataclass
from draftlint.registry import all_rules, expand
from draftlint.rule import Rule


@dataclass(slots=True)
class Flags:
    """What the command line said; None / empty means "not given"."""

    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    profile: str | None = None
    profiles_dir: str | None = None
    lang: str | None = None


@dataclass(slots=True)
class Effective:
    """What applies to one file: its rules, options, severities and allowed texts."""

    rules: tuple[type[Rule], ...]
    options: LintOptions
    severity: dict[str, Severity]  # code → level
    allow: dict[str, list[str]]  # code → texts left alone
    sources: dict[str, str]  # key → where its value came from
    values: dict[str, Any]  # key → the value shown by `lint config`


def _relative_parts(path: Path | None, root: Path) -> str | None:
    if path is None:
        return None
    parts = relative_parts(path, root)
    return path.name if parts is None else "/".join(parts)


def per_file_ignores(config: Config, path: Path | None) -> list[str]:
    if not config.values.get("per-file-ignores"):
        return []
    relative = _relative_parts(path, config.root)
    if relative is None:
        return []
    ignored: list[str] = []
    for glob, codes in config.values.get("per-file-ignores", {}).items():
        pattern = glob.strip("/")
        name = relative.rsplit("/", 1)[-1]
        if fnmatch.fnmatchcase(relative, pattern) or (
            "/" not in pattern and fnmatch.fnmatchcase(name, pattern)
        ):
            ignored += codes
    return ignored


def resolve(config: Config, flags: Flags, path: Path | None, lang: str) -> Effective:
    """The settings for ``path``."""
    return settings(config, flags, per_file_ignores(config, path), lang)


def settings(config: Config, flags: Flags, ignored_here: list[str], lang: str) -> Effective:
    """The settings of ``config`` with the command line's ``flags`` and a file's own ignores
    (``per_file_ignores``). A run asks once per distinct answer (``lint_run.Run._effective``)."""
    origin = str(config.path) if config.path is not None else "default"
    values, sources = config.values, {}
    chosen = set(all_rules())
    shown: dict[str, Any] = {}
    for layer, where in ((values, origin), (_flag_values(flags), "command line")):
        if layer.get("select"):
            chosen = expand(layer["select"])
        chosen |= expand(layer.get("extend-select", []))
        chosen -= expand([*layer.get("ignore", []), *layer.get("extend-ignore", [])])
        for key in ("select", "extend-select", "ignore", "extend-ignore"):
            if layer.get(key):
                shown[key] = list(layer[key])
                sources[key] = where
    chosen -= expand(ignored_here)
    if "per-file-ignores" in values:
        shown["per-file-ignores"] = values["per-file-ignores"]
        sources["per-file-ignores"] = origin
    severity: dict[str, Severity] = {}
    for selector, level in values.get("severity", {}).items():
        for rule in expand([selector]):
            severity[rule.code] = Severity(level)
    settings = config.rule_settings()
    by_name = {rule.name: rule.code for rule in all_rules()}
    allow = {by_name[name]: list(table.get("allow", [])) for name, table in settings.items()}
    profile = flags.profile if flags.profile is not None else values.get("profile")
    profiles_dir = flags.profiles_dir
    if profiles_dir is None and "profiles-dir" in values:
        profiles_dir = str(config.root / values["profiles-dir"])
    for key, flag in (("profile", flags.profile), ("profiles-dir", flags.profiles_dir)):
        if flag is not None:
            shown[key], sources[key] = flag, "command line"
        elif key in values:
            shown[key], sources[key] = values[key], origin
    for key in ("severity", "rules", "exclude", "extend-exclude"):
        if key in values:
            shown[key], sources[key] = values[key], origin
    shown["lang"] = lang
    sources["lang"] = "command line" if flags.lang else origin if "lang" in values else "default"
    options = LintOptions(lang=lang, profile=profile, profiles_dir=profiles_dir,
                          settings=settings)  # fmt: skip
    rules = tuple(rule for rule in all_rules() if rule in chosen)
    shown["rules-run"] = [rule.code for rule in rules]
    sources["rules-run"] = "computed"
    shown["exclude-effective"] = config.excludes
    sources["exclude-effective"] = origin if {"exclude", "extend-exclude"} & set(values) else (
        "default")  # fmt: skip
    return Effective(rules, options, severity, allow, sources, shown)


def _flag_values(flags: Flags) -> dict[str, list[str]]:
    return {
        "select": flags.select,
        "extend-select": flags.extend_select,
        "ignore": flags.ignore,
        "extend-ignore": flags.extend_ignore,
    }
