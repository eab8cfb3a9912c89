"""Document-type profiles: the sections and elements each type of 公文 needs.

Profiles are data (``rules/profiles/*.toml``, a repository's ``.draftlint/profiles/``,
``--profiles-dir``); ``analyse`` reads one document against them for rules S001–S007.
"""

from draftlint.profiles.analysis import (
    SectionAnalysis,
    TopHeading,
    analyse,
    available_profiles,
    heading_sentence,
)
from draftlint.profiles.loader import load_profiles, profile_dirs
from draftlint.profiles.model import ElementSpec, Profile, SectionSpec

__all__ = [
    "ElementSpec",
    "Profile",
    "SectionAnalysis",
    "SectionSpec",
    "TopHeading",
    "analyse",
    "available_profiles",
    "heading_sentence",
    "load_profiles",
    "profile_dirs",
]
