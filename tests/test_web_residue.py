"""C002 web-residue and the residue helpers the title finder shares (``is_residue``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.lint import (
    SEED_NAMES,
    SEEDS,
    findings_of,
    lint_json,
    seed_paragraphs,
    write_docx,
)

from draftlint.analysis.residue import ADDRESS_SEED, _address_seeds, is_residue, residue_spans
from draftlint.model import FixSafety


def residue(lint_text, text: str) -> list[str]:
    return [f.text for f in lint_text(text, select="C002")]


@pytest.mark.parametrize(
    "line",
    [
        "FANWEN88.COM —— 专注公文写作范文",
        "www.example-fanwen.net 公文范文大全",
        "admin 分享 时间: 加入收藏 共计2460个字,预计阅读时长8分钟。",
        "本文链接：https://fanwen.example.com/a/123.html",
        "微信扫码领取福利",
        "微信扫码分享",
        "扫一扫，关注我们",
        "领取福利",
        "上一篇：关于开展安全检查的通知",
        "Copyright © 2024 范文网 版权所有",
        "第 2 页 共 5 页",
    ],
)
def test_residue_lines(line: str) -> None:
    assert is_residue(line)


@pytest.mark.parametrize(
    "line",
    [
        "2024年上半年意识形态领域工作汇报",
        "一、工作开展情况",
        "推行扫码点餐、扫码支付，引导群众扫码关注政务公众号，组织困难职工领取福利物资。",
        "（数据来源：国家统计局，https://www.stats.gov.cn/）",
        "有关标准可登录国家标准全文公开系统（https://openstd.samr.gov.cn/）查阅。",
        "联系邮箱：office@example.gov.cn",
        "[1] 中华人民共和国国务院. 政府工作报告[EB/OL]. https://www.gov.cn/, 2024.",
        "网站浏览量达到12万人次，收藏、分享量稳步增长。",
        "（三）加强政务公众号和扫码服务管理",
        "借鉴SpaceX的做法，采用Windows XP以后的系统，版本v1.2.3。",
        "文件名为实施方案.docx。",
        "系统采用ASP.NET框架开发，运行在Node.js环境。",
        "增长3.5%，达到1,000.5万元，版本v2.0。",
    ],
)
def test_not_residue(line: str) -> None:
    assert not is_residue(line)


def test_bare_number_is_residue_for_the_title_finder() -> None:
    assert is_residue("221381") and is_residue("- 3 -")
    assert not is_residue("2024年")


BODY = "今年以来，全县共组织开展集中学习12次，专题研讨6次，各项工作有序推进，成效明显。"


def test_residue_span_in_a_long_paragraph(lint_text) -> None:
    text = BODY + "fanwen-example.com\n"
    (finding,) = lint_text(text, select="C002")
    assert finding.text == "fanwen-example.com"
    assert finding.fix is not None and finding.fix.replacement == ""
    assert residue_spans(text.strip()) == [(finding.start, finding.end)]


def test_a_cited_address_is_not_residue_but_a_site_prompt_is(lint_text) -> None:
    assert residue(lint_text, BODY + "详见县政府网站www.example.gov.cn。\n") == []
    assert residue(lint_text, BODY + "更多范文请访问fanwen-example.com\n") == ["更多范文"]


def test_whole_line_finding_deletes_the_paragraph(lint_text) -> None:
    text = "关于安全生产工作的报告\n今年以来未发生事故。\nSUCAI88.COM 免费下载\n"
    (finding,) = lint_text(text, select="C002")
    assert finding.text == "SUCAI88.COM 免费下载"
    assert finding.fix is not None and finding.fix.replacement == ""
    assert finding.fix.safety is FixSafety.REVIEW
    assert "删除" in finding.message("zh") and "delete" in finding.message("en")


def test_bare_number_only_at_the_edges(lint_text) -> None:
    text = (
        "8812\n关于安全生产工作的报告\n一、总体情况\n2024\n今年以来未发生事故。\n5567\n扫码关注\n"
    )
    found = lint_text(text, select="C002")
    assert [(f.text, f.line) for f in found] == [("8812", 1), ("5567", 6), ("扫码关注", 7)]
    assert "开头" in found[0].message("zh") and "末尾" in found[1].message("zh")


def _seed_lines(kind: str) -> list[str]:
    if kind == "txt":
        return (SEEDS / SEED_NAMES["000"]).read_text(encoding="utf-8").splitlines()
    return seed_paragraphs("000")


_RESIDUE = re.compile(r"\.COM|分享\s*时间|领取福利|扫码|^\d+$")


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_seed_000_each_residue_line_and_no_body_line(kind, seed, seed_docx) -> None:
    path = seed("000") if kind == "txt" else seed_docx("000")
    _, report = lint_json("--select", "C002", str(path))
    found = findings_of(report, "C002")
    lines = _seed_lines(kind)
    expected = [n for n, line in enumerate(lines, start=1) if _RESIDUE.search(line.strip())]
    assert len(expected) == 6
    assert [f["line"] for f in found] == expected
    assert all(f["text"] == lines[f["line"] - 1].strip() for f in found)


@pytest.mark.parametrize("name", ["001", "002"])
def test_clean_seeds(seed, name: str) -> None:
    _, report = lint_json("--select", "C002", str(seed(name)))
    assert findings_of(report) == []


def test_real_docx(tmp_path) -> None:
    path = write_docx(
        tmp_path / "d.docx",
        [
            "FANWEN88.COM —— 专注公文写作",
            "关于防汛工作的报告",
            "今年以来，全乡未发生险情。",
            "1024",
        ],
    )
    code, report = lint_json("--select", "C002", str(path))
    assert [(f["location"], f["text"]) for f in findings_of(report)] == [
        ("第1段", "FANWEN88.COM —— 专注公文写作"),
        ("第4段", "1024"),
    ]
    assert code == 1


def test_copy_number_opening_the_document_is_not_residue(lint_text) -> None:
    text = "000123\n机密★1年\n某县教育局关于维修校舍的请示\n县财政局：\n现将有关情况请示如下。\n"
    assert [f for f in lint_text(text, select="C002")] == []
    assert [f.text for f in lint_text("标题\n正文。\n000123\n", select="C002")] == ["000123"]


def test_breadcrumbs_are_residue(lint_text) -> None:
    text = (
        "首页 > 范文大全 > 正文\n当前位置：首页 > 工作报告\n2024年工作总结\n一、主要工作\n正文。\n"
    )
    assert [f.line for f in lint_text(text, select="C002")] == [1, 2]


def test_a_domain_given_as_content_is_not_residue(lint_text) -> None:
    text = "工作总结\n修改售后系统，迁入版本库，域名： sh.example.com\n微信服务管理后台：http://mp.example.com/login\n"
    assert lint_text(text, select="C002") == []


def test_table_cells_are_never_residue(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("系统部署情况")
    table = document.add_table(rows=2, cols=2)
    for row, (name, domain) in enumerate([("域名", "地址"), ("报名系统", "wx.example.com")]):
        table.cell(row, 0).text, table.cell(row, 1).text = name, domain
    path = tmp_path / "t.docx"
    document.save(str(path))
    _, report = lint_json("--select", "C002", str(path))
    assert findings_of(report) == []


def test_a_flattened_table_at_the_end_is_not_page_numbers(lint_text) -> None:
    text = "名额分配表\n地区\n名额\n甲市\n45\n乙市\n0\n丙市\n45\n45\n45\n"
    assert lint_text(text, select="C002") == []
    assert [f.text for f in lint_text("正文内容。\n221381\n", select="C002")] == ["221381"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".:/aZ9中 \n", max_size=30))
def test_address_seeds_are_the_seed_pattern_matches(text: str) -> None:
    """The str.find scan finds exactly what the regex it replaced finds, in order."""
    expected = [(m.start(), m.group() == "://") for m in re.finditer(ADDRESS_SEED, text)]
    assert _address_seeds(text) == expected


def test_address_seeds_in_a_draft() -> None:
    text = "详见www.gov.cn，或访问https://a.org/x。增长3.5%，v1.2版，文件.docx"
    seeds = [(text[at : at + 3], scheme) for at, scheme in _address_seeds(text)]
    assert seeds == [(".go", False), (".cn", False), ("://", True), (".or", False),
                     (".do", False)]  # fmt: skip
