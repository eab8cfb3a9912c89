"""Word's automatic numbering read from numbering.xml, and N007 (a number typed after it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.docx_builders import (
    CHINESE_LIST,
    abstract_num,
    build_docx,
    num,
    numbered,
    para,
)
from tests.helpers.lint import findings_of, lint_json

from draftlint.readers import read_path
from draftlint.readers.docx.numfmt import format_number


def texts(path: Path) -> list[str]:
    return [p.text for p in read_path(path).paragraphs]


def test_start_override_gives_skip_marked_automatic(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "skip.docx",
        numbered("总体情况", 1) + para("今年以来，我局围绕中心工作推进落实。")
        + numbered("主要做法", 1) + numbered("下步打算", 2),
        numbering=CHINESE_LIST + num(1, 10) + num(2, 10, {0: 4}),
    )  # fmt: skip
    document = read_path(path)
    heads = [p for p in document.paragraphs if p.is_automatic]
    assert [p.text for p in heads] == ["一、总体情况", "二、主要做法", "四、下步打算"]
    assert {p.prefix_len for p in heads} == {2}
    code, report = lint_json("--select", "N001", str(path))
    assert code == 1
    [finding] = findings_of(report, "N001")
    assert finding["text"] == "四、" and finding["automatic"] is True
    assert "自动编号" in finding["message"] and "三、" in finding["message"]
    assert finding["column"] == 1  # the marker is not in the file: the column is the text's


def test_nums_sharing_an_abstract_share_its_counter(tmp_path: Path) -> None:
    # As LibreOffice writes a restart: numId 3 overrides the start, numId 1 continues after it.
    path = build_docx(
        tmp_path / "lo.docx",
        numbered("甲", 1) + numbered("乙", 1) + numbered("丙", 3) + numbered("丁", 1)
        + numbered("戊", 2),
        numbering=CHINESE_LIST + num(1, 10) + num(2, 10) + num(3, 10, {0: 4}),
    )  # fmt: skip
    assert texts(path) == ["一、甲", "二、乙", "四、丙", "五、丁", "六、戊"]


def test_levels_restart_under_a_higher_level(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "levels.docx",
        numbered("总体", 1) + numbered("进展", 1, 1) + numbered("成效", 1, 1)
        + numbered("细项", 1, 2) + numbered("问题", 1) + numbered("短板", 1, 1)
        + numbered("细项", 1, 2),
        numbering=CHINESE_LIST + num(1, 10),
    )  # fmt: skip
    assert texts(path) == [
        "一、总体", "（一）进展", "（二）成效", "1.细项", "二、问题", "（一）短板", "1.细项",
    ]  # fmt: skip


def test_lvl_restart_zero_never_restarts(tmp_path: Path) -> None:
    levels = (
        '<w:abstractNum w:abstractNumId="5">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
    )
    path = build_docx(
        tmp_path / "norestart.docx",
        numbered("甲", 7) + numbered("子", 7, 1) + numbered("乙", 7) + numbered("丑", 7, 1),
        numbering=levels + num(7, 5),
    )
    assert texts(path) == ["一、甲", "1.子", "二、乙", "2.丑"]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("chineseCounting", ["一", "二", "十一"]),
        ("chineseCountingThousand", ["一", "二", "十一"]),
        ("taiwaneseCountingThousand", ["一", "二", "十一"]),
        ("japaneseCounting", ["一", "二", "十一"]),
        ("chineseLegalSimplified", ["壹", "贰", "壹拾壹"]),
        ("ideographTraditional", ["甲", "乙", "甲"]),
        ("decimalEnclosedCircle", ["①", "②", "⑪"]),
        ("decimalFullWidth", ["１", "２", "１１"]),
        ("upperLetter", ["A", "B", "K"]),
        ("lowerLetter", ["a", "b", "k"]),
        ("upperRoman", ["I", "II", "XI"]),
        ("lowerRoman", ["i", "ii", "xi"]),
        ("decimal", ["1", "2", "11"]),
    ],
)
def test_number_formats(fmt: str, expected: list[str]) -> None:
    assert [format_number(value, fmt) for value in (1, 2, 11)] == expected


def test_formats_read_from_the_file(tmp_path: Path) -> None:
    numbering = (
        abstract_num(1, ("taiwaneseCountingThousand", "%1、"))
        + abstract_num(2, ("decimalEnclosedCircle", "%1"))
        + abstract_num(3, ("ideographTraditional", "%1."))
        + abstract_num(4, ("upperRoman", "%1."), ("lowerLetter", "(%2)"))
        + num(1, 1) + num(2, 2) + num(3, 3) + num(4, 4)
    )  # fmt: skip
    path = build_docx(
        tmp_path / "formats.docx",
        numbered("台式", 1) + numbered("圈码", 2) + numbered("天干", 3) + numbered("罗马", 4)
        + numbered("字母", 4, 1),
        numbering=numbering,
    )  # fmt: skip
    assert texts(path) == ["一、台式", "①圈码", "甲.天干", "I.罗马", "(a)字母"]


def test_is_lgl_shows_arabic_digits(tmp_path: Path) -> None:
    levels = (
        '<w:abstractNum w:abstractNumId="3">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="第%1章"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
    )
    path = build_docx(
        tmp_path / "legal.docx",
        numbered("总则", 2) + numbered("目的", 2, 1) + numbered("分则", 2) + numbered("范围", 2, 1),
        numbering=levels + num(2, 3),
    )
    assert texts(path) == ["第一章总则", "1.1目的", "第二章分则", "2.1范围"]


def test_custom_format_in_alternate_content(tmp_path: Path) -> None:
    levels = (
        '<w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )
    path = build_docx(
        tmp_path / "custom.docx",
        numbered("甲", 4) + numbered("乙", 4),
        numbering=levels + num(4, 4),
    )
    assert texts(path) == ["001.甲", "002.乙"]


def test_numbering_from_style_and_num_id_zero(tmp_path: Path) -> None:
    styles = {
        "ListHead": '<w:name w:val="List Head"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        "</w:pPr>",
        "ListSub": '<w:name w:val="List Sub"/><w:basedOn w:val="ListHead"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>',
    }
    body = (
        para("总体", ppr='<w:pStyle w:val="ListHead"/>')
        + para("进展", ppr='<w:pStyle w:val="ListSub"/>')
        + para("不编号", ppr='<w:pStyle w:val="ListHead"/><w:numPr><w:numId w:val="0"/></w:numPr>')
        + para("问题", ppr='<w:pStyle w:val="ListHead"/>')
    )  # fmt: skip
    path = build_docx(
        tmp_path / "styled.docx", body, numbering=CHINESE_LIST + num(1, 10), styles=styles
    )
    assert texts(path) == ["一、总体", "（一）进展", "不编号", "二、问题"]


def test_level_bound_to_a_style_and_num_style_link(tmp_path: Path) -> None:
    # abstractNum 20 only links to the numbering style "中文列表"; abstractNum 21 holds levels.
    numbering = (
        '<w:abstractNum w:abstractNumId="20"><w:numStyleLink w:val="CnList"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="21"><w:styleLink w:val="CnList"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="CnHead"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="CnSub"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
        + num(1, 21) + num(2, 20)
    )  # fmt: skip
    styles = {
        "CnList": '<w:name w:val="中文列表"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>',
        "CnHead": '<w:name w:val="标题甲"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>',
        "CnSub": '<w:name w:val="标题乙"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>',
    }
    body = (
        para("总体", ppr='<w:pStyle w:val="CnHead"/>')
        + para("进展", ppr='<w:pStyle w:val="CnSub"/>')
        + para("问题", ppr='<w:pStyle w:val="CnHead"/>')
    )
    path = build_docx(tmp_path / "link.docx", body, numbering=numbering, styles=styles)
    assert texts(path) == ["一、总体", "（一）进展", "二、问题"]


def test_text_box_counts_apart_and_tables_count_with_the_body(tmp_path: Path) -> None:
    box = (
        '<w:p><w:r><w:t>附图说明</w:t></w:r><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        "<wps:wsp><wps:txbx><w:txbxContent>" + numbered("框内", 1) + "</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" + numbered("框内", 1)
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r></w:p>"
    )  # fmt: skip
    table = "<w:tbl><w:tr><w:tc>" + numbered("表内", 1) + "</w:tc></w:tr></w:tbl>"
    path = build_docx(
        tmp_path / "box.docx",
        numbered("正文", 1) + box + table + numbered("正文", 1),
        numbering=CHINESE_LIST + num(1, 10),
    )
    paragraphs = read_path(path).paragraphs
    assert [(p.text, p.story, p.location) for p in paragraphs] == [
        ("一、正文", "body", "第1段"),
        ("附图说明", "body", "第2段"),
        ("一、框内", "textbox", "文本框1"),
        ("二、表内", "table", "表格1第1行第1列"),
        ("三、正文", "body", "第4段"),
    ]


def test_empty_numbered_paragraph_still_shows_its_number(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "empty.docx",
        numbered("总体", 1) + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:p>" + numbered("问题", 1),
        numbering=CHINESE_LIST + num(1, 10),
    )  # fmt: skip
    assert texts(path) == ["一、总体", "二、", "三、问题"]


def test_heading_levels_from_styles_and_outline_level(tmp_path: Path) -> None:
    styles = {"CnTitle2": '<w:name w:val="标题 2"/>', "Deep": '<w:name w:val="heading 5"/>'}
    body = (
        para("总体情况", ppr='<w:pStyle w:val="Heading1"/>')
        + para("工作进展", ppr='<w:pStyle w:val="CnTitle2"/>')
        + para("大纲级别", ppr='<w:outlineLvl w:val="2"/>')
        + para("正文文本", ppr='<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/>')
        + para("五级标题", ppr='<w:pStyle w:val="Deep"/>')
        + para("普通段落")
    )
    path = build_docx(tmp_path / "headings.docx", body, styles=styles)
    assert [p.heading_level for p in read_path(path).paragraphs] == [1, 2, 3, None, None, None]


def test_number_typed_after_automatic_one(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "typed.docx",
        numbered("一、总体情况", 1) + numbered("主要做法", 1) + numbered("3.5亿元投资到位", 1),
        numbering=CHINESE_LIST + num(1, 10),
    )
    code, report = lint_json("--select", "N007", str(path))
    assert code == 1
    [finding] = findings_of(report, "N007")
    assert finding["text"] == "一、" and finding["automatic"] is True
    assert finding["column"] == 1  # the typed marker opens the paragraph in the file
    assert "自动编号“一、”后又手工输入了序号“一、”" in finding["message"]
    assert finding["fix"] == {"replacement": "", "safety": "review"}


def test_n007_leaves_single_and_different_typed_markers_alone(lint_text) -> None:
    text = "一、总体情况\n（一）组织领导\n1.1 数据来源\n一、（一）写法另有规则\n1.2.3条\n"
    assert [f.code for f in lint_text(text, select="N007")] == []
    flagged = lint_text("（二）（二）主要成效\n三、三、做法\n", select="N007")
    assert [(f.paragraph.line, f.text) for f in flagged] == [(1, "（二）"), (2, "三、")]
