"""S001 missing-section and S002 section-order, on the seeds and on drafts of our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.helpers.lint import (
    SEED_NAMES,
    SEEDS,
    findings_of,
    lint_json,
    seed_paragraphs,
    write_docx,
)

TOP = re.compile(r"^[一二三四五六七八九十]+、")
PROBLEMS = re.compile(r"问题|风险隐患")
NEXT = re.compile(r"下一?步|今后")


def needs_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")


def blocks(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The preamble, then each top-level section as [heading, body…]."""
    preamble: list[str] = []
    sections: list[list[str]] = []
    for line in lines:
        if TOP.match(line):
            sections.append([line])
        elif sections:
            sections[-1].append(line)
        else:
            preamble.append(line)
    return preamble, sections


def split_combined(sections: list[list[str]]) -> list[list[str]]:
    """Seed 002's 二、存在问题及下步工作计划: its first paragraph is the problems, the rest
    (一要…四要) the next steps; make two sections of it."""
    result = []
    for section in sections:
        if PROBLEMS.search(section[0]) and NEXT.search(section[0]):
            result.append(["二、存在的问题", section[1]])
            result.append(["三、下步工作计划", *section[2:]])
        else:
            result.append(section)
    return result


def without_problems(name: str) -> list[str]:
    preamble, sections = blocks(seed_paragraphs(name))
    kept = [s for s in split_combined(sections) if not PROBLEMS.search(s[0])]
    return preamble + [line for section in kept for line in section]


def swapped(name: str) -> list[str]:
    preamble, sections = blocks(seed_paragraphs(name))
    sections = split_combined(sections)
    problems = next(i for i, s in enumerate(sections) if PROBLEMS.search(s[0]))
    after = next(i for i, s in enumerate(sections) if NEXT.search(s[0]))
    sections[problems], sections[after] = sections[after], sections[problems]
    return preamble + [line for section in sections for line in section]


def write_txt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(SEED_NAMES))
def test_seeds_have_no_section_findings(name: str, seed, seed_docx) -> None:
    for path in (seed(name), seed_docx(name)):
        _code, report = lint_json("--select", "S", str(path))
        assert findings_of(report) == [], path


@pytest.mark.parametrize("name", sorted(SEED_NAMES))
def test_seed_without_problems_section_gets_one_s001(name: str, tmp_path: Path) -> None:
    needs_seeds()
    lines = without_problems(name)
    for path in (write_txt(tmp_path / "d.txt", lines), write_docx(tmp_path / "d.docx", lines)):
        _code, report = lint_json("--select", "S001", str(path))
        missing = findings_of(report, "S001")
        assert len(missing) == 1, path
        assert "存在问题" in missing[0]["message"] and "意识形态工作报告" in missing[0]["message"]
        assert missing[0]["section"] == "存在问题"
        assert "之后" in missing[0]["message"]  # where it belongs: after the work section


@pytest.mark.parametrize("name", sorted(SEED_NAMES))
def test_seed_with_next_steps_before_problems_gets_s002(name: str, tmp_path: Path) -> None:
    needs_seeds()
    path = write_txt(tmp_path / "d.txt", swapped(name))
    _code, report = lint_json("--select", "S001,S002", str(path))
    order = findings_of(report, "S002")
    assert findings_of(report, "S001") == []
    assert len(order) == 1 and order[0]["section"] == "下一步工作打算"
    assert "存在问题" in order[0]["message"]


REPORT = (
    "县农业农村局2025年意识形态工作情况报告\n"
    "一、工作开展情况\n全年组织党组理论学习中心组学习12次。\n"
    "二、存在的问题\n个别支部学习流于形式，网络阵地管理有薄弱环节。\n"
    "三、下一步工作打算\n持续加强阵地管理，完善舆情应对预案。\n"
)


def test_complete_report_is_clean(lint_text) -> None:
    assert lint_text(REPORT, select="S001,S002") == []


def test_missing_section_says_where_it_goes(lint_text) -> None:
    no_work = REPORT.replace("一、工作开展情况\n全年组织党组理论学习中心组学习12次。\n", "")
    [finding] = lint_text(no_work, select="S001")
    assert finding.args["section"] == "工作情况"
    assert "之前" in finding.message() and "二、存在的问题" in finding.message()
    no_next = REPORT.split("三、")[0]
    [finding] = lint_text(no_next, select="S001")
    assert finding.message() == (
        "缺少“下一步工作打算”部分（意识形态工作报告必备），应放在“二、存在的问题”部分之后"
    )
    assert finding.paragraph.text == "二、存在的问题"
    assert "belongs after" in finding.message("en")


def test_synonyms_satisfy_sections(lint_text) -> None:
    text = (
        "2025年意识形态工作总结\n一、主要做法和成效\n正文。\n"
        "二、问题与不足\n正文。\n三、2026年工作思路\n正文。\n"
    )
    assert lint_text(text, select="S001,S002") == []


def test_no_profile_no_section_rules(lint_text) -> None:
    text = "县政府第15次常务会议纪要\n一、出席人员\n正文。\n"
    assert lint_text(text, select="S001,S002,S006,S007") == []


def test_draft_without_headings_is_not_judged(lint_text) -> None:
    text = "2025年意识形态工作情况报告\n今年以来，我局认真落实意识形态工作责任制。\n"
    assert lint_text(text, select="S001,S002") == []


def test_order_not_flagged_for_combined_heading(lint_text) -> None:
    text = (
        "2025年意识形态工作情况报告\n一、工作开展情况\n正文。\n二、存在问题及下一步打算\n正文。\n"
    )
    assert lint_text(text, select="S001,S002") == []


def test_order_flags_work_after_problems(lint_text) -> None:
    text = (
        "2025年工作总结\n一、存在的问题\n正文。\n"
        "二、主要工作成效\n正文。\n三、下一步工作打算\n正文。\n"
    )
    [finding] = lint_text(text, select="S002")
    assert finding.args["section"] == "存在问题" and finding.args["after"] == "工作情况"
    assert finding.paragraph.text == "一、存在的问题"


QINGSHI = (
    "县文化和旅游局关于追加春节文艺演出经费的请示\n"
    "县人民政府：\n"
    "为丰富群众节日文化生活，我局拟于春节期间增加演出2场，需追加经费8万元。\n"
    "妥否，请批示。\n"
    "县文化和旅游局\n"
    "2026年1月5日\n"
    "（联系人：李明，电话：0000-1234567）\n"
)


def test_complete_qingshi_has_every_element(lint_text) -> None:
    assert lint_text(QINGSHI, select="S001,S007") == []


def test_qingshi_without_recipient_gets_s001(lint_text, tmp_path: Path) -> None:
    text = QINGSHI.replace("县人民政府：\n", "")
    [finding] = lint_text(text, select="S001")
    assert finding.args["section"] == "主送机关" and "标题之后" in finding.message()
    lines = text.splitlines()
    path = write_docx(tmp_path / "qingshi.docx", lines)
    _code, report = lint_json("--select", "S001", str(path))
    assert [f["section"] for f in findings_of(report, "S001")] == ["主送机关"]


def test_qingshi_without_signature_and_date(lint_text) -> None:
    text = QINGSHI.split("县文化和旅游局\n2026")[0]
    found = {f.args["section"] for f in lint_text(text, select="S001")}
    assert found == {"落款", "成文日期"}
