"""Outputs for CI systems: SARIF (validated against the official schema), GitHub workflow
commands and step summary, GitLab Code Quality, JUnit XML; --output-file, --statistics,
--exit-zero and --fail-on."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from tests.helpers.lint import run_lint

from draftlint.model import Finding, Paragraph
from draftlint.registry import all_rules, find_rule
from draftlint.report import FileResult
from draftlint.report.github import render_github, step_summary
from draftlint.report.gitlab import render_gitlab
from draftlint.report.junit import render_junit

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DRAFT = "标题\n一、总体情况\n二、存在问题\n二、下一步工作\n共开展X次学习。\n"
# A message holding every character the formats must escape: % : , and a newline.
TRICKY = "50%:a,b\nc"


def tricky_results() -> list[FileResult]:
    paragraph = Paragraph(index=2, text=f"共{TRICKY}次", line=3, place="第3段")
    finding = Finding(find_rule("P001"), paragraph, 1, 1 + len(TRICKY),
                      {"variant": "blank", "text": TRICKY})  # fmt: skip
    return [FileResult("docs/a:b,c.txt", [finding]), FileResult("docs/bad.docx", error="损坏 50%")]


def test_github_golden() -> None:
    expected = (
        "::error file=docs/a%3Ab%2Cc.txt,line=3,col=2,endColumn=11,"
        "title=P001 placeholder::占位符“50%25:a,b%0Ac”未替换，请填入实际内容\n"
        "::error file=docs/bad.docx,title=draftlint::损坏 50%25\n"
    )
    assert render_github(tricky_results(), "zh") == expected


def test_github_step_summary_golden() -> None:
    expected = (
        "### draftlint\n\nChecked 2 files: 1 findings.\n\n"
        "| File | Line | Column | Rule | Severity | Message |\n"
        "|---|---|---|---|---|---|\n"
        "| docs/a:b,c.txt | 3 | 2 | P001 placeholder | error |"
        " Placeholder “50%:a,b<br>c” was never filled in |\n"
        "| docs/bad.docx | | | | error | 损坏 50% |\n\n"
    )
    assert step_summary(tricky_results(), "en") == expected


def test_gitlab_golden() -> None:
    issues = json.loads(render_gitlab(tricky_results(), "zh"))
    assert issues[0] == {
        "type": "issue",
        "description": "占位符“50%:a,b\nc”未替换，请填入实际内容",
        "check_name": "P001 placeholder",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "docs/a:b,c.txt", "lines": {"begin": 3}},
    }
    assert len(issues[0]["fingerprint"]) == 32
    assert issues[1]["severity"] == "blocker" and issues[1]["location"]["path"] == "docs/bad.docx"


def test_junit_golden() -> None:
    expected = """<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="draftlint" tests="2" failures="1" errors="1">
  <testsuite name="docs/a:b,c.txt" tests="1" failures="1" errors="0">
    <testcase name="P001 placeholder 3:2" classname="docs/a:b,c.txt">
      <failure message="占位符“50%:a,b&#10;c”未替换，请填入实际内容" type="P001">docs/a:b,c.txt:3:2: P001 error 占位符“50%:a,b
c”未替换，请填入实际内容
第3段</failure>
    </testcase>
  </testsuite>
  <testsuite name="docs/bad.docx" tests="1" failures="0" errors="1">
    <testcase name="read" classname="docs/bad.docx">
      <error message="损坏 50%" type="read-error">损坏 50%</error>
    </testcase>
  </testsuite>
</testsuites>
"""
    text = render_junit(tricky_results(), "zh")
    assert text == expected
    failure = ET.fromstring(text.split("\n", 1)[1]).find(".//failure")
    assert (
        failure is not None and failure.get("message") == "占位符“50%:a,b\nc”未替换，请填入实际内容"
    )


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    for text in ("关于某项工作的报告", "一、总体情况", "二、存在问题", "二、下一步工作"):
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=3)
    table.cell(1, 2).text = "共开展X次学习。"
    document.save(str(tmp_path / "report.docx"))
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_sarif_validates_against_the_official_schema(drafts: Path) -> None:
    result = run_lint("--format", "sarif", "report.docx", "a.txt", "missing.txt", cwd=drafts)
    assert result.returncode == 2
    log = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in all_rules()]
    n002 = next(r for r in rules if r["id"] == "N002")
    assert n002["name"] == "numbering-repeat"
    assert n002["properties"]["shortDescription-zh"] == find_rule("N002").summary["zh"]
    assert n002["properties"]["shortDescription-en"] == find_rule("N002").summary["en"]
    assert "GB/T 9704-2012" in n002["properties"]["source"]
    results = run["results"]
    for entry in results:
        assert rules[entry["ruleIndex"]]["id"] == entry["ruleId"]
        assert entry["partialFingerprints"]["draftlint/v1"]
    in_table = next(
        r for r in results
        if r["ruleId"] == "P001"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "report.docx"
    )  # fmt: skip
    location = in_table["locations"][0]
    assert location["logicalLocations"][0]["name"] == "表格1第2行第3列"
    # The paragraph ordinal in reading order: 4 body paragraphs, then the 6 cells row by row.
    assert location["physicalLocation"]["region"]["startLine"] == 10
    repeat_txt = next(
        r for r in results
        if r["ruleId"] == "N002"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    )  # fmt: skip
    assert "logicalLocations" not in repeat_txt["locations"][0]
    assert repeat_txt["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert "missing.txt" in notification["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_format_from_the_command_line_and_step_summary(drafts: Path) -> None:
    odd = drafts / "a:b,c.txt"
    odd.write_text(DRAFT, encoding="utf-8")
    summary = drafts / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = run_lint("--format", "github", odd.name, cwd=drafts,
                      env={"GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=a%3Ab%2Cc.txt,line=4,col=1,endColumn=3,title=N002")
    assert len(lines) == 2
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n### draftlint")
    assert written.count("| a:b,c.txt |") == 2


def test_gitlab_and_junit_from_the_command_line(drafts: Path) -> None:
    gitlab = run_lint("--format", "gitlab", "a.txt", cwd=drafts)
    issues = json.loads(gitlab.stdout)
    assert {i["check_name"] for i in issues} == {"N002 numbering-repeat", "P001 placeholder"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    junit = run_lint("--format", "junit", "a.txt", "report.docx", cwd=drafts)
    root = ET.fromstring(junit.stdout.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "report.docx"]
    assert len(suites[0].findall("testcase/failure")) == 2
    assert root.get("failures") == str(len(root.findall(".//failure")))


def test_output_file_is_written_for_every_format(drafts: Path) -> None:
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit"):
        target = drafts / f"out.{fmt}"
        result = run_lint("--format", fmt, "--output-file", str(target), "a.txt", cwd=drafts)
        assert result.returncode == 1, result.stderr
        assert result.stdout == ""
        content = target.read_text(encoding="utf-8")
        assert "N002" in content, fmt
    assert not list(drafts.glob(".out.*"))  # no temporary file left behind


def test_statistics(drafts: Path) -> None:
    (drafts / "b.txt").write_text(DRAFT + "三、X项\n", encoding="utf-8")
    result = run_lint("--statistics", "a.txt", "b.txt", cwd=drafts)
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["3", "P001", "placeholder"]
    assert lines[1].split("\t")[:3] == ["2", "N002", "numbering-repeat"]
    as_json = json.loads(run_lint("--statistics", "--format", "json", "a.txt", cwd=drafts).stdout)
    assert {(e["code"], e["count"]) for e in as_json} == {("N002", 1), ("P001", 1)}


def test_exit_zero_and_fail_on(drafts: Path) -> None:
    warning_only = drafts / "w.txt"
    warning_only.write_text("标题\n今天天气很好,我们去公园。\n", encoding="utf-8")
    assert run_lint("w.txt", cwd=drafts).returncode == 0
    assert run_lint("--fail-on", "warning", "w.txt", cwd=drafts).returncode == 1
    assert run_lint("--exit-zero", "a.txt", cwd=drafts).returncode == 0
    assert run_lint("--exit-zero", "a.txt", "missing.txt", cwd=drafts).returncode == 2
