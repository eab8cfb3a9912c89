"""The JSON contract: keep the documented keys stable; add optional keys only.

The report is written as each file finishes: one line per file header and one compact line
per finding, so a run never holds every finding nor an indented copy of the whole report
(``json.dumps(indent=…)`` falls back to CPython's pure-Python encoder). The whole output is
still one JSON document; the README ("JSON output") documents the layout.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring as _quote  # what the C encoder quotes with
from typing import TYPE_CHECKING, Any, TextIO

from draftlint.model import Finding, FixSafety, Paragraph, Severity
from draftlint.report import FileResult, Totals

if TYPE_CHECKING:
    from draftlint.rule import Rule

_BATCH = 4096  # finding lines joined per write
_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    paragraph = finding.paragraph
    rule = finding.rule
    start, end = finding.start, finding.end
    column = paragraph.column(start)
    entry: dict[str, Any] = {
        "code": rule.code,
        "rule": rule.name,
        "severity": (finding.severity or rule.severity).value,
        "message": rule.render_message(lang, finding.args),
        "line": paragraph.line,
        "column": column,
        "end_column": column if end <= start else paragraph.column(end - 1) + 1,
        "location": paragraph.location,
        "text": paragraph.text[start:end],
    }
    if finding.fix is not None:
        entry["fix"] = {"replacement": finding.fix.replacement, "safety": finding.fix.safety.value}
    if paragraph.prefix_len > 0:
        entry["automatic"] = True
    if finding.extra:
        entry.update(finding.extra)
    return entry


def finding_lines(findings: Sequence[Finding], lang: str) -> list[str]:
    """``_encode(finding_json(f, lang))`` of each finding, byte for byte, without the dicts: a
    large run has tens of thousands of findings, and the encoder's per-key work dominated."""
    lines: list[str] = []
    paragraph_seen: Paragraph | None = None  # findings come paragraph by paragraph
    location = closing = ""
    identity = True  # the paragraph's columns are its offsets (Paragraph.column, inlined)
    prefix = 0
    # Parts shared by findings holding the same arguments or Fix object (W001's thousands of
    # “,” findings share both): keyed by identity, all alive while the lines are made.
    messages: dict[tuple[type[Rule], int], str] = {}
    fixes: dict[int, str] = {}
    for finding in findings:
        extra = finding.extra
        if extra and not _DOCUMENTED.isdisjoint(extra):  # replacing documented keys
            lines.append(_encode(finding_json(finding, lang)))
            continue
        rule = finding.rule
        head = _heads.get((rule, finding.severity))
        if head is None:
            head = _heads[(rule, finding.severity)] = _encode(
                {"code": rule.code, "rule": rule.name,
                 "severity": (finding.severity or rule.severity).value}
            )[:-1]  # fmt: skip
        paragraph = finding.paragraph
        if paragraph is not paragraph_seen:
            paragraph_seen = paragraph
            location = _quote(paragraph.location)
            closing = ', "automatic": true}' if paragraph.prefix_len > 0 else "}"
            identity, prefix = paragraph.columns is None, paragraph.prefix_len
        start, end = finding.start, finding.end
        if identity:
            column = (start if start > prefix else prefix) - prefix + 1
            if end <= start:
                end_column = column
            else:
                end_column = (end - 1 if end - 1 > prefix else prefix) - prefix + 2
        else:
            column = paragraph.column(start)
            end_column = column if end <= start else paragraph.column(end - 1) + 1
        fix = finding.fix
        if fix is None:
            closing_here = closing
        else:
            fix_part = fixes.get(id(fix))
            if fix_part is None:
                fix_part = (
                    f', "fix": {{"replacement": {_quote(fix.replacement)}, '
                    f'"safety": {_SAFETY[fix.safety]}}}'
                )
                if len(fixes) < _SHARED_KEPT:
                    fixes[id(fix)] = fix_part
            closing_here = fix_part + closing
        if extra:  # keys of its own (N001's "expected" …), after every documented one
            closing_here = (
                closing_here[:-1]
                + "".join(f", {_quote(key)}: {_encode(value)}" for key, value in extra.items())
                + "}"
            )
        args = finding.args
        message = messages.get((rule, id(args)))
        if message is None:
            message = _quote(rule.render_message(lang, args))
            if len(messages) < _SHARED_KEPT:
                messages[(rule, id(args))] = message
        lines.append(
            f'{head}, "message": {message}, '
            f'"line": {paragraph.line}, "column": {column}, "end_column": {end_column}, '
            f'"location": {location}, "text": {_quote(paragraph.text[start:end])}{closing_here}'
        )
    return lines


# The keys finding_json writes itself: an extra key among them replaces its value in place.
_DOCUMENTED = frozenset(
    ("code", "rule", "severity", "message", "line", "column", "end_column", "location", "text",
     "fix", "automatic")
)  # fmt: skip
_SHARED_KEPT = 1024  # shared parts remembered per call: most findings have their own arguments
_SAFETY = {safety: _quote(safety.value) for safety in FixSafety}
# (rule, severity override) → the encoded start of its findings' lines
_heads: dict[tuple[type[Rule], Severity | None], str] = {}


def summary_json(totals: Totals) -> dict[str, Any]:
    return {
        "files": totals.files,
        "findings": totals.findings,
        "errors": totals.unreadable,
        "by_severity": totals.by_severity,
        "by_code": dict(sorted(totals.by_code.items())),
        "placeholders": totals.placeholders,
    }


class JsonWriter:
    """Writes ``{"files": [...], "summary": {...}}`` one file at a time."""

    def __init__(self, stream: TextIO, lang: str) -> None:
        self.stream, self.lang = stream, lang
        self.totals = Totals.of([])
        self._separator = "\n"

    def begin(self) -> None:
        self.stream.write('{\n  "files": [')

    def file(self, result: FileResult) -> None:
        self.totals.add(result)
        head = (
            f'{self._separator}    {{"path": {_encode(result.path)}, '
            f'"error": {_encode(result.error)}, "findings": ['
        )
        self._separator = ",\n"
        if not result.findings:
            self.stream.write(head + "]}")
            return
        write, lang, rendered = self.stream.write, self.lang, result.rendered
        write(f"{head}\n      ")
        # In batches: never a second copy of a whole file's findings as text.
        for start in range(0, len(result.findings), _BATCH):
            if start:
                write(",\n      ")
            if rendered is not None:
                write(",\n      ".join(rendered[start : start + _BATCH]))
            else:
                batch = result.findings[start : start + _BATCH]
                write(",\n      ".join(finding_lines(batch, lang)))
        write("\n    ]}")

    def encoded(self, result: FileResult) -> list[str]:
        """Each finding as one line of JSON (``-j`` workers call this for the writer)."""
        return finding_lines(result.findings, self.lang)

    def end(self) -> None:
        self.stream.write(f'\n  ],\n  "summary": {_encode(summary_json(self.totals))}\n}}\n')


def write_json(results: list[FileResult], lang: str, stream: TextIO) -> None:
    writer = JsonWriter(stream, lang)
    writer.begin()
    for result in results:
        writer.file(result)
    writer.end()
