"""Property tests of the readers: whatever the bytes, a Document or one ReadError.

Texts are built from what drafts and careless users put in files (markers, placeholders,
mixed punctuation, control characters, BOMs, several encodings, Markdown syntax); Word files
from one real package with generated numbering, styles and body XML, or a damaged zip.
Invariants: no exception but ReadError, whose message is one line; every paragraph's
columns lie inside its source line; markers stay within the limit; suppressions point at
paragraphs that exist.

The short profile runs with the suite; ``pytest -m fuzz`` runs the long one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers.docx_builders import build_docx, para, part_xml, with_part

from draftlint.model import Document, ReadError
from draftlint.readers import read_bytes
from draftlint.readers.docx.numfmt import MAX_MARKER
from draftlint.readers.text import decode, split_lines

SHORT = settings(
    max_examples=40, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
LONG = settings(SHORT, max_examples=3000)

PIECES = [
    # markers
    "一、", "（一）", "(二)", "1.", "1．", "（1）", "①", "第一章", "一是", "二是", "十二、", "Ⅱ.",
    # placeholders
    "X次", "xxx", "某某", "【单位名称】", "*条", "××单位", "待补充", "XX",
    # punctuation, half and full width
    ",", ".", ";", ":", "!", "?", "(", ")", "[", "]", '"', "'", "，", "。", "；", "：", "！",
    "？", "（", "）", "【", "】", "“", "”", "「", "」", "、", "……", "——",
    # control characters, odd spaces and line ends
    "\x00", "\x01", "\x0b", "\x0c", "\x1c", "\x7f", "\x85", "\u2028", "\u200b", "\ufeff",
    "\r", "\n", "\r\n", "\t", " ", "\u3000",
    # Markdown
    "# ", "## ", "**", "*", "_", "`", "```\n", "> ", "- ", "1. ", "1) ", "|", "---\n",
    "===\n", "<!-- draftlint-disable P001 -->\n", "<!-- draftlint-disable-next-line -->\n",
    "<!-- draftlint-enable -->\n", "<!--", "-->", "&amp;", "&copy;", "&#x4e00;", "\\", "\\|",
    "[链接](http://a.cn)", "![图](a.png)", "<b>", "</b>", "[x]: http://a.com\n", "~~",
    # words
    "总体情况", "工作", "加强队伍建设", "abc", "2024年", "１２",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    text = draw(texts)
    how = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "raw"]))
    if how == "raw":
        prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
        return prefix + draw(st.binary(max_size=60))
    data = text.encode(how, errors="replace" if how == "gb18030" else "surrogatepass")
    if draw(st.booleans()):  # cut anywhere, as a truncated upload would
        data = data[: draw(st.integers(0, len(data)))]
    return data


def check_text_document(data: bytes, name: str) -> Document | None:
    try:
        document = read_bytes(data, name)
    except ReadError as error:
        assert str(error) and "\n" not in str(error) and "\r" not in str(error)
        return None
    lines = split_lines(decode(data))
    for index, paragraph in enumerate(document.paragraphs):
        assert paragraph.index == index and paragraph.text.strip()
        line = lines[paragraph.line - 1]
        if paragraph.columns is None:
            assert paragraph.text == line
        else:
            assert len(paragraph.columns) == len(paragraph.text)
            assert all(0 <= column < len(line) for column in paragraph.columns), (line, paragraph)
        for offset in (0, len(paragraph.text) - 1):
            assert 1 <= paragraph.column(offset) <= len(line)
    for suppression in document.suppressions:
        assert 0 <= suppression.first <= suppression.last < len(document.paragraphs)
    return document


@SHORT
@given(data=encoded(), name=st.sampled_from(["a.txt", "a.md", "-.txt", "a.markdown"]))
def test_any_text_reads_or_is_one_read_error(data: bytes, name: str) -> None:
    check_text_document(data, name)


@pytest.mark.fuzz
@LONG
@given(data=encoded(), name=st.sampled_from(["a.txt", "a.md"]))
def test_any_text_reads_or_is_one_read_error_long(data: bytes, name: str) -> None:
    check_text_document(data, name)


# --- Word -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz")
    return build_docx(folder / "base.docx", para("一、总体情况") + para("正文。")).read_bytes()


NUMBERS = st.sampled_from(
    ["0", "1", "3", "-1", "32767", "32768", "9" * 400, str(2**62), "1_000", "١٢", "１", "", "x"]
)
FORMATS = st.sampled_from(
    ["decimal", "upperLetter", "lowerLetter", "upperRoman", "chineseCounting", "bullet",
     "decimalEnclosedCircle", "ideographTraditional", "chineseLegalSimplified", "none",
     "custom", "ordinal", "nonsense"]
)  # fmt: skip
LEVEL_TEXTS = st.sampled_from(["%1、", "（%2）", "%1.%2.%3", "%9", "%0", "%", "", "%1" * 200])


@st.composite
def numbering_xml(draw: st.DrawFn) -> str:
    levels = []
    for ilvl in draw(st.lists(st.sampled_from(["0", "1", "2", "8", "9", "-1", "x"]), max_size=4)):
        custom = draw(st.sampled_from(["", "001, 002, 003, ...", "0" * 5000 + "1", "一, 二"]))
        fmt = draw(FORMATS)
        number_format = f'<w:numFmt w:val="{fmt}" w:format="{custom}"/>'
        if draw(st.booleans()):
            number_format = (
                f'<mc:AlternateContent><mc:Choice Requires="w14">{number_format}</mc:Choice>'
                '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
            )
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{draw(NUMBERS)}"/>{number_format}'
            f'<w:lvlText w:val="{draw(LEVEL_TEXTS)}"/>'
            f'<w:lvlRestart w:val="{draw(NUMBERS)}"/><w:isLgl w:val="{draw(NUMBERS)}"/></w:lvl>'
        )
    link = '<w:numStyleLink w:val="S1"/>' if draw(st.booleans()) else ""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{draw(NUMBERS)}"><w:startOverride w:val="{draw(NUMBERS)}"/>'
        "</w:lvlOverride>"
        for _ in range(draw(st.integers(0, 2)))
    )
    return (
        f'<w:abstractNum w:abstractNumId="1">{link}{"".join(levels)}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{overrides}</w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>'
    )


@st.composite
def styles_xml(draw: st.DrawFn) -> str:
    styles = []
    count = draw(st.integers(0, 6))
    for index in range(count):
        based = draw(st.sampled_from([f"S{i}" for i in range(count)] + ["", "missing"]))
        styles.append(
            f'<w:style w:type="{draw(st.sampled_from(["paragraph", "numbering", "character"]))}"'
            f' w:styleId="S{index}" w:default="{draw(NUMBERS)}">'
            f'<w:name w:val="{draw(st.sampled_from(["heading 1", "标题 2", "toc 1", "x"]))}"/>'
            f'<w:basedOn w:val="{based}"/><w:pPr><w:outlineLvl w:val="{draw(NUMBERS)}"/>'
            f'<w:numPr><w:ilvl w:val="{draw(NUMBERS)}"/><w:numId w:val="1"/></w:numPr>'
            "</w:pPr></w:style>"
        )
    return "".join(styles)


@st.composite
def body_xml(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(0, 8))):
        text = draw(texts).replace("&", "&amp;").replace("<", "&lt;")
        text = "".join(c for c in text if c in "\t\n\r" or c >= " ")  # XML 1.0 characters
        text = "".join(
            c for c in text if not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff"
        )
        ppr = draw(
            st.sampled_from([
                "", f'<w:numPr><w:ilvl w:val="{draw(NUMBERS)}"/><w:numId w:val="1"/></w:numPr>',
                '<w:numPr><w:numId w:val="2"/></w:numPr>', '<w:pStyle w:val="S0"/>',
                f'<w:pStyle w:val="S{draw(st.integers(0, 6))}"/>',
                f'<w:outlineLvl w:val="{draw(NUMBERS)}"/>',
            ])
        )  # fmt: skip
        run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
        wrapper = draw(st.sampled_from(["{}", "<w:ins>{}</w:ins>", "<w:del>{}</w:del>"]))
        comment = draw(st.sampled_from(["", '<w:commentRangeStart w:id="0"/>']))
        paragraphs.append(f"<w:p><w:pPr>{ppr}</w:pPr>{comment}{wrapper.format(run)}</w:p>")
    if draw(st.booleans()):
        paragraphs.append(f"<w:tbl><w:tr><w:tc>{para('格')}</w:tc></w:tr></w:tbl>")
    return "".join(paragraphs)


def check_docx(data: bytes) -> None:
    try:
        document = read_bytes(data, "a.docx")
    except ReadError as error:
        assert str(error) and "\n" not in str(error) and "\r" not in str(error)
        return
    for index, paragraph in enumerate(document.paragraphs):
        assert paragraph.index == index and paragraph.text.strip()
        assert 0 <= paragraph.prefix_len <= MAX_MARKER
        part, ordinal = paragraph.source
        assert isinstance(part, str) and ordinal >= 0
    for suppression in document.suppressions:
        assert 0 <= suppression.first <= suppression.last < len(document.paragraphs)


@st.composite
def generated_docx(draw: st.DrawFn, base: bytes) -> bytes:
    data = with_part(base, "word/numbering.xml", part_xml("numbering", draw(numbering_xml())))
    data = with_part(data, "word/styles.xml", part_xml("styles", draw(styles_xml())))
    body = draw(body_xml())
    if draw(st.booleans()):
        body = body[: draw(st.integers(0, len(body)))]  # XML cut anywhere
    return with_part(data, "word/document.xml", part_xml("document", f"<w:body>{body}</w:body>"))


@st.composite
def damaged_zip(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
        source = zipfile.ZipFile(io.BytesIO(base))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", method) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info.filename))
        data = bytearray(out.getvalue())
        position = draw(st.integers(0, len(data) - 1))
        data[position] ^= draw(st.integers(1, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@SHORT
@given(data=st.data())
def test_generated_docx_reads_or_is_one_read_error(base_docx: bytes, data: st.DataObject) -> None:
    check_docx(data.draw(generated_docx(base_docx)))


@SHORT
@given(data=st.data())
def test_damaged_docx_zip_is_one_read_error(base_docx: bytes, data: st.DataObject) -> None:
    check_docx(data.draw(damaged_zip(base_docx)))


@pytest.mark.fuzz
@LONG
@given(data=st.data())
def test_generated_docx_long(base_docx: bytes, data: st.DataObject) -> None:
    check_docx(data.draw(generated_docx(base_docx) | damaged_zip(base_docx)))


def test_the_base_package_is_read(base_docx: bytes, tmp_path: Path) -> None:
    assert [p.text for p in read_bytes(base_docx, "a.docx").paragraphs] == [
        "一、总体情况",
        "正文。",
    ]
