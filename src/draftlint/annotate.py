"""``lint annotate draft.docx -o draft.reviewed.docx``: a copy with a Word comment per finding.

Each comment (author "draftlint") is anchored on the finding's exact span: the runs are split
at the span's edges (text and formatting unchanged) and python-docx (1.2+) adds the comment
over those runs. Its text gives the code, the name, the message and the suggested
replacement. Findings Word cannot hold a comment on here (headers, footers, notes, a span
not made of plain text) are listed in one summary comment on the first paragraph. Comments
already written by draftlint with the same text are not written again, so annotating an
annotated copy adds nothing; comments are never linted, so the findings are the same.
"""

from __future__ import annotations

import io
from collections import Counter

from draftlint.fix.docx_runs import char_map, isolate_span
from draftlint.model import Finding

AUTHOR = "draftlint"
INITIALS = "DL"
WORDS = {
    "zh": {"suggest": "建议改为“{r}”", "delete": "建议删除", "summary": "draftlint 另有 {n} 个问题无法在原处批注："},
    "en": {"suggest": "suggested: “{r}”", "delete": "suggested: delete it",
           "summary": "draftlint: {n} more findings that cannot carry a comment in place:"},
}  # fmt: skip


def comment_text(finding: Finding, lang: str) -> str:
    words = WORDS.get(lang, WORDS["zh"])
    text = f"{finding.code} {finding.rule.name}：{finding.message(lang)}"
    replacement = (
        finding.fix.replacement if finding.fix is not None else finding.extra.get("expected")
    )
    if replacement is not None:
        advice = words["suggest"].format(r=replacement) if replacement else words["delete"]
        text += f"（{advice}）" if lang == "zh" else f" ({advice})"
    return text


def annotate(data: bytes, findings: list[Finding], lang: str = "zh") -> tuple[bytes, int]:
    """The annotated copy's bytes and how many comments were added."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as WordParagraph
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    main = document.part.partname.lstrip("/")
    paragraphs = list(document.element.iter(qn("w:p")))
    written = Counter(c.text for c in document.comments if c.author == AUTHOR)
    added = 0
    unplaced: list[Finding] = []

    def comment(first, last, text: str) -> None:  # type: ignore[no-untyped-def]
        nonlocal added
        holder = WordParagraph(first.getparent(), document._body)
        document.add_comment([Run(first, holder), Run(last, holder)], text=text,
                             author=AUTHOR, initials=INITIALS)  # fmt: skip
        added += 1

    for finding in sorted(findings, key=Finding.sort_key):
        text = comment_text(finding, lang)
        if written[text] > 0:
            written[text] -= 1
            continue
        runs = _anchor(finding, main, paragraphs)
        if runs is None:
            unplaced.append(finding)
        else:
            comment(*runs, text)
    if unplaced:
        words = WORDS.get(lang, WORDS["zh"])
        lines = [words["summary"].format(n=len(unplaced))]
        lines += [f"{f.paragraph.location}：{comment_text(f, lang)}" for f in unplaced]
        text = " ".join(lines)
        if written[text] == 0:
            for element in paragraphs:
                length = len(char_map(element).text)
                runs = isolate_span(element, 0, length) if length else None
                if runs is not None:
                    comment(*runs, text)
                    break
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), added


def _anchor(finding: Finding, main: str, paragraphs: list) -> tuple | None:  # type: ignore[type-arg]
    """The first and last run of the finding's span, split out; None where Word has no place."""
    paragraph = finding.paragraph
    if not isinstance(paragraph.source, tuple):
        return None
    part, ordinal = paragraph.source
    if part != main or not 0 <= ordinal < len(paragraphs):
        return None
    element = paragraphs[ordinal]
    text = paragraph.text[paragraph.prefix_len :]
    if char_map(element).text != text or not text:
        return None
    start = max(finding.start - paragraph.prefix_len, 0)  # Word's own number: its first words
    end = max(finding.end - paragraph.prefix_len, start + 1)
    if end > len(text):
        start, end = max(len(text) - 1, 0), len(text)
    return isolate_span(element, start, end)
