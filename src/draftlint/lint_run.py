"""One ``lint check`` run: which files, with which settings, and what became of each.

The command line (``cli``, or ``quick_args`` for the common command lines) decides the
flags; ``Run`` finds the files, reads each (or takes it from the content cache) and lints it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from draftlint.readers import read_bytes  # a module attribute: tests stub the reader here
from draftlint.streams import fail

if TYPE_CHECKING:
    from draftlint.cache import Cached, ResultCache
    from draftlint.config import Config
    from draftlint.effective import Effective, Flags
    from draftlint.files import Target
    from draftlint.model import Document
    from draftlint.report import FileResult


class Run:
    """One ``lint check``: which files, with which settings, and what became of each."""

    cache: ResultCache | None = None  # the content cache, unless --no-cache
    encode: Callable[[FileResult], list[str]] | None = None  # the JSON report's lines
    rule_processes = 1  # processes one document's rules may use: 2 for a lone file with -j

    def __init__(self, flags: Flags, lang: str, config_file: Path | None, limit: int,
                 stdin_filename: str | None, report_unused: bool) -> None:  # fmt: skip
        self.flags, self.lang, self.config_file = flags, lang, config_file
        self.limit, self.stdin_filename, self.report_unused = limit, stdin_filename, report_unused
        self._folder_configs: dict[Path, Config] = {}
        # (id(config), a file's own ignores) → (config, its settings): the files of a folder
        # share one Effective. The config is kept so its id stays its own.
        self._settings: dict[tuple[int, tuple[str, ...]], tuple[Config, Effective]] = {}

    def config(self, path: Path | None) -> Config:
        from draftlint.config import config_for

        return config_for(path, self.config_file)

    def folder_config(self, folder: Path) -> Config:
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

    def targets(self, path_texts: list[str]) -> Iterator[Target]:
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
                    fail(t(self.lang, "no_files", path=shown(path_text)))
            elif kind == "other":
                config = self.config(path)
                anchor = config.root if config.path is not None else path.parent
                if not is_excluded(path, anchor, config.explicit_excludes):
                    yield Target(path_text, path)
            else:
                yield Target(path_text, path, kind)

    def _effective(self, target: Target) -> Effective:
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

    def lint(self, target: Target) -> FileResult:
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
        self, target: Target, effective: Effective
    ) -> tuple[bytes, str | None, Cached | None]:
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
        self, target: Target, effective: Effective, info: os.stat_result
    ) -> tuple[str | None, Cached | None]:
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

    def _lint_document(self, target: Target, document: Document, effective: Effective,
                       key: str | None) -> FileResult:  # fmt: skip
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
