"""draftlint benchmark: wall time next to the raw floor, as ratios measured side by side.

    python bench/run.py [--paragraphs 5000] [--repeat 5] [--seeds-times 200]

1. A generated 5,000-paragraph draft as .txt and as .docx (automatic numbering, tables):
   draftlint (read + every rule) against the floor — .txt: read and split the file;
   .docx: unzip + lxml parse of word/document.xml + joining each paragraph's w:t.
   Also the .docx read alone against the same floor.
2. The three seeds repeated 200 times (≈4.9 MB of text) against AutoCorrect
   (``autocorrect-py``, Rust core), when it is installed and ../shared/seeds is present.

Each figure is the best of ``--repeat`` runs, the contenders interleaved run by run so a
noisy machine slows them alike. Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SENTENCES = [
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神",
    "严格落实意识形态工作责任制，定期分析研判意识形态领域情况",
    "全年共组织集中学习24次，开展专题研讨6次，参训干部职工达1,200余人次",
    "完成固定资产投资3.5亿元，同比增长12.6%，高于全市平均水平2.1个百分点",
    "依托“三会一课”、主题党日等载体，推动理论学习走深走实",
    "对照问题清单逐项整改，建立台账，明确责任人和完成时限",
    "加强网络舆情监测，及时回应社会关切，牢牢掌握舆论主动权",
    "聚焦群众急难愁盼问题，办理各类诉求856件，按期办结率98.7%",
]
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11] if n < 20 else str(n)


def draft_paragraphs(count: int) -> list[str]:
    """About 100 characters a paragraph on average: 5,000 paragraphs is a 400-page draft."""
    rng = random.Random(7)
    out = ["2024年度工作总结"]
    section = 0
    while len(out) < count:
        section += 1
        out.append(f"{cn(section % 19 + 1)}、第{section}部分工作情况")
        for sub in range(1, 5):
            out.append(f"（{cn(sub)}）{rng.choice(SENTENCES)}。")
            for point in range(1, 4):
                out.append(f"{point}.{rng.choice(SENTENCES)}，{rng.choice(SENTENCES)}。")
                out.append(
                    f"一是{rng.choice(SENTENCES)}。二是{rng.choice(SENTENCES)}。"
                    f"三是{rng.choice(SENTENCES)}。"
                )
                out.append("，".join(rng.choice(SENTENCES) for _ in range(4)) + "。")
    return out[:count]


def make_docx(paragraphs: list[str], path: Path) -> None:
    """Real Word output via python-docx; every tenth paragraph uses automatic numbering."""
    import docx

    document = docx.Document()
    for index, text in enumerate(paragraphs):
        if index % 10 == 5:
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
        if index % 500 == 250:
            table = document.add_table(rows=3, cols=3)
            for cell in table._cells:
                cell.text = "数据12.5%"
    document.save(str(path))


def floor_docx(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    return len(texts)


def floor_txt(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8").splitlines())


def lint_file(path: Path) -> int:
    from draftlint.engine import lint_document
    from draftlint.readers import read_path
    from draftlint.registry import select_rules

    return len(lint_document(read_path(path), select_rules()))


def read_only(path: Path) -> int:
    from draftlint.readers import read_path

    return len(read_path(path).paragraphs)


def best_of(repeat: int, contenders: dict[str, Callable[[], object]]) -> dict[str, float]:
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(repeat):
        for name, run in contenders.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def report(title: str, times: dict[str, float], floor: str) -> None:
    print(f"\n{title}")
    for name, seconds in times.items():
        ratio = seconds / times[floor]
        print(f"  {name:<34} {seconds * 1000:9.1f} ms   {ratio:6.2f}× {floor}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seeds-times", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    lint_file(ROOT / "examples" / "report.txt")  # warm up: grammar, rule modules, data

    with tempfile.TemporaryDirectory() as tmp:
        paragraphs = draft_paragraphs(args.paragraphs)
        txt = Path(tmp) / "draft.txt"
        txt.write_text("\n".join(paragraphs), encoding="utf-8")
        docx_path = Path(tmp) / "draft.docx"
        make_docx(paragraphs, docx_path)
        size = docx_path.stat().st_size // 1024
        print(f"generated: {len(paragraphs)} paragraphs; .txt {txt.stat().st_size // 1024} KiB,"
              f" .docx {size} KiB")  # fmt: skip
        report(".txt — lint vs read+split", best_of(args.repeat, {
            "floor: read + split": lambda: floor_txt(txt),
            "draftlint: read + every rule": lambda: lint_file(txt),
        }), "floor: read + split")  # fmt: skip
        report(".docx — lint vs unzip+lxml+join w:t", best_of(args.repeat, {
            "floor: unzip + lxml + join w:t": lambda: floor_docx(docx_path),
            "draftlint: read only": lambda: read_only(docx_path),
            "draftlint: read + every rule": lambda: lint_file(docx_path),
        }), "floor: unzip + lxml + join w:t")  # fmt: skip

        seeds_vs_autocorrect(Path(tmp), args)


def seeds_vs_autocorrect(tmp: Path, args: argparse.Namespace) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print("\n(seeds vs AutoCorrect skipped: ../shared/seeds not found)")
        return
    try:
        import autocorrect_py  # noqa: F401  (run in a subprocess below)
    except ImportError:
        print("\n(seeds vs AutoCorrect skipped: pip install autocorrect-py)")
        return
    text = "\n".join(seed.read_text(encoding="utf-8") for seed in seeds) * args.seeds_times
    corpus = tmp / "seeds.txt"
    corpus.write_text(text, encoding="utf-8")
    mib = corpus.stat().st_size / (1 << 20)
    # AutoCorrect's parser keeps a call budget per process: a second 4.6 MiB call fails with
    # "call limit reached". Each of its runs is a fresh process, timed inside that process.
    seconds = {"AutoCorrect (autocorrect-py lint)": float("inf"),
               "draftlint: read + every rule": float("inf")}  # fmt: skip
    for _ in range(max(1, args.repeat // 2)):
        seconds["AutoCorrect (autocorrect-py lint)"] = min(
            seconds["AutoCorrect (autocorrect-py lint)"], autocorrect_seconds(corpus)
        )
        start = time.perf_counter()
        lint_file(corpus)
        seconds["draftlint: read + every rule"] = min(
            seconds["draftlint: read + every rule"], time.perf_counter() - start
        )
    times = seconds
    report(f"seeds × {args.seeds_times} ({mib:.1f} MiB) — draftlint vs AutoCorrect", times,
           "AutoCorrect (autocorrect-py lint)")  # fmt: skip
    findings = lint_file(corpus)
    print(f"  draftlint findings on the corpus: {findings}")


_AUTOCORRECT = """
import sys, time, autocorrect_py
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
autocorrect_py.lint_for(text, "seeds.txt")
print(time.perf_counter() - start)
"""


def autocorrect_seconds(corpus: Path) -> float:
    """AutoCorrect reading the corpus text (already in memory) and linting it, in-process."""
    done = subprocess.run([sys.executable, "-c", _AUTOCORRECT, str(corpus)],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return float(done.stdout.strip())


if __name__ == "__main__":
    main()
