"""The common ``lint`` command lines, parsed without typer.

Importing typer and building its command takes 40–55 ms, a third of a small draft's run and
a sixth of a 400-page one's; a pre-commit hook pays it on every commit. ``lint PATH...``
with the ``check`` options written out in full (``--format json``, ``-j 2``,
``--select=N001``) is parsed here instead, into the same values typer would give
``cli.check``, and run by ``lint_command.run_check``.

Anything else goes to typer, which stays the one authority on the command line: help,
``--version``, the other commands, an unknown or abbreviated option, bundled short flags
(``-qj2``), a value typer would reject (``--format JSON``, ``-j 0``), a missing value. So
every usage error and every help text comes from typer, unchanged. ``OPTIONS`` mirrors the
``check`` command's options: a test builds the same table from the typer command and
compares, and another runs command lines through both parsers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from draftlint.lint_command import FailOn, FixMode, Lang, OutputFormat


class Quick(NamedTuple):
    """One option of ``check``: its parameter, how a value is read (None: a flag), and
    whether it may be given more than once (a list)."""

    dest: str
    convert: Callable[[str], Any] | None = None
    multiple: bool = False


def _path(text: str) -> Path:
    """As typer's Path options (click's ``Path()``): a path that exists must be readable."""
    if os.path.exists(text) and not os.access(text, os.R_OK):
        raise ValueError(text)  # typer's "is not readable"
    return Path(text)


def _at_least_one(text: str) -> int:
    number = int(text)  # as click's INT: int(text)
    if number < 1:
        raise ValueError(text)
    return number


OPTIONS: dict[str, Quick] = {
    "--format": Quick("output_format", OutputFormat),
    "-f": Quick("output_format", OutputFormat),
    "--select": Quick("select", str, multiple=True),
    "--extend-select": Quick("extend_select", str, multiple=True),
    "--ignore": Quick("ignore", str, multiple=True),
    "--extend-ignore": Quick("extend_ignore", str, multiple=True),
    "--lang": Quick("lang", Lang),
    "--quiet": Quick("quiet"),
    "-q": Quick("quiet"),
    "--stdin-filename": Quick("stdin_filename", str),
    "--profile": Quick("profile", str),
    "--profiles-dir": Quick("profiles_dir", str),
    "--config": Quick("config_file", _path),
    "--output-file": Quick("output_file", _path),
    "-o": Quick("output_file", _path),
    "--statistics": Quick("statistics"),
    "--exit-zero": Quick("exit_zero"),
    "--fail-on": Quick("fail_on", FailOn),
    "--baseline": Quick("baseline", _path),
    "--write-baseline": Quick("write_baseline", _path),
    "--report-unused-suppressions": Quick("report_unused_suppressions"),
    "--changed-since": Quick("changed_since", str),
    "--shard": Quick("shard", str),
    "--max-file-size": Quick("max_file_size", float),  # as click's FLOAT: float(text)
    "--fix": Quick("fix"),
    "--unsafe-fixes": Quick("unsafe_fixes"),
    "--diff": Quick("diff"),
    "--fix-mode": Quick("fix_mode", FixMode),
    "--no-cache": Quick("no_cache"),
    "--cache-dir": Quick("cache_dir", str),
    "--jobs": Quick("jobs", _at_least_one),
    "-j": Quick("jobs", _at_least_one),
}
# The first words that are not a path: the commands (``cli`` registers each), help and the
# version. ``lint WORD...`` with any other first word is ``lint check WORD...``.
SUBCOMMANDS = ("check", "rules", "rule", "outline", "profiles", "config", "init", "annotate",
               "clean")  # fmt: skip
HELP_AND_VERSION = ("-h", "--help", "--version")


_COMPLETION = "_LINT_COMPLETE"  # set by a shell asking click for completions of `lint`


class _TyperDecides(Exception):
    """A command line this module leaves to typer."""


def check_options(args: Sequence[str]) -> dict[str, Any] | None:
    """``run_check``'s keyword arguments for ``lint ARGS``, or None to let typer parse it.
    Only the options given are returned: ``run_check`` has typer's defaults."""
    args = list(args)
    if args and args[0] == "check":
        args.pop(0)
    elif not args or args[0] in SUBCOMMANDS or args[0] in HELP_AND_VERSION:
        return None
    if _COMPLETION in os.environ:
        return None
    try:
        return _parse(args)
    except (_TyperDecides, ValueError):
        return None


def _parse(args: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    paths: list[str] = []
    position = 0
    while position < len(args):
        token = args[position]
        position += 1
        if token == "--":  # the rest are paths, as for click
            paths += args[position:]
            break
        if not token.startswith("-") or token == "-":
            paths.append(token)
            continue
        name, given, value = _split(token)
        quick = OPTIONS.get(name)
        if quick is None:
            raise _TyperDecides
        if quick.convert is None:  # a flag
            if given:
                raise _TyperDecides  # "--quiet=yes": typer's error
            values[quick.dest] = True
            continue
        if not given:
            if position == len(args):
                raise _TyperDecides  # the value is missing: typer's error
            value = args[position]  # the next word, whatever it looks like, as for click
            position += 1
        converted = quick.convert(value)  # ValueError: typer's error message
        if quick.multiple:
            values.setdefault(quick.dest, []).append(converted)
        else:
            values[quick.dest] = converted  # given twice: the last one, as for click
    if paths:
        values["paths"] = paths
    return values


def _split(token: str) -> tuple[str, bool, str]:
    """(option name, whether the token holds its value, the value) for ``--name=value``,
    ``-j2`` or a bare option name."""
    if token.startswith("--"):
        name, equals, value = token.partition("=")
        return name, bool(equals), value
    if len(token) > 2:  # "-j2": a short option with its value, or bundled flags ("-qj2")
        quick = OPTIONS.get(token[:2])
        if quick is None or quick.convert is None:
            raise _TyperDecides
        return token[:2], True, token[2:]
    return token, False, ""
