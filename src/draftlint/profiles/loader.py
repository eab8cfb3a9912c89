"""Loading profiles: the bundled ``rules/profiles/``, then the linted repository's own
``.draftlint/profiles/``, then ``--profiles-dir``; a later profile with the same name wins.

A malformed file raises ``DataError`` naming the file and the line, so the CLI can print
one line and exit 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from draftlint.datacache import TomlError, parse_toml
from draftlint.patterns import compile_re
from draftlint.profiles.model import ELEMENTS, ElementSpec, Profile, SectionSpec
from draftlint.resources import DataError, rules_dir

_TOP_KEYS = {
    "name", "extends", "description", "priority", "aliases", "title_patterns", "order",
    "sections", "elements", "no_requests", "ends_with_request",
}  # fmt: skip
_AT_LINE = compile_re(r"\(at line \d+")
_SECTION_KEYS = {"name", "required", "synonyms", "patterns", "headings", "content"}
_ELEMENT_KEYS = {"name", "required"}
# The markers of a repository root, nearest first: where .draftlint/ would live.
_ROOT_MARKERS = (".draftlint", ".git", "pyproject.toml")


def bundled_dir() -> Path:
    return rules_dir() / "profiles"


def find_repository(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding .draftlint/, .git or pyproject.toml."""
    for directory in (start, *start.parents):
        if any((directory / marker).exists() for marker in _ROOT_MARKERS):
            return directory
    return None


def profile_dirs(start: Path | None, profiles_dir: str | None) -> tuple[tuple[Path, str], ...]:
    dirs: list[tuple[Path, str]] = [(bundled_dir(), "bundled")]
    root = find_repository(start) if start is not None else None
    if root is not None and (root / ".draftlint" / "profiles").is_dir():
        dirs.append((root / ".draftlint" / "profiles", "repository"))
    if profiles_dir:
        path = Path(profiles_dir)
        if not path.is_dir():
            raise DataError(f"{profiles_dir}: --profiles-dir is not a directory")
        dirs.append((path, "profiles-dir"))
    return tuple(dirs)


@cache
def load_profiles(dirs: tuple[tuple[Path, str], ...]) -> tuple[Profile, ...]:
    """Every profile in ``dirs`` (later folders override earlier ones by name)."""
    by_name: dict[str, Profile] = {}
    for directory, source in dirs:
        files = [(path, read_toml(path)) for path in sorted(directory.glob("*.toml"))]
        # A file that extends another type is read after the plain ones of its folder.
        files.sort(key=lambda item: "extends" in item[1])
        for path, data in files:
            profile = load_profile(path, source, data, by_name.get)
            previous = by_name.get(profile.name)
            if previous is not None:
                profile = replace(profile, replaces=(*previous.replaces, previous.path))
            by_name[profile.name] = profile
    return tuple(sorted(by_name.values(), key=lambda p: (-p.priority, p.name)))


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; a syntax error names the file and the line (always a line)."""
    try:
        text = path.read_text(encoding="utf-8")
        return parse_toml(text)
    except TomlError as error:
        message = str(error)
        if not _AT_LINE.search(message):  # "(at end of document)": name the last line
            last = f"(at line {max(1, len(text.splitlines()))}, end of file)"
            message = message.replace("(at end of document)", last)
            message += "" if last in message else f" {last}"
        raise DataError(f"{path}: {message}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: {getattr(error, 'strerror', None) or error}") from None


def load_profile(
    path: Path,
    source: str,
    data: dict[str, Any] | None = None,
    lookup: Callable[[str], Profile | None] = lambda name: None,
) -> Profile:
    """One profile file; ``extends = "NAME"`` starts from that profile (``lookup``)."""
    data = read_toml(path) if data is None else data
    text = path.read_text(encoding="utf-8", errors="replace")
    checker = _Checker(path, text)
    checker.keys(data, _TOP_KEYS, "")
    name = checker.string(data, "name", required=True)
    base = Profile(name, source, path, ())
    if data.get("extends"):
        extends = checker.string(data, "extends")
        found = lookup(extends)
        if found is None:
            checker.fail(f"extends “{extends}”, which is not a known profile", "extends")
        base = replace(found, name=name, source=source, path=path, replaces=())  # type: ignore[arg-type]
    sections = _merge_sections(
        base.sections, [checker.section(entry) for entry in checker.tables(data, "sections")]
    )
    elements = base.elements
    if "elements" in data:
        elements = tuple(checker.element(entry) for entry in checker.tables(data, "elements"))
    section_names = [section.name for section in sections]
    order = tuple(checker.strings(data, "order")) or tuple(
        [n for n in base.order if n in section_names]
        + [n for n in section_names if n not in base.order]
    )
    for entry in order:
        if entry not in section_names:
            checker.fail(f"order names “{entry}”, which is not a [[sections]] name", entry)
    titles = base.title_patterns
    if "title_patterns" in data:
        titles = tuple(checker.regex(p) for p in checker.strings(data, "title_patterns"))
    return replace(
        base,
        title_patterns=titles,
        priority=checker.integer(data, "priority", base.priority),
        description=checker.string(data, "description") or base.description,
        aliases=tuple(checker.strings(data, "aliases")) or base.aliases,
        sections=sections,
        order=order,
        elements=elements,
        no_requests=checker.boolean(data, "no_requests", base.no_requests),
        ends_with_request=checker.boolean(data, "ends_with_request", base.ends_with_request),
    )


def _merge_sections(
    base: tuple[SectionSpec, ...], own: list[SectionSpec]
) -> tuple[SectionSpec, ...]:
    """The base's sections, each replaced by the file's own of the same name; new ones last."""
    mine = {section.name: section for section in own}
    merged = [mine.pop(section.name, section) for section in base]
    return (*merged, *mine.values())


class _Checker:
    """Type checks for one profile file; every error names the file and, when it can, the line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def fail(self, message: str, needle: str | None = None) -> None:
        line = self._line_of(needle) if needle else None
        where = f" (at line {line})" if line else ""
        raise DataError(f"{self.path}: {message}{where}")

    def _line_of(self, needle: str) -> int | None:
        for number, line in enumerate(self.lines, start=1):
            if needle in line:
                return number
        return None

    def keys(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                known = "、".join(sorted(allowed))
                self.fail(f"unknown key “{where}{key}” (known: {known})", key)

    def string(self, table: dict[str, Any], key: str, *, required: bool = False) -> str:
        value = table.get(key, "")
        if required and not value:
            self.fail(f'missing “{key} = "…"”')
        if not isinstance(value, str):
            self.fail(f"“{key}” must be a string", key)
        return value

    def strings(self, table: dict[str, Any], key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"“{key}” must be a list of strings", key)
        return value

    def integer(self, table: dict[str, Any], key: str, default: int = 0) -> int:
        value = table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"“{key}” must be an integer", key)
        return value

    def boolean(self, table: dict[str, Any], key: str, default: bool = False) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"“{key}” must be true or false", key)
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"“{key}” must be written as [[{key}]] tables", key)
        return value

    def regex(self, pattern: str) -> re.Pattern[str]:
        try:
            return compile_re(pattern)
        except re.error as error:
            self.fail(f"invalid regular expression '{pattern}': {error}", pattern)
            raise  # unreachable: fail raises

    def section(self, entry: dict[str, Any]) -> SectionSpec:
        self.keys(entry, _SECTION_KEYS, "sections.")
        name = self.string(entry, "name", required=True)
        synonyms = tuple(self.strings(entry, "synonyms")) or (name,)
        return SectionSpec(
            name=name,
            required=self.boolean(entry, "required", default=True),
            synonyms=synonyms,
            patterns=tuple(self.regex(p) for p in self.strings(entry, "patterns")),
            headings=tuple(self.strings(entry, "headings")),
            content=tuple(self.regex(p) for p in self.strings(entry, "content")),
        )

    def element(self, entry: dict[str, Any]) -> ElementSpec:
        self.keys(entry, _ELEMENT_KEYS, "elements.")
        name = self.string(entry, "name", required=True)
        if name not in ELEMENTS:
            self.fail(f"unknown element “{name}” (known: {'、'.join(ELEMENTS)})", name)
        return ElementSpec(name, self.boolean(entry, "required", default=True))
