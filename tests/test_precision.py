"""The precision corpus: clean, realistic report text on which no content rule may fire.

``tests/data/precision/`` holds reports written for these tests (not the seeds): numbers,
percentages, dates, money, times, English terms (5G, GDP, Windows XP, X光, QQ, iPhone X,
SpaceX, 1+X证书, 3×4), reduplication (常常, 人人, 一一, 村村通), a URL in a citation, and a
Markdown variant. Every P, C, W and N rule — including those added later — must stay silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json, write_docx

from draftlint.registry import all_rules

CORPUS = Path(__file__).resolve().parent / "data" / "precision"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
PREFIXES = ("P", "C", "W", "N")


def selected() -> str:
    """Every rule whose code starts with P, C, W or N, as registered right now."""
    return ",".join(rule.code for rule in all_rules() if rule.code.startswith(PREFIXES))


def describe(findings) -> list[str]:
    return [f"{f.paragraph.location} {f.code} “{f.text}” {f.message()}" for f in findings]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_gives_no_finding(lint_text, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert describe(lint_text(text, select=selected(), suffix=path.suffix)) == []


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".txt"], ids=lambda p: p.name)
def test_corpus_as_docx_gives_no_finding(tmp_path, path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docx = write_docx(tmp_path / f"{path.stem}.docx", lines)
    code, report = lint_json("--select", selected(), str(docx))
    assert findings_of(report) == []
    assert code == 0


def test_whole_corpus_through_the_cli() -> None:
    # The files, not the folder: real_shapes/ below holds drafts that today still draw false findings.
    code, report = lint_json("--select", selected(), *map(str, FILES))
    assert report["summary"]["files"] == len(FILES)
    assert findings_of(report) == []
    assert report["summary"]["placeholders"] == 0
    assert code == 0


def test_corpus_is_large_and_covers_the_hard_cases() -> None:
    texts = [p.read_text(encoding="utf-8") for p in FILES]
    lines = sum(1 for text in texts for line in text.splitlines() if line.strip())
    assert lines >= 200
    corpus = "\n".join(texts)
    for term in (
        "5G", "GDP", "Windows XP", "X光", "X射线", "QQ", "iPhone X", "SpaceX", "1+X证书",
        "3×4", "480毫米×140毫米", "二○二四年", "10:30", "3.5", "1,000", "https://",
        "常常", "人人", "天天", "看看", "谢谢", "是是非非", "一一", "项项", "年年", "村村通",
        "某些", "某种", "学习习近平", "目的的", "为了了解", "**", "`",
    ):  # fmt: skip
        assert term in corpus, term
    assert any(p.suffix == ".md" for p in FILES)
