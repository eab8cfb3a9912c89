"""N009: a paragraph whose automatic number cannot be shown is reported, not rendered."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.docx_builders import build_docx, lettered_list, num, numbered
from tests.helpers.lint import findings_of, lint_json

DAMAGED = {
    "a billion in letters": lettered_list("upperLetter", "1000000000"),
    "a level text of 50,000 %1": lettered_list("decimal", "1", "%1" * 50_000),
}


@pytest.mark.parametrize("name", DAMAGED)
def test_damaged_numbering_is_reported_on_each_paragraph(tmp_path: Path, name: str) -> None:
    body = "".join(numbered(f"第{i}项工作", 1) for i in range(3))
    path = build_docx(tmp_path / "d.docx", body, numbering=DAMAGED[name] + num(1, 1))
    code, report = lint_json(str(path))
    found = findings_of(report)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("N009", 1, 1), ("N009", 2, 1), ("N009", 3, 1),
    ]  # fmt: skip
    assert code == 0  # a warning


def test_sound_numbering_is_not_reported(tmp_path: Path) -> None:
    body = "".join(numbered(f"第{i}项工作", 1) for i in range(3))
    path = build_docx(
        tmp_path / "d.docx", body, numbering=lettered_list("decimal", "1") + num(1, 1)
    )
    _, report = lint_json("--select", "N009", str(path))
    assert findings_of(report) == []
