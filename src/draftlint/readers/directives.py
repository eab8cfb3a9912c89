"""In-document suppression directives, as both readers write them.

A Word comment ``draftlint: ignore P001, W001`` and a Markdown comment
``<!-- draftlint-disable-next-line P001 -->`` name rule codes separated by commas and/or
spaces; no code means every rule. Words after the codes are a free explanation.
"""

from __future__ import annotations

import re
from functools import cache

from draftlint.patterns import compile_re


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A code, the separators between codes, a Word directive: compiled on first use, as a
    Word file without comments never reads a directive."""
    return (
        compile_re(r"[A-Za-z]{1,4}[0-9]{1,4}"),
        compile_re(r"[\s,，、]+"),
        compile_re(r"\s*draftlint\s*[:：]\s*ignore(?![\w-])(.*)", re.IGNORECASE | re.DOTALL),
    )


def codes_of(text: str) -> tuple[str, ...]:
    """The rule codes at the start of ``text`` ("P001, W001 模板" → ("P001", "W001"))."""
    code_pattern, separators, _ = _patterns()
    codes: list[str] = []
    for word in separators.split(text.strip()):
        if not code_pattern.fullmatch(word):
            break
        code = word.upper()
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def ignore_codes(comment: str) -> tuple[str, ...] | None:
    """The codes a Word comment ``draftlint: ignore …`` silences (() = all); None if it is
    not a directive."""
    match = _patterns()[2].match(comment)
    if match is None:
        return None
    return codes_of(match.group(1).split("\n", 1)[0])
