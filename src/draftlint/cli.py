"""The ``lint`` command (alias ``draftlint``).

``lint PATH...`` is short for ``lint check PATH...``. Exit codes: 0 no error-severity
finding, 1 at least one, 2 the tool could not do its job (usage, an unreadable file).
"""

# No ``from __future__ import annotations`` here: typer reads the commands' signatures, and
# string annotations would be compiled (eval) in every run, some 5 ms of start-up. Names
# imported only for type checking are quoted.
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from draftlint import __version__
from draftlint.lint_command import (
    FailOn,
    FixMode,
    Lang,
    OutputFormat,
    check_selectors,
    run_check,
    run_language,
    split_values,
)
from draftlint.lint_run import Run
from draftlint.quick_args import HELP_AND_VERSION, SUBCOMMANDS
from draftlint.streams import exit_now, fail, start_run, stdout_console

# Start-up matters (pre-commit runs `lint` once per commit): everything heavier than typer
# is imported inside the command that needs it, so `lint --version` and the JSON path never
# load rich, and no command loads the modules of another. The common `lint PATH...` command
# lines do not come here at all (``quick_args``).
if TYPE_CHECKING:
    from draftlint.rule import Rule

DEFAULT_MAX_MIB = 256  # files.DEFAULT_MAX_MIB, repeated for the --help text (checked by a test)


_APP_SETTINGS: dict[str, Any] = {
    "name": "lint",
    "help": "draftlint：公文草稿结构检查（序号、占位符、必备章节、标点）。"
    " `lint PATH...` 即 `lint check PATH...`。",
    "add_completion": False,
    "no_args_is_help": True,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_APP_SETTINGS)


def _version(value: bool) -> None:
    if value:
        print(f"draftlint {__version__}")
        raise typer.Exit()


VersionOption = Annotated[
    bool,
    typer.Option("--version", callback=_version, is_eager=True, help="显示版本 / show version"),
]
LangOption = Annotated[Lang, typer.Option("--lang", help="消息语言 / message language")]
CacheDirOption = Annotated[
    str | None,
    typer.Option(
        "--cache-dir", help="内容缓存目录（默认 ./.draftlint_cache）/ content cache folder"
    ),
]
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


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="文件或目录；- 表示标准输入")] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="输出格式 / output format")
    ] = OutputFormat.text,
    select: Annotated[
        list[str] | None, typer.Option(help="只运行这些规则（代码、名称、标签，逗号分隔）")
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(help="在配置之外再运行这些规则")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="不运行这些规则（代码、名称、标签）")
    ] = None,
    extend_ignore: Annotated[
        list[str] | None, typer.Option(help="在配置之外再关闭这些规则")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="消息语言 / message language")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只输出问题行")] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(help="标准输入的文件名（决定按何种格式读取）")
    ] = None,
    profile: ProfileOption = None,
    profiles_dir: ProfilesDirOption = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="使用此配置文件，不向上查找 / config file")
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="报告写入此文件 / write report here")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="只输出每条规则的问题数")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="有问题也以 0 退出（无法读取的文件仍为 2）")
    ] = False,
    fail_on: Annotated[
        FailOn, typer.Option(help="此级别及以上的问题使退出码为 1 / level that fails the run")
    ] = FailOn.error,
    baseline: Annotated[
        Path | None, typer.Option(help="只报告此基线之外的新问题 / report only new findings")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="把当前全部问题写入基线文件 / record findings")
    ] = None,
    report_unused_suppressions: Annotated[
        bool,
        typer.Option("--report-unused-suppressions", help="报告没有忽略任何问题的忽略指令（U001）"),
    ] = False,
    changed_since: Annotated[
        str | None, typer.Option(help="只检查自此 git 修订以来改动的文件 / changed files only")
    ] = None,
    shard: Annotated[str | None, typer.Option(help="I/N：只检查第 I 份（共 N 份）")] = None,
    max_file_size: Annotated[
        float | None, typer.Option(help=f"文件大小上限（MiB，默认 {DEFAULT_MAX_MIB}）")
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="写入安全修复 / apply safe fixes")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="另外重新编号等不安全修复 / also unsafe fixes")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="只显示修复的差异，不写入 / show fixes as a diff")
    ] = False,
    fix_mode: Annotated[
        FixMode, typer.Option("--fix-mode", help=".docx：修订（默认）或直接改 / tracked or apply")
    ] = FixMode.tracked,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="不读写内容缓存 .draftlint_cache/ / no cache")
    ] = False,
    cache_dir: CacheDirOption = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="并行进程数（默认：CPU 数）/ processes"),
    ] = None,
    version: VersionOption = False,
) -> None:
    """检查文件 / lint files."""
    try:
        run_check(
            paths=paths,
            output_format=output_format,
            select=select,
            extend_select=extend_select,
            ignore=ignore,
            extend_ignore=extend_ignore,
            lang=lang,
            quiet=quiet,
            stdin_filename=stdin_filename,
            profile=profile,
            profiles_dir=profiles_dir,
            config_file=config_file,
            output_file=output_file,
            statistics=statistics,
            exit_zero=exit_zero,
            fail_on=fail_on,
            baseline=baseline,
            write_baseline=write_baseline,
            report_unused_suppressions=report_unused_suppressions,
            changed_since=changed_since,
            shard=shard,
            max_file_size=max_file_size,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            fix_mode=fix_mode,
            no_cache=no_cache,
            cache_dir=cache_dir,
            jobs=jobs,
        )
    except SystemExit as stop:  # as typer.Exit: a caller with standalone_mode=False gets it
        raise typer.Exit(stop.code or 0) from None


@app.command()
def outline(
    path: Annotated[str, typer.Argument(help="一个文件")],
    lang: LangOption = Lang.zh,
    stdin_filename: Annotated[str | None, typer.Option(help="标准输入的文件名")] = None,
    profile: ProfileOption = None,
    profiles_dir: ProfilesDirOption = None,
) -> None:
    """显示标题大纲及其问题 / show the heading tree with its findings."""
    from draftlint.context import LintContext
    from draftlint.engine import run_rules
    from draftlint.files import FileError, one_line, read_regular, read_stdin, shown
    from draftlint.files import max_file_size as max_file_size_bytes
    from draftlint.i18n import t
    from draftlint.model import LintOptions, ReadError
    from draftlint.readers import read_bytes
    from draftlint.registry import select_rules
    from draftlint.report.outline_view import render_outline
    from draftlint.resources import DataError

    try:
        if path == "-":
            document = read_bytes(read_stdin(max_file_size_bytes()), stdin_filename or "-.txt")
        else:
            document = read_bytes(read_regular(Path(path), max_file_size_bytes()), path)
    except (FileError, ReadError) as error:
        fail(t(lang.value, "read_error", path=shown(path), reason=one_line(str(error))))
        raise typer.Exit(2) from None
    options = LintOptions(lang=lang.value, profile=profile, profiles_dir=profiles_dir)
    context = LintContext(document, options)  # one outline and one detection for all
    try:
        findings = run_rules(context, select_rules())
        tree, sections = context.outline, context.sections
    except DataError as error:
        fail(one_line(str(error)))
        raise typer.Exit(2) from None
    render_outline(path, tree, findings, stdout_console(), lang.value, sections=sections)


@app.command("annotate")
def annotate_command(
    path: Annotated[str, typer.Argument(help="要批注的 .docx")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="批注副本（默认 NAME.reviewed.docx）")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="批注语言 / comment language")] = None,
    select: Annotated[list[str] | None, typer.Option(help="只运行这些规则")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="不运行这些规则")] = None,
    profile: ProfileOption = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="使用此配置文件")] = None,
) -> None:
    """写一份带 Word 批注的副本，每个问题一条批注 / write a copy with a Word comment per finding."""
    from draftlint.annotate_run import annotate_file
    from draftlint.config import ConfigError
    from draftlint.effective import Flags
    from draftlint.files import FileError, Target, one_line
    from draftlint.files import max_file_size as max_file_size_bytes

    flags = Flags(select=split_values(select), ignore=split_values(ignore), profile=profile,
                  lang=lang.value if lang else None)  # fmt: skip
    language = run_language(lang, config_file)
    check_selectors(flags, language)
    run = Run(flags, language, config_file, max_file_size_bytes(None), None, False)
    try:
        result = run.lint(Target(path, Path(path)))
    except (ConfigError, FileError) as error:
        fail(one_line(str(error)))
        raise typer.Exit(2) from None
    raise typer.Exit(annotate_file(result, Path(path), output, language))


@app.command("profiles")
def list_profiles(
    path: Annotated[str, typer.Argument(help="从此处向上查找 .draftlint/profiles/")] = ".",
    profiles_dir: ProfilesDirOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """列出文种配置及其来源 / list the document-type profiles and where each came from."""
    from draftlint.profiles.listing import profile_lines
    from draftlint.resources import DataError

    try:
        lines = profile_lines(Path(path), profiles_dir, lang.value)
    except DataError as error:
        fail(str(error))
        raise typer.Exit(2) from None
    print("\n".join(lines))


@app.command("config")
def show_config(
    path: Annotated[str, typer.Argument(help="为此文件或目录显示生效的配置")] = ".",
    config_file: Annotated[
        Path | None, typer.Option("--config", help="使用此配置文件，不向上查找")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="消息语言")] = None,
) -> None:
    """显示生效的配置及每项的来源 / show the effective configuration and where it came from."""
    import json

    from draftlint.config import ConfigError, config_for
    from draftlint.effective import Flags, resolve
    from draftlint.files import one_line

    target = Path(path)
    try:
        config = config_for(target, config_file)
        language = lang.value if lang else config.values.get("lang", "zh")
        effective = resolve(config, Flags(lang=lang.value if lang else None),
                            target if not target.is_dir() else None, language)  # fmt: skip
    except ConfigError as error:
        fail(one_line(str(error)))
        raise typer.Exit(2) from None
    where = str(config.path) if config.path is not None else CONFIG_NONE[language]
    print(f"# {CONFIG_FILE[language]}: {where}")
    for key, value in effective.values.items():
        source = effective.sources.get(key, "default")
        print(f"{key} = {json.dumps(value, ensure_ascii=False)}  # {source}")


CONFIG_FILE = {"zh": "配置文件", "en": "configuration file"}
CONFIG_NONE = {"zh": "（无，使用默认值）", "en": "(none: defaults)"}


@app.command("init")
def init_config(
    directory: Annotated[str, typer.Argument(help="在此目录写入 .draftlint.toml")] = ".",
) -> None:
    """写入带注释的 .draftlint.toml 起始配置 / write a commented starter .draftlint.toml."""
    from draftlint.atomic import create_text
    from draftlint.config import STARTER
    from draftlint.files import shown

    target = Path(directory) / ".draftlint.toml"
    try:
        create_text(target, STARTER)
    except FileExistsError:
        fail(f"{shown(str(target))}: 已存在，不覆盖 (already exists; not overwritten)")
        raise typer.Exit(2) from None
    except OSError as error:
        fail(f"{shown(str(target))}: 无法写入 (cannot write: {error.strerror})")
        raise typer.Exit(2) from None
    print(f"{shown(str(target))}")


@app.command("clean")
def clean(cache_dir: CacheDirOption = None) -> None:
    """删除内容缓存和用户缓存 / remove the content cache and the user cache's files."""
    from draftlint.cache import NotOurCache, cache_root, remove
    from draftlint.files import shown
    from draftlint.usercache import cache_folder, prune_stale

    root = cache_root(cache_dir)
    removed, failed = False, False
    try:
        if (removed := remove(root)) and root.exists():  # someone else's files are left
            print(f"{shown(str(root))}: 已删除 draftlint 的文件，其余保留 (removed draftlint's "
                  "files; the others are left)")  # fmt: skip
        elif removed:
            print(f"{shown(str(root))}: 已删除 (removed)")
    except NotOurCache:
        fail(f"{shown(str(root))}: 不是 draftlint 的缓存目录，未删除 (not draftlint's cache; "
              "left alone)")  # fmt: skip
        failed = True
    except OSError as error:
        fail(f"{shown(str(root))}: 无法删除 (cannot remove: {error.strerror})")
        failed = True
    folder = cache_folder(create=False)  # cleaned whatever became of the content cache
    if folder is not None and folder.is_dir() and (count := len(prune_stale(folder, days=0))):
        print(f"{shown(str(folder))}: 已删除 {count} 个缓存文件 (removed {count} cache files)")
    elif not removed and not failed:
        print("没有要删除的缓存 (no cache to remove)")
    if failed:
        raise typer.Exit(2)


@app.command("rules")
def list_rules(lang: LangOption = Lang.zh) -> None:
    """列出全部规则 / list every rule."""
    from rich.table import Table

    from draftlint.registry import all_rules

    table = Table(show_header=True, header_style="bold", box=None)
    for column in ("code", "name", "severity", "tags", "fix", "summary"):
        table.add_column(column)
    for rule in all_rules():
        table.add_row(
            rule.code, rule.name, rule.severity.value, ",".join(rule.tags),
            rule.fix_tier or "", rule.summary.get(lang.value, rule.summary["zh"]),
        )  # fmt: skip
    stdout_console().print(table)


@app.command("rule")
def explain_rule(
    key: Annotated[str, typer.Argument(help="规则代码或名称，如 N002 或 numbering-repeat")],
    lang: LangOption = Lang.zh,
) -> None:
    """解释一条规则 / explain one rule."""
    from draftlint.i18n import t
    from draftlint.registry import find_rule

    rule = find_rule(key)
    if rule is None:
        fail(t(lang.value, "unknown_rule", name=key))
        raise typer.Exit(2)
    stdout_console().print(explain(rule, lang.value))


def explain(rule: "type[Rule]", lang: str) -> str:
    from rich.markup import escape

    from draftlint.i18n import t

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
    if rule.fix_tier:
        lines.append(f"[bold]{t(lang, 'fixable')}[/bold]: {rule.fix_tier}")
    if rule.settings_schema:
        settings = ", ".join(
            f"{name.replace('_', '-')} ({' | '.join(k.__name__ for k in kinds)})"
            for name, kind in rule.settings_schema.items()
            for kinds in [kind if isinstance(kind, tuple) else (kind,)]
        )
        lines.append(f"[bold]{escape(t(lang, 'settings'))}[/bold]: {escape(settings)}")
    lines += ["", f"[bold]{t(lang, 'bad')}[/bold]:", escape(rule.example_bad.rstrip())]
    lines += ["", f"[bold]{t(lang, 'good')}[/bold]:", escape(rule.example_good.rstrip())]
    return "\n".join(lines)


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command ``args`` name: click objects for every option of every
    command take ~10 ms to build, and a run uses one. Help and the version get the whole app."""
    name = args[0] if args else None
    chosen = [
        info
        for info in app.registered_commands
        if (info.name or (info.callback.__name__ if info.callback else "").replace("_", "-"))
        == name
    ]
    if not chosen:
        return app
    narrow = typer.Typer(**_APP_SETTINGS)
    narrow.registered_callback = app.registered_callback
    narrow.registered_commands = chosen
    return narrow


def main(argv: list[str] | None = None) -> None:
    """Console entry point: route ``lint PATH...`` to ``lint check PATH...``. Called with no
    arguments (as the ``lint`` command), it ends the process itself (``streams.exit_now``)."""
    thresholds = start_run()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and args[0] not in HELP_AND_VERSION:
        args.insert(0, "check")
    app_for_args = _app_for(args)
    if argv is not None:  # called from Python: leave the interpreter as it is
        try:
            app_for_args(args=args, prog_name="lint")
        finally:
            gc.set_threshold(*thresholds)
        return
    try:
        app_for_args(args=args, prog_name="lint")
    except SystemExit as stop:
        exit_now(stop.code)
    exit_now(0)
