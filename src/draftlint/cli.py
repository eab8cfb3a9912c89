"""The ``lint`` command (alias ``draftlint``).

``lint PATH...`` is short for ``lint check PATH...``. Exit codes: 0 no error-severity
finding, 1 at least one, 2 the tool could not do its job (usage, an unreadable file).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from draftlint import __version__
from draftlint.context import LintContext, LintOptions
from draftlint.engine import lint_document, run_rules
from draftlint.i18n import t
from draftlint.model import Document, ReadError, Severity
from draftlint.profiles.listing import profile_lines
from draftlint.readers import SUFFIXES, read_bytes, read_path
from draftlint.registry import UnknownSelector, all_rules, find_rule, select_rules
from draftlint.report import FileResult
from draftlint.report.json_report import write_json
from draftlint.report.outline_view import render_outline
from draftlint.report.terminal import write_terminal
from draftlint.resources import DataError
from draftlint.rule import Rule

app = typer.Typer(
    name="lint",
    help="draftlint：公文草稿结构检查（序号、占位符、必备章节、标点）。"
    " `lint PATH...` 即 `lint check PATH...`。",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
SUBCOMMANDS = ("check", "rules", "rule", "outline", "profiles")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _utf8_streams() -> None:
    """Write UTF-8 whatever the console's locale, so CJK never crashes a redirect."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _stdout() -> Console:
    # Piped output is not cut to 80 columns: trees and tables keep their locations.
    width = None if sys.stdout.isatty() else 200
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, width=width)


def _fail(message: str) -> None:
    print(message, file=sys.stderr)


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _version(value: bool) -> None:
    if value:
        print(f"draftlint {__version__}")
        raise typer.Exit()


VersionOption = Annotated[
    bool,
    typer.Option("--version", callback=_version, is_eager=True, help="显示版本 / show version"),
]
LangOption = Annotated[Lang, typer.Option("--lang", help="消息语言 / message language")]
ProfileOption = Annotated[
    str | None,
    typer.Option("--profile", help="按此文种检查，不按标题识别；none：不查章节 / document type"),
]
ProfilesDirOption = Annotated[
    str | None, typer.Option("--profiles-dir", help="另外的文种配置目录 / extra profiles folder")
]


@app.callback()
def _main(version: VersionOption = False) -> None:
    """draftlint"""


def _expand(path_text: str, lang: str) -> Iterator[tuple[str, Path | None]]:
    if path_text == "-":
        yield "-", None
        return
    path = Path(path_text)
    if path.is_dir():
        files = sorted(
            candidate
            for candidate in path.rglob("*")
            if candidate.suffix.lower() in SUFFIXES
            and candidate.is_file()
            and not candidate.name.startswith(("~$", "."))
            and not any(part.startswith(".") for part in candidate.relative_to(path).parts[:-1])
        )
        if not files:
            _fail(t(lang, "no_files", path=path_text))
        for file in files:
            yield str(file), file
    else:
        yield path_text, path


def _read(name: str, path: Path | None, stdin_filename: str | None) -> Document:
    if path is None:
        data = sys.stdin.buffer.read()
        return read_bytes(data, stdin_filename or "-.txt")
    return read_path(path)


def _rules_or_exit(select: list[str] | None, ignore: list[str] | None, lang: str) -> tuple:
    try:
        return select_rules(_split(select) or None, _split(ignore) or None)
    except UnknownSelector as error:
        _fail(t(lang, "unknown_selector", selector=error.args[0]))
        raise typer.Exit(2) from None


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="文件或目录；- 表示标准输入")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="输出格式 / output format")
    ] = OutputFormat.text,
    select: Annotated[
        list[str] | None, typer.Option(help="只运行这些规则（代码、名称、标签，逗号分隔）")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="不运行这些规则（代码、名称、标签）")
    ] = None,
    lang: LangOption = Lang.zh,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只输出问题行")] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(help="标准输入的文件名（决定按何种格式读取）")
    ] = None,
    profile: ProfileOption = None,
    profiles_dir: ProfilesDirOption = None,
    version: VersionOption = False,
) -> None:
    """检查文件 / lint files."""
    rules = _rules_or_exit(select, ignore, lang.value)
    options = LintOptions(lang=lang.value, profile=profile, profiles_dir=profiles_dir)
    results: list[FileResult] = []
    for path_text in paths:
        for name, path in _expand(path_text, lang.value):
            display = stdin_filename or name if path is None else name
            try:
                document = _read(name, path, stdin_filename)
            except ReadError as error:
                _fail(t(lang.value, "read_error", path=display, reason=error))
                results.append(FileResult(display, error=str(error)))
                continue
            document.path = display
            results.append(FileResult(display, _lint_or_exit(document, rules, options)))
    if output_format is OutputFormat.json:
        write_json(results, lang.value, sys.stdout)
    else:
        write_terminal(results, _stdout(), lang.value, quiet=quiet)
    raise typer.Exit(_exit_code(results))


def _lint_or_exit(document: Document, rules: tuple, options: LintOptions) -> list:
    """Lint one document; a malformed profile or rule-data file stops the run (exit 2)."""
    try:
        return lint_document(document, rules, options)
    except DataError as error:
        _fail(str(error))
        raise typer.Exit(2) from None


def _exit_code(results: list[FileResult]) -> int:
    if any(result.error is not None for result in results):
        return 2
    errors = any(
        f.effective_severity is Severity.ERROR for result in results for f in result.findings
    )
    return 1 if errors else 0


@app.command()
def outline(
    path: Annotated[str, typer.Argument(help="一个文件")],
    lang: LangOption = Lang.zh,
    stdin_filename: Annotated[str | None, typer.Option(help="标准输入的文件名")] = None,
    profile: ProfileOption = None,
    profiles_dir: ProfilesDirOption = None,
) -> None:
    """显示标题大纲及其问题 / show the heading tree with its findings."""
    source = None if path == "-" else Path(path)
    try:
        document = _read(path, source, stdin_filename)
    except ReadError as error:
        _fail(t(lang.value, "read_error", path=path, reason=error))
        raise typer.Exit(2) from None
    options = LintOptions(lang=lang.value, profile=profile, profiles_dir=profiles_dir)
    context = LintContext(document, options)  # one outline and one detection for all
    try:
        findings = run_rules(context, select_rules())
        tree, sections = context.outline, context.sections
    except DataError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    render_outline(path, tree, findings, _stdout(), lang.value, sections=sections)


@app.command("profiles")
def list_profiles(
    path: Annotated[str, typer.Argument(help="从此处向上查找 .draftlint/profiles/")] = ".",
    profiles_dir: ProfilesDirOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """列出文种配置及其来源 / list the document-type profiles and where each came from."""
    try:
        lines = profile_lines(Path(path), profiles_dir, lang.value)
    except DataError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    print("\n".join(lines))


@app.command("rules")
def list_rules(lang: LangOption = Lang.zh) -> None:
    """列出全部规则 / list every rule."""
    table = Table(show_header=True, header_style="bold", box=None)
    for column in ("code", "name", "severity", "tags", "fix", "summary"):
        table.add_column(column)
    for rule in all_rules():
        table.add_row(
            rule.code, rule.name, rule.severity.value, ",".join(rule.tags),
            "✓" if rule.fixable else "", rule.summary.get(lang.value, rule.summary["zh"]),
        )  # fmt: skip
    _stdout().print(table)


@app.command("rule")
def explain_rule(
    key: Annotated[str, typer.Argument(help="规则代码或名称，如 N002 或 numbering-repeat")],
    lang: LangOption = Lang.zh,
) -> None:
    """解释一条规则 / explain one rule."""
    rule = find_rule(key)
    if rule is None:
        _fail(t(lang.value, "unknown_rule", name=key))
        raise typer.Exit(2)
    _stdout().print(explain(rule, lang.value))


def explain(rule: type[Rule], lang: str) -> str:
    def pick(field: dict[str, str]) -> str:
        return field.get(lang) or field["zh"]

    lines = [
        f"[bold]{rule.code} {rule.name}[/bold]",
        "",
        f"[bold]{t(lang, 'what')}[/bold]: {escape(pick(rule.summary))}",
        f"[bold]{t(lang, 'why')}[/bold]: {escape(pick(rule.why))}",
        f"[bold]{t(lang, 'source')}[/bold]: {escape(rule.source)}",
        f"[bold]{t(lang, 'severity')}[/bold]: {rule.severity.value}",
        f"[bold]{t(lang, 'tags')}[/bold]: {', '.join(rule.tags)}",
    ]
    if rule.aliases:
        lines.append(f"[bold]{t(lang, 'aliases')}[/bold]: {', '.join(rule.aliases)}")
    if rule.fixable:
        lines.append(f"[bold]{t(lang, 'fixable')}[/bold]: ✓")
    lines += ["", f"[bold]{t(lang, 'bad')}[/bold]:", escape(rule.example_bad.rstrip())]
    lines += ["", f"[bold]{t(lang, 'good')}[/bold]:", escape(rule.example_good.rstrip())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: route ``lint PATH...`` to ``lint check PATH...``."""
    _utf8_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "check")
    app(args=args, prog_name="lint")
