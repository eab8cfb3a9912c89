"""The ``lint`` command (alias ``draftlint``).

``lint PATH...`` is short for ``lint check PATH...``. Exit codes: 0 no error-severity
finding, 1 at least one, 2 the tool could not do its job (usage, an unreadable file).
"""

# No ``from __future__ import annotations`` here: typer reads the commands' signatures, and
# string annotations would be compiled (eval) in every run, some 5 ms of start-up. Names
# imported only for type checking are quoted.
import gc
import os
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from draftlint import __version__
from draftlint.collector import on_for_many_files
from draftlint.readers import read_bytes  # a module attribute: tests stub the reader here

# Start-up matters (pre-commit runs `lint` once per commit): everything heavier than typer
# is imported inside the command that needs it, so `lint --version` and the JSON path never
# load rich, and no command loads the modules of another.
if TYPE_CHECKING:
    from rich.console import Console

    from draftlint.atomic import TextOutput
    from draftlint.cache import Cached, ResultCache
    from draftlint.config import Config
    from draftlint.effective import Effective, Flags
    from draftlint.files import Target
    from draftlint.model import Document
    from draftlint.report import FileResult
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
SUBCOMMANDS = (
    "check",
    "rules",
    "rule",
    "outline",
    "profiles",
    "config",
    "init",
    "annotate",
    "clean",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    html = "html"


class FixMode(str, Enum):
    tracked = "tracked"
    apply = "apply"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _utf8_streams() -> None:
    """Write UTF-8 whatever the console's locale, so CJK never crashes a redirect."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _stdout() -> "Console":
    from rich.console import Console

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


def _check_selectors(flags: "Flags", lang: str) -> None:
    import difflib

    from draftlint.config import check_selector, selector_names
    from draftlint.i18n import t

    for selector in [*flags.select, *flags.extend_select, *flags.ignore, *flags.extend_ignore]:
        if not check_selector(selector):
            suggestion = difflib.get_close_matches(selector, selector_names(), n=1, cutoff=0.5)
            hint = (
                f"（是否想写“{suggestion[0]}”？did you mean “{suggestion[0]}”?）"
                if suggestion
                else ""
            )
            _fail(t(lang, "unknown_selector", selector=selector) + hint)
            raise typer.Exit(2)


class Run:
    """One ``lint check``: which files, with which settings, and what became of each."""

    cache: "ResultCache | None" = None  # the content cache, unless --no-cache
    encode: "Callable[[FileResult], list[str]] | None" = None  # the JSON report's lines
    rule_processes = 1  # processes one document's rules may use: 2 for a lone file with -j

    def __init__(self, flags: "Flags", lang: str, config_file: Path | None, limit: int,
                 stdin_filename: str | None, report_unused: bool) -> None:  # fmt: skip
        self.flags, self.lang, self.config_file = flags, lang, config_file
        self.limit, self.stdin_filename, self.report_unused = limit, stdin_filename, report_unused
        self._folder_configs: dict[Path, Config] = {}
        # (id(config), a file's own ignores) → (config, its settings): the files of a folder
        # share one Effective. The config is kept so its id stays its own.
        self._settings: dict[tuple[int, tuple[str, ...]], tuple[Config, Effective]] = {}

    def config(self, path: Path | None) -> "Config":
        from draftlint.config import config_for

        return config_for(path, self.config_file)

    def folder_config(self, folder: Path) -> "Config":
        """The configuration of the files in ``folder``, looked up once per folder."""
        known = self._folder_configs.get(folder)
        if known is None:
            known = self._folder_configs[folder] = self.config(folder)
        return known

    def _keep(self, root: Path) -> Callable[[Path, str, bool], bool]:
        from draftlint.files import is_excluded_in, relative_parts

        folders: dict[Path, tuple[tuple[str, ...] | None, tuple[str, ...]]] = {}

        def keep(folder: Path, name: str, is_dir: bool) -> bool:
            known = folders.get(folder)
            if known is None:  # the folder's place and excludes, once for all its entries
                config = self.folder_config(folder)
                anchor = config.root if config.path is not None else root
                known = folders[folder] = (relative_parts(folder, anchor), tuple(config.excludes))
            return not is_excluded_in(known[0], name, known[1])

        return keep

    def targets(self, path_texts: list[str]) -> "Iterator[Target]":
        from draftlint.files import Target, classify, is_excluded, shown, walk
        from draftlint.i18n import t

        for path_text in path_texts:
            if path_text == "-":
                yield Target(self.stdin_filename or "-", None)
                continue
            path = Path(path_text)
            kind = classify(path_text)
            if kind == "dir":
                found = False
                for target in walk(path, self._keep(path)):
                    found = True
                    yield target
                if not found:
                    _fail(t(self.lang, "no_files", path=shown(path_text)))
            elif kind == "other":
                config = self.config(path)
                anchor = config.root if config.path is not None else path.parent
                if not is_excluded(path, anchor, config.explicit_excludes):
                    yield Target(path_text, path)
            else:
                yield Target(path_text, path, kind)

    def _effective(self, target: "Target") -> "Effective":
        """What applies to ``target``: its folder's configuration (standard input: that of
        ``--stdin-filename``, else the working folder's) with the command line's flags."""
        from draftlint.effective import per_file_ignores, settings

        path_for_config = target.path or (
            Path(self.stdin_filename) if self.stdin_filename else None
        )
        if target.path is not None:  # a file (a folder was walked): its folder's settings
            config = self.folder_config(target.path.parent)
        else:
            config = self.config(path_for_config)
        ignored_here = per_file_ignores(config, path_for_config)
        key = (id(config), tuple(ignored_here))
        known = self._settings.get(key)
        if known is None or known[0] is not config:
            known = self._settings[key] = (
                config,
                settings(config, self.flags, ignored_here, self.lang),
            )
        return known[1]

    def lint(self, target: "Target") -> "FileResult":
        from draftlint.files import FileError, one_line, read_stdin
        from draftlint.model import ReadError
        from draftlint.report import FileResult

        if target.error is not None:
            return FileResult(target.name, error=target.error)
        effective = self._effective(target)
        key = None
        try:
            if target.path is None:
                data = read_stdin(self.limit)
                document = read_bytes(data, self.stdin_filename or "-.txt")
            else:
                data, key, cached = self._read(target, effective)
                if cached is not None:
                    return FileResult(target.name, cached.findings, kind=cached.kind,
                                      rendered=cached.rendered)  # fmt: skip
                document = read_bytes(data, target.name)
        except (FileError, ReadError) as error:
            return FileResult(target.name, error=one_line(str(error)))
        return self._lint_document(target, document, effective, key)

    def _read(
        self, target: "Target", effective: "Effective"
    ) -> "tuple[bytes, str | None, Cached | None]":
        """The file's bytes, its cache key, and its cached result if there is one. A file
        whose digest the cache knows from its status is a hit without being read."""
        from draftlint.files import open_regular, read_open

        assert target.path is not None
        cache, path = self.cache, target.path
        fd, info = open_regular(path, self.limit)  # unreadable, not regular, too large: errors
        try:
            key, cached = self._cached_by_status(target, effective, info)
            if cached is not None:
                return b"", key, cached
            data = read_open(fd, self.limit)
        finally:
            os.close(fd)
        if cache is None:
            return data, None, None
        content = cache.digest(data)
        cache.record_digest(path, info, content)
        key = cache.key(target.name, path, content, effective, self.report_unused)
        return data, key, cache.get(key) if key is not None else None

    def forked(self) -> None:
        """In a -j worker as it starts: the content cache entries and digests the parent
        made before the fork are the parent's to save, not the worker's (the user cache's
        stores forget theirs in every forked child: ``usercache.forget_added``)."""
        if self.cache is not None:
            self.cache.forget_unsaved()

    def _cached_by_status(
        self, target: "Target", effective: "Effective", info: os.stat_result
    ) -> "tuple[str | None, Cached | None]":
        """(key, cached result) of a file whose digest the cache knows from its status
        (``info``), without reading it; (None, None) when it does not."""
        cache, path = self.cache, target.path
        if cache is None or path is None:
            return None, None
        known = cache.known_digest(path, info)
        if known is None:
            return None, None
        key = cache.key(target.name, path, known, effective, self.report_unused)
        return key, cache.get(key) if key is not None else None

    def finish(self) -> None:
        """What a process does after its last file: record the digests it computed and the
        patterns and rule data it compiled or parsed (a -j worker has no exit handlers)."""
        from draftlint.usercache import save_stores

        if self.cache is not None:
            self.cache.save()
        save_stores()

    def _lint_document(self, target: "Target", document: "Document", effective: "Effective",
                       key: str | None) -> "FileResult":  # fmt: skip
        from draftlint.engine import lint_document
        from draftlint.files import one_line
        from draftlint.model import Finding
        from draftlint.report import FileResult
        from draftlint.resources import DataError
        from draftlint.suppression import (
            apply_allow,
            apply_severity,
            apply_suppressions,
            reportable_unused,
            unused_findings,
        )

        document.path = target.name
        try:
            findings = lint_document(
                document, effective.rules, effective.options, self.rule_processes
            )
        except DataError as error:  # a broken profile next to this file: this file's error
            return FileResult(target.name, error=one_line(str(error)), kind=document.kind)
        findings = apply_allow(findings, effective.allow)
        filtered = apply_suppressions(findings, document.suppressions)
        findings = filtered.kept
        if self.report_unused:
            unused = reportable_unused(filtered.unused, effective.rules)
            findings = sorted(findings + unused_findings(document, unused), key=Finding.sort_key)
        apply_severity(findings, effective.severity)
        result = FileResult(target.name, findings, kind=document.kind)
        if key is not None:
            if self.encode is not None:  # encoded once, for the report and the cache
                result.rendered = self.encode(result)
            self.cache.put(key, findings, document.kind, result.rendered)
        return result


RENDERERS: dict[str, str] = {  # format → "module:function", imported only when used
    "sarif": "draftlint.report.sarif:render_sarif",
    "github": "draftlint.report.github:render_github",
    "gitlab": "draftlint.report.gitlab:render_gitlab",
    "junit": "draftlint.report.junit:render_junit",
    "html": "draftlint.report.html:render_html",
}


def _renderer(output_format: str) -> "Callable[[list[FileResult], str], str]":
    import importlib

    module, function = RENDERERS[output_format].split(":")
    return getattr(importlib.import_module(module), function)


def _render(results: "list[FileResult]", output_format: str, lang: str, quiet: bool,
            to_file: bool, statistics: bool) -> str | None:  # fmt: skip
    """The report as text, or None when it was printed straight to the terminal."""
    import io

    from rich.console import Console

    from draftlint.report.json_report import write_json
    from draftlint.report.statistics import render_statistics
    from draftlint.report.terminal import write_terminal

    if statistics:
        return render_statistics(results, lang, as_json=output_format == "json")
    if output_format == "json":
        buffer = io.StringIO()
        write_json(results, lang, buffer)
        return buffer.getvalue()
    if output_format in RENDERERS:
        return _renderer(output_format)(results, lang)
    if to_file:
        buffer = io.StringIO()
        write_terminal(results, Console(file=buffer, width=200, no_color=True), lang, quiet=quiet)
        return buffer.getvalue()
    write_terminal(results, _stdout(), lang, quiet=quiet)
    return None


def _run_language(lang: Lang | None, config_file: Path | None) -> str:
    from draftlint.config import ConfigError, config_for

    if lang is not None:
        return lang.value
    try:
        return config_for(Path.cwd() / "-", config_file).values.get("lang", "zh")
    except ConfigError:
        return "zh"  # reported with the file it governs


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
    from draftlint.config import ConfigError
    from draftlint.effective import Flags
    from draftlint.files import FileError, in_shard, one_line, parse_shard, shown
    from draftlint.files import changed_since as changed_since_files
    from draftlint.files import max_file_size as max_file_size_bytes
    from draftlint.i18n import t
    from draftlint.parallel import default_jobs, lint_all
    from draftlint.runloop import STREAMED_FORMATS, Outcome, progress_bar, streaming_writer

    stopping: tuple[type[Exception], ...] = (ConfigError, FileError)  # exit 2, one line
    if baseline is not None or write_baseline is not None:
        from draftlint import baseline as baseline_file
        from draftlint.baseline import BaselineError

        stopping += (BaselineError,)

    flags = Flags(select=_split(select), extend_select=_split(extend_select),
                  ignore=_split(ignore), extend_ignore=_split(extend_ignore),
                  profile=profile, profiles_dir=profiles_dir,
                  lang=lang.value if lang else None)  # fmt: skip
    language = _run_language(lang, config_file)
    _check_selectors(flags, language)
    if not paths:
        if changed_since is None:
            _fail("lint: 缺少要检查的文件或目录 (missing PATH)")
            raise typer.Exit(2)
        paths = ["."]
    try:
        output = None
        loaded_baseline = baseline_file.load(baseline) if baseline and not write_baseline else None
        shard_of = parse_shard(shard) if shard else None
        run = Run(flags, language, config_file, max_file_size_bytes(max_file_size),
                  stdin_filename, report_unused_suppressions)  # fmt: skip
        fixing = fix or diff  # fixes need each file's paragraphs, read afresh in this process
        if not (no_cache or fixing):
            from draftlint.cache import ResultCache, cache_root

            run.cache = ResultCache(cache_root(cache_dir))
        targets = list(run.targets(paths))
        if changed_since is not None:
            changed = changed_since_files(changed_since)
            targets = [t_ for t_ in targets if t_.path is None or _resolved(t_.path) in changed]
        if shard_of is not None:
            targets = [t_ for t_ in targets if in_shard(t_.name, *shard_of)]
        if len(targets) > 1:
            on_for_many_files()
        # Fixes need every finding of a file at the end of the run: then nothing is streamed.
        streamed = (output_format.value in STREAMED_FORMATS and not statistics
                    and write_baseline is None and not (fix or diff))  # fmt: skip
        results: list[FileResult] = []
        outcome = Outcome()
        with progress_bar(len(targets), language) as advance:
            output = _open_output(output_file) if streamed and output_file is not None else None
            writer = None
            if streamed:
                stream = output.stream if output is not None else sys.stdout
                writer = streaming_writer(output_format.value, language, quiet, stream,
                                          output is not None)  # fmt: skip
            encode = getattr(writer, "encoded", None) if loaded_baseline is None else None
            run.encode = encode
            workers = 1 if fixing else jobs or default_jobs()
            if workers > 1 and len(targets) == 1:  # the spare process helps with that file
                run.rule_processes = 2
            try:
                for result in lint_all(run, targets, workers, encode):
                    if result.error is not None:
                        _fail(t(language, "read_error", path=shown(result.path),
                                reason=result.error))  # fmt: skip
                    elif loaded_baseline is not None:
                        result.findings = loaded_baseline.new_findings(result.findings,
                                                                       result.path)  # fmt: skip
                        result.rendered = None
                    outcome.add(result)
                    if writer is not None:
                        if outcome.files == 1:
                            writer.begin()  # not before: a configuration error leaves stdout empty
                        writer.file(result)  # written now; the findings are not kept
                    else:
                        results.append(result)
                    advance()
            finally:
                run.finish()  # also after Ctrl-C or a closed pipe: what was linted stays cached
    except stopping as error:
        if output is not None:
            output.discard()
        _fail(one_line(str(error)))
        raise typer.Exit(2) from None
    fix_failed = False
    if fix or diff:
        fix_outcome = _fix(results, targets, unsafe_fixes, fix_mode, diff, language)
        if diff:
            sys.stdout.write(fix_outcome[0])
            raise typer.Exit(2 if fix_outcome[1] else int(fix_outcome[2]))
        fix_failed = fix_outcome[1]  # a file that could not be written: exit 2
        outcome = Outcome()  # the exit code counts what is left after the fixes
        for result in results:
            outcome.add(result)
    if write_baseline is not None:
        recorded = [(r.path, r.findings) for r in results if r.error is None]
        try:
            count = baseline_file.write(write_baseline, recorded)
        except OSError as error:
            _fail(f"{shown(str(write_baseline))}: 无法写入基线 (cannot write: {error.strerror})")
            raise typer.Exit(2) from None
        _fail(WROTE_BASELINE[language].format(count=count, path=shown(str(write_baseline))))
        raise typer.Exit(2 if any(r.error is not None for r in results) else 0)
    exit_code = outcome.exit_code(FAILING[fail_on.value], exit_zero)
    if writer is not None:
        if outcome.files == 0:
            writer.begin()
        writer.end()
        if output is not None:
            _commit_output(output)
        raise typer.Exit(exit_code)
    text = _render(results, output_format.value, language, quiet, output_file is not None,
                   statistics)  # fmt: skip
    if output_format is OutputFormat.github:
        from draftlint.report.github import append_step_summary

        append_step_summary(results, language)
    if text is not None:
        if output_file is not None:
            from draftlint.atomic import write_text

            try:
                write_text(output_file, text)
            except OSError as error:
                _fail(f"{shown(str(output_file))}: 无法写入 (cannot write: {error.strerror})")
                raise typer.Exit(2) from None
        else:
            sys.stdout.write(text)
    raise typer.Exit(2 if fix_failed else exit_code)


def _fix(results: "list[FileResult]", targets: "list[Target]", unsafe: bool, mode: FixMode,
         diff: bool, lang: str) -> tuple[str, bool, bool]:  # fmt: skip
    from draftlint.fix.run import fix_results

    stdin_names = {target.name for target in targets if target.path is None}
    return fix_results(results, stdin_names, unsafe=unsafe, tracked=mode is FixMode.tracked,
                       diff=diff, lang=lang)  # fmt: skip


def _open_output(path: Path) -> "TextOutput":
    from draftlint.atomic import TextOutput
    from draftlint.files import shown

    try:
        return TextOutput(path)
    except OSError as error:
        _fail(f"{shown(str(path))}: 无法写入 (cannot write: {error.strerror})")
        raise typer.Exit(2) from None


def _commit_output(output: "TextOutput") -> None:
    from draftlint.files import shown

    try:
        output.commit()
    except OSError as error:
        _fail(f"{shown(str(output.path))}: 无法写入 (cannot write: {error.strerror})")
        raise typer.Exit(2) from None


WROTE_BASELINE = {
    "zh": "已把 {count} 个问题写入基线 {path}",
    "en": "wrote {count} findings to the baseline {path}",
}
FAILING = {  # severity values that fail the run, by --fail-on
    "error": ("error",),
    "warning": ("error", "warning"),
    "info": ("error", "warning", "info"),
}


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


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
        _fail(t(lang.value, "read_error", path=shown(path), reason=one_line(str(error))))
        raise typer.Exit(2) from None
    options = LintOptions(lang=lang.value, profile=profile, profiles_dir=profiles_dir)
    context = LintContext(document, options)  # one outline and one detection for all
    try:
        findings = run_rules(context, select_rules())
        tree, sections = context.outline, context.sections
    except DataError as error:
        _fail(one_line(str(error)))
        raise typer.Exit(2) from None
    render_outline(path, tree, findings, _stdout(), lang.value, sections=sections)


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

    flags = Flags(select=_split(select), ignore=_split(ignore), profile=profile,
                  lang=lang.value if lang else None)  # fmt: skip
    language = _run_language(lang, config_file)
    _check_selectors(flags, language)
    run = Run(flags, language, config_file, max_file_size_bytes(None), None, False)
    try:
        result = run.lint(Target(path, Path(path)))
    except (ConfigError, FileError) as error:
        _fail(one_line(str(error)))
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
        _fail(str(error))
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
        _fail(one_line(str(error)))
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
        _fail(f"{shown(str(target))}: 已存在，不覆盖 (already exists; not overwritten)")
        raise typer.Exit(2) from None
    except OSError as error:
        _fail(f"{shown(str(target))}: 无法写入 (cannot write: {error.strerror})")
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
        _fail(f"{shown(str(root))}: 不是 draftlint 的缓存目录，未删除 (not draftlint's cache; "
              "left alone)")  # fmt: skip
        failed = True
    except OSError as error:
        _fail(f"{shown(str(root))}: 无法删除 (cannot remove: {error.strerror})")
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
    _stdout().print(table)


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
        _fail(t(lang.value, "unknown_rule", name=key))
        raise typer.Exit(2)
    _stdout().print(explain(rule, lang.value))


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
    arguments (as the ``lint`` command), it ends the process itself (``_exit_now``)."""
    # Start-up makes many objects that live as long as the process (classes, tables,
    # patterns): at the default pace (a pass every 700 allocations) the collector would trace
    # them again and again. Reference cycles are still collected, only less often. (The
    # console command's ``entry`` has turned it off: this pace is for a run of many files,
    # which turns it back on, and for a program calling this.)
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    _utf8_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and args[0] not in ("-h", "--help", "--version"):
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
        _exit_now(stop.code)
    _exit_now(0)


def _exit_now(code: object) -> NoReturn:
    """Exit as ``sys.exit(code)`` would, without tearing the interpreter down: freeing every
    module and object one by one takes ~20 ms, a sixth of a small draft's run. The exit
    handlers still run (the user cache is saved there) and the output is flushed."""
    import atexit

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what Python's own exit reports
            status = 120
    os._exit(status)
