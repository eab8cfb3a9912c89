"""The precision corpus: clean, realistic drafts on which no rule may fire.

``tests/data/precision/`` holds reports written for these tests (not the seeds): numbers,
percentages, dates, money, times, English terms (5G, GDP, Windows XP, X光, QQ, iPhone X,
SpaceX, 1+X证书, 3×4), reduplication (常常, 人人, 一一, 村村通), a URL in a citation, and a
Markdown variant. ``real_shapes/`` holds correct drafts in the genres people lint, carrying
the shapes real documents showed (see its README): multi-line titles, 发文字号 lines,
connector dashes, quotations and enumerations over several paragraphs, restarts under
unnumbered sub-headings. Every rule — including those added later — must stay silent on
all of them, as text and as .docx (real_shapes with Word's automatic numbering).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json, write_docx
from tests.helpers.precision_docx import build_from_text

from draftlint.registry import all_rules

CORPUS = Path(__file__).resolve().parent / "data" / "precision"
SHAPES = CORPUS / "real_shapes"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
SHAPE_FILES = sorted(SHAPES.glob("*.txt"))
ALL_FILES = FILES + SHAPE_FILES


def selected() -> str:
    """Every rule, as registered right now."""
    return ",".join(rule.code for rule in all_rules())


def describe(findings) -> list[str]:
    return [f"{f.paragraph.location} {f.code} “{f.text}” {f.message()}" for f in findings]


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.name for p in ALL_FILES])
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


@pytest.mark.parametrize("path", SHAPE_FILES, ids=[p.name for p in SHAPE_FILES])
def test_real_shapes_with_automatic_numbering_give_no_finding(tmp_path, path: Path) -> None:
    docx = build_from_text(path, tmp_path / f"{path.stem}.docx")
    code, report = lint_json(str(docx))
    assert [(f["line"], f["code"], f["message"]) for f in findings_of(report)] == []
    assert code == 0


def test_whole_corpus_through_the_cli() -> None:
    code, report = lint_json(*map(str, ALL_FILES))  # real_shapes/README.md is not a draft
    assert report["summary"]["files"] == len(ALL_FILES)
    assert findings_of(report) == []
    assert report["summary"]["placeholders"] == 0
    assert code == 0


def test_corpus_is_large_and_covers_the_hard_cases() -> None:
    texts = [p.read_text(encoding="utf-8") for p in FILES]
    lines = sum(1 for text in texts for line in text.splitlines() if line.strip())
    assert lines >= 200
    assert len(SHAPE_FILES) >= 10
    corpus = "\n".join(texts)
    for term in (
        "5G", "GDP", "Windows XP", "X光", "X射线", "QQ", "iPhone X", "SpaceX", "1+X证书",
        "3×4", "480毫米×140毫米", "二○二四年", "10:30", "3.5", "1,000", "https://",
        "常常", "人人", "天天", "看看", "谢谢", "是是非非", "一一", "项项", "年年", "村村通",
        "某些", "某种", "学习习近平", "目的的", "为了了解", "**", "`",
    ):  # fmt: skip
        assert term in corpus, term
    assert any(p.suffix == ".md" for p in FILES)
