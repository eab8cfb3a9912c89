"""Readers: encodings, line endings, Markdown markup, .docx body paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import write_docx

from draftlint.model import ReadError
from draftlint.readers import read_bytes, read_path

TEXT = "标题\r\n\r\n一、总体情况\r\n（一）组织领导。共开展X次检查。\r\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),
        TEXT.replace("\r\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16", "cr"],
)
def test_text_encodings_and_line_endings(data: bytes) -> None:
    document = read_bytes(data, "a.txt")
    assert [(p.line, p.text) for p in document.paragraphs] == [
        (1, "标题"), (3, "一、总体情况"), (4, "（一）组织领导。共开展X次检查。"),
    ]  # fmt: skip
    assert document.paragraphs[1].location == "第3行"


def test_binary_data_is_refused() -> None:
    with pytest.raises(ReadError):
        read_bytes(b"\x00\x01\x02PK\x00", "a.txt")


def test_markdown_markup_is_removed_with_columns_kept() -> None:
    source = (
        "# 2024年工作总结\n\n"
        "## 一、总体情况\n\n"
        "我们**高度重视**，参见[通知](https://example.gov.cn/a.html)和`code,x`。\n\n"
        "```\n代码块(不检查),\n```\n\n"
        "- 列表项，内容\n"
        "1. 第一项\n"
        "> 引用的话\n"
    )
    document = read_bytes(source.encode(), "a.md")
    texts = [(p.line, p.text, p.heading_level) for p in document.paragraphs]
    assert texts == [
        (1, "2024年工作总结", 1),
        (3, "一、总体情况", 2),
        (5, "我们高度重视，参见通知和。", None),
        (11, "列表项，内容", None),
        (12, "1. 第一项", None),
        (13, "引用的话", None),
    ]
    paragraph = document.paragraphs[2]
    line = source.splitlines()[4]
    for offset, char in enumerate(paragraph.text):
        assert line[paragraph.column(offset) - 1] == char


def test_markdown_unclosed_emphasis_stays_text() -> None:
    document = read_bytes("**在县委领导下，开展工作。\n".encode(), "a.md")
    assert document.paragraphs[0].text.startswith("**在县委")


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "表格内容"
    doc.add_paragraph("二、存在问题")
    path = tmp_path / "a.docx"
    doc.save(str(path))
    document = read_path(path)
    assert [(p.text, p.location, p.story) for p in document.paragraphs] == [
        ("一、总体情况", "第1段", "body"),
        ("表格内容", "表格1第1行第2列", "table"),
        ("二、存在问题", "第5段", "body"),  # table paragraphs count too
    ]


def test_docx_paragraph_ordinals(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "b.docx", ["标题", "一、甲", "二、乙"])
    assert [(p.line, p.location) for p in read_path(path).paragraphs] == [
        (1, "第1段"), (2, "第2段"), (3, "第3段"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data"),
    [("empty.docx", b""), ("text.docx", "不是压缩包".encode()), ("trunc.docx", b"PK\x03\x04abc")],
)
def test_bad_docx_is_a_read_error(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError):
        read_path(path)


def test_table_of_contents_does_not_enter_the_outline(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from draftlint.numbering.outline import build_outline

    doc = docx.Document()
    doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    for line in ("目录", "一、总体情况\t1", "二、存在问题\t3"):
        doc.add_paragraph(line, style="toc 1" if "\t" in line else None)
    for line in ("一、总体情况", "正文。", "二、存在问题", "正文。"):
        doc.add_paragraph(line)
    path = tmp_path / "toc.docx"
    doc.save(str(path))
    document = read_path(path)
    assert [p.story for p in document.paragraphs][:3] == ["body", "toc", "toc"]
    outline = build_outline(document)
    assert [h.marker.text for h in outline.headings] == ["一、", "二、"]
    assert all(h.problem is None for h in outline.headings)


def test_markdown_ordered_lists_show_their_rendered_numbers() -> None:
    source = "一、要求\n\n1. 甲；\n1. 乙；\n1. 丙。\n"
    document = read_bytes(source.encode(), "a.md")
    assert [p.text for p in document.paragraphs] == ["一、要求", "1. 甲；", "2. 乙；", "3. 丙。"]
    assert document.paragraphs[2].column(0) == 1  # the typed "1" in the source line


# --- dispatch on content -------------------------------------------------------------------------


def no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)


@pytest.mark.parametrize("name", ["saved-as.doc", "saved-as.wps", "pasted.txt", "-.txt"])
def test_a_docx_is_read_as_docx_whatever_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    no_libreoffice(monkeypatch)  # read directly: no conversion asked for
    data = write_docx(tmp_path / "a.docx", ["一、总体情况"]).read_bytes()
    document = read_bytes(data, name)
    assert document.kind == "docx" and [p.text for p in document.paragraphs] == ["一、总体情况"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes.rtf", rb"{\rtf1\ansi x}"),
        ("minutes.doc", rb"{\rtf1\ansi x}"),  # an RTF named .doc
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le")),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le")),
        ("notes.odt", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text"),
    ],
)  # fmt: skip
def test_other_formats_go_to_libreoffice(
    monkeypatch: pytest.MonkeyPatch, name: str, data: bytes
) -> None:
    no_libreoffice(monkeypatch)
    with pytest.raises(ReadError, match="LibreOffice"):
        read_bytes(data, name)


def test_an_encrypted_word_file_is_refused_not_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    no_libreoffice(monkeypatch)
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(ReadError, match="encrypted"):
        read_bytes(data, "secret.doc")


def test_reading_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert [p.text for p in read_bytes("甲\n乙\n".encode(), "a.txt").paragraphs] == [
                "甲", "乙",
            ]  # fmt: skip
            assert gc.isenabled() is enabled
            with pytest.raises(ReadError):
                read_bytes(b"PK\x03\x04broken", "a.docx")
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
