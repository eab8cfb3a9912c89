"""Suppression directives applied to findings (pure functions, hand-built documents),
the U001 report of directives that silenced nothing, allow lists and severity overrides."""

from __future__ import annotations

import io
import json

from draftlint.context import LintOptions
from draftlint.engine import lint_document
from draftlint.model import Severity, Suppression
from draftlint.readers import read_bytes
from draftlint.registry import find_rule, select_rules
from draftlint.report import FileResult
from draftlint.report.json_report import write_json
from draftlint.suppression import (
    UnusedSuppression,
    apply_allow,
    apply_severity,
    apply_suppressions,
    reportable_unused,
    unused_findings,
)

TEXT = "标题\n一、总体情况\n共开展X次学习，撰写心得X篇。\n二、存在问题\n二、下一步工作\n增长5%,较快。\n"


def document_and_findings():
    document = read_bytes(TEXT.encode("utf-8"), "draft.txt")
    return document, lint_document(document, select_rules(), LintOptions())


def where(findings) -> list[tuple[str, int]]:
    return [(f.code, f.paragraph.index) for f in findings]


def test_directive_silences_its_codes_on_its_paragraphs_only() -> None:
    _, findings = document_and_findings()
    assert ("P001", 2) in where(findings) and ("N002", 4) in where(findings)
    only_p001_on_2 = Suppression(first=2, last=2, codes=("P001",), line=3, origin="comment")
    result = apply_suppressions(findings, [only_p001_on_2])
    assert ("P001", 2) not in where(result.kept)
    assert ("N002", 4) in where(result.kept)  # another code, another paragraph
    assert len(result.kept) == len(findings) - 2  # both X on paragraph 2, nothing else
    assert result.unused == []


def test_directive_without_codes_silences_everything_in_its_range() -> None:
    _, findings = document_and_findings()
    block = Suppression(first=3, last=5, codes=(), line=4, origin="markdown")
    kept = apply_suppressions(findings, [block]).kept
    assert [f for f in kept if 3 <= f.paragraph.index <= 5] == []
    assert [f for f in findings if f.paragraph.index < 3] == [
        f for f in kept if f.paragraph.index < 3
    ]


def test_codes_match_by_name_case_insensitively() -> None:
    _, findings = document_and_findings()
    by_name = Suppression(first=4, last=4, codes=("Numbering-Repeat",), line=5, origin="markdown")
    assert ("N002", 4) not in where(apply_suppressions(findings, [by_name]).kept)


def test_unused_directive_is_reported_as_u001_at_its_line() -> None:
    document, findings = document_and_findings()
    stale = Suppression(first=1, last=1, codes=("P001",), line=2, origin="markdown")
    other_rule = Suppression(first=1, last=1, codes=("W003",), line=2, origin="markdown")
    used = Suppression(first=2, last=2, codes=("P001",), line=3, origin="markdown")
    result = apply_suppressions(findings, [stale, other_rule, used])
    assert result.unused == [stale, other_rule]
    # W003 did not run: a directive for it had no chance to be used.
    ran = select_rules(["P001"])
    assert reportable_unused(result.unused, ran) == [stale]
    (u001,) = unused_findings(document, [stale])
    assert (u001.code, u001.line, u001.message("en")) == (
        "U001", 2, "suppression (P001) silenced nothing; remove it"
    )  # fmt: skip
    assert u001.effective_severity is Severity.WARNING and u001.rule is UnusedSuppression
    buffer = io.StringIO()
    write_json([FileResult("draft.txt", [u001])], "zh", buffer)
    entry = json.loads(buffer.getvalue())["files"][0]["findings"][0]
    assert (entry["code"], entry["rule"], entry["line"]) == ("U001", "unused-suppression", 2)


def test_allow_drops_only_findings_inside_an_allowed_text() -> None:
    _, findings = document_and_findings()
    p001 = [f for f in findings if f.code == "P001"]
    assert [f.paragraph.text[f.start : f.end + 1] for f in p001] == ["X次", "X篇"]
    kept = apply_allow(findings, {"P001": ["X次"]})
    assert [f.paragraph.text[f.start : f.end + 1] for f in kept if f.code == "P001"] == ["X篇"]
    assert len(kept) == len(findings) - 1
    assert apply_allow(findings, {"N002": ["X次"]}) == findings  # another rule's list


def test_severity_override() -> None:
    _, findings = document_and_findings()
    apply_severity(findings, {"N002": Severity.INFO})
    assert {f.effective_severity for f in findings if f.code == "N002"} == {Severity.INFO}
    assert {f.effective_severity for f in findings if f.code == "P001"} == {Severity.ERROR}
    assert find_rule("N002").severity is Severity.ERROR  # the rule itself is unchanged


def test_check_command_applies_directives_and_reports_unused(monkeypatch, tmp_path) -> None:
    """The `check` path end to end, in-process: the reader's directives (stubbed here, as
    the readers fill Document.suppressions) silence findings; unused ones become U001."""
    from draftlint import lint_run
    from draftlint.effective import Flags
    from draftlint.files import Target

    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    real_read = lint_run.read_bytes

    def read_with_directives(data: bytes, name: str):
        document = real_read(data, name)
        document.suppressions = [
            Suppression(first=2, last=2, codes=("P001",), line=3, origin="markdown"),
            Suppression(first=1, last=1, codes=("N002",), line=2, origin="markdown"),
        ]
        return document

    monkeypatch.setattr(lint_run, "read_bytes", read_with_directives)
    for report_unused, expect_u001 in ((False, []), (True, [2])):
        run = lint_run.Run(Flags(), "zh", None, 1 << 20, None, report_unused)
        result = run.lint(Target(str(draft), draft))
        assert not [f for f in result.findings if f.code == "P001"]
        assert [f.line for f in result.findings if f.code == "N002"] == [5]
        assert [f.line for f in result.findings if f.code == "U001"] == expect_u001


def test_word_comment_ignore_p001_silences_that_paragraph_only(tmp_path) -> None:
    """Issue 11's acceptance, end to end through `lint`. The .docx reader fills
    Document.suppressions from comments (built in parallel); until it does, this skips."""
    import docx
    import pytest
    from tests.helpers.lint import findings_of, lint_json

    document = docx.Document()
    document.add_paragraph("学习心得")
    commented = document.add_paragraph("共开展X次学习,效果好。")  # P001 and W001
    document.add_paragraph("撰写心得X篇。")
    document.add_comment(commented.runs, text="draftlint: ignore P001", author="审稿人")
    path = tmp_path / "心得.docx"
    document.save(str(path))
    if not read_bytes(path.read_bytes(), str(path)).suppressions:
        pytest.skip("the .docx reader does not read draftlint comments yet")
    code, report = lint_json(str(path))
    assert code == 1 and [f["line"] for f in findings_of(report, "P001")] == [3]
    assert [f["line"] for f in findings_of(report, "W001")] == [2]  # other codes stay
    _, report = lint_json("--report-unused-suppressions", str(path))
    assert not findings_of(report, "U001")


def test_markdown_directives_end_to_end(tmp_path) -> None:
    """Through `lint`, once the Markdown reader fills Document.suppressions (else skips)."""
    import pytest
    from tests.helpers.lint import findings_of, lint_json

    path = tmp_path / "draft.md"
    path.write_text(
        "# 学习心得\n\n<!-- draftlint-disable-next-line P001 -->\n共开展X次学习。\n\n"
        "撰写心得X篇。\n\n<!-- draftlint-disable-next-line N002 -->\n没有问题的一段。\n",
        encoding="utf-8",
    )
    if not read_bytes(path.read_bytes(), str(path)).suppressions:
        pytest.skip("the Markdown reader does not read draftlint directives yet")
    _, report = lint_json(str(path))
    assert [f["line"] for f in findings_of(report, "P001")] == [6]
    _, report = lint_json("--report-unused-suppressions", str(path))
    assert [f["line"] for f in findings_of(report, "U001")] == [8]
