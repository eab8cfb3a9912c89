"""Configuration files: ``[tool.draftlint]`` in pyproject.toml, ``.draftlint.toml``, ``draftlint.toml``.

As in ruff, each linted file uses the nearest configuration above it (no merging across
levels), and command-line flags override it. A configuration is validated completely when
read: an unknown key, a rule code that does not exist or a value of the wrong type is one
line naming the file, the key and the closest valid spelling.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from functools import cache
from pathlib import Path
from typing import Any

from draftlint.files import DEFAULT_EXCLUDES, LOCK_FILES, absolute
from draftlint.records import dataclass
from draftlint.registry import all_rules

FILE_NAMES = (".draftlint.toml", "draftlint.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")
LANGS = ("zh", "en")

# key → (kind, meaning). Kinds: "codes" (list of selectors), "strings", "string", "table".
KEYS: dict[str, str] = {
    "select": "codes",
    "ignore": "codes",
    "extend-select": "codes",
    "extend-ignore": "codes",
    "per-file-ignores": "per-file",
    "exclude": "strings",
    "extend-exclude": "strings",
    "severity": "severity",
    "profile": "string",
    "profiles-dir": "string",
    "lang": "lang",
    "rules": "rules",
}
# Settings every rule accepts: ``allow`` lists texts the rule must leave alone (a finding
# whose span lies inside one of them is dropped, whichever rule made it).
COMMON_SETTINGS: dict[str, type] = {"allow": list}


class ConfigError(Exception):
    """A configuration the run cannot use: one line naming the file and the key."""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` was most likely meant to be, for a "did you mean" hint."""
    import difflib  # only for a mistake: not on every run's start-up

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return close[0] if close else None


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = closest(word, choices)
    return f"；是否想写“{close}”？(did you mean “{close}”?)" if close else ""


def selector_names() -> list[str]:
    names = {"ALL"}
    for rule in all_rules():
        names.update(rule.names())
        names.update(rule.tags)
    return sorted(names)


def check_selector(selector: str) -> bool:
    from draftlint.registry import UnknownSelector, expand

    try:
        expand([selector])
    except UnknownSelector:
        return False
    return True


@dataclass(slots=True)
class Config:
    """One validated configuration file; ``values`` uses the file's kebab-case keys."""

    path: Path | None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()

    @property
    def excludes(self) -> list[str]:
        """What a directory walk skips."""
        base = list(self.values.get("exclude", DEFAULT_EXCLUDES))
        return base + list(self.values.get("extend-exclude", []))

    @property
    def explicit_excludes(self) -> list[str]:
        """What is skipped even when named on the command line (as pre-commit does): lock
        files and the configured patterns, but not the default hidden and build folders,
        so ``lint .draft.txt`` still lints the file it names."""
        base = list(self.values.get("exclude", LOCK_FILES))
        return base + list(self.values.get("extend-exclude", []))

    def rule_settings(self) -> dict[str, dict[str, Any]]:
        """Per-rule settings keyed by rule name, with snake_case keys, for LintOptions."""
        return {
            name: {key.replace("-", "_"): value for key, value in table.items()}
            for name, table in self.values.get("rules", {}).items()
        }


class _Validator:
    def __init__(self, path: Path, where: str) -> None:
        self.path, self.where = path, where

    def fail(self, key: str, reason: str) -> None:
        raise ConfigError(f"{self.path}: {self.where}{key}: {reason}")

    def strings(self, key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(key, f"应为字符串列表 (expected a list of strings, got {_kind(value)})")
        return value

    def codes(self, key: str, value: Any) -> list[str]:
        for selector in self.strings(key, value):
            if not check_selector(selector):
                self.fail(key, f"未知的规则或标签“{selector}” (unknown rule or tag)"
                          + _suggest(selector, selector_names()))  # fmt: skip
        return value

    def validate(self, table: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in table.items():
            kind = KEYS.get(key)
            if kind is None:
                self.fail(key, "未知的配置项 (unknown key)" + _suggest(key, KEYS))
            out[key] = getattr(self, f"_{kind.replace('-', '_')}")(key, value)
        return out

    def _codes(self, key: str, value: Any) -> list[str]:
        return self.codes(key, value)

    def _strings(self, key: str, value: Any) -> list[str]:
        return self.strings(key, value)

    def _string(self, key: str, value: Any) -> str:
        if not isinstance(value, str):
            self.fail(key, f"应为字符串 (expected a string, got {_kind(value)})")
        return value

    def _lang(self, key: str, value: Any) -> str:
        if value not in LANGS:
            self.fail(key, f"应为 zh 或 en (expected zh or en, got {value!r})")
        return value

    def _per_file(self, key: str, value: Any) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            self.fail(
                key,
                f"应为表：通配符 = [规则] (expected a table glob = [codes], got {_kind(value)})",
            )
        for glob, codes in value.items():
            self.codes(f'{key}."{glob}"', codes)
        return value

    def _severity(self, key: str, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            self.fail(
                key, f"应为表：规则 = 级别 (expected a table code = level, got {_kind(value)})"
            )
        for selector, level in value.items():
            if not check_selector(selector):
                self.fail(f"{key}.{selector}", "未知的规则或标签 (unknown rule or tag)"
                          + _suggest(selector, selector_names()))  # fmt: skip
            if level not in SEVERITIES:
                self.fail(f"{key}.{selector}", f"应为 error、warning 或 info (got {level!r})"
                          + _suggest(str(level), SEVERITIES))  # fmt: skip
        return value

    def _rules(self, key: str, value: Any) -> dict[str, dict[str, Any]]:
        if not isinstance(value, dict):
            self.fail(key, f"应为表 (expected a table, got {_kind(value)})")
        by_name = {rule.name: rule for rule in all_rules()}
        out: dict[str, dict[str, Any]] = {}
        for name, table in value.items():
            rule = by_name.get(name)
            if rule is None:
                self.fail(f"{key}.{name}", "未知的规则名 (unknown rule name)"
                          + _suggest(name, by_name))  # fmt: skip
            if not isinstance(table, dict):
                self.fail(f"{key}.{name}", f"应为表 (expected a table, got {_kind(table)})")
            schema = {**COMMON_SETTINGS, **rule.settings_schema}
            for setting, setting_value in table.items():
                wanted = schema.get(setting.replace("-", "_"))
                where = f"{key}.{name}.{setting}"
                if wanted is None:
                    spelled = [s.replace("_", "-") for s in schema]
                    self.fail(where, "此规则没有这个设置 (unknown setting for this rule)"
                              + _suggest(setting.replace("_", "-"), spelled))  # fmt: skip
                if not isinstance(setting_value, wanted) or (
                    wanted is int and isinstance(setting_value, bool)
                ):
                    kinds = wanted if isinstance(wanted, tuple) else (wanted,)
                    names = " or ".join(kind.__name__ for kind in kinds)
                    self.fail(where, f"应为 {names} (expected {names},"
                              f" got {_kind(setting_value)})")  # fmt: skip
                if wanted is list:
                    self.strings(where, setting_value)
            out[name] = table
        return out


def _kind(value: Any) -> str:
    return {str: "string", bool: "boolean", int: "integer", float: "float", list: "array",
            dict: "table"}.get(type(value), type(value).__name__)  # fmt: skip


def _read_toml(path: Path) -> dict[str, Any]:
    from draftlint.datacache import TomlError, parse_toml  # parsed once per text, kept

    try:
        return parse_toml(path.read_bytes().decode())
    except TomlError as error:
        raise ConfigError(f"{path}: TOML 格式错误 (invalid TOML: {error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: 无法读取配置 (cannot read: {error})") from None


def _table(path: Path) -> dict[str, Any] | None:
    """The draftlint table of a configuration file, or None when it has none."""
    data = _read_toml(path)
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("draftlint") if isinstance(data.get("tool"), dict) else None
    return table if isinstance(table, dict) else None


@cache
def load(path: Path) -> Config:
    """A configuration file, validated (ConfigError)."""
    where = "tool.draftlint." if path.name == "pyproject.toml" else ""
    table = _table(path) or {}
    return Config(path, _Validator(path, where).validate(table))


@cache
def _config_in(directory: Path) -> Path | None:
    for name in FILE_NAMES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_draftlint(candidate)):
            return candidate
    return None


def _has_draftlint(path: Path) -> bool:
    try:
        if b"draftlint" not in path.read_bytes():  # no [tool.draftlint]: not worth parsing
            return False
    except OSError:
        return False
    try:
        return _table(path) is not None
    except ConfigError:
        return False  # a broken pyproject.toml without our table is not ours to report


@cache
def find(directory: Path) -> Path | None:
    """The nearest configuration file at or above ``directory``."""
    directory = absolute(directory)
    for candidate in (directory, *directory.parents):
        found = _config_in(candidate)
        if found is not None:
            return found
    return None


_NO_FILE = Config(None)  # one object for every file without a configuration (never changed)


def config_for(path: Path | None, override: Path | None = None) -> Config:
    """The configuration that governs ``path`` (a file, or None for stdin: the cwd)."""
    if override is not None:
        return load(override.absolute())
    start = Path.cwd() if path is None else (path if path.is_dir() else path.parent)
    found = find(absolute(start))
    return load(found) if found is not None else _NO_FILE


STARTER = """\
# draftlint configuration: the nearest .draftlint.toml, draftlint.toml or pyproject.toml
# ([tool.draftlint]) above a linted file applies to it. Command-line flags override it.
# `lint config PATH` shows the effective settings and where each came from.

# Rules to run: codes (N002), prefixes (N), names (numbering-repeat), tags (numbering), ALL.
# select = ["ALL"]
# extend-select = []
# ignore = ["W003"]
# extend-ignore = []

# Rules switched off for some files (globs relative to this file's folder).
# [per-file-ignores]
# "附件/*.docx" = ["S001"]

# Files never linted. The default list excludes Word lock files (~$*), hidden folders
# (.git) and build folders; extend-exclude adds to it.
# extend-exclude = ["存档/*"]

# Severity of a rule: error, warning or info (only errors fail the run by default).
# [severity]
# W001 = "error"

# Document type and message language.
# profile = "工作总结"
# profiles-dir = ".draftlint/profiles"
# lang = "zh"

# Per-rule settings. Every rule accepts allow = [texts it must leave alone].
# [rules.placeholder]
# allow = ["X线"]
# anonymised-names = true   # report 张某, 李某某 (info)
# template-document = true  # this is a template: 〔2026〕号 and 年 月 日 may stay blank
"""
