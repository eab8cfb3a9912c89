"""The .docx builders of tests/helpers/docx_builders.py make packages python-docx opens."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from tests.helpers.docx_builders import (
    CHINESE_LIST,
    SEPARATORS,
    build_docx,
    note,
    num,
    numbered,
    para,
)


def test_built_package_opens_in_python_docx(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "a.docx",
        numbered("总体情况", 1) + para("正文内容。"),
        numbering=CHINESE_LIST + num(1, 10),
        header="页眉文字",
        parts={"footnotes": SEPARATORS + note(1, "脚注文字"), "comments": ""},
    )
    opened = docx.Document(str(path))
    assert [p.text for p in opened.paragraphs] == ["总体情况", "正文内容。"]
    assert opened.sections[0].header.paragraphs[0].text == "页眉文字"
    names = zipfile.ZipFile(path).namelist()
    assert "word/footnotes.xml" in names and "word/comments.xml" in names
