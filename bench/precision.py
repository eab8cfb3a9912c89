"""Findings per rule on text that should give none: a change in precision shows in one run.

    python bench/precision.py            # the precision drafts and the seeds, one table
    python bench/precision.py FOLDER     # any folder (e.g. a corpus of published documents)

Without an argument it lints, with the real ``lint`` command and default settings:
- the precision drafts: ``tests/data/precision/`` and ``tests/data/precision/real_shapes/``,
  as written (.txt/.md) and built as .docx with Word's automatic numbering for their headings
  (``tests/helpers/precision_docx.py``; .md drafts are not built);
- the seeds in ``../shared/seeds/`` (skipped when absent).
Every finding on a precision draft is a false alarm (the drafts are correct documents), so the
target there is zero in every column; on the seeds, compare the counts before and after a change.
It prints one table (rule × set), then every finding on the drafts, one line each.

With FOLDER it prints, for every .docx/.txt/.md below it (but README.md and SOURCES.md, which
describe a corpus rather than belong to it), the findings per rule and per 1,000 paragraphs, and
the total. Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.helpers

from tests.helpers.precision_docx import build_from_text  # noqa: E402

from draftlint.readers import SUFFIXES, read_path  # noqa: E402

PRECISION = ROOT / "tests" / "data" / "precision"
SEEDS = ROOT.parent / "shared" / "seeds"
NOT_DRAFTS = frozenset({"README.md", "SOURCES.md"})  # notes about a folder of drafts


def lint(paths: list[Path]) -> list[dict]:
    """Findings of the real ``lint`` command on ``paths``, each with its file's path."""
    if not paths:
        return []
    completed = subprocess.run(
        [sys.executable, "-m", "draftlint", "--format", "json", *map(str, paths)],
        capture_output=True,
        check=False,
    )
    if completed.returncode not in (0, 1):
        sys.exit(completed.stderr.decode("utf-8", "replace").strip() or "lint failed")
    report = json.loads(completed.stdout.decode("utf-8"))
    return [dict(finding, path=f["path"]) for f in report["files"] for finding in f["findings"]]


def paragraphs(paths: list[Path]) -> int:
    return sum(1 for path in paths for p in read_path(path).paragraphs if p.text.strip())


def drafts() -> list[Path]:
    folders = (PRECISION, PRECISION / "real_shapes")
    return [
        p
        for folder in folders
        for p in sorted(folder.iterdir())
        if p.suffix in (".txt", ".md") and p.name not in NOT_DRAFTS
    ]


def table(columns: dict[str, tuple[list[dict], int]]) -> str:
    codes = sorted({f["code"] for found, _ in columns.values() for f in found})
    width = max(12, *(len(name) for name in columns))
    lines = [f"{'rule':<6}" + "".join(f"{name:>{width}}" for name in columns)]
    for code in codes:
        counts = [sum(f["code"] == code for f in found) for found, _ in columns.values()]
        lines.append(f"{code:<6}" + "".join(f"{n:>{width}}" for n in counts))
    lines.append(f"{'all':<6}" + "".join(f"{len(found):>{width}}" for found, _ in columns.values()))
    lines.append(f"{'paras':<6}" + "".join(f"{n:>{width}}" for _, n in columns.values()))
    per_k = [f"{1000 * len(found) / n:.1f}" if n else "-" for found, n in columns.values()]
    lines.append(f"{'/1000':<6}" + "".join(f"{v:>{width}}" for v in per_k))
    return "\n".join(lines)


def describe(finding: dict, base: Path) -> str:
    path = Path(finding["path"])
    name = path.relative_to(base) if path.is_relative_to(base) else path.name
    return f"{name}:{finding['line']}: {finding['code']} “{finding['text']}” {finding['message']}"


def default_run() -> None:
    texts = drafts()
    with tempfile.TemporaryDirectory() as folder:
        built = [
            build_from_text(p, Path(folder) / f"{p.parent.name}__{p.stem}.docx")
            for p in texts
            if p.suffix == ".txt"
        ]
        columns = {
            "drafts txt/md": (lint(texts), paragraphs(texts)),
            "drafts docx": (lint(built), paragraphs(built)),
        }
        seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
        if seeds:
            columns["seeds"] = (lint(seeds), paragraphs(seeds))
        print(f"{len(texts)} precision drafts ({len(built)} also as .docx), {len(seeds)} seeds")
        print(table(columns))
        for label in ("drafts txt/md", "drafts docx"):
            found = columns[label][0]
            print(f"\n{label}: {len(found)} findings (all false alarms: the drafts are correct)")
            base = PRECISION if label == "drafts txt/md" else Path(folder)
            for finding in found:
                print("  " + describe(finding, base))


def folder_run(folder: Path) -> None:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and p.name not in NOT_DRAFTS
    )
    found = lint(files)
    total = paragraphs(files)
    print(f"{folder}: {len(files)} files, {total} paragraphs, {len(found)} findings")
    counts = Counter(f["code"] for f in found)
    print(f"{'rule':<6}{'findings':>10}{'per 1000 paras':>16}")
    for code, n in sorted(counts.items()):
        print(f"{code:<6}{n:>10}{1000 * n / max(total, 1):>16.2f}")
    print(f"{'all':<6}{len(found):>10}{1000 * len(found) / max(total, 1):>16.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="lint this folder instead")
    args = parser.parse_args()
    if args.folder is None:
        default_run()
    elif not args.folder.is_dir():
        sys.exit(f"{args.folder}: not a folder")
    else:
        folder_run(args.folder)


if __name__ == "__main__":
    main()
