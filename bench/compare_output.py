"""Before/after check: the same report, byte for byte, from two checkouts' src/.

    python bench/compare_output.py --before /tmp/base/src            # json, this src/ after
    python bench/compare_output.py --before OLD/src --after NEW/src --formats json,text,sarif

A speed change must not change what is reported. Each input is linted by both trees
(``lint --no-cache --format F``, exit code and stderr compared too): each seed, the three
seeds ×200 (as bench/run.py builds them), examples/ and tests/data/precision/ (each file, and
once as one multi-file run). Prints one line per difference and exits 1 if there is any.
Make the "before" tree with ``git worktree add --detach /tmp/base HEAD`` (never git stash).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "html")


def inputs(tmp: Path) -> list[list[str]]:
    """Argument lists to lint: one file each, the seeds ×200, and one multi-file run."""
    seeds = sorted(SEEDS.glob("*.txt"))
    files = [*seeds, *sorted((ROOT / "examples").iterdir())]
    precision = ROOT / "tests" / "data" / "precision"
    files += sorted(p for p in precision.rglob("*") if p.is_file())
    runs = [[str(path)] for path in files]
    if seeds:
        text = "\n".join(seed.read_text(encoding="utf-8") for seed in seeds)
        big = tmp / "seeds200.txt"
        big.write_text("\n".join([text] * 200), encoding="utf-8")
        runs.append([str(big)])
    runs.append([str(precision), str(ROOT / "examples"), *map(str, seeds)])
    return runs


def lint(src: Path, output_format: str, paths: list[str]) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "draftlint", "check", "--no-cache", "--format",
               output_format, *paths]  # fmt: skip
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True)
    return done.returncode, done.stdout, done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the src/ before the change")
    parser.add_argument("--after", type=Path, default=ROOT / "src", help="the src/ after it")
    parser.add_argument("--formats", default="json", help=f"comma-separated: {','.join(FORMATS)}")
    args = parser.parse_args()
    differences = compared = 0
    with tempfile.TemporaryDirectory() as tmp_name:
        for paths in inputs(Path(tmp_name)):
            for output_format in args.formats.split(","):
                before = lint(args.before.resolve(), output_format, paths)
                after = lint(args.after.resolve(), output_format, paths)
                compared += 1
                if before != after:
                    differences += 1
                    names = " ".join(Path(p).name for p in paths)
                    print(f"DIFFERENT --format {output_format}: {names}")
    print(f"{compared} reports compared, {differences} different")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
