"""W001 halfwidth-punctuation: ASCII marks in Chinese text, and everything it must leave alone."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from tests.helpers.lint import ROOT, findings_of, lint_json, write_docx


def w001(findings) -> list[tuple[str, str]]:
    return [(f.text, f.fix.replacement) for f in findings if f.code == "W001"]


@pytest.fixture(params=["txt", "docx"])
def as_file(request, seed, seed_docx):
    return seed if request.param == "txt" else seed_docx


# --- seeds -----------------------------------------------------------------------------


def test_seed_000_every_ascii_mark_in_chinese_text(as_file, seed) -> None:
    """Counts come from the seed itself: every ASCII , ; : " there is in Chinese text, and
    every ASCII bracket except those of the (一)…(四) heading markers, which are N005's,
    and the marks of the residue lines C002 deletes whole (the "admin 分享 时间:" line)."""
    full = seed("000").read_text(encoding="utf-8")
    residue = [line for line in full.splitlines() if "分享 时间" in line]
    assert len(residue) == 1
    text = full.replace(residue[0], "")
    heading_markers = len(re.findall(r"^\([一二三四五六七八九十]+\)", text, flags=re.M))
    assert heading_markers == 11

    code, report = lint_json("--select", "W001,N005,C002", str(as_file("000")))
    assert any(f["text"].startswith("admin") for f in findings_of(report, "C002"))
    found = findings_of(report, "W001")
    counts = Counter(f["text"] for f in found)
    assert counts == {
        ",": text.count(","),
        ";": text.count(";"),
        ":": text.count(":"),
        '"': text.count('"'),
        "(": text.count("(") - heading_markers,
        ")": text.count(")") - heading_markers,
    }
    assert code == 1
    # Never one character twice: no W001 inside a marker N005 reports.
    markers = {(f["line"], f["location"]) for f in findings_of(report, "N005")}
    assert len(markers) == heading_markers
    for finding in found:
        if (finding["line"], finding["location"]) in markers:
            assert finding["column"] > 3
    # The .com in the banner is a domain, not a sentence stop.
    assert "." not in counts
    # Every finding carries its replacement; quotes alternate opening/closing.
    assert all(f["fix"]["replacement"] for f in found)
    quotes = "".join(f["fix"]["replacement"] for f in found if f["text"] == '"')
    assert quotes == "“”" * (text.count('"') // 2)
    brackets = "".join(f["fix"]["replacement"] for f in found if f["text"] in "()")
    assert brackets == "（）" * (len(brackets) // 2)


def test_seed_000_full_width_text_is_not_reported(seed) -> None:
    """The only full-width marks in seed 000 (。 、 《》 ——) never show up in W001."""
    _, report = lint_json("--select", "W001", str(seed("000")))
    assert {f["text"] for f in findings_of(report, "W001")} <= set(',;:"()')


def test_seeds_001_and_002_have_no_w001(seed, seed_docx) -> None:
    paths = [seed("001"), seed("002"), seed_docx("001"), seed_docx("002")]
    code, report = lint_json("--select", "W001", *map(str, paths))
    assert findings_of(report, "W001") == []
    assert code == 0


# --- what it flags ----------------------------------------------------------------------


FLAGGED = {
    "comma and stop": ("今年以来,我局共开展督查12次.", [(",", "，"), (".", "。")]),
    "colon before text": ("时间: 2024年3月", [(":", "：")]),
    "semicolon": ("完善制度;压实责任", [(";", "；")]),
    "question and exclamation": ("是否按期完成?务必高度重视!", [("?", "？"), ("!", "！")]),
    "brackets": ("党委(党组)书记", [("(", "（"), (")", "）")]),
    "abbreviation in brackets": ("国内生产总值(GDP)增长", [("(", "（"), (")", "）")]),
    "double quotes by position": (
        '落实"三会一课""主题党日"制度',
        [('"', "“"), ('"', "”"), ('"', "“"), ('"', "”")],
    ),
    "single quotes": ("所谓'四下基层'工作法", [("'", "‘"), ("'", "’")]),
    "straight quote closing a curly one": ('落实“第一议题"制度', [('"', "”")]),
    "ascii half of a full-width pair": ("参见（附件1)说明", [(")", "）")]),
    "comma after English term": ("推进5G,千兆光网建设", [(",", "，")]),
    "comma after closing quote": ("称为“枫桥经验”,并推广", [(",", "，")]),
}


@pytest.mark.parametrize("name", FLAGGED)
def test_flags_ascii_marks_in_chinese_text(name: str, lint_text) -> None:
    text, expected = FLAGGED[name]
    assert w001(lint_text(text + "\n", select="W001")) == expected


# --- what it leaves alone ---------------------------------------------------------------


CLEAN = {
    "decimals and percentages": "全年增长3.5%，完成投资12.75亿元。",
    "thousands": "共培训1,000人次，覆盖12,345户。",
    "time": "会议于10:30开始，14:00结束。",
    "ratio": "按1:500比例绘制。",
    "english phrase": "他用英文说了一句“Hello, world.”，大家都笑了。",
    "english sentence": "The meeting was held in Beijing, China. 会议取得圆满成功。",
    "english quote": 'He said "Hello, world." 然后离开。',
    "url": "详见https://www.gov.cn/zhengce/2024-01/05/content_123.htm，请及时查阅。",
    "url with query": "链接为https://www.example.cn/a?id=12&page=3，已转发。",
    "www address": "请访问www.gov.cn了解详情。",
    "email": "材料请发送至office@example.gov.cn，逾期不候。",
    "file name with version": "请下载报告v2.1.docx并查阅。",
    "chinese file name": "附件为实施方案.pdf，请查收。",
    "version number": "系统版本为V3.2.1，运行稳定。",
    "english terms": "X光机、5G基站、Windows XP系统、QQ群均已纳入管理。",
    "apostrophes": "China's GDP和Xi'an的发展。",
    "english brackets": "系统为Windows XP (Service Pack 3)，运行稳定。",
    "code span": '执行命令`git log --format="%h, %s"`即可。',
    "numbered list dot": "主要包括：1.加强学习；2.完善制度。",
    "ellipsis is W005's": "包括人员、经费...等问题。",
    "full-width text": "会议强调，要落实“第一议题”制度（试行）。",
}


@pytest.mark.parametrize("name", CLEAN)
def test_leaves_alone(name: str, lint_text) -> None:
    assert w001(lint_text(CLEAN[name] + "\n", select="W001")) == []


def test_heading_markers_are_n005s(lint_text) -> None:
    draft = "一、总体情况\n(一)组织领导,成效明显\n(二)阵地管理\n1)制度建设\n"
    findings = lint_text(draft, select="W001,N005")
    assert [(f.code, f.text) for f in findings] == [
        ("N005", "(一)"),
        ("W001", ","),
        ("N005", "(二)"),
        ("N005", "1)"),
    ]


def test_ordinal_comma_n005_accepts_is_w001s(lint_text) -> None:
    """第一, is not an N005 finding (its separator is a comma), so its ASCII comma is W001's."""
    findings = lint_text(
        "一、工作\n（一）领导。第一,提高认识;第二,完善制度。\n", select="W001,N005"
    )
    assert [(f.code, f.text) for f in findings] == [("W001", ","), ("W001", ";"), ("W001", ",")]


def test_markdown_markup_is_not_text(lint_text) -> None:
    draft = "# 工作总结\n\n今年**重点**推进`a, b`和*专项*工作，成效明显。\n\n- 加强学习。\n"
    assert w001(lint_text(draft, select="W001", suffix=".md")) == []
    flagged = lint_text("今年**重点**推进,成效明显。\n", select="W001", suffix=".md")
    assert [(f.text, f.column) for f in flagged] == [(",", 11)]  # the source column


def test_english_message(lint_text) -> None:
    finding = lint_text("完善制度;压实责任\n", select="W001")[0]
    assert finding.message("en") == "ASCII “;” in Chinese text; use the full-width “；”"


def test_real_run_on_docx_and_txt(tmp_path) -> None:
    lines = [
        "关于2024年度安全生产工作的报告",
        "一、工作开展情况",
        "全年检查企业1,200家(次),整改隐患3.5万处.",
    ]
    docx = write_docx(tmp_path / "report.docx", lines)
    txt = tmp_path / "report.txt"
    txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in (docx, txt):
        code, report = lint_json("--select", "W001", str(path))
        found = findings_of(report, "W001")
        assert [(f["text"], f["fix"]["replacement"]) for f in found] == [
            ("(", "（"), (")", "）"), (",", "，"), (".", "。"),
        ]  # fmt: skip
        assert code == 0  # warnings only: the exit code says 1 for errors


def test_precision_corpus_is_clean_for_punctuation_rules(lint_text) -> None:
    corpus = sorted((ROOT / "tests" / "data" / "precision").glob("*.*"))
    if not corpus:
        pytest.skip("no precision corpus")
    for path in corpus:
        text = path.read_text(encoding="utf-8")
        found = lint_text(text, select="W001,W002,W003,W004,W005", suffix=path.suffix)
        assert [(f.code, f.line, f.text) for f in found] == [], path.name


def test_gbt_7714_reference_entry_keeps_its_marks(lint_text) -> None:
    entry = "人力资源社会保障部.关于加强技能人才工作的意见[EB/OL].(2022-10-07)[2023-01-05].\n"
    assert lint_text("标题\n" + entry, select="W") == []
