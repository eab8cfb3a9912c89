"""N001–N006 on small drafts: what each must flag and what it must leave alone."""

from __future__ import annotations

import pytest


def codes(findings) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in findings]


CLEAN_DRAFTS = {
    "four levels": "标题\n一、总体情况\n（一）组织领导\n1.健全机制\n（1）制度\n（2）落实\n"
    "2.压实责任\n（二）阵地管理\n二、存在问题\n（一）认识不足\n三、下一步打算\n",
    "past ten": "\n".join(f"{n}、第{n}部分" for n in "一二三四五六七八九十")
    + "\n十一、续\n十二、续\n",
    "circled": "一、要求\n①准时\n②着装\n③纪律\n",
    "full-width dot": "一、要求\n（一）时间\n1．准时\n2．着装\n",
    "no numbering": "关于加强管理的通知\n各单位：\n现将有关事项通知如下。请遵照执行。\n",
    "enumerations": "一、工作\n（一）强化领导。一是健全机制。二是压实责任。三是加强考核。\n"
    "（二）改进方法。第一，提高认识；第二，完善制度。\n一要落实。\n二要深化。\n",
    "lone ordinals": "一、工作\n坚持第一议题制度，第一时间传达，落实第一责任人职责，"
    "奋进第二个百年。\n",
    "aspects": "一、问题\n一方面是机制不顺；另一方面是责任不实。\n",
    "continuous": "一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n（四）d\n三、丙\n（五）e\n",
    "starts at level 2": "（一）组织领导\n1.健全机制\n（二）阵地管理\n",
    "attachment": "一、甲\n二、乙\n附件1\n一、附件甲\n二、附件乙\n",
}


@pytest.mark.parametrize("name", CLEAN_DRAFTS)
def test_clean_drafts_have_no_numbering_findings(name: str, lint_text) -> None:
    assert codes(lint_text(CLEAN_DRAFTS[name], select="numbering")) == []


def test_skip(lint_text) -> None:
    findings = lint_text("一、甲\n三、丙\n", select="N001")
    assert codes(findings) == [("N001", "三、")]
    assert "二、" in findings[0].message()


def test_skip_in_brackets_and_enumerations(lint_text) -> None:
    assert codes(lint_text("一、甲\n（一）a\n（二）b\n（四）d\n", select="N001")) == [
        ("N001", "（四）")
    ]
    assert codes(lint_text("一、甲\n（一）a。一是甲。三是丙。\n", select="N006")) == [
        ("N006", "三是")
    ]


def test_repeat_names_expected_marker(lint_text) -> None:
    findings = lint_text("一、甲\n二、乙\n三、丙\n三、丁\n", select="N002")
    assert codes(findings) == [("N002", "三、")]
    assert "应为“四、”" in findings[0].message("zh")
    assert "“四、”" in findings[0].message("en")
    assert findings[0].line == 4


def test_start(lint_text) -> None:
    assert codes(lint_text("一、甲\n（二）a\n（三）b\n", select="N003")) == [("N003", "（二）")]


SKIPPED_LEVEL = {"numbering-level": {"skipped-level": True}}


def test_level_reports_climbing_back(lint_text) -> None:
    findings = lint_text("1.a\n一、甲\n（一）b\n", select="N004")
    assert codes(findings) == [("N004", "1.")]
    assert findings[0].effective_severity.value == "warning"
    findings = lint_text("一、甲\n1.a\n2.b\n（一）c\n（二）d\n", select="N004")
    assert codes(findings) == [("N004", "1.")]  # one finding for the run, not one per item
    assert "“一、”下" in findings[0].message()


def test_skipped_level_is_allowed_by_default(lint_text) -> None:
    # GB/T 9704-2012 7.3.3: the levels "可以" be used; only climbing back is wrong.
    assert lint_text("一、甲\n1.a\n2.b\n", select="N004") == []
    assert lint_text("一、甲\n（一）a\n（1）b\n", select="N004") == []


def test_skipped_level_is_an_opt_in_setting(lint_text) -> None:
    findings = lint_text("一、甲\n1.a\n2.b\n", select="N004", settings=SKIPPED_LEVEL)
    assert codes(findings) == [("N004", "1.")]
    findings = lint_text("一、甲\n（一）a\n（1）b\n", select="N004", settings=SKIPPED_LEVEL)
    assert codes(findings) == [("N004", "（1）")]


def test_level_leaves_lists_alone(lint_text) -> None:
    text = "一、检查内容\n1.责任制落实情况；\n2.现场管理情况；\n3.系统投用情况。\n"
    assert lint_text(text, select="N004", settings=SKIPPED_LEVEL) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一.总体", "一、"),
        ("一，总体", "一、"),
        ("(一)组织", "（一）"),
        ("（一)组织", "（一）"),
        ("（一）、组织", "（一）"),
        ("(1)制度", "（1）"),
        ("（1）、制度", "（1）"),
        ("1)制度", "（1）"),
    ],
)
def test_style(line: str, expected: str, lint_text) -> None:
    findings = lint_text(f"{line}\n", select="N005")
    assert [f.code for f in findings] == ["N005"]
    assert findings[0].fix is not None and findings[0].fix.replacement == expected


def test_style_arabic_dun_and_ordinal(lint_text) -> None:
    findings = lint_text("一、甲\n1、a\n2、b\n", select="N005")
    assert [f.fix.replacement for f in findings] == ["1.", "2."]  # type: ignore[union-attr]
    findings = lint_text("一、甲\n第一、提高认识。第二、完善制度。\n", select="N005")
    assert [f.text for f in findings] == ["第一、", "第二、"]


def test_style_mixed_dots_reports_minority(lint_text) -> None:
    findings = lint_text("一、甲\n1.a\n2.b\n3．c\n", select="N005")
    assert codes(findings) == [("N005", "3．")]


def test_enumeration_start_and_repeat(lint_text) -> None:
    assert codes(lint_text("一、甲\n（一）a。二是乙。三是丙。\n", select="N006")) == [
        ("N006", "二是")
    ]
    assert codes(lint_text("一、甲\n一是甲。\n二是乙。\n二是丙。\n", select="N006")) == [
        ("N006", "二是")
    ]


def test_repeat_does_not_cascade(lint_text) -> None:
    text = "一、甲\n二、乙\n二、丙\n三、丁\n四、戊\n"
    assert codes(lint_text(text, select="numbering")) == [("N002", "二、")]


@pytest.mark.parametrize(
    ("draft", "code", "marker", "expected"),
    [
        ("一、甲\n1.a\n2.b\n2.c\n", "N002", "2.", "3."),
        ("一、甲\n1.a\n3.c\n", "N001", "3.", "2."),
        ("一、甲\n2、a\n3、b\n", "N003", "2、", "1、"),
        ("一、甲\n（1）a\n（2）b\n（2）c\n", "N002", "（2）", "（3）"),
        ("一、甲\n(1)a\n(3)c\n", "N001", "(3)", "(2)"),
        ("一、甲\n①a\n②b\n②c\n", "N002", "②", "③"),
        ("一、甲\n①a\n③c\n", "N001", "③", "②"),
        ("第一章 总则\n第二章 范围\n第二章 职责\n", "N002", "第二章", "第三章"),
        ("第二章 总则\n第三章 范围\n", "N003", "第二章", "第一章"),
        ("第一部分 成绩\n第三部分 打算\n", "N001", "第三部分", "第二部分"),
    ],
)
def test_expected_marker_keeps_the_typed_form(draft, code, marker, expected, lint_text) -> None:
    findings = lint_text(draft, select=code)
    assert [(f.code, f.text.strip(), f.extra["expected"]) for f in findings] == [
        (code, marker, expected)
    ]
    assert f"“{expected}”" in findings[0].message("zh")


@pytest.mark.parametrize(
    "draft",
    [
        "说明\n注：1、坐标系统为独立坐标系统。\n2、单位均为米。\n",
        "附件1.查验区界址点坐标\n2.桥面界址点坐标\n",
    ],
)
def test_first_item_inline_in_the_lead_line(draft: str, lint_text) -> None:
    assert lint_text(draft, select="N003") == []
    assert codes(
        lint_text("说明\n注：坐标系统为独立坐标系统。\n2、单位均为米。\n", select="N003")
    ) == [("N003", "2、")]
