"""How each numbered heading is laid out (its sentence, run-in text, what follows): S003–S005."""

from __future__ import annotations

import re
from functools import cache
from itertools import compress, count
from operator import attrgetter
from typing import Any

from draftlint.model import Document, Paragraph
from draftlint.numbering.outline import Heading, Outline
from draftlint.patterns import compile_re
from draftlint.profiles import SectionAnalysis, heading_sentence
from draftlint.records import dataclass
from draftlint.resources import rule_data

_ITEM_END = compile_re(r"[。；;！!？?]$")


@cache
def data() -> dict[str, Any]:
    return rule_data("sections")


@cache
def compiled(table: str, key: str) -> re.Pattern[str]:
    return compile_re(data()[table][key])


@dataclass(slots=True)
class Layout:
    """A heading's sentence, and what follows it in the paragraph and the document."""

    heading: Heading
    sentence: str
    end: int  # offset of the heading sentence's end (its closing mark, if any)
    run_in: bool  # body text follows the heading sentence in the same paragraph
    next_paragraph: Paragraph | None
    next_heading: Heading | None  # the heading that next_paragraph is, if any
    next_opens_scope: bool = False  # next_paragraph opens an attachment or a second document

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def is_item(self) -> bool:
        """One sentence ending in 。/；: a list item rather than a heading; or prose."""
        return (
            bool(_ITEM_END.search(self.title))
            or len(self.sentence) > data()["heading"]["max_length"]
        )

    @property
    def has_body(self) -> bool:
        if self.run_in or self.heading.children:
            return True
        if self.next_paragraph is None:
            return False
        if self.next_opens_scope:
            return False
        return self.next_heading is None or self.next_heading.level > self.heading.level


def build_layouts(document: Document, outline: Outline, sections: SectionAnalysis) -> list[Layout]:
    """Every numbered heading's layout, for S003–S005 (read it as ``LintContext.layouts``).

    Empty when no document type matched: no section rule runs on a draft whose type is
    unknown (a list, a table, a note), where these conventions may not hold.
    """
    if sections.profile is None:
        return []
    paragraphs = document.paragraphs
    is_body = map("body".__eq__, map(_STORY, paragraphs))  # in C: a million lines may ask
    body = list(compress(paragraphs, is_body))
    headings = outline.headings
    starts_scope = outline.starts_scope
    # Where the headings stand in ``body``, in one pass in C: by identity (paragraphs compare
    # by value), in document order as the headings are.
    ids = {id(heading.paragraph) for heading in headings}
    places = list(compress(count(), map(ids.__contains__, map(id, body))))
    result: list[Layout] = []
    for number, heading in enumerate(headings, 1):
        paragraph = heading.paragraph
        text = paragraph.text
        end, sentence = heading_sentence(text, heading.marker.end)
        run_in = bool(text[end + 1 :].strip()) if end < len(text) else False
        at = places[number - 1]  # the outline's headings are body paragraphs, in order
        assert body[at] is paragraph
        at += 1
        following = body[at] if at < len(body) else None
        # The heading that ``following`` is can only be the next one, in document order.
        after = headings[number] if number < len(headings) else None
        next_heading = after if after is not None and after.paragraph is following else None
        opens = following is not None and starts_scope(following)
        result.append(Layout(heading, sentence, end, run_in, following, next_heading, opens))
    return result


_STORY = attrgetter("story")
