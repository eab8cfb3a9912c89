"""Word comments that are suppression directives, and the paragraphs they cover.

A comment (word/comments.xml) whose text starts with ``draftlint: ignore P001`` silences
those codes on every paragraph its range covers: from the paragraph holding its
w:commentRangeStart to the one holding its w:commentRangeEnd, or the paragraph holding its
w:commentReference when it has no range. Other comments are not read.
"""

from __future__ import annotations

from lxml import etree

from draftlint.model import Paragraph, Suppression
from draftlint.readers.directives import ignore_codes
from draftlint.readers.docx.names import W_COMMENT, W_ID, W_P, W_T

_MAX_COMMENT_TEXT = 1000  # a directive is short; longer text is read no further


def directive_comments(root: etree._Element | None) -> dict[str, tuple[str, ...]]:
    """Comment id → codes, for the comments that are directives."""
    found: dict[str, tuple[str, ...]] = {}
    if root is None:
        return found
    for comment in root.iterchildren(W_COMMENT):
        lines, size = [], 0
        for paragraph in comment.iter(W_P):
            line = "".join(t.text or "" for t in paragraph.iter(W_T))
            lines.append(line)
            size += len(line)
            if size > _MAX_COMMENT_TEXT:
                break
        codes = ignore_codes("\n".join(lines).lstrip())
        if codes is not None:
            found[comment.get(W_ID, "")] = codes
    return found


class CommentRanges:
    """Follows the directive comments' ranges through one part's paragraphs, in order."""

    def __init__(self, directives: dict[str, tuple[str, ...]]) -> None:
        self.directives = directives
        self._open: dict[str, None] = {}  # ordered set: ranges open after this paragraph

    @property
    def is_open(self) -> bool:
        """Whether a directive's range is open: paragraphs without marks are covered."""
        return bool(self._open)

    def covering(self, marks: list[tuple[str, str]] | None) -> dict[str, None]:
        """The directive comments covering the paragraph holding ``marks`` (call it for
        every paragraph, kept or not: a range may start in an empty one)."""
        if not marks:
            return self._open.copy() if self._open else {}
        here = self._open.copy()
        for kind, comment_id in marks:
            if comment_id not in self.directives:
                continue
            if kind == "start":
                self._open[comment_id] = here[comment_id] = None
            elif kind == "end":
                self._open.pop(comment_id, None)
                here[comment_id] = None
            elif kind == "close":  # ended just before this paragraph
                self._open.pop(comment_id, None)
                here.pop(comment_id, None)
            else:
                here[comment_id] = None
        return here

    def suppressions(self, paragraph: Paragraph, covering: dict[str, None]) -> list[Suppression]:
        index, line = paragraph.index, paragraph.line
        return [
            Suppression(index, index, self.directives[comment_id], line, "comment")
            for comment_id in covering
        ]
