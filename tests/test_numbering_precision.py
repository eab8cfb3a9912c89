"""Issue 9: numbering findings a reviewer trusts, on the shapes of real published documents.

Each pattern measured as a false alarm gets a must-not-flag test, and beside it a must-flag
test showing the rule still catches the real defect in the same shape. The texts are written
for these tests (fictional places), in the shapes seen.
"""

from __future__ import annotations

import pytest

from draftlint.numbering.markers import Kind
from draftlint.numbering.outline import build_outline
from draftlint.readers import read_bytes


def outline_of(text: str):
    return build_outline(read_bytes(text.encode("utf-8"), "draft.txt"))


def codes(findings) -> list[tuple[str, str]]:
    return [(f.code, f.text.strip()) for f in findings]


# --- 1. GB/T 1.1 decimal section numbers (预案, 标准, 方案) ---------------------------------

EMERGENCY_PLAN = (
    "云溪区防汛应急预案\n"
    "1 总则\n"
    "1.1 编制目的\n"
    "为做好防汛工作，制定本预案。\n"
    "1.2 工作原则\n"
    "（1）人民至上，生命至上。\n"
    "（2）统一领导，分级负责。\n"
    "2 组织机构\n"
    "2.1 区防汛指挥部\n"
    "2.1.1 指挥部职责\n"
    "（1）组织指挥全区防汛工作；\n"
    "（2）决定启动和终止应急响应；\n"
    "（3）协调驻区部队参加抢险。\n"
    "2.1.2 办公室职责\n"
    "（1）承担指挥部日常工作；\n"
    "（2）组织修订本预案。\n"
    "3 保障措施\n"
    "各部门按职责做好保障。\n"
)


def test_decimal_sections_are_their_own_scheme() -> None:
    outline = outline_of(EMERGENCY_PLAN)
    sections = [h.marker.text for h in outline.headings if h.marker.kind is Kind.DECIMAL]
    assert sections == ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "3"]
    by_text = {h.paragraph.text: h for h in outline.headings}
    assert by_text["（1）组织指挥全区防汛工作；"].parent is by_text["2.1.1 指挥部职责"]
    assert all(h.problem is None for h in outline.headings)


def test_lists_under_decimal_sections_start_afresh(lint_text) -> None:
    assert lint_text(EMERGENCY_PLAN, select="numbering") == []


def test_a_real_skip_under_a_decimal_section_is_still_flagged(lint_text) -> None:
    text = EMERGENCY_PLAN.replace("（3）协调驻区部队", "（4）协调驻区部队")
    assert codes(lint_text(text, select="numbering")) == [("N001", "（4）")]


def test_a_table_of_contents_repeating_the_sections_is_not_a_repeat(lint_text) -> None:
    text = EMERGENCY_PLAN.replace("1 总则\n", "目  录\n1 总则\n2 组织机构\n3 保障措施\n1 总则\n", 1)
    assert lint_text(text, select="numbering") == []


def test_section_numbers_are_judged_in_sequence(lint_text) -> None:
    findings = lint_text("方案\n1 总则\n1.1 目的\n1.3 原则\n2 职责\n", select="numbering")
    assert [(f.code, f.text, f.extra["expected"]) for f in findings] == [("N001", "1.3", "1.2")]
    text = "1. 项目概述\n2. 项目阶段\n2.1 需求分析\n2.2 详细设计\n3. 会议安排\n5. 风险管理\n"
    findings = lint_text(text, select="numbering")
    assert [(f.code, f.text, f.extra["expected"]) for f in findings] == [("N001", "5.", "4.")]


def test_a_top_section_typed_with_a_dot_heads_its_decimal_sections(lint_text) -> None:
    text = (
        "1. 总则\n1.1 编制目的\n（1）甲\n（2）乙\n1.2 工作原则\n（1）丙\n"
        "2. 组织机构\n2.1 指挥部\n（1）丁\n（2）戊\n"
    )
    outline = outline_of(text)
    tops = [h for h in outline.headings if h.marker.text in ("1.", "2.")]
    assert [h.marker.kind for h in tops] == [Kind.DECIMAL, Kind.DECIMAL]
    assert [h.parent for h in tops] == [None, None]
    assert lint_text(text, select="numbering") == []
    # 1.乙 (no space) followed by anything but 1.1 stays a 1. of the 一、/（一）/1. levels
    assert outline_of("1.1 目的\n一、甲\n1.乙\n（1）丙\n").headings[2].marker.kind is Kind.ARABIC


def test_decimals_under_a_chinese_heading_do_not_climb_above_it(lint_text) -> None:
    text = "工作汇报\n一、总体情况\n1.1 加强领导\n1.2 完善制度\n二、存在问题\n2.1 认识不足\n"
    outline = outline_of(text)
    assert [h.marker.text for h in outline.scopes[0].roots] == ["一、", "二、"]
    assert lint_text(text, select="numbering") == []
    # after the 落款 and date, a printed 预案 may number its sections 1 / 1.1 again
    printed = (
        "关于印发预案的通知\n一、总体要求\n二、工作安排\n云溪区人民政府\n2026年5月8日\n"
        "云溪区防汛应急预案\n1 总则\n1.1 编制目的\n（1）甲\n1.2 工作原则\n（1）乙\n"
    )
    outline = outline_of(printed)
    assert [h.marker.text for h in outline.scopes[-1].roots] == ["1"]
    assert lint_text(printed, select="numbering") == []


@pytest.mark.parametrize(
    "line", ["1.5 倍于上年水平", "2.1 亿元用于改造", "1.0 版本上线", "2026 年全面完成"]
)
def test_quantities_are_not_section_numbers(line: str) -> None:
    outline = outline_of(f"方案\n1 总则\n1.1 编制目的\n{line}\n")
    assert line not in [h.paragraph.text for h in outline.headings]


def test_a_single_number_is_a_section_only_beside_dotted_ones() -> None:
    assert outline_of("甲方案\n1 总则\n2 职责\n").headings == []
    sentence = "1 本预案适用于全区范围内各类洪涝灾害的预防和应急处置工作，以及相关保障。"
    assert [h.marker.text for h in outline_of(f"1.1 目的\n{sentence}\n").headings] == ["1.1"]


# --- 2. Restart per parent section -------------------------------------------------------

SUBHEADINGS = (
    "一、保障措施\n"
    "（一）强化要素支撑。\n"
    "资金保障方面：\n"
    "1.统筹专项资金；\n"
    "2.引导金融机构加大投入。\n"
    "人才保障方面：\n"
    "1.实施培训计划；\n"
    "2.鼓励高校毕业生到基层服务。\n"
    "（二）加强督促考核。\n"
)


def test_a_list_under_an_unnumbered_subheading_restarts(lint_text) -> None:
    assert lint_text(SUBHEADINGS, select="numbering") == []
    note = "一、考核指标\n1.门诊满意度\n2.住院满意度\n注：\n1.三级医院采用全部指标。\n2.标记的指标为监测指标。\n"
    assert lint_text(note, select="numbering") == []
    bullets = (
        "一、任务\n● 基础设施\n1.建设光网；\n2.覆盖5G。\n● 产业发展\n1.培育企业；\n2.建设园区。\n"
    )
    assert lint_text(bullets, select="numbering") == []


def test_a_wrong_number_after_a_subheading_is_still_flagged(lint_text) -> None:
    text = SUBHEADINGS.replace("2.鼓励高校", "3.鼓励高校")
    assert codes(lint_text(text, select="numbering")) == [("N001", "3.")]
    text = SUBHEADINGS.replace("人才保障方面：\n1.实施", "人才保障方面：\n2.实施")
    findings = lint_text(text, select="numbering")
    assert findings and {f.line for f in findings} <= {7, 8}  # the list under 人才保障方面


def test_a_short_line_between_repeated_headings_does_not_hide_the_repeat(lint_text) -> None:
    text = "一、成绩\n二、问题\n三、打算\n综合科\n三、其他\n"
    findings = lint_text(text, select="numbering")
    assert [(f.code, f.text, f.extra["expected"]) for f in findings] == [("N002", "三、", "四、")]


def test_a_typed_repeat_without_a_subheading_is_still_flagged(lint_text) -> None:
    text = "一、保障措施\n1.统筹资金；\n2.引导投入；\n1.实施培训。\n"
    assert codes(lint_text(text, select="N002")) == [("N002", "1.")]


def test_straight_through_in_one_part_and_restarting_in_another(lint_text) -> None:
    text = (
        "一、总体要求\n（一）指导思想。\n（二）主要目标。\n二、重点任务\n（三）夯实基础。\n"
        "（四）发展产业。\n三、保障措施\n（一）加强领导。\n（二）强化考核。\n"
    )
    assert lint_text(text, select="numbering") == []


def test_word_restarting_a_list_is_not_a_repeat(tmp_path) -> None:
    from tests.helpers.lint import findings_of, lint_json
    from tests.helpers.precision_docx import build_precision_docx

    lines = ["一、保障措施", "1.统筹资金；", "2.引导投入；", "1.实施培训；", "2.鼓励服务。"]
    path = build_precision_docx(lines, tmp_path / "restart.docx")
    _, report = lint_json("--select", "numbering", str(path))
    assert findings_of(report) == []  # Word's own numbers: a 1 after others is a restart
    text = tmp_path / "restart.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, report = lint_json("--select", "numbering", str(text))
    assert [f["code"] for f in findings_of(report)] == ["N002"]  # typed: a repeat


# --- 3. A second document printed in the file opens a new scope ---------------------------

PRINTED_MEASURES = (
    "临江县人民政府关于印发《临江县项目服务办法》的通知\n"
    "各乡镇人民政府，县政府各部门：\n"
    "现将《临江县项目服务办法》印发给你们，请认真贯彻执行。\n"
    "临江县人民政府\n"
    "2026年5月12日\n"
    "（此件公开发布）\n"
    "临江县项目服务办法\n"
    "第一条 为提升服务效能，制定本办法。\n"
    "第二条 本办法适用于县级重点项目。\n"
    "第三条 本办法自2026年6月1日起施行。\n"
)


def test_main_text_ends_before_a_printed_document() -> None:
    outline = outline_of(PRINTED_MEASURES)
    assert [p.text for p in outline.main][-3:] == [
        "临江县人民政府",
        "2026年5月12日",
        "（此件公开发布）",
    ]
    assert [(s.kind, s.label) for s in outline.scopes] == [
        ("main", "正文"),
        ("document", "临江县项目服务办法"),
    ]
    assert outline.starts_scope(outline.scopes[1].start)


def test_a_spaced_title_after_a_note_below_the_date_opens_a_document() -> None:
    text = (
        "云溪区人民政府关于印发\n《云溪区政府工作规则》的通知\n各街道办事处：\n现印发给你们。\n"
        "云溪区人民政府\n二〇二六年三月二日\n（本文有删减）\n云 溪 区 政 府 工 作 规 则\n"
        "第一章 总则\n一、为规范工作，制定本规则。\n"
    )
    outline = outline_of(text)
    assert [(s.kind, s.label) for s in outline.scopes][1] == (
        "document",
        "云 溪 区 政 府 工 作 规 则",
    )
    assert outline.main[-1].text == "（本文有删减）"


TWO_RULES = (
    "关于印发两个规定的通知\n"
    "各区人民政府：\n"
    "现将两个规定印发给你们，请遵照执行。\n"
    "云溪区文化单位转制的规定\n"
    "一、关于资产处置\n"
    "（一）转制前资产由主管部门清查。\n"
    "（二）核销事业编制。\n"
    "二、关于人员安置\n"
    "（三）转制时在编人员签订劳动合同。\n"
    "云溪区支持文化企业发展的规定\n"
    "一、关于财政税收\n"
    "（一）落实税收优惠政策。\n"
    "（二）加大财政支持力度。\n"
    "二、关于投资融资\n"
    "（三）鼓励社会资本投资。\n"
)


def test_a_second_rules_title_restarts_the_numbering(lint_text) -> None:
    outline = outline_of(TWO_RULES)
    assert [s.label for s in outline.scopes] == [
        "正文",
        "云溪区支持文化企业发展的规定",
    ]
    assert lint_text(TWO_RULES, select="numbering") == []


def test_a_repeat_inside_the_second_document_is_still_flagged(lint_text) -> None:
    text = TWO_RULES.replace("二、关于投资融资", "一、关于投资融资")
    assert codes(lint_text(text, select="N002")) == [("N002", "一、")]


def test_a_plan_line_without_restarted_numbering_opens_no_scope(lint_text) -> None:
    text = "一、总体情况\n二、工作进展\n年度工作方案\n三、存在问题\n三、下一步打算\n"
    outline = outline_of(text)
    assert len(outline.scopes) == 1 and len(outline.main) == 5
    assert codes(lint_text(text, select="N002")) == [("N002", "三、")]
    assert len(outline_of("临江县项目服务办法\n第一条 总则。\n第二条 范围。\n").scopes) == 1
    # a plan title followed by a restarted 1. list is a sub-part, not a second document
    summary = "一、工作情况\n1.维护系统。\n2.开发页面。\n2027年度工作计划\n1.学习新技术。\n"
    assert len(outline_of(summary).scopes) == 1
    assert lint_text(summary, select="numbering") == []  # the list restarts under it


def test_attachments_still_open_scopes_as_before() -> None:
    outline = outline_of("一、甲\n二、乙\n附件1：名单\n一、附件甲\n二、附件乙\n")
    assert [(s.kind, s.label) for s in outline.scopes] == [
        ("main", "正文"),
        ("attachment", "附件1：名单"),
    ]
    assert len(outline.main) == 2


# --- 5. Enumerations across paragraphs ---------------------------------------------------

INLINE_FIRST = (
    "一、主要工作\n"
    "（一）着力扩大有效投资。全年实施重点项目120个，坚持把项目建设作为关键一招。一是抓项目谋划，"
    "储备项目300个。\n"
    "全年新开工项目56个，完成投资同比增长8.2%。\n"
    "二是抓要素保障，新增建设用地指标1500亩。\n"
    "三是抓服务，推行帮办代办。\n"
    "（二）坚定不移抓产业。一是培育新材料产业；二是发展数字经济。\n"
)


def test_an_inline_first_member_and_later_paragraph_members(lint_text) -> None:
    assert lint_text(INLINE_FIRST, select="N006") == []
    (first, second) = outline_of(INLINE_FIRST).enumerations
    assert [item.marker.text for item in first] == ["一是", "二是", "三是"]
    assert [item.marker.text for item in second] == ["一是", "二是"]


def test_a_skip_across_paragraphs_is_still_flagged(lint_text) -> None:
    text = INLINE_FIRST.replace("三是抓服务", "四是抓服务")
    assert codes(lint_text(text, select="N006")) == [("N006", "四是")]


def test_a_heading_closes_an_enumeration(lint_text) -> None:
    text = "一、工作\n（一）强化领导。一是健全机制。\n（二）改进方法。\n二是完善制度。\n三是强化考核。\n"
    assert codes(lint_text(text, select="N006")) == [("N006", "二是")]


# Shaped like a 政府工作报告: paragraph-opening 一是…七是 as sub-headings, and inside 七是 a
# paragraph with its own inline 一是…十是; 八是 then continues the outer list.
NESTED = (
    "三、2026年重点工作\n"
    "一是扩大内需\n全年新增投资。\n二是发展产业\n建设园区。\n三是增进民生\n"
    "今年办好十件实事：一是扩充学位；二是改造老旧小区；三是建设养老床位；四是改善供水；"
    "五是新建公路；六是增设充电桩；七是改造户厕；八是建设食堂；九是加强救助；十是便利就医。\n"
    "四是守牢安全\n排查隐患。\n"
)


def test_a_list_nested_inline_in_one_member(lint_text) -> None:
    assert lint_text(NESTED, select="N006") == []
    outer, inner = outline_of(NESTED).enumerations
    assert [item.marker.text for item in outer] == ["一是", "二是", "三是", "四是"]
    assert len(inner) == 10


@pytest.mark.parametrize(
    ("old", "new", "flagged"),
    [
        ("四是守牢安全", "五是守牢安全", "五是"),  # the outer list skips: still reported
        ("三是建设养老床位", "四是建设养老床位", "四是"),  # the nested list skips
    ],
)
def test_skips_around_a_nested_list_are_still_flagged(lint_text, old, new, flagged) -> None:
    found = codes(lint_text(NESTED.replace(old, new, 1), select="N006"))
    assert ("N006", flagged) in found


# --- 6. 1： and 1， are a marker style to report, times and numbers are not ---------------


@pytest.mark.parametrize("mark", ["：", "，", ":", ","])
def test_colon_and_comma_markers_are_reported(mark: str, lint_text) -> None:
    text = (
        f"一、项目流程\n1{mark}数据源发送原始数据\n2{mark}后台转换数据格式\n3{mark}前端生成表格\n"
    )
    findings = lint_text(text, select="N005")
    assert codes(findings) == [("N005", f"{n}{mark}") for n in (1, 2, 3)]
    assert [f.extra.get("expected") or f.fix.replacement for f in findings] == ["1.", "2.", "3."]


@pytest.mark.parametrize(
    "text",
    [
        "一、安排\n17:00前报送名单。\n18:30召开会议。\n",
        "一、比例\n1:500比例尺地形图已完成。\n1:2000比例尺正在测绘。\n",
        "一、进度\n2，3号楼主体已封顶。\n",
        "一、数据\n1，2，3\n1, 2, 3\n",
        "一、进度\n1：本段只有一处冒号序号。\n",
    ],
)
def test_times_ratios_and_numbers_are_not_markers(text: str, lint_text) -> None:
    assert lint_text(text, select="numbering") == []


# --- 7. An empty numbered paragraph ------------------------------------------------------


def docx_with_an_emptied_item(tmp_path, lines: list[str], emptied: str):
    """A .docx with Word numbering in which the paragraph ``emptied`` keeps only its number."""
    import docx
    from tests.helpers.precision_docx import build_precision_docx

    path = build_precision_docx(lines, tmp_path / "empty_item.docx")
    document = docx.Document(str(path))
    (paragraph,) = [p for p in document.paragraphs if p.text == emptied]
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    document.save(str(path))
    return path


WORK_SUMMARY = [
    "临江县数据局2025年工作总结",
    "一、主要工作情况",
    "1.完成政务云扩容。",
    "2.建成基层治理数据驾驶舱。",
    "3.上线惠企政策平台。",
    "二、存在问题",
    "数据共享的及时性还不够。",
]


def test_an_empty_automatic_item_is_flagged_once(tmp_path) -> None:
    from tests.helpers.lint import findings_of, lint_json

    path = docx_with_an_emptied_item(tmp_path, WORK_SUMMARY, "建成基层治理数据驾驶舱。")
    _, report = lint_json(str(path))  # every rule
    found = findings_of(report)
    on_it = [f for f in found if f["location"] == "第4段"]
    assert [(f["code"], f["text"], f["automatic"]) for f in on_it] == [("N008", "2.", True)]
    assert [f["code"] for f in found if f["code"].startswith("N")] == ["N008"]  # 3. is no skip


def test_a_full_automatic_list_has_no_empty_item(tmp_path) -> None:
    from tests.helpers.lint import findings_of, lint_json
    from tests.helpers.precision_docx import build_precision_docx

    path = build_precision_docx(WORK_SUMMARY, tmp_path / "full.docx")
    _, report = lint_json("--select", "N008", str(path))
    assert findings_of(report) == []


def test_a_marker_alone_between_its_siblings_is_flagged_in_text(lint_text) -> None:
    findings = lint_text("一、工作\n1.摸底\n2.\n3.建账\n", select="numbering")
    assert codes(findings) == [("N008", "2.")]
    findings = lint_text("一、工作\n（一）摸底\n（二）\n", select="N008")
    assert codes(findings) == [("N008", "（二）")]


@pytest.mark.parametrize(
    "text",
    [
        "一、考核指标\n53.门诊满意度\n定量\n（十四）\n医务人员\n满意度\n54.住院满意度\n",
        "一、数据\n2.5\n45\n0\n",
        "一、工作\n1.摸底\n3.\n",
    ],
)
def test_table_cells_and_numbers_are_not_empty_items(text: str, lint_text) -> None:
    assert lint_text(text, select="N008") == []
