"""The reader's one error, always one line: a reason a user reads next to the file name."""

from __future__ import annotations

from draftlint.model import ReadError


def one_line(message: str) -> str:
    """Whitespace (libxml2 and zipfile messages hold newlines) folded to single spaces."""
    return " ".join(message.split())


def read_error(message: str) -> ReadError:
    return ReadError(one_line(message))
