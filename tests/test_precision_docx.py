"""The precision drafts as Word files with automatic numbering (tests/helpers/precision_docx.py).

The builder must give a real .docx whose heading markers are not typed but computed from
numbering.xml, and which draftlint's reader shows exactly as the draft reads.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.helpers.precision_docx import MARKER, build_from_text, build_precision_docx, split_marker

from draftlint.readers import read_path

PRECISION = Path(__file__).resolve().parent / "data" / "precision"
REAL_SHAPES = PRECISION / "real_shapes"
DRAFTS = sorted(PRECISION.glob("*.txt")) + sorted(REAL_SHAPES.glob("*.txt"))


def draft_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_heading_markers_come_from_word_numbering(tmp_path: Path) -> None:
    source = REAL_SHAPES / "04_request.txt"
    built = build_from_text(source, tmp_path / "request.docx")
    document = read_path(built)
    by_text = {p.text: p for p in document.paragraphs if p.story == "body"}
    headings = {
        "一、选址和规模": "一、", "二、资金需求": "二、", "三、建设进度": "三、",
        # 附件1 and 附件2 each number again from 一、: a restart Word writes as a new w:num.
        "一、选址原则": "一、", "（三）远离危险化学品生产储存场所。": "（三）",
        "二、候选地点比选": "二、", "一、仓库改造": "一、", "二、首批物资购置": "二、",
        "1.屋面防水和地坪改造，42万元；": "1.", "2.生活保障物资，120万元。": "2.",
    }  # fmt: skip
    for text, marker in headings.items():
        paragraph = by_text[text]
        assert paragraph.is_automatic, text
        assert paragraph.text[: paragraph.prefix_len] == marker
    for text in (
        "临江县人民政府：",
        "妥否，请批示。",
        "      2.城东片区应急物资储备点建设经费测算表",
    ):
        assert not by_text[text].is_automatic  # not headings: left as typed
    with zipfile.ZipFile(built) as package:
        body = package.read("word/document.xml").decode("utf-8")
        numbering = package.read("word/numbering.xml").decode("utf-8")
    assert "一、选址和规模" not in body and "选址和规模" in body  # the marker is not typed
    for fragment in ('w:val="chineseCounting"', 'w:val="%1、"', 'w:val="（%2）"', 'w:val="%3."'):
        assert fragment in numbering
    assert "w:startOverride" in numbering


def test_numbering_straight_through_and_restarts_under_sub_headings(tmp_path: Path) -> None:
    lines = [
        "一、总体要求", "（一）指导思想。", "正文。", "二、重点任务", "（二）夯实基础。",
        "资金保障方面：", "1.统筹资金；", "2.引导金融。", "人才保障方面：", "1.实施培训；",
        "2.鼓励就业。", "三、保障措施", "1.加强组织领导。",
    ]  # fmt: skip
    document = read_path(build_precision_docx(lines, tmp_path / "opinion.docx"))
    assert [p.text for p in document.paragraphs] == lines
    assert [p.text for p in document.paragraphs if p.is_automatic] == [
        line for line in lines if MARKER.match(line)
    ]


@pytest.mark.parametrize("source", DRAFTS, ids=lambda p: p.name)
def test_every_precision_draft_builds_and_reads_back_unchanged(
    tmp_path: Path, source: Path
) -> None:
    document = read_path(build_from_text(source, tmp_path / f"{source.stem}.docx"))
    assert [p.text for p in document.paragraphs] == draft_lines(source)
    numbered = [line for line in draft_lines(source) if split_marker(line)]
    assert [p.text for p in document.paragraphs if p.is_automatic] == numbered


def test_at_least_ten_real_shapes_have_automatic_headings(tmp_path: Path) -> None:
    built = [
        build_from_text(s, tmp_path / f"{s.stem}.docx") for s in sorted(REAL_SHAPES.glob("*.txt"))
    ]
    with_lists = [p for p in built if any(q.is_automatic for q in read_path(p).paragraphs)]
    assert len(with_lists) >= 10


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一、总体要求", (0, 1, "总体要求")),
        ("（十二）完善制度。", (1, 12, "完善制度。")),
        ("3.压缩时限。", (2, 3, "压缩时限。")),
        ("（2）专项资金", (3, 2, "专项资金")),
        ("2.27个百分点", None),  # a decimal number, not a marker
        ("2026.5.8", None),
        ("一是加强领导。", None),  # an enumerator, not a heading marker
        ("5.", None),  # a bare marker stays typed
        ("      2.附件名称", None),  # indented 附件说明 line
    ],
)
def test_split_marker(line: str, expected: tuple[int, int, str] | None) -> None:
    found = split_marker(line)
    got = None if found is None else (found[0].level, found[0].value, found[1])
    assert got == expected
