"""A finding's identity that survives edits elsewhere in the draft.

The fingerprint is the rule, the path, the paragraph's normalised text and the finding's
occurrence among the findings of that rule on paragraphs with that same text. Line
numbers are left out on purpose: inserting a paragraph above must not make every later
finding look new (baseline, SARIF ``partialFingerprints``, GitLab ``fingerprint``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from draftlint.model import Finding


def normalise(text: str) -> str:
    """NFKC, without whitespace: re-wrapping or a changed space never makes a new finding."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def normal_path(path: str, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (``../`` where needed), with forward slashes."""
    candidate = Path(path)
    if base is not None:
        with contextlib.suppress(ValueError):  # another drive on Windows: keep it as given
            candidate = Path(os.path.relpath(candidate.absolute(), base.absolute()))
    return candidate.as_posix()


def fingerprints(findings: Sequence[Finding], path: str) -> list[str]:
    """One fingerprint per finding (same order); ``path`` as it should be recorded."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for finding in findings:
        text = normalise(finding.paragraph.text)
        key = (finding.code, text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256(
            "\0".join((finding.code, path, text, str(occurrence))).encode("utf-8", "surrogatepass")
        )
        out.append(digest.hexdigest()[:32])
    return out
