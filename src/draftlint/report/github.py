"""GitHub Actions workflow commands (``::error file=…::message``) and the step summary.

GitHub shows at most 10 annotations of each level per step, so when
``$GITHUB_STEP_SUMMARY`` is set every finding also goes into a Markdown table there.
"""

from __future__ import annotations

import os
from pathlib import Path

from draftlint.files import shown
from draftlint.model import Finding, Severity
from draftlint.report import FileResult

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(finding: Finding, lang: str) -> str:
    message = finding.message(lang)
    location = finding.paragraph.location
    if location and not location.startswith("第"):
        message += f" [{location}]"
    return message


def render_github(results: list[FileResult], lang: str) -> str:
    lines = []
    for result in results:
        path = escape_property(result.path)
        if result.error is not None:
            lines.append(f"::error file={path},title=draftlint::{escape_data(result.error)}")
            continue
        for finding in result.findings:
            properties = (
                f"file={path},line={finding.line},col={finding.column},"
                f"endColumn={finding.end_column},"
                f"title={escape_property(f'{finding.code} {finding.rule.name}')}"
            )
            command = COMMAND[finding.effective_severity]
            lines.append(f"::{command} {properties}::{escape_data(_message(finding, lang))}")
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


SUMMARY_TITLE = {
    "zh": "检查 {files} 个文件，发现 {findings} 个问题。",
    "en": "Checked {files} files: {findings} findings.",
}
SUMMARY_HEAD = {
    "zh": ("文件", "行", "列", "规则", "级别", "问题"),
    "en": ("File", "Line", "Column", "Rule", "Severity", "Message"),
}


def step_summary(results: list[FileResult], lang: str) -> str:
    """A Markdown table of every finding (and every unreadable file)."""
    head = SUMMARY_HEAD.get(lang, SUMMARY_HEAD["zh"])
    rows = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
    for result in results:
        path = _cell(shown(result.path))
        if result.error is not None:
            rows.append(f"| {path} | | | | error | {_cell(result.error)} |")
        for finding in result.findings:
            rows.append(
                f"| {path} | {finding.line} | {finding.column} | "
                f"{finding.code} {finding.rule.name} | {finding.effective_severity.value} | "
                f"{_cell(_message(finding, lang))} |"
            )
    total = sum(len(r.findings) for r in results)
    title = SUMMARY_TITLE.get(lang, SUMMARY_TITLE["zh"]).format(findings=total, files=len(results))
    return f"### draftlint\n\n{title}\n\n" + "\n".join(rows) + "\n\n"


def append_step_summary(results: list[FileResult], lang: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(step_summary(results, lang))
