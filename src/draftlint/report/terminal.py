"""Output for people: ``path:line:col: CODE name message``, the text, a width-aware caret."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from draftlint.files import shown as shown_path
from draftlint.i18n import t
from draftlint.model import Finding, Severity
from draftlint.report import FileResult, Totals

_CONTEXT = 24  # characters shown on each side of a finding in a long paragraph
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def excerpt(finding: Finding) -> tuple[str, int, int]:
    """The shown slice of the paragraph, and the span's start and width in terminal cells."""
    text = finding.paragraph.text
    start, end = finding.start, max(finding.end, finding.start + 1)
    lo = max(0, start - _CONTEXT)
    hi = min(len(text), end + _CONTEXT)
    head = ("…" if lo else "") + text[lo:start]
    shown = head + text[start:end] + text[end:hi] + ("…" if hi < len(text) else "")
    shown = shown.replace("\t", " ").replace("\n", " ")
    head = head.replace("\t", " ").replace("\n", " ")
    return shown, cell_len(head), max(1, cell_len(text[start:end].replace("\t", " ")))


def write_terminal(
    results: list[FileResult], console: Console, lang: str, *, quiet: bool = False
) -> None:
    writer = TerminalWriter(console, lang, quiet=quiet)
    for result in results:
        writer.file(result)
    writer.end()


class TerminalWriter:
    """Prints each file's findings as the file finishes, then the summary."""

    def __init__(self, console: Console, lang: str, *, quiet: bool = False) -> None:
        self.console, self.lang, self.quiet = console, lang, quiet
        self.totals = Totals.of([])
        # Redirected output (CI logs, files) has no colour: plain writes are ~20× faster than
        # rich's rendering, which matters for a repository with thousands of findings.
        self.plain = not console.is_terminal or console.no_color

    def begin(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        self.totals.add(result)
        if result.error is not None:
            return  # already reported on stderr, one line per file
        console, lang, quiet = self.console, self.lang, self.quiet
        for finding in result.findings:
            lines = _finding_lines(result.path, finding, lang, quiet)
            if self.plain:
                console.file.write("".join(f"{''.join(p for p, _ in line)}\n" for line in lines))
            else:
                for line in lines:
                    console.print(Text.assemble(*line), soft_wrap=True, highlight=False)

    def end(self) -> None:
        if self.quiet:
            return
        console, lang, totals = self.console, self.lang, self.totals
        if totals.findings:
            summary = t(lang, "summary", files=totals.files, findings=totals.findings,
                        **totals.by_severity)  # fmt: skip
            placeholders = totals.placeholders
            if placeholders:
                summary += t(lang, "placeholders", count=placeholders)
            console.print(summary, style="bold", highlight=False)
        else:
            console.print(t(lang, "clean", files=totals.files), style="bold green", highlight=False)
        if totals.unreadable:
            console.print(t(lang, "unreadable", count=totals.unreadable), style="bold red")


Line = list[tuple[str, str]]  # (text, rich style) pieces


def _finding_lines(path: str, finding: Finding, lang: str, quiet: bool) -> list[Line]:
    """``path:line:col: CODE name message``, then (unless quiet) the excerpt and the caret."""
    style = _STYLE[finding.effective_severity]
    header: Line = [
        (f"{shown_path(path)}:{finding.line}:{finding.column}: ", "bold"),
        (finding.code, style),
        (f" {finding.rule.name} ", "dim"),
        (finding.message(lang), ""),
    ]
    location = finding.paragraph.location
    if location and not location.startswith("第"):
        header.append((f" [{location}]", "dim"))
    if quiet:
        return [header]
    shown, offset, width = excerpt(finding)
    hint = ""
    if finding.fix is not None and finding.fix.replacement != finding.text:
        replacement = finding.fix.replacement
        hint = (
            f" {t(lang, 'fix_hint')}“{replacement}”" if replacement else f" {t(lang, 'fix_delete')}"
        )
    return [
        header,
        [(f"{finding.line:>5} │ ", "dim"), (shown, "")],
        [(f"{' ' * 5} │ ", "dim"), (" " * offset + "^" * width + hint, style)],
    ]
