"""``lint check``: lint the files, write the report, and end with the exit code.

This module does not import typer. The command line (``cli.check``) declares the options
and calls ``run_check``; so does ``quick_args``, which parses the common command lines
without typer's start-up. Exit codes: 0 no error-severity finding, 1 at least one, 2 the
tool could not do its job (usage, an unreadable file).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from draftlint.collector import on_for_many_files
from draftlint.lint_run import Run
from draftlint.streams import INTERRUPTED, exit_now, fail, start_run, stdout_console

if TYPE_CHECKING:
    from collections.abc import Callable

    from draftlint.atomic import TextOutput
    from draftlint.effective import Flags
    from draftlint.files import Target
    from draftlint.report import FileResult


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


def split_values(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def check_selectors(flags: Flags, lang: str) -> None:
    from draftlint.config import check_selector, closest, selector_names
    from draftlint.i18n import t

    for selector in [*flags.select, *flags.extend_select, *flags.ignore, *flags.extend_ignore]:
        if not check_selector(selector):
            suggestion = closest(selector, selector_names())
            hint = f"（是否想写“{suggestion}”？did you mean “{suggestion}”?）" if suggestion else ""
            fail(t(lang, "unknown_selector", selector=selector) + hint)
            raise SystemExit(2)


def run_check(
    *,
    paths: list[str] | None = None,
    output_format: OutputFormat = OutputFormat.text,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_ignore: list[str] | None = None,
    lang: Lang | None = None,
    quiet: bool = False,
    stdin_filename: str | None = None,
    profile: str | None = None,
    profiles_dir: str | None = None,
    config_file: Path | None = None,
    output_file: Path | None = None,
    statistics: bool = False,
    exit_zero: bool = False,
    fail_on: FailOn = FailOn.error,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    report_unused_suppressions: bool = False,
    changed_since: str | None = None,
    shard: str | None = None,
    max_file_size: float | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    fix_mode: FixMode = FixMode.tracked,
    no_cache: bool = False,
    cache_dir: str | None = None,
    jobs: int | None = None,
) -> NoReturn:
    """``lint check`` with the command line's values (the same names and defaults as
    ``cli.check``'s options). Ends with ``SystemExit`` and the run's exit code."""
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

    flags = Flags(select=split_values(select), extend_select=split_values(extend_select),
                  ignore=split_values(ignore), extend_ignore=split_values(extend_ignore),
                  profile=profile, profiles_dir=profiles_dir,
                  lang=lang.value if lang else None)  # fmt: skip
    language = run_language(lang, config_file)
    check_selectors(flags, language)
    if not paths:
        if changed_since is None:
            fail("lint: 缺少要检查的文件或目录 (missing PATH)")
            raise SystemExit(2)
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
                        fail(t(language, "read_error", path=shown(result.path),
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
        fail(one_line(str(error)))
        raise SystemExit(2) from None
    fix_failed = False
    if fix or diff:
        fix_outcome = _fix(results, targets, unsafe_fixes, fix_mode, diff, language)
        if diff:
            sys.stdout.write(fix_outcome[0])
            raise SystemExit(2 if fix_outcome[1] else int(fix_outcome[2]))
        fix_failed = fix_outcome[1]  # a file that could not be written: exit 2
        outcome = Outcome()  # the exit code counts what is left after the fixes
        for result in results:
            outcome.add(result)
    if write_baseline is not None:
        recorded = [(r.path, r.findings) for r in results if r.error is None]
        try:
            count = baseline_file.write(write_baseline, recorded)
        except OSError as error:
            fail(f"{shown(str(write_baseline))}: 无法写入基线 (cannot write: {error.strerror})")
            raise SystemExit(2) from None
        fail(WROTE_BASELINE[language].format(count=count, path=shown(str(write_baseline))))
        raise SystemExit(2 if any(r.error is not None for r in results) else 0)
    exit_code = outcome.exit_code(FAILING[fail_on.value], exit_zero)
    if writer is not None:
        if outcome.files == 0:
            writer.begin()
        writer.end()
        if output is not None:
            _commit_output(output)
        raise SystemExit(exit_code)
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
                fail(f"{shown(str(output_file))}: 无法写入 (cannot write: {error.strerror})")
                raise SystemExit(2) from None
        else:
            sys.stdout.write(text)
    raise SystemExit(2 if fix_failed else exit_code)


def _fix(results: list[FileResult], targets: list[Target], unsafe: bool, mode: FixMode,
         diff: bool, lang: str) -> tuple[str, bool, bool]:  # fmt: skip
    from draftlint.fix.run import fix_results

    stdin_names = {target.name for target in targets if target.path is None}
    return fix_results(results, stdin_names, unsafe=unsafe, tracked=mode is FixMode.tracked,
                       diff=diff, lang=lang)  # fmt: skip


def _open_output(path: Path) -> TextOutput:
    from draftlint.atomic import TextOutput
    from draftlint.files import shown

    try:
        return TextOutput(path)
    except OSError as error:
        fail(f"{shown(str(path))}: 无法写入 (cannot write: {error.strerror})")
        raise SystemExit(2) from None


def _commit_output(output: TextOutput) -> None:
    from draftlint.files import shown

    try:
        output.commit()
    except OSError as error:
        fail(f"{shown(str(output.path))}: 无法写入 (cannot write: {error.strerror})")
        raise SystemExit(2) from None


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


RENDERERS: dict[str, str] = {  # format → "module:function", imported only when used
    "sarif": "draftlint.report.sarif:render_sarif",
    "github": "draftlint.report.github:render_github",
    "gitlab": "draftlint.report.gitlab:render_gitlab",
    "junit": "draftlint.report.junit:render_junit",
    "html": "draftlint.report.html:render_html",
}


def _renderer(output_format: str) -> Callable[[list[FileResult], str], str]:
    import importlib

    module, function = RENDERERS[output_format].split(":")
    return getattr(importlib.import_module(module), function)


def _render(results: list[FileResult], output_format: str, lang: str, quiet: bool,
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
    write_terminal(results, stdout_console(), lang, quiet=quiet)
    return None


def run_language(lang: Lang | None, config_file: Path | None) -> str:
    from draftlint.config import ConfigError, config_for

    if lang is not None:
        return lang.value
    try:
        return config_for(Path.cwd() / "-", config_file).values.get("lang", "zh")
    except ConfigError:
        return "zh"  # reported with the file it governs


def run_quick(options: dict[str, Any]) -> NoReturn:
    """``run_check`` for a command line ``quick_args`` parsed, ending the process as the
    typer command line does (``cli.main``): Ctrl-C exits 130, a closed stdout 1."""
    start_run()
    try:
        run_check(**options)
    except SystemExit as stop:
        exit_now(stop.code)
    except KeyboardInterrupt:
        exit_now(INTERRUPTED)
    except BrokenPipeError:  # `lint … | head`: what is left unwritten goes nowhere
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        exit_now(1)
