"""One reading of a document for every section rule: its title, the profile chosen, the
top-level headings and which sections each satisfies, and (for 请示/通知) its elements.

Built once per document (``LintContext.sections``) so S001–S007 share one detection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field
from functools import cache
from itertools import compress, repeat
from operator import attrgetter, getitem, not_
from pathlib import Path

from draftlint.model import Document, LintOptions, Paragraph
from draftlint.numbering.markers import parse_head
from draftlint.numbering.outline import Outline
from draftlint.patterns import compile_re
from draftlint.profiles.elements import Elements, find_elements
from draftlint.profiles.loader import load_profiles, profile_dirs
from draftlint.profiles.model import Profile, SectionSpec, normalise_heading
from draftlint.profiles.title import find_title, title_candidates
from draftlint.records import dataclass
from draftlint.resources import DataError, rule_data

NO_PROFILE = ("none", "无")  # --profile none: run no profile-bound rule


@dataclass(slots=True)
class TopHeading:
    """A top-level heading: numbered (一、) or, without numbered headings, a styled one."""

    paragraph: Paragraph
    start: int  # where the heading (marker included) starts in the paragraph
    end: int  # end of the heading sentence
    sentence: str  # the heading sentence without its marker
    sections: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.paragraph.text[self.start : self.end].strip()


@dataclass(slots=True)
class SectionAnalysis:
    """A document's title, profile, top-level sections and elements."""

    profile: Profile | None
    forced: bool  # chosen with --profile
    title: Paragraph | None
    title_text: str
    headings: list[TopHeading] = field(default_factory=list)
    elements: Elements | None = None
    main: list[Paragraph] = field(default_factory=list)  # body text before any attachment
    # Sections named by a short line standing alone (2019年度工作计划, a bold 存在问题):
    # present for S001, though not top-level headings.
    named_elsewhere: frozenset[str] = frozenset()

    def first_heading(self, section: str) -> TopHeading | None:
        return next((h for h in self.headings if section in h.sections), None)

    def missing_sections(self) -> list[SectionSpec]:
        if self.profile is None or not self.headings:
            return []  # no structure to judge: a draft without top-level headings
        return [
            s
            for s in self.profile.required_sections
            if self.first_heading(s.name) is None
            and s.name not in self.named_elsewhere
            and not self._in_text(s)
        ]

    def _in_text(self, section: SectionSpec) -> bool:
        """The section's content is in the main text without a heading of its own."""
        return any(
            pattern.search(paragraph.text) for pattern in section.content for paragraph in self.main
        )


@cache
def _sentence_end() -> re.Pattern[str]:
    return compile_re(rule_data("sections")["heading"]["sentence_end"])


def heading_sentence(text: str, start: int = 0) -> tuple[int, str]:
    """(end offset, sentence) of the heading sentence of ``text[start:]``."""
    match = _sentence_end().search(text, start)
    end = match.start() if match else len(text.rstrip())
    return end, text[start:end].strip()


def search_start(document: Document) -> Path:
    if document.path in ("", "-"):
        return Path.cwd()
    return Path(document.path).resolve().parent


def available_profiles(document: Document, options: LintOptions) -> tuple[Profile, ...]:
    return load_profiles(profile_dirs(search_start(document), options.profiles_dir))


def find_profile(profiles: tuple[Profile, ...], name: str) -> Profile | None:
    wanted = name.strip().lower()
    for profile in profiles:
        if wanted in (candidate.lower() for candidate in (profile.name, *profile.aliases)):
            return profile
    known = "、".join(profile.name for profile in profiles)
    raise DataError(f"--profile {name}: no such profile (known: {known}, none)")


def analyse(document: Document, outline: Outline, options: LintOptions) -> SectionAnalysis:
    profiles = available_profiles(document, options)
    main = outline.main
    first = find_title(main)
    title = main[first] if first is not None else None
    forced = bool(options.profile)
    profile: Profile | None = None
    title_end = first if first is not None else -1
    title_text = title.text.strip() if title is not None else ""
    if options.profile:
        if options.profile.strip().lower() not in NO_PROFILE:
            profile = find_profile(profiles, options.profile)
    elif first is not None:
        for text, last in title_candidates(main, first):
            profile = next((p for p in profiles if p.matches_title(text)), None)
            if profile is not None:
                title_end, title_text = last, text
                break
    analysis = SectionAnalysis(profile, forced, title, title_text, main=main)
    if profile is None:
        return analysis
    analysis.headings = top_headings(outline, main, title)
    for heading in analysis.headings:
        normal = normalise_heading(heading.sentence)
        heading.sections = tuple(
            s.name for s in profile.sections if s.matches(heading.sentence, normal)
        )
    if profile.required_sections and analysis.headings:
        analysis.named_elsewhere = _named_by_short_lines(document, profile, title)
    if profile.elements:
        analysis.elements = find_elements(main, title_end, title_text)
    return analysis


def top_headings(
    outline: Outline, main: list[Paragraph], title: Paragraph | None
) -> list[TopHeading]:
    roots = outline.scopes[0].roots if outline.scopes else []
    if roots:
        level = min(root.level for root in roots)
        found = []
        for root in roots:
            if root.level != level:
                continue
            text = root.paragraph.text
            end, sentence = heading_sentence(text, root.marker.end)
            found.append(TopHeading(root.paragraph, root.marker.start, end, sentence))
        return found
    styled = [p for p in main if p.heading_level is not None and p is not title]
    if not styled:
        # No numbers and no heading styles: headings set in bold on their own line.
        limit, forbidden = _short_line()
        styled = [
            p
            for p in main
            if p.bold
            and p is not title
            and len(p.text.strip()) <= limit
            and not forbidden.search(p.text)
        ]
        if not styled:
            return []
    level = min(p.heading_level or 0 for p in styled)
    headings = []
    for paragraph in styled:
        if (paragraph.heading_level or 0) == level:
            start = len(paragraph.text) - len(paragraph.text.lstrip())
            end, sentence = heading_sentence(paragraph.text, start)
            headings.append(TopHeading(paragraph, start, end, sentence))
    return headings


_TEXT = attrgetter("text")
_LAST = slice(-1, None)
_ONE_CLASS = re.compile(r"\[[^\[\]]*\]")  # [。，,；;！!？?]: a pattern matching one character


@cache
def _short_line() -> tuple[int, re.Pattern[str]]:
    data = rule_data("sections")["heading"]
    return data["unnumbered_max_length"], compile_re(data["unnumbered_forbidden"])


def _named_by_short_lines(
    document: Document, profile: Profile, title: Paragraph | None
) -> frozenset[str]:
    """Sections named by a short line of the body standing alone, numbered or not: an
    unnumbered heading (然后是问题), a second part (2019年度工作计划), a sub-heading."""
    limit, forbidden = _short_line()
    # A line ending in a forbidden mark keeps it whatever marker opens it (the common long
    # paragraph ending in 。): skipped before parsing, when the pattern is one character class.
    ending = forbidden if _ONE_CLASS.fullmatch(forbidden.pattern) else None
    named: set[str] = set()
    unnamed = list(profile.required_sections)  # once every section is named, no line matters
    if not unnamed:
        return frozenset()
    for paragraph, text in _stripped_lines(document.paragraphs, ending):
        if not unnamed:
            break
        if paragraph.story != "body" or paragraph is title:
            continue
        marker = parse_head(text)
        if marker is not None:
            text = text[marker.end :].strip()
        if not text or len(text) > limit or forbidden.search(text):
            continue
        normal = normalise_heading(text)
        found = [s.name for s in unnamed if s.matches(text, normal)]
        if found:
            named.update(found)
            unnamed = [s for s in unnamed if s.name not in named]
    return frozenset(named)


_CHUNK = 2048  # lines filtered at a time: the caller stops once every section is named


def _stripped_lines(
    paragraphs: list[Paragraph], ending: re.Pattern[str] | None
) -> Iterator[tuple[Paragraph, str]]:
    """Each paragraph with its text stripped, in order; those whose last character
    ``ending`` matches left out, in C a chunk at a time."""
    for start in range(0, len(paragraphs), _CHUNK):
        chunk = paragraphs[start : start + _CHUNK]
        stripped = list(map(str.strip, map(_TEXT, chunk)))
        lines = zip(chunk, stripped, strict=True)
        if ending is None:
            yield from lines
            continue
        last = list(map(getitem, stripped, repeat(_LAST)))  # "" for an empty line: kept
        forbidden_ends = {char for char in set(last) if ending.match(char)}  # a few to ask
        yield from compress(lines, map(not_, map(forbidden_ends.__contains__, last)))
