"""``lint profiles``: every profile that applies here, and the file it came from."""

from __future__ import annotations

from pathlib import Path

from draftlint.i18n import t
from draftlint.profiles.loader import load_profiles, profile_dirs


def profile_lines(start: Path, profiles_dir: str | None, lang: str = "zh") -> list[str]:
    """Each profile: name, source and file, title patterns, what it requires."""
    start = start.resolve()
    if start.is_file():
        start = start.parent

    def words(key: str) -> str:
        return t(lang, f"profiles.{key}")

    lines: list[str] = []
    for profile in load_profiles(profile_dirs(start, profiles_dir)):
        head = f"{profile.name}  [{words(profile.source)}] {profile.path}"
        if profile.replaces:
            head += f"  ({words('overrides')} {', '.join(str(p) for p in profile.replaces)})"
        lines.append(head)
        patterns = " | ".join(p.pattern for p in profile.title_patterns)
        lines.append(f"    {words('title')}: {patterns}  ({words('priority')} {profile.priority})")
        sections = [s.name for s in profile.required_sections]
        if sections:
            lines.append(f"    {words('sections')}: {'、'.join(sections)}")
        elements = [e.name for e in profile.elements if e.required]
        if elements:
            lines.append(f"    {words('elements')}: {'、'.join(elements)}")
    return lines
