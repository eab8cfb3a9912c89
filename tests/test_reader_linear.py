"""Readers do linear work: each pathological input at size n and 4n, the 4n run at most ~5×.

Work is counted, never timed: every function call (Python and C, through ``sys.setprofile``)
and the peak of memory allocated by Python (``tracemalloc``). An input whose cost grows with
the product of two of its sizes (paragraphs × marker length, cells × row length) is built
so that both grow with n, which a quadratic reader cannot pass.
"""

from __future__ import annotations

import io
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.docx_builders import build_docx, num, numbered, para

from draftlint.readers import read_bytes

Input = tuple[bytes, str]


def calls(data: bytes, name: str) -> int:
    count = 0

    def profiler(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    read_bytes(data, name)  # warm: imports and compiled patterns are not the input's work
    sys.setprofile(profiler)
    try:
        read_bytes(data, name)
    finally:
        sys.setprofile(None)
    return count


def peak_memory(data: bytes, name: str) -> int:
    read_bytes(data, name)
    tracemalloc.start()
    try:
        document = read_bytes(data, name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del document
    return peak


def inflated_size(data: bytes) -> int:
    """The input's size as the reader sees it: a zip's entries inflated."""
    if not data.startswith(b"PK"):
        return len(data)
    return sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())


def assert_linear(make: Callable[[int], Input], n: int) -> None:
    small, large = make(n), make(4 * n)
    assert inflated_size(large[0]) - inflated_size(small[0]) >= 2 * n  # the input really grew
    for measure in (calls, peak_memory):
        work_n, work_4n = measure(*small), measure(*large)
        assert work_4n <= 5 * work_n, (measure.__name__, work_n, work_4n)


# --- text and Markdown ----------------------------------------------------------------------

TEXT_INPUTS: dict[str, Callable[[int], Input]] = {
    "txt-short-paragraphs": lambda n: (("一、甲\n" * n).encode(), "a.txt"),
    "txt-bom-utf16": lambda n: (("（一）乙。\r\n" * n).encode("utf-16"), "a.txt"),
    "md-ordered-list": lambda n: (("1. 项目\n" * n).encode(), "a.md"),
    "md-one-paragraph-many-lines": lambda n: (("项目内容\n" * n).encode(), "a.md"),
    "md-table-row-of-many-cells": lambda n: (
        ("|" + "格|" * n + "\n|" + "---|" * n + "\n").encode(), "a.md",
    ),
    "md-emphasis-on-one-line": lambda n: (("**重点**。" * n + "\n").encode(), "a.md"),
    "md-entities-on-one-line": lambda n: (("&copy;中" * n + "\n").encode(), "a.md"),
    "md-code-spans-on-one-line": lambda n: (("`x`中" * n + "\n").encode(), "a.md"),
    "md-stars-and-brackets": lambda n: (("中*文[]" * n + "\n").encode(), "a.md"),
}  # fmt: skip


@pytest.mark.parametrize("make", TEXT_INPUTS.values(), ids=TEXT_INPUTS.keys())
def test_text_and_markdown_readers_are_linear(make: Callable[[int], Input]) -> None:
    assert_linear(make, 150)


# --- Word ------------------------------------------------------------------------------------


def docx_input(tmp_path: Path, body: str, **options: object) -> Input:
    path = build_docx(tmp_path / f"in{len(body)}.docx", body, **options)  # type: ignore[arg-type]
    return path.read_bytes(), path.name


def level(fmt: str, text: str, start: str = "1", custom: str = "") -> str:
    number_format = f'<w:numFmt w:val="{fmt}"/>'
    if custom:
        number_format = (
            '<mc:AlternateContent><mc:Choice Requires="w14">'
            f'<w:numFmt w:val="custom" w:format="{custom}"/></mc:Choice>'
            '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        )
    return (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'{number_format}<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>' + num(1, 1)
    )


def numbered_body(n: int) -> str:
    return "".join(numbered(f"第{i}项", 1) for i in range(n))


def chain(n: int) -> dict[str, str]:
    styles = {"S0": '<w:name w:val="S0"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'}
    styles.update(
        {f"S{i}": f'<w:name w:val="S{i}"/><w:basedOn w:val="S{i - 1}"/>' for i in range(1, n)}
    )
    return styles


DOCX_INPUTS: dict[str, Callable[[Path, int], Input]] = {
    "paragraphs": lambda tmp, n: docx_input(tmp, "".join(para(f"段{i}。") for i in range(n))),
    "tables": lambda tmp, n: docx_input(
        tmp, f"<w:tbl>{'<w:tr><w:tc>' + para('格') + '</w:tc></w:tr>' * 1}</w:tbl>" * n
    ),
    "huge-start-upper-letter": lambda tmp, n: docx_input(
        tmp, numbered_body(n), numbering=level("upperLetter", "%1.", start="1000000000")
    ),
    "level-text-of-n-placeholders": lambda tmp, n: docx_input(
        tmp, numbered_body(n), numbering=level("decimal", "%1" * (20 * n))
    ),
    "custom-format-of-n-zeros": lambda tmp, n: docx_input(
        tmp, numbered_body(n), numbering=level("decimal", "%1.", custom="0" * (200 * n) + "1")
    ),
    "based-on-chain": lambda tmp, n: docx_input(
        tmp, "".join(para(f"段{i}", ppr=f'<w:pStyle w:val="S{i}"/>') for i in range(n)),
        styles=chain(n),
    ),
}  # fmt: skip


@pytest.mark.parametrize("make", DOCX_INPUTS.values(), ids=DOCX_INPUTS.keys())
def test_docx_reader_is_linear(tmp_path: Path, make: Callable[[Path, int], Input]) -> None:
    assert_linear(lambda n: make(tmp_path, n), 150)


def test_numbered_paragraphs_keep_no_marker_when_it_would_be_huge(tmp_path: Path) -> None:
    data, name = DOCX_INPUTS["custom-format-of-n-zeros"](tmp_path, 10)
    paragraphs = read_bytes(data, name).paragraphs
    assert [(p.text, p.prefix_len) for p in paragraphs] == [(f"第{i}项", 0) for i in range(10)]


# --- memory kept per paragraph -----------------------------------------------------------------


def kept_per_paragraph(data: bytes, name: str) -> float:
    """Bytes the finished document holds per paragraph (allocated by Python, tracemalloc)."""
    read_bytes(data, name)  # warm: imports and compiled patterns are not the document's
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        document = read_bytes(data, name)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return kept / len(document.paragraphs)


def test_a_short_text_line_costs_little_more_than_its_text() -> None:
    # "ab" is a 51-byte string; the paragraph adds its object, its index and a list slot
    # (about 110 bytes), no int for its line and no string for its place.
    per_paragraph = kept_per_paragraph(b"ab\n" * 20_000, "a.txt")
    assert per_paragraph < 190, per_paragraph


def test_a_short_word_paragraph_keeps_no_place_or_source_objects(tmp_path: Path) -> None:
    # "12345号" is an 86-byte string; 第N段 and (part, ordinal) are made when asked for.
    data, name = docx_input(
        tmp_path, "".join(para(f"{i % 90000 + 10000}号") for i in range(20_000))
    )
    per_paragraph = kept_per_paragraph(data, name)
    assert per_paragraph < 230, per_paragraph
    paragraph = read_bytes(data, name).paragraphs[12_345]
    assert (paragraph.location, paragraph.source) == ("第12346段", ("word/document.xml", 12_345))
