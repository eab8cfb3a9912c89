"""Baseline files: today's findings recorded, so a repository adopts the gate at once and
only new findings fail it (``--write-baseline FILE``, ``--baseline FILE``).

Paths are recorded relative to the baseline file's folder, so the same baseline works
whether the run names ``drafts/`` or ``./drafts/a.docx`` and from any working directory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from draftlint import __version__
from draftlint.atomic import write_text
from draftlint.fingerprint import fingerprints, normal_path
from draftlint.model import Finding
from draftlint.records import dataclass

FORMAT = "draftlint-baseline"
VERSION = 1


class BaselineError(Exception):
    """A baseline file the run cannot use: one line."""


@dataclass(slots=True)
class Baseline:
    """A baseline file: the fingerprints of the findings it records."""

    path: Path
    known: frozenset[str]

    def new_findings(self, findings: Sequence[Finding], file_path: str) -> list[Finding]:
        prints = fingerprints(findings, normal_path(file_path, self.path.parent))
        return [f for f, p in zip(findings, prints, strict=True) if p not in self.known]


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(
            f"{path}: 无法读取基线 (cannot read baseline: {error.strerror})"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: 基线不是有效的 JSON (invalid baseline: {error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{path}: 不是 draftlint 基线文件 (not a draftlint baseline)")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f"{path}: 基线的 findings 格式不对 (malformed findings list)")
    return Baseline(path, frozenset(e["fingerprint"] for e in entries))


def write(path: Path, results: Sequence[tuple[str, Sequence[Finding]]]) -> int:
    """Record every finding of ``results`` ((path, findings) per file); return the count."""
    entries = []
    for file_path, findings in results:
        recorded = normal_path(file_path, path.absolute().parent)
        for finding, print_ in zip(findings, fingerprints(findings, recorded), strict=True):
            entries.append({"fingerprint": print_, "code": finding.code, "path": recorded,
                            "line": finding.line, "text": finding.text})  # fmt: skip
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    document = {"format": FORMAT, "version": VERSION, "tool": f"draftlint {__version__}",
                "findings": entries}  # fmt: skip
    write_text(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return len(entries)
