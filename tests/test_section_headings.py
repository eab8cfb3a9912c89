"""S003 empty-section, S004 duplicate-heading, S005 heading-punctuation."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.lint import findings_of, lint_json, write_docx

HEAD = "县司法局2025年上半年意识形态工作情况报告\n"


def codes(findings: list) -> list[tuple[str, str]]:
    return [(f.code, f.paragraph.text) for f in findings]


# --- S003 empty-section -------------------------------------------------------------------


def test_empty_section_before_sibling_and_higher_heading(lint_text) -> None:
    text = HEAD + (
        "一、工作开展情况\n（一）压实工作责任\n（二）加强阵地管理\n严格落实信息发布三审制度。\n"
        "（三）做好舆情处置\n二、存在的问题\n个别干部重视不够。\n三、下一步工作打算\n"
    )
    found = lint_text(text, select="S003")
    assert [f.paragraph.text for f in found] == [
        "（一）压实工作责任",
        "（三）做好舆情处置",
        "三、下一步工作打算",
    ]
    assert found[-1].args["variant"] == "end" and "结束" in found[-1].message()


def test_run_in_headings_are_not_empty(lint_text) -> None:
    text = HEAD + (
        "一、工作开展情况\n"
        "（一）压实工作责任，强化组织领导。一是调整领导小组，二是细化责任清单。\n"
        "（二）加强阵地管理。严格落实信息发布三审制度。\n"
        "二、存在的问题\n个别干部重视不够。\n"
    )
    assert lint_text(text, select="S003") == []


def test_items_and_lists_are_not_empty_sections(lint_text) -> None:
    text = HEAD + (
        "一、主要成效\n（一）全年开展理论宣讲26场。\n（二）发布原创稿件140余篇。\n"
        "二、参加人员\n1.局党组书记\n2.分管副局长\n3.办公室主任\n"
        "三、有关要求\n正文。\n"
    )
    assert lint_text(text, select="S003") == []


def test_heading_with_children_is_not_empty(lint_text) -> None:
    text = HEAD + "一、工作开展情况\n（一）压实责任\n细化责任清单。\n二、存在的问题\n正文。\n"
    assert lint_text(text, select="S003") == []


# --- S004 duplicate-heading ---------------------------------------------------------------


def test_duplicate_sibling_headings(lint_text) -> None:
    text = HEAD + (
        "一、工作开展情况\n（一）加强理论学习\n正文。\n（二）加强理论学习。\n正文。\n"
        "（三）加强阵地建设。严格落实审核制度。\n（四）加强阵地建设。开展专项检查。\n"
    )
    found = lint_text(text, select="S004")
    assert [f.text for f in found] == ["加强理论学习", "加强阵地建设"]
    assert "第3行" in found[0].message()


def test_same_heading_under_different_parents_is_fine(lint_text) -> None:
    text = HEAD + (
        "一、存在的问题\n（一）组织领导方面\n正文。\n（二）阵地管理方面\n正文。\n"
        "二、下一步工作打算\n（一）组织领导方面\n正文。\n（二）阵地管理方面\n正文。\n"
    )
    assert lint_text(text, select="S004") == []


def test_similar_run_in_headings_are_not_duplicates(lint_text) -> None:
    text = HEAD + (
        "一、下一步工作打算\n（一）巩固壮大主流思想舆论。深入宣传。\n"
        "（二）巩固壮大主流思想舆论阵地。加强建设。\n"
    )
    assert lint_text(text, select="S004") == []


# --- S005 heading-punctuation -------------------------------------------------------------


def test_standalone_heading_with_trailing_punctuation(lint_text) -> None:
    text = HEAD + (
        "一、工作开展情况：\n上半年组织专题学习6次。\n"
        "（一）压实工作责任。\n细化责任清单。\n（二）加强阵地管理，\n落实三审制度。\n"
        "（三）做好舆情处置\n建立舆情日报制度。\n（四）抓好队伍建设\n开展轮训。\n"
    )
    found = lint_text(text, select="S005")
    # ： and ， never close a heading; the one 。 is the minority among the （一）–（四）.
    assert [(f.text, f.fix.replacement) for f in found] == [("：", ""), ("。", ""), ("，", "")]
    assert [f.args["variant"] for f in found] == ["standalone", "consistent_drop", "standalone"]


def test_run_in_heading_closed_wrongly(lint_text) -> None:
    text = HEAD + (
        "一、工作开展情况\n"
        "（一）压实工作责任：一是调整领导小组，二是细化责任清单。\n"
        "（二）加强阵地管理，守牢宣传阵地：严格落实信息发布三审制度。\n"
        "（三）做好舆情处置工作；建立舆情日报制度。\n"
    )
    found = lint_text(text, select="S005")
    assert [(f.text, f.fix.replacement) for f in found] == [
        ("：", "。"),
        ("：", "。"),
        ("；", "。"),
    ]
    assert all(f.args["variant"] == "run_in" for f in found)


def test_heading_punctuation_leaves_alone(lint_text) -> None:
    text = HEAD + (
        "一、工作开展情况\n上半年组织专题学习6次。\n"
        "（一）压实工作责任，强化组织领导。一是调整领导小组。\n"  # run-in, closed with 。
        "（二）会议时间：2026年3月2日。\n"  # a label, not a heading
        "（三）意识形态工作为什么要抓在日常？\n正文。\n"  # a question may end a heading
        "（四）全年开展理论宣讲26场。\n"  # a one-sentence item with no body
        "（五）加强阵地管理\n1.健全制度。\n落实三审制度。\n"  # level 3 is not checked
        "（六）主要做法：我局始终坚持正确导向。\n"  # short heading + colon + plain body
    )
    assert lint_text(text, select="S005") == []


def test_heading_rules_on_a_real_docx(tmp_path: Path) -> None:
    lines = (
        HEAD + "一、工作开展情况：\n正文。\n（一）压实责任\n（二）压实责任\n正文。\n"
    ).splitlines()
    path = write_docx(tmp_path / "draft.docx", lines)
    _code, report = lint_json("--select", "S003,S004,S005", str(path))
    assert sorted(f["code"] for f in findings_of(report)) == ["S003", "S004", "S005"]
