"""Issue 2's acceptance on the three seed drafts, as .txt and as .docx."""

from __future__ import annotations

import pytest
from tests.helpers.lint import findings_of, lint_json

NUMBERING = ("N001", "N002", "N003", "N004", "N005", "N006")


def numbering_findings(report) -> list[dict]:
    return [f for f in findings_of(report) if f["code"] in NUMBERING]


@pytest.fixture(params=["txt", "docx"])
def as_file(request, seed, seed_docx):
    return seed if request.param == "txt" else seed_docx


def test_seed_001_one_repeat_on_the_second_san(as_file, seed) -> None:
    path = as_file("001")
    code, report = lint_json("--select", "numbering", str(path))
    found = numbering_findings(report)
    assert [(f["code"], f["text"]) for f in found] == [("N002", "三、")]
    assert "应为“四、”" in found[0]["message"]
    if path.suffix == ".txt":
        assert found[0]["line"] == 14 and found[0]["column"] == 1
    else:
        assert found[0]["location"] == "第13段"
    assert code == 1


def test_seed_000_style_on_each_ascii_bracket_heading(as_file) -> None:
    _, report = lint_json("--select", "numbering", str(as_file("000")))
    found = numbering_findings(report)
    assert {f["code"] for f in found} == {"N005"}
    assert [f["text"] for f in found] == ["(一)", "(二)", "(三)", "(四)", "(一)", "(二)", "(三)",
                                          "(一)", "(二)", "(三)", "(四)"]  # fmt: skip
    assert all(f["fix"]["replacement"] == f["text"].replace("(", "（").replace(")", "）")
               for f in found)  # fmt: skip


def test_seed_002_has_no_numbering_finding(as_file) -> None:
    code, report = lint_json("--select", "numbering", str(as_file("002")))
    assert numbering_findings(report) == []
    assert code == 0


def test_seed_002_enumerations_are_recognised(seed) -> None:
    from draftlint.numbering.outline import build_outline
    from draftlint.readers import read_path

    outline = build_outline(read_path(seed("002")))
    groups = [[item.marker.text for item in group] for group in outline.enumerations]
    assert ["一是", "二是", "三是", "四是"] in groups
    assert ["一要", "二要", "三要", "四要"] in groups
