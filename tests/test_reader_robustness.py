"""Readers on hostile and damaged input: one-line ReadErrors, bounded markers, no crash.

Each input here once crashed or blew up the reader (issue 10); each test builds the real
file (a .txt, a .md, a .docx written by python-docx and then damaged) and reads it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from tests.helpers.docx_builders import (
    SEPARATORS,
    build_docx,
    central_directory_offset_past_data,
    docx_bytes,
    garbled_entry,
    lettered_list,
    note,
    num,
    numbered,
    para,
    recompressed,
    version_needed,
    with_part,
)
from tests.helpers.lint import run_lint

from draftlint.model import ReadError, Suppression
from draftlint.readers import read_bytes, read_path
from draftlint.readers.docx.archive import DocxArchive
from draftlint.readers.docx.names import W_P, W_T, decimal, on_value, outline_level
from draftlint.readers.docx.numfmt import MAX_MARKER, format_number, zero_padded_width
from draftlint.readers.docx.styles import MAX_BASED_ON_DEPTH

# --- one line, always -------------------------------------------------------------------


def read_error(data: bytes, name: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert message and "\n" not in message and "\r" not in message
    return message


@pytest.mark.parametrize("data", [b"\xff\xfe\x00", b"\xef\xbb\xbf\xff", b"\xfe\xff\xd8"])
@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_a_bom_followed_by_bad_data_is_a_read_error(tmp_path: Path, data: bytes, name: str) -> None:
    assert "BOM" in read_error(data, name)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match="BOM"):
        read_path(path)


@pytest.mark.parametrize("command", [["-"], ["outline", "-"]])
def test_a_bom_followed_by_bad_data_on_stdin_is_one_line_exit_2(command: list[str]) -> None:
    result = run_lint(*command, stdin=b"\xef\xbb\xbf\xff")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "BOM" in result.stderr


def test_an_xml_error_message_spanning_lines_is_one_line(tmp_path: Path) -> None:
    data = docx_bytes(tmp_path, para("正文"))
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    declared = document.replace(b"encoding='UTF-8'", b"encoding='EBCDIC-US'", 1)
    assert declared != document
    message = read_error(with_part(data, "word/document.xml", declared), "a.docx")
    assert "word/document.xml" in message


# --- damaged zips ---------------------------------------------------------------------------


def test_an_lzma_entry_with_corrupt_data_is_a_damaged_file(tmp_path: Path) -> None:
    data = recompressed(docx_bytes(tmp_path, para("正文内容。" * 50)), zipfile.ZIP_LZMA)
    assert read_bytes(data, "a.docx").paragraphs[0].text.startswith("正文内容")  # LZMA is fine
    assert "zip" in read_error(garbled_entry(data, "word/document.xml"), "a.docx")


def test_a_deflate_entry_with_corrupt_data_is_a_damaged_file(tmp_path: Path) -> None:
    data = docx_bytes(tmp_path, para("正文内容。" * 50))
    assert "zip" in read_error(garbled_entry(data, "word/document.xml"), "a.docx")


def test_a_central_directory_offset_past_the_data_is_a_damaged_file(tmp_path: Path) -> None:
    data = central_directory_offset_past_data(docx_bytes(tmp_path, para("正文")))
    read_error(data, "a.docx")


def test_an_unknown_zip_version_is_a_damaged_file(tmp_path: Path) -> None:
    data = version_needed(docx_bytes(tmp_path, para("正文")), "word/document.xml", 84)
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(io.BytesIO(data))  # what zipfile itself does with it
    assert "zip" in read_error(data, "a.docx")


def test_damaged_zip_through_lint_is_one_line_and_the_other_file_is_linted(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(version_needed(docx_bytes(tmp_path, para("正文")), "word/document.xml", 84))
    good = tmp_path / "good.txt"
    good.write_text("共开展X次检查。\n", encoding="utf-8")
    result = run_lint(str(bad), str(good))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "bad.docx" in result.stderr
    assert "P001" in result.stdout


# --- files that are not regular files, or too large ---------------------------------------------


def test_a_fifo_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="regular file"):
        read_path(fifo)  # never opened: opening would wait for a writer


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a\n" * (600 * 1024))
    monkeypatch.setenv("DRAFTLINT_MAX_FILE_MIB", "1")
    with pytest.raises(ReadError, match="too large"):
        read_path(path)
    monkeypatch.setenv("DRAFTLINT_MAX_FILE_MIB", "2")
    assert len(read_path(path).paragraphs) == 600 * 1024


# --- automatic numbering: start values, bounded markers -------------------------------------


def numbered_texts(tmp_path: Path, numbering: str, count: int = 3) -> list[tuple[str, int]]:
    body = "".join(numbered(f"第{i}项", 1) for i in range(count))
    path = build_docx(tmp_path / "n.docx", body, numbering=numbering)
    return [(p.text, p.prefix_len) for p in read_path(path).paragraphs]


@pytest.mark.parametrize("start", ["9" * 400, str(2**62), "1000000000", "32767"])
@pytest.mark.parametrize("fmt", ["lowerLetter", "upperLetter"])
def test_a_huge_start_in_letters_gets_no_marker(tmp_path: Path, start: str, fmt: str) -> None:
    # bounded to 32767 as Word bounds it: 1261 repeated letters, over the marker limit
    texts = numbered_texts(tmp_path, lettered_list(fmt, start) + num(1, 1))
    assert texts == [("第0项", 0), ("第1项", 0), ("第2项", 0)]


@pytest.mark.parametrize(
    ("start", "expected"),
    [("9" * 400, "32767."), (str(2**62), "32767."), ("-5", "0."), ("1_000", "0."),
     ("١٢", "0."), ("27", "27."), (" 3 ", "3.")],
)  # fmt: skip
def test_start_values_are_read_strictly_and_bounded(
    tmp_path: Path, start: str, expected: str
) -> None:
    texts = numbered_texts(tmp_path, lettered_list("decimal", start) + num(1, 1), count=1)
    assert texts == [(expected + "第0项", len(expected))]


def test_a_start_override_is_bounded_too(tmp_path: Path) -> None:
    numbering = lettered_list("decimal", "1") + num(1, 1, {0: 10**30})  # type: ignore[dict-item]
    assert numbered_texts(tmp_path, numbering, count=2) == [
        ("32767.第0项", 6), ("32768.第1项", 6),
    ]  # fmt: skip


def test_a_level_text_of_50000_placeholders_gets_no_marker(tmp_path: Path) -> None:
    texts = numbered_texts(tmp_path, lettered_list("decimal", "1", "%1" * 50_000) + num(1, 1))
    assert texts == [("第0项", 0), ("第1项", 0), ("第2项", 0)]


def test_a_marker_just_within_the_limit_is_shown(tmp_path: Path) -> None:
    text = "%1" + "、" * (MAX_MARKER - 1)
    [(shown, prefix)] = numbered_texts(tmp_path, lettered_list("decimal", "1", text) + num(1, 1), 1)
    assert prefix == MAX_MARKER and shown == "1" + "、" * (MAX_MARKER - 1) + "第0项"


def custom_format_list(pattern: str) -> str:
    return (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        f'<w:numFmt w:val="custom" w:format="{pattern}"/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )


def test_a_custom_format_padded_with_a_million_zeros_gets_no_marker(tmp_path: Path) -> None:
    texts = numbered_texts(tmp_path, custom_format_list("0" * 1_000_000 + "1") + num(1, 1), 2)
    assert texts == [("第0项", 0), ("第1项", 0)]


def test_a_zero_padded_custom_format_is_shown(tmp_path: Path) -> None:
    texts = numbered_texts(tmp_path, custom_format_list("001, 002, 003, ...") + num(1, 1), 2)
    assert texts == [("001.第0项", 4), ("002.第1项", 4)]


def test_zero_padded_is_one_definition() -> None:
    assert [zero_padded_width(f) for f in ("001, 002, 003, ...", "01", "1", "a01", "010")] == [
        3, 2, 1, None, None,
    ]  # fmt: skip
    assert format_number(7, "custom", "001, 002, 003, ...") == "007"
    assert format_number(7, "custom", "一, 二, 三, ...") == "7"  # unknown custom: decimal
    assert format_number(12, "chineseCounting") == "十二"
    assert format_number(26 * MAX_MARKER + 1, "upperLetter") is None
    assert format_number(26 * MAX_MARKER, "upperLetter") == "Z" * MAX_MARKER


def test_word_numbers_are_ascii_digits_only() -> None:
    assert [decimal(v) for v in ("12", "-3", " 7 ", "007", "1_000", "١٢", "１２", "", "x", None)] == [
        12, -3, 7, 7, None, None, None, None, None, None,
    ]  # fmt: skip
    assert decimal("9" * 400) == 10**9 and decimal("-" + "9" * 400) == -(10**9)
    assert [on_value(v) for v in (None, "1", "true", "On", "0", "false", "off")] == [
        False, True, True, True, False, False, False,
    ]  # fmt: skip


def test_outline_levels() -> None:
    from lxml import etree

    from draftlint.readers.docx.names import W_VAL, w

    def level(value: str) -> int | bool | None:
        element = etree.Element(w("outlineLvl"))
        element.set(W_VAL, value)
        return outline_level(element)

    assert (level("0"), level("8"), level("9"), level("x"), outline_level(None)) == (
        0, 8, None, None, False,
    )  # fmt: skip


# --- styles ----------------------------------------------------------------------------------


def chained_styles(length: int) -> dict[str, str]:
    styles = {"S0": '<w:name w:val="S0"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'}
    for index in range(1, length):
        styles[f"S{index}"] = f'<w:name w:val="S{index}"/><w:basedOn w:val="S{index - 1}"/>'
    return styles


def styled(text: str, style: str) -> str:
    return para(text, ppr=f'<w:pStyle w:val="{style}"/>')


def test_a_3000_long_based_on_chain_is_read_without_recursion(tmp_path: Path) -> None:
    body = styled("一、近处", "S10") + styled("二、远处", "S2999")
    path = build_docx(tmp_path / "chain.docx", body, styles=chained_styles(3000))
    near, far = read_path(path).paragraphs
    assert near.heading_level == 1  # ten links up: inherited
    assert far.heading_level is None  # past MAX_BASED_ON_DEPTH links: the chain is cut
    assert MAX_BASED_ON_DEPTH < 3000


def test_a_based_on_cycle_ends_the_chain(tmp_path: Path) -> None:
    styles = {
        "A": '<w:name w:val="A"/><w:basedOn w:val="B"/>',
        "B": '<w:name w:val="B"/><w:basedOn w:val="A"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>',
    }
    path = build_docx(tmp_path / "cycle.docx", styled("甲", "A") + styled("乙", "B"), styles=styles)
    assert [p.heading_level for p in read_path(path).paragraphs] == [2, 2]


# --- Paragraph.source: where the w:p is, not the element ----------------------------------------


def test_source_finds_the_paragraph_again(tmp_path: Path) -> None:
    table = f"<w:tbl><w:tr><w:tc>{para('格一')}</w:tc><w:tc>{para('格二')}</w:tc></w:tr></w:tbl>"
    deleted = '<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/>'
    deleted += "</w:rPr></w:pPr></w:p>"
    path = build_docx(
        tmp_path / "s.docx", para("一") + deleted + table + para("末"), header="页眉文字"
    )
    data = path.read_bytes()
    archive = DocxArchive(data)
    document = read_path(path)
    found = []
    for paragraph in document.paragraphs:
        part, ordinal = paragraph.source
        element = list(archive.xml(part).iter(W_P))[ordinal]
        found.append((paragraph.text, part, "".join(t.text or "" for t in element.iter(W_T))))
    assert found == [
        ("一", "word/document.xml", "一"),
        ("格一", "word/document.xml", "格一"),
        ("格二", "word/document.xml", "格二"),
        ("末", "word/document.xml", "末"),
        ("页眉文字", "word/header1.xml", "页眉文字"),
    ]
    assert all(isinstance(p.source, tuple) for p in document.paragraphs)


# --- in-document suppression ------------------------------------------------------------------


def commented(tmp_path: Path, comments: list[tuple[list[int], str]], texts: list[str]) -> Path:
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in texts]
    for covered, text in comments:
        document.add_comment([paragraphs[i].runs[0] for i in covered], text=text, author="审核")
    path = tmp_path / "commented.docx"
    document.save(str(path))
    return path


def test_a_word_comment_directive_covers_its_range(tmp_path: Path) -> None:
    texts = ["一、总体情况", "某某单位开展X次检查。", "二、存在问题", "xxx同志。"]
    path = commented(
        tmp_path,
        [([1, 2], "draftlint: ignore P001, W001 模板原文，保留"), ([3], "请核实"),
         ([3], "draftlint：ignore")],
        texts,
    )  # fmt: skip
    document = read_path(path)
    assert [p.text for p in document.paragraphs] == texts  # comments are not linted
    assert document.suppressions == [
        Suppression(1, 1, ("P001", "W001"), 2, "comment"),
        Suppression(2, 2, ("P001", "W001"), 3, "comment"),
        Suppression(3, 3, (), 4, "comment"),
    ]


def test_a_comment_that_is_no_directive_suppresses_nothing(tmp_path: Path) -> None:
    path = commented(tmp_path, [([0], "draftlint ignores nothing here"), ([0], "好")], ["某某"])
    assert read_path(path).suppressions == []


def test_a_comment_range_across_an_empty_paragraph(tmp_path: Path) -> None:
    path = commented(tmp_path, [([0, 2], "draftlint: ignore C001")], ["甲甲", "", "乙乙"])
    document = read_path(path)
    assert [p.text for p in document.paragraphs] == ["甲甲", "乙乙"]
    assert [(s.first, s.line) for s in document.suppressions] == [(0, 1), (1, 3)]


def test_markdown_directives(tmp_path: Path) -> None:
    source = (
        "# 标题\n"  # 1
        "<!-- draftlint-disable-next-line P001 -->\n"  # 2
        "某某单位\n"  # 3
        "正文。\n"  # 4
        "\n"  # 5
        "<!-- draftlint-disable P001,W001 -->\n"  # 6
        "X次\n"  # 7
        "\n"  # 8
        "xxx\n"  # 9
        "<!-- draftlint-enable -->\n"  # 10
        "尾段。\n"  # 11
        "\n"  # 12
        "```\n<!-- draftlint-disable -->\n```\n"  # 13-15: code, not a directive
        "\n<!-- draftlint-disable -->\n"  # 17: to the end of the file
        "末段。\n"  # 18
    )
    path = tmp_path / "a.md"
    path.write_text(source, encoding="utf-8")
    document = read_path(path)
    lines = [p.line for p in document.paragraphs]
    assert lines == [1, 3, 4, 7, 9, 11, 18]
    assert document.suppressions == [
        Suppression(1, 1, ("P001",), 2, "markdown"),
        Suppression(3, 4, ("P001", "W001"), 6, "markdown"),
        Suppression(6, 6, (), 17, "markdown"),
    ]


def test_markdown_directive_with_nothing_below_covers_nothing() -> None:
    document = read_bytes("正文。\n<!-- draftlint-disable-next-line -->\n".encode(), "a.md")
    assert document.suppressions == []


def test_every_read_error_leaves_the_readers_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import draftlint.readers.text as text

    def failing(data: bytes, path: str) -> None:
        raise ReadError("libxml2 said:\nline 1\r\n  column 2")

    monkeypatch.setattr(text, "read_text", failing)
    assert read_error(b"abc", "a.txt") == "libxml2 said: line 1 column 2"


# --- the body read in batches reads as the whole body ---------------------------------------------


def run_xml(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def varied_body(repeat: int) -> str:
    """Every block kind the body walk treats apart, repeated: tables, text boxes, content
    controls, comment ranges between and across paragraphs, fields across paragraphs,
    section breaks, note references (one deleted), numbered paragraphs."""
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    blocks = []
    for i in range(repeat):
        inside = para(f"框{i}")
        blocks += [
            f'<w:commentRangeStart w:id="{i % 3}"/>',
            numbered(f"第{i}项", 1),
            f"<w:p>{run_xml(f'段{i}')}{box.format(inside, inside)}</w:p>",
            f'<w:p>{run_xml("注")}<w:r><w:footnoteReference w:id="{i % 2 + 1}"/></w:r>'
            f'<w:del w:id="9" w:author="a"><w:r><w:footnoteReference w:id="3"/></w:r></w:del></w:p>',
            f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText>'
            f'</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{run_xml(f"目{i}")}</w:p>',
            f'<w:p>{run_xml(f"录{i}")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
            f"<w:tbl><w:tr><w:tc>{para(f'格{i}')}</w:tc></w:tr></w:tbl>",
            f'<w:commentRangeEnd w:id="{i % 3}"/>',
            f"<w:sdt><w:sdtPr/><w:sdtContent>{para(f'控{i}')}</w:sdtContent></w:sdt>",
            "<w:p/>",
        ]
    return "".join(blocks)


def test_the_body_read_in_batches_reads_as_a_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    comments = "".join(
        f'<w:comment w:id="{i}" w:author="a">{para(text)}</w:comment>'
        for i, text in enumerate(["draftlint: ignore P001", "好", "draftlint: ignore"])
    )
    path = build_docx(
        tmp_path / "varied.docx", varied_body(40), header="页眉",
        numbering=lettered_list("chineseCounting", "1", "%1、") + num(1, 1),
        parts={
            "footnotes": SEPARATORS + note(1, "注一") + note(2, "注二") + note(3, "已删"),
            "comments": comments,
        },
    )  # fmt: skip
    original = DocxArchive.batches

    def read_in_batches(size: int) -> tuple[list[tuple], list[Suppression]]:
        def batches(self: DocxArchive, name: str, parent: str, *_: int):  # type: ignore[no-untyped-def]
            return original(self, name, parent, size, whole=size - 1)  # in chunks unless huge

        monkeypatch.setattr(DocxArchive, "batches", batches)
        document = read_path(path)
        fields = [
            (p.text, p.line, p.location, p.story, p.heading_level, p.prefix_len, p.source)
            for p in document.paragraphs
        ]
        return fields, document.suppressions

    whole = read_in_batches(10**9)
    assert len(whole[0]) > 300 and whole[1]
    texts = [fields[0] for fields in whole[0]]
    assert texts[:9] == ["一、第0项", "段0", "框0", "注", "目0", "录0", "格0", "控0", "二、第1项"]
    assert texts.count("注一") == 1 and "已删" not in texts and texts[-1] == "页眉"
    for size in (1, 7, 100, 4096):  # bytes parsed at a time
        assert read_in_batches(size) == whole, size
