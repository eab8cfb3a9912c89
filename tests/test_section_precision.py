"""Section rules on real document shapes (issue 9): each false-alarm pattern measured on
published documents has a must-not-flag test here, beside the must-flag test that keeps the
rule's true findings. Every text is written for these tests (fictional 青川市, 临江县)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json
from tests.helpers.precision_docx import build_from_text

from draftlint.context import LintContext
from draftlint.model import LintOptions
from draftlint.readers import read_bytes

S_RULES = "S001,S002,S003,S004,S005,S006,S007"
REAL_SHAPES = Path(__file__).resolve().parent / "data" / "precision" / "real_shapes"


def texts(findings: list) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in findings]


def profile_of(text: str) -> str | None:
    document = read_bytes(text.encode("utf-8"), "draft.txt")
    profile = LintContext(document, LintOptions()).sections.profile
    return profile.name if profile is not None else None


# --- zero section findings on the correct drafts in real shapes ---------------------------


def test_no_section_finding_on_real_shapes_as_text() -> None:
    drafts = sorted(REAL_SHAPES.glob("*.txt"))
    assert len(drafts) == 13
    _code, report = lint_json("--select", S_RULES, *map(str, drafts))
    assert [(f["line"], f["code"], f["message"]) for f in findings_of(report)] == []


def test_no_section_finding_on_the_other_precision_drafts() -> None:
    # training_notice.txt carries 于6月14日17:00前 in a run-in heading (the colon of a time).
    drafts = [p for p in sorted(REAL_SHAPES.parent.iterdir()) if p.suffix in (".txt", ".md")]
    drafts = [p for p in drafts if p.name != "README.md"]
    assert drafts
    _code, report = lint_json("--select", S_RULES, *map(str, drafts))
    assert [(f["line"], f["code"], f["message"]) for f in findings_of(report)] == []


def test_no_section_finding_on_real_shapes_as_docx(tmp_path: Path) -> None:
    built = [build_from_text(d, tmp_path / f"{d.stem}.docx") for d in REAL_SHAPES.glob("*.txt")]
    _code, report = lint_json("--select", S_RULES, *map(str, built))
    assert [(f["line"], f["code"], f["message"]) for f in findings_of(report)] == []


# --- document type: 调查 is not 调研; unknown titles get no section rules ------------------

ACCIDENT = (
    "临江县“5·18”较大起重伤害事故调查报告\n"
    "一、事故基本情况\n事故发生在城东安置房项目工地。\n"
    "二、事故发生经过和救援情况\n5月18日9时许，塔吊吊运钢筋时吊索断裂。\n"
    "三、人员伤亡和直接经济损失\n事故造成3人死亡，直接经济损失约520万元。\n"
    "四、事故原因和性质\n经调查认定，这是一起生产安全责任事故。\n"
    "五、责任认定及处理建议\n施工单位对事故负有主体责任。\n"
    "六、防范和整改措施\n严格落实起重机械安全管理制度。\n"
)


def test_accident_report_is_not_a_survey_report(lint_text) -> None:
    assert profile_of(ACCIDENT) == "事故调查报告"
    assert lint_text(ACCIDENT, select=S_RULES) == []
    assert (
        profile_of("关于全县农村留守儿童关爱情况的调查报告\n一、基本情况\n正文。\n") == "调研报告"
    )


def test_accident_report_synonyms_satisfy_its_sections(lint_text) -> None:
    text = (
        "青川市“3·9”一般火灾事故调查报告\n"
        "一、事故单位概况\n正文。\n二、事故经过及应急处置\n正文。\n"
        "三、伤亡情况与经济损失\n正文。\n四、原因分析和事故性质\n正文。\n"
        "五、对有关责任人员的处理建议\n正文。\n六、事故防范措施\n正文。\n"
    )
    assert lint_text(text, select="S001") == []


def test_accident_report_missing_section_is_flagged(lint_text) -> None:
    text = ACCIDENT.replace("六、防范和整改措施\n严格落实起重机械安全管理制度。\n", "")
    found = lint_text(text, select="S001")
    assert [f.args["section"] for f in found] == ["防范和整改措施"]
    assert found[0].args["profile"] == "事故调查报告"


# Shaped like the mine-safety bureaus' reports: deaths and loss in the opening paragraph,
# no section of their own (第三十条 asks for the content, not a heading).
ACCIDENT_LOSS_IN_OPENING = (
    "某县某矿业有限公司“8·14”一般顶板事故调查报告\n"
    "2026年8月14日10时许，某矿业有限公司发生一起顶板事故，造成1人死亡，"
    "直接经济损失180万元。\n"
    "一、事故单位基本情况\n正文。\n二、事故发生经过及救援情况\n正文。\n"
    "三、事故原因分析\n正文。\n四、有关责任人员和单位处理意见\n正文。\n"
    "五、事故防范和整改措施\n正文。\n"
)


def test_accident_loss_given_in_the_text_satisfies_its_section(lint_text) -> None:
    assert profile_of(ACCIDENT_LOSS_IN_OPENING) == "事故调查报告"
    assert lint_text(ACCIDENT_LOSS_IN_OPENING, select="S001") == []


def test_accident_loss_nowhere_in_the_text_is_flagged(lint_text) -> None:
    text = ACCIDENT_LOSS_IN_OPENING.replace("造成1人死亡，直接经济损失180万元", "现场停产")
    found = lint_text(text, select="S001")
    assert [f.args["section"] for f in found] == ["人员伤亡和直接经济损失"]


@pytest.mark.parametrize(
    "title",
    ["县政府第15次常务会议纪要", "关于临江县城区交通组织调整情况的说明"],
)
def test_title_matching_no_profile_gets_no_section_rules(lint_text, title: str) -> None:
    text = f"{title}\n一、议题\n正文。\n（一）听取汇报：\n正文。\n"
    assert profile_of(text) is None
    assert lint_text(text, select=S_RULES) == []


def test_genres_without_required_sections_are_recognised(lint_text) -> None:
    report = "政府工作报告\n一、2025年工作回顾\n正文。\n二、2026年工作安排\n正文。\n"
    assert profile_of(report) == "政府工作报告"
    # Not taken for a 工作汇报, which would ask for 存在问题.
    assert lint_text(report, select="S001") == []
    plan = "青川市数字乡村建设三年行动实施方案（2026—2028年）\n一、总体要求\n正文。\n"
    assert profile_of(plan) == "实施方案"
    assert lint_text(plan, select="S001,S002") == []


# --- S001: the section is there, worded differently ----------------------------------------


@pytest.mark.parametrize(
    "headings",
    [
        ("一、工作上", "二、不足之处", "三、今后的工作"),
        ("一、工作方面", "二、存在不足", "三、2026年度工作计划"),
        ("一、完成情况", "二、成就与不足", "三、下一步打算"),
        ("一、工作内容和流程", "二、问题与不足", "三、今后打算"),
    ],
)
def test_sections_worded_differently_are_present(lint_text, headings: tuple[str, ...]) -> None:
    text = "2025年度个人工作总结\n" + "".join(f"{h}\n这一部分的正文。\n" for h in headings)
    assert lint_text(text, select="S001") == []


def test_section_named_by_a_line_standing_alone(lint_text) -> None:
    text = (
        "2025年度个人工作总结\n一、工作情况\n全年完成系统升级3次。\n二、存在不足\n"
        "处理问题的思路还不够开阔。\n2026年度工作计划\n1.完成数据平台迁移。\n"
    )
    assert lint_text(text, select="S001") == []


def test_section_really_missing_is_still_flagged(lint_text) -> None:
    text = "2025年度个人工作总结\n一、工作上\n正文。\n二、项目感悟\n正文。\n"
    found = lint_text(text, select="S001")
    assert [f.args["section"] for f in found] == ["存在问题", "下一步工作打算"]


def test_styled_headings_without_numbers_in_docx(tmp_path: Path) -> None:
    import docx

    def build(name: str, sections: list[str]) -> Path:
        document = docx.Document()
        document.add_paragraph("2025年度个人工作总结", style="Title")
        for heading in sections:
            document.add_paragraph(heading, style="Heading 1")
            document.add_paragraph("这一部分的正文。")
        path = tmp_path / name
        document.save(str(path))
        return path

    complete = build("complete.docx", ["工作上", "成就与不足", "今后的工作"])
    _code, report = lint_json("--select", "S001", str(complete))
    assert findings_of(report) == []
    partial = build("partial.docx", ["工作方面", "今后的工作"])
    _code, report = lint_json("--select", "S001", str(partial))
    assert [f["message"] for f in findings_of(report)] == [
        "缺少“存在问题”部分（工作总结必备），应放在“工作方面”部分之后"
    ]


# --- S001 on the elements of a 通知 / 请示 --------------------------------------------------

NOTICE = (
    "青川市人民政府办公室关于开展\n全市燃气安全专项排查整治的通知\n"
    "青政办发〔2026〕7号\n"
    "各县（区）人民政府，市政府各部门：\n"
    "为切实防范燃气安全事故，市政府决定开展专项排查整治。\n"
    "一、排查范围\n全市所有燃气经营企业和用气场所。\n"
    "二、工作要求\n各地要于6月30日前报送排查情况。\n"
    "青川市人民政府办公室\n2026年4月3日\n"
)


def test_title_over_lines_and_doc_number_before_recipient(lint_text) -> None:
    assert lint_text(NOTICE, select=S_RULES) == []
    three_lines = NOTICE.replace(
        "青川市人民政府办公室关于开展\n全市燃气安全专项排查整治的通知\n",
        "青川市人民政府办公室\n关于开展全市燃气安全\n专项排查整治的通知\n",
    )
    assert lint_text(three_lines, select=S_RULES) == []
    # 份号, 密级 and 紧急程度 may also stand before the 主送机关.
    marked = NOTICE.replace(
        "青政办发〔2026〕7号\n", "000128\n机密★1年\n特急\n青政办发〔2026〕7号\n"
    )
    assert lint_text(marked, select=S_RULES) == []


def test_missing_recipient_after_a_joined_title_is_flagged(lint_text) -> None:
    text = NOTICE.replace("各县（区）人民政府，市政府各部门：\n", "")
    found = lint_text(text, select="S001")
    assert [(f.args["section"], f.paragraph.text) for f in found] == [
        ("主送机关", "青川市人民政府办公室关于开展")
    ]


def test_missing_signature_and_date_point_at_the_end_of_the_main_text(lint_text) -> None:
    text = NOTICE.replace("青川市人民政府办公室\n2026年4月3日\n", "")
    found = lint_text(text, select="S001")
    assert [(f.args["section"], f.paragraph.text) for f in found] == [
        ("落款", "各地要于6月30日前报送排查情况。"),
        ("成文日期", "各地要于6月30日前报送排查情况。"),
    ]


def test_issuing_notice_signs_before_the_document_it_prints(lint_text) -> None:
    text = (
        "临江县人民政府关于印发《临江县\n城乡供水管理办法》的通知\n临政发〔2026〕3号\n"
        "各乡镇人民政府，县政府各部门：\n现将《临江县城乡供水管理办法》印发给你们，请认真执行。\n"
        "临江县人民政府\n2026年2月10日\n"
        "临江县城乡供水管理办法\n第一条 为加强城乡供水管理，制定本办法。\n"
        "第二条 本办法自2026年3月1日起施行。\n"
    )
    assert lint_text(text, select="S001") == []


def test_letter_to_a_person_and_long_recipient_lists(lint_text) -> None:
    letter = (
        "青川市人民政府办公室关于口岸建设建议的复函\n青政办函〔2026〕9号\n王某某委员：\n"
        "您提出的建议收悉，现答复如下。\n青川市人民政府办公室\n2026年5月6日\n"
    )
    assert lint_text(letter, select="S001") == []
    organs = "、".join(f"第{n}区人民政府" for n in range(1, 15))
    notice = NOTICE.replace("各县（区）人民政府，市政府各部门：", f"{organs}，青川军分区：")
    assert lint_text(notice, select="S001") == []


# --- S005 heading-punctuation ---------------------------------------------------------------

OPINION = "青川市人民政府关于加快推进数字乡村建设的意见\n"


def test_headings_consistently_closed_by_a_stop_are_not_flagged(lint_text) -> None:
    text = OPINION + (
        "一、总体要求\n（一）指导思想。\n坚持以人民为中心。\n（二）基本原则。\n坚持统筹推进。\n"
        "（三）主要目标。\n到2028年，数字乡村建设取得明显成效。\n"
        "（四）为什么要加快推进？\n这是补齐农业农村短板的需要。\n"
        "二、重点任务\n（一）夯实数字基础设施。\n推进千兆光网向行政村延伸。\n"
    )
    assert lint_text(text, select="S005") == []


def test_minority_form_among_headings_of_a_level_is_flagged(lint_text) -> None:
    text = OPINION + (
        "一、总体要求\n（一）指导思想。\n坚持以人民为中心。\n（二）基本原则\n坚持统筹推进。\n"
        "（三）主要目标。\n到2028年取得明显成效。\n"
    )
    found = lint_text(text, select="S005")
    assert [(f.paragraph.text, f.fix.replacement, f.args["variant"]) for f in found] == [
        ("（二）基本原则", "则。", "consistent_add")
    ]


def test_house_style_setting(lint_text) -> None:
    text = OPINION + (
        "一、总体要求\n（一）指导思想。\n坚持以人民为中心。\n（二）基本原则。\n坚持统筹推进。\n"
    )
    none = lint_text(text, select="S005", settings={"heading-punctuation": {"style": "none"}})
    assert [(f.text, f.args["variant"]) for f in none] == [("。", "standalone")] * 2
    period = {"heading-punctuation": {"style": "period"}}
    found = lint_text(text, select="S005", settings=period)  # every level closes with 。
    assert [(f.paragraph.text, f.args["variant"]) for f in found] == [("一、总体要求", "period")]
    by_level = {"heading-punctuation": {"style": {"1": "none", "2": "period"}}}
    assert lint_text(text, select="S005", settings=by_level) == []
    bare = text.replace("（一）指导思想。", "（一）指导思想")
    found = lint_text(bare, select="S005", settings=by_level)
    assert [(f.paragraph.text, f.args["variant"]) for f in found] == [("（一）指导思想", "period")]


def test_marks_never_right_on_a_heading_are_always_flagged(lint_text) -> None:
    text = "2025年度个人工作总结\n一、思想方面：\n正文。\n二、工作方面：\t\n1，完成系统升级\n" + (
        "三、存在不足；\n正文。\n"
    )
    found = lint_text(text, select="S005")
    assert [(f.paragraph.line, f.text) for f in found] == [(2, "："), (4, "："), (6, "；")]


def test_list_entries_and_provisions_are_not_run_in_headings(lint_text) -> None:
    text = ACCIDENT.replace(
        "五、责任认定及处理建议\n施工单位对事故负有主体责任。\n",
        "五、责任认定及处理建议\n"
        "1.张某某，时任项目部安全员，未履行安全检查职责，对事故负有直接责任；\n"
        "2.李某某，时任项目经理，对事故负有管理责任；\n"
        "3.家庭地址：临江县城东街道某某小区；\n"
        "10.王某某，时任施工单位法定代表人，对事故负有领导责任。\n",
    )
    assert lint_text(text, select="S005") == []
    measures = (
        "临江县人民政府关于印发《临江县城乡供水管理办法》的通知\n各乡镇人民政府：\n正文。\n"
        "临江县人民政府\n2026年2月10日\n临江县城乡供水管理办法\n"
        "第一条 为加强城乡供水管理，制定本办法。\n"
        "第二条 供水单位应当保障水质安全；发现水质异常的，应当立即报告。\n"
    )
    assert lint_text(measures, select="S005") == []


def test_one_sentence_items_among_entries_are_not_headings(lint_text) -> None:
    text = OPINION + (
        "一、会议制度\n全体会议的主要任务是：\n（一）讨论决定重大事项；\n（二）部署重要工作；\n"
        "（三）通报有关情况。\n全体会议一般每半年召开一次。\n"
        "二、各部门要按照法律规定接受监督，同时要自觉接受社会监督；对发现的问题要及时整改。\n"
        "三、各部门负责人负责本部门的工作。\n"
        "四、各部门要重视信访工作，确保渠道畅通；对群众反映的问题要认真处理。\n"
    )
    assert lint_text(text, select="S005") == []


def test_run_in_heading_still_flagged(lint_text) -> None:
    text = OPINION + (
        "一、重点任务\n（一）夯实基础设施：一是推进光网延伸，二是建设基站。\n"
        "（二）发展数字产业，培育新型业态：支持电商企业下乡。\n"
        "（三）提升基层治理水平；推广“网格+数字”模式。\n"
    )
    found = lint_text(text, select="S005")
    assert [(f.text, f.args["variant"]) for f in found] == [("：", "run_in")] * 2 + [
        ("；", "run_in")
    ]


def test_colon_of_a_time_is_not_a_sentence_end(lint_text) -> None:
    text = NOTICE.replace(
        "二、工作要求\n各地要于6月30日前报送排查情况。\n",
        "二、工作要求\n（一）请各单位高度重视，于6月14日17:00前将排查情况报市政府办公室。\n"
        "（二）请各单位指定一名联络员。\n",
    )
    assert lint_text(text, select="S005") == []


# --- S007: 发文字号 form (GB/T 9704-2012 7.2.4) --------------------------------------------


@pytest.mark.parametrize(
    ("number", "variant", "expected"),
    [
        ("青政办发[2026]7号", "doc_bracket", "〔2026〕7号"),
        ("青政办发【2026】7号", "doc_bracket", "〔2026〕7号"),
        ("青政办发（2026）7号", "doc_bracket", "〔2026〕7号"),
        ("青政办发〔2026〕第7号", "doc_serial", "〔2026〕7号"),
        ("青政办发〔2026〕07号", "doc_serial", "〔2026〕7号"),
        ("青政办发〔26〕7号", "doc_year", None),
    ],
)
def test_doc_number_form_is_flagged(
    lint_text, number: str, variant: str, expected: str | None
) -> None:
    found = lint_text(NOTICE.replace("青政办发〔2026〕7号", number), select="S007")
    assert [f.args["variant"] for f in found] == [variant]
    assert (found[0].fix.replacement if found[0].fix else None) == expected


def test_doc_number_in_the_right_form_is_not_flagged(lint_text) -> None:
    assert lint_text(NOTICE, select="S007") == []
    request = (
        "临江县应急管理局文件\n临应急〔2026〕12号　　签发人：周某某\n"
        "临江县应急管理局关于增设应急物资储备点的请示\n县人民政府：\n"
        "为提升应急保障能力，拟增设储备点一处。妥否，请批示。\n临江县应急管理局\n2026年3月2日\n"
    )
    assert profile_of(request) == "请示"
    assert lint_text(request, select=S_RULES) == []
    assert [
        f.args["variant"] for f in lint_text(request.replace("〔2026〕", "[2026]"), select="S007")
    ] == ["doc_bracket"]
    long_agency = NOTICE.replace("青政办发〔2026〕7号", "青川市政府办发明电〔2026〕128号")
    assert lint_text(long_agency, select="S007") == []


def test_dates_before_gb_t_9704_2012_keep_chinese_numerals(lint_text) -> None:
    old = NOTICE.replace("〔2026〕", "〔2004〕").replace("2026年4月3日", "二〇〇四年四月三日")
    assert lint_text(old, select="S007") == []
    new = NOTICE.replace("2026年4月3日", "二〇二六年四月三日")
    assert [f.args["variant"] for f in lint_text(new, select="S007")] == ["date_chinese"]


# --- S003: a heading that announces its count of items -------------------------------------


def test_counted_heading_is_not_an_empty_section(lint_text) -> None:
    text = NOTICE.replace(
        "一、排查范围\n全市所有燃气经营企业和用气场所。\n",
        "一、排查范围（共3项）\n二、排查方式（共2项）\n三、排查范围\n全市燃气经营企业。\n"
        "四、排查重点\n五、工作步骤\n分三个阶段推进。\n",
    ).replace("二、工作要求", "六、工作要求")
    found = lint_text(text, select="S003")
    assert [f.paragraph.text for f in found] == ["四、排查重点"]


def test_synonyms_and_whole_headings_are_profile_data(tmp_path: Path) -> None:
    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "memo.toml").write_text(
        "name = \"会议纪要\"\ntitle_patterns = ['纪要$']\n\n"
        '[[sections]]\nname = "议定事项"\nsynonyms = ["议定事项"]\nheadings = ["决定"]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "memo.txt"

    def missing(heading: str) -> list[str]:
        draft.write_text(f"县政府常务会议纪要\n{heading}\n会议同意。\n", encoding="utf-8")
        _code, report = lint_json("--select", "S001", "--profiles-dir", str(folder), str(draft))
        return [f["section"] for f in findings_of(report, "S001")]

    assert missing("一、会议的议定事项") == []  # synonym, compared without 的
    assert missing("一、决定：") == []  # the whole heading, compared without its colon
    assert missing("一、会议决定的落实") == ["议定事项"]  # a whole heading is not a substring


def test_a_typed_table_of_contents_gives_no_section_findings(tmp_path) -> None:
    draft = tmp_path / "预案.txt"
    draft.write_text(
        "某市防汛应急预案\n目  录\n1 总则\n2 组织机构\n3 附则\n"
        "1 总则\n为做好防汛工作，制定本预案。\n2 组织机构\n成立防汛指挥部。\n3 附则\n本预案自印发之日起施行。\n",
        encoding="utf-8",
    )
    _, report = lint_json("--select", "S", str(draft))
    assert findings_of(report) == []


def test_future_plans_count_as_the_next_step(tmp_path) -> None:
    draft = tmp_path / "总结.txt"
    draft.write_text(
        "2026年上半年工作总结\n一、工作完成情况\n完成各项任务。\n二、存在问题\n人手不足。\n"
        "三、未来计划\n继续推进。\n",
        encoding="utf-8",
    )
    _, report = lint_json("--select", "S001", str(draft))
    assert findings_of(report) == []


def test_bold_lines_are_the_sections_of_an_unnumbered_docx(tmp_path) -> None:
    import docx

    def draft(*sections: str) -> Path:
        document = docx.Document()
        document.add_paragraph("2026年上半年工作总结")
        for heading in sections:
            document.add_paragraph().add_run(heading).bold = True
            document.add_paragraph("这一部分的正文内容，写明具体情况。")
        path = tmp_path / f"{len(sections)}.docx"
        document.save(str(path))
        return path

    _, report = lint_json("--select", "S001", str(draft("工作完成情况", "存在问题", "下一步打算")))
    assert findings_of(report) == []
    _, report = lint_json("--select", "S001", str(draft("工作完成情况", "下一步打算")))
    assert [f["message"] for f in findings_of(report)] and all(
        "存在问题" in f["message"] for f in findings_of(report)
    )
