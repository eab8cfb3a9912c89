"""``lint profiles``: every profile that applies here, and the file it came from."""

from __future__ import annotations

from pathlib import Path

from draftlint.profiles.loader import load_profiles, profile_dirs

WORDS = {
    "zh": {
        "bundled": "内置", "repository": "本仓库", "profiles-dir": "--profiles-dir",
        "overrides": "覆盖", "title": "标题", "sections": "必备章节", "elements": "必备要素",
        "priority": "优先级",
    },
    "en": {
        "bundled": "bundled", "repository": "repository", "profiles-dir": "--profiles-dir",
        "overrides": "overrides", "title": "title", "sections": "required sections",
        "elements": "required elements", "priority": "priority",
    },
}  # fmt: skip


def profile_lines(start: Path, profiles_dir: str | None, lang: str = "zh") -> list[str]:
    """Each profile: name, source and file, title patterns, what it requires."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    words = WORDS.get(lang, WORDS["zh"])
    lines: list[str] = []
    for profile in load_profiles(profile_dirs(start, profiles_dir)):
        head = f"{profile.name}  [{words[profile.source]}] {profile.path}"
        if profile.replaces:
            head += f"  ({words['overrides']} {', '.join(str(p) for p in profile.replaces)})"
        lines.append(head)
        patterns = " | ".join(p.pattern for p in profile.title_patterns)
        lines.append(f"    {words['title']}: {patterns}  ({words['priority']} {profile.priority})")
        sections = [s.name for s in profile.required_sections]
        if sections:
            lines.append(f"    {words['sections']}: {'、'.join(sections)}")
        elements = [e.name for e in profile.elements if e.required]
        if elements:
            lines.append(f"    {words['elements']}: {'、'.join(elements)}")
    return lines
