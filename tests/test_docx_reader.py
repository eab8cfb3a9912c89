"""A .docx read as Word shows it: tracked changes accepted, fields as results, tables,
content controls, text boxes, headers, footers, notes; comments left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.helpers.docx_builders import SEPARATORS, build_docx, note, para
from tests.helpers.lint import findings_of, lint_json, run_lint

from draftlint.readers import read_path
from draftlint.registry import find_rule


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str, change: int = 1) -> str:
    return f'<w:ins w:id="{change}" w:author="审核人" w:date="2024-05-01T09:00:00Z">{run(text)}</w:ins>'


def deleted(text: str, change: int = 2) -> str:
    return (
        f'<w:del w:id="{change}" w:author="审核人" w:date="2024-05-01T09:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def field(code: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def texts(path: Path) -> list[str]:
    return [p.text for p in read_path(path).paragraphs]


def needs_p001() -> None:
    if find_rule("P001") is None:
        pytest.skip("P001 (placeholder) is not in this tree yet")


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    body = (
        f"<w:p>{run('全年')}{deleted('召开X次会议，')}{run('研究部署重点工作。')}</w:p>"
        # Word splits runs at script changes: 共开展 | * | 次, each its own insertion.
        f"<w:p>{run('今年')}{ins('共开展', 3)}{ins('*', 4)}{ins('次', 5)}{run('专项检查。')}</w:p>"
        f'<w:p>{run("移动：")}<w:moveFrom w:id="6" w:author="a">{run("旧位置")}</w:moveFrom>'
        f'<w:moveTo w:id="7" w:author="a">{run("新位置")}</w:moveTo></w:p>'
        # A paragraph deleted whole, its mark included, is gone.
        '<w:p><w:pPr><w:rPr><w:del w:id="8" w:author="a"/></w:rPr></w:pPr>'
        f"{deleted('整段删除', 9)}</w:p>"
        f"<w:p>{run('末段。')}</w:p>"
    )
    path = build_docx(tmp_path / "changes.docx", body)
    assert texts(path) == [
        "全年研究部署重点工作。", "今年共开展*次专项检查。", "移动：新位置", "末段。",
    ]  # fmt: skip
    assert [p.line for p in read_path(path).paragraphs] == [1, 2, 3, 4]


def test_tracked_deletion_is_no_placeholder_and_insertion_is(tmp_path: Path) -> None:
    needs_p001()
    body = (
        f"<w:p>{run('全年')}{deleted('召开X次会议，')}{run('研究部署重点工作。')}</w:p>"
        f"<w:p>{run('今年')}{ins('共开展', 3)}{ins('*', 4)}{ins('次', 5)}{run('专项检查。')}</w:p>"
    )
    path = build_docx(tmp_path / "changes.docx", body)
    _, report = lint_json("--select", "P001", str(path))
    found = findings_of(report, "P001")
    assert [(f["line"], f["location"]) for f in found] == [(2, "第2段")]
    assert "*" in found[0]["text"] and found[0]["column"] == 6


def test_fields_show_their_result(tmp_path: Path) -> None:
    nested = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        + field(" DOCPROPERTY Title ", "内层结果")
        + '<w:r><w:instrText xml:space="preserve"> = "" "空" "非空" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("外层结果")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )  # fmt: skip
    body = (
        "<w:p>" + run("截至") + field(" DATE \\@ yyyy年M月 ", "2024年5月") + run("底") + "</w:p>"
        f"<w:p>{nested}</w:p>"
        f'<w:p><w:fldSimple w:instr=" PAGE ">{run("3")}</w:fldSimple>{run("页")}</w:p>'
        # A field whose result spans paragraphs (a table of contents); its code is hidden.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run("目录第一行")}</w:p>'
        f'<w:p>{run("目录第二行")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    path = build_docx(tmp_path / "fields.docx", body)
    assert texts(path) == ["截至2024年5月底", "外层结果", "3页", "目录第一行", "目录第二行"]


def test_wrapped_runs_hidden_text_and_content_controls(tmp_path: Path) -> None:
    body = (
        f'<w:p><w:hyperlink r:id="rIdX">{run("链接")}</w:hyperlink>'
        f'<w:smartTag w:uri="u" w:element="date">{run("五月")}</w:smartTag>'
        f'<w:customXml w:element="x">{run("自定义")}</w:customXml>'
        f'<w:sdt><w:sdtPr><w:alias w:val="填写"/></w:sdtPr><w:sdtContent>{run("控件")}'
        "</w:sdtContent></w:sdt>"
        f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>{run('。')}</w:p>"
        f"<w:sdt><w:sdtContent>{para('块级控件内段落')}</w:sdtContent></w:sdt>"
        f'<w:customXml w:element="sec">{para("自定义块内段落")}</w:customXml>'
    )
    path = build_docx(tmp_path / "wrapped.docx", body)
    assert texts(path) == ["链接五月自定义控件。", "块级控件内段落", "自定义块内段落"]


def test_tables_nested_merged_and_wrapped(tmp_path: Path) -> None:
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{para(text)}</w:tc>"

    nested = "<w:tbl><w:tr>" + cell("内表") + "</w:tr></w:tbl>"
    body = (
        "<w:tbl>"
        "<w:tr>" + cell("合并两列", '<w:gridSpan w:val="2"/>') + cell("纵向合并", '<w:vMerge w:val="restart"/>') + "</w:tr>"
        "<w:tr>" + cell("甲") + cell("乙") + cell("", "<w:vMerge/>") + "</w:tr>"
        '<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>' + cell("删除的行") + "</w:tr>"
        "<w:sdt><w:sdtContent><w:tr>" + cell("控件行") + "<w:sdt><w:sdtContent>" + cell("控件格")
        + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>"
        "<w:tr><w:tc>" + para("外格") + nested + "<w:p/></w:tc></w:tr>"
        "</w:tbl>" + para("表后正文")
    )  # fmt: skip
    path = build_docx(tmp_path / "tables.docx", body)
    assert [(p.text, p.location, p.story) for p in read_path(path).paragraphs] == [
        ("合并两列", "表格1第1行第1列", "table"),
        ("纵向合并", "表格1第1行第3列", "table"),
        ("甲", "表格1第2行第1列", "table"),
        ("乙", "表格1第2行第2列", "table"),
        ("控件行", "表格1第3行第1列", "table"),
        ("控件格", "表格1第3行第2列", "table"),
        ("外格", "表格1第4行第1列", "table"),
        ("内表", "表格1第4行第1列表格2第1行第1列", "table"),
        ("表后正文", "第10段", "body"),
    ]


def test_text_box_read_once_after_its_paragraph(tmp_path: Path) -> None:
    inside = para("框中共X项")
    body = (
        f'<w:p>{run("见右侧说明")}<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        f"{inside}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{inside}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r>{run('。')}</w:p>"
    )
    path = build_docx(tmp_path / "box.docx", body)
    assert [(p.text, p.location, p.story) for p in read_path(path).paragraphs] == [
        ("见右侧说明。", "第1段", "body"),
        ("框中共X项", "文本框1", "textbox"),
    ]


def test_headers_footers_notes_and_no_comments(tmp_path: Path) -> None:
    body = (
        f'<w:p>{run("正文")}<w:commentRangeStart w:id="0"/>{run("有批注")}'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        '<w:r><w:footnoteReference w:id="2"/></w:r>'
        f'{run("再注")}<w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:del w:id="9" w:author="a"><w:r><w:footnoteReference w:id="3"/></w:r></w:del>'
        '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>'
    )
    comments = '<w:comment w:id="0" w:author="审核人">' + para("这里写X次不对") + "</w:comment>"
    path = build_docx(
        tmp_path / "stories.docx", body, header="XX县人民政府办公室", footer="第X页",
        parts={
            "footnotes": SEPARATORS + note(1, "第二个注") + note(2, "第一个注") + note(3, "已删"),
            "endnotes": note(1, "尾注内容", "endnote"),
            "comments": comments,
        },
    )  # fmt: skip
    assert [(p.text, p.location, p.story) for p in read_path(path).paragraphs] == [
        ("正文有批注再注", "第1段", "body"),
        ("第一个注", "脚注1", "footnote"),
        ("第二个注", "脚注2", "footnote"),
        ("尾注内容", "尾注1", "endnote"),
        ("XX县人民政府办公室", "页眉", "header"),
        ("第X页", "页脚", "footer"),
    ]


def test_linked_header_read_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "共用页眉"
    document.add_paragraph("第一节")
    document.add_section()  # its header is linked to the previous one
    document.add_paragraph("第二节")
    path = tmp_path / "sections.docx"
    document.save(str(path))
    assert [p.text for p in read_path(path).paragraphs if p.story == "header"] == ["共用页眉"]


def test_placeholders_found_in_table_header_and_footnote(tmp_path: Path) -> None:
    needs_p001()
    body = (
        "<w:tbl><w:tr><w:tc>" + para("指标") + "</w:tc><w:tc>" + para("完成*项")
        + "</w:tc></w:tr></w:tbl>" + para("全年工作稳步推进。")
        + f'<w:p>{run("数据来源")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    )  # fmt: skip
    path = build_docx(
        tmp_path / "where.docx", body, header="XX局工作总结",
        parts={"footnotes": SEPARATORS + note(1, "据X月统计。"),
               "comments": '<w:comment w:id="0" w:author="a">' + para("X次") + "</w:comment>"},
    )  # fmt: skip
    _, report = lint_json("--select", "P001", str(path))
    locations = {f["location"] for f in findings_of(report, "P001")}
    assert locations == {"表格1第1行第2列", "页眉", "脚注1"}


def test_comment_with_placeholder_gives_nothing(tmp_path: Path) -> None:
    needs_p001()
    body = (
        f'<w:p><w:commentRangeStart w:id="0"/>{run("全年召开会议十二次。")}'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    comment = (
        '<w:comment w:id="0" w:author="审核人">' + para("请核实，是否应为X次") + "</w:comment>"
    )
    path = build_docx(tmp_path / "comment.docx", body, parts={"comments": comment})
    code, report = lint_json("--select", "P001", str(path))
    assert findings_of(report, "P001") == [] and code == 0


@pytest.mark.parametrize("suffix", [".docm", ".dotx"])
def test_macro_and_template_packages_read_like_docx(tmp_path: Path, suffix: str) -> None:
    source = build_docx(tmp_path / "a.docx", para("一、总体情况") + para("三、存在问题"))
    target = tmp_path / f"a{suffix}"
    shutil.copy(source, target)
    assert texts(target) == ["一、总体情况", "三、存在问题"]
    result = run_lint("--select", "N001", str(target))
    assert result.returncode == 1 and "N001" in result.stdout


def test_a_paragraph_all_in_bold_is_marked_bold(tmp_path) -> None:
    import docx

    from draftlint.readers import read_path

    document = docx.Document()
    document.add_paragraph().add_run("一年来的主要工作").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("部分加粗").bold = True
    mixed.add_run("部分不加粗")
    document.add_paragraph().add_run("明确不加粗").bold = False
    document.add_paragraph("普通段落")
    path = tmp_path / "bold.docx"
    document.save(str(path))
    assert [p.bold for p in read_path(path).paragraphs] == [True, False, False, False]
