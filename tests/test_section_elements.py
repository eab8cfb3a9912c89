"""S006 request-in-report and S007 element-format (请示, 通知)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json, run_lint, write_docx

REPORT = (
    "关于2025年机关食堂改造工作情况的报告\n"
    "一、工作开展情况\n改造工程已于6月完工，共投入资金42万元。\n"
    "二、存在的问题\n部分设备老化。\n"
    "三、下一步工作打算\n{plan}\n"
)


# --- S006 request-in-report ---------------------------------------------------------------


@pytest.mark.parametrize(
    "plan",
    [
        "拟增设职工书屋一处，所需经费8万元，妥否，请批示。",
        "恳请县政府批准追加设备更新经费15万元。",
        "以上事项请予批准。",
    ],
)
def test_request_in_report_is_flagged(lint_text, plan: str) -> None:
    [finding] = lint_text(REPORT.format(plan=plan), select="S006")
    assert finding.paragraph.text == plan and "请示" in finding.message()


@pytest.mark.parametrize(
    "plan",
    [
        "加强日常管理，定期征求职工意见。\n以上报告，请审阅。",
        "认真落实上级批示要求，建议进一步加大投入。",
    ],
)
def test_report_without_request_is_clean(lint_text, plan: str) -> None:
    assert lint_text(REPORT.format(plan=plan), select="S006") == []


def test_request_rule_needs_a_report(lint_text) -> None:
    qingshi = "县文旅局关于追加演出经费的请示\n县人民政府：\n拟追加经费8万元。妥否，请批示。\n"
    assert lint_text(qingshi, select="S006") == []
    notice = "关于开展安全检查的通知\n各乡镇：\n请予批准的事项另行报送。\n"
    assert lint_text(notice, select="S006") == []
    # No profile matched, but the title says it is a report.
    other = "关于机关车辆使用情况的报告\n现将有关情况报告如下。妥否，请批示。\n"
    assert [f.code for f in lint_text(other, select="S006")] == ["S006"]


# --- S007 element-format ------------------------------------------------------------------

QINGSHI = (
    "县文化和旅游局关于追加春节文艺演出经费的请示\n"
    "{recipient}\n"
    "为丰富群众节日文化生活，我局拟于春节期间增加演出2场，需追加经费8万元。\n"
    "{request}"
    "{note}"
    "县文化和旅游局\n"
    "{date}\n"
)


def qingshi(
    recipient: str = "县人民政府：",
    request: str = "妥否，请批示。\n",
    note: str = "",
    date: str = "2026年1月5日",
) -> str:
    return QINGSHI.format(recipient=recipient, request=request, note=note, date=date)


def s007(lint_text, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (f.args["variant"], f.text, f.fix.replacement if f.fix else None)
        for f in lint_text(text, select="S007")
    ]


def test_correct_qingshi_is_clean(lint_text) -> None:
    note = "附件：1.演出方案\n2.经费预算表\n"
    assert s007(lint_text, qingshi(note=note)) == []


@pytest.mark.parametrize(
    ("recipient", "expected"),
    [
        ("县人民政府:", [("recipient", ":", "：")]),
        ("县人民政府", [("recipient", "府", "府：")]),
        ("各乡镇人民政府，县直各单位，", [("recipient", "，", "：")]),
    ],
)
def test_recipient_colon(lint_text, recipient: str, expected: list) -> None:
    assert s007(lint_text, qingshi(recipient=recipient)) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026年01月05日", [("date_zero", "2026年01月05日", "2026年1月5日")]),
        ("二〇二六年一月十五日", [("date_chinese", "二〇二六年一月十五日", "2026年1月15日")]),
        (
            "二〇二五年十二月三十一日",
            [("date_chinese", "二〇二五年十二月三十一日", "2025年12月31日")],
        ),
        ("2026.1.5", [("date_form", "2026.1.5", "2026年1月5日")]),
        ("26年1月5日", [("date_year", "26年1月5日", None)]),
        ("2026年12月25日", []),
    ],
)
def test_date_format(lint_text, date: str, expected: list) -> None:
    assert s007(lint_text, qingshi(date=date)) == expected


def test_attachment_note(lint_text) -> None:
    note = "附件:1、演出方案；\n2.经费预算表。\n3.场地安全预案\n"
    assert s007(lint_text, qingshi(note=note)) == [
        ("attachment_colon", ":", "："),
        ("attachment_number", "、", "."),
        ("attachment_trailing", "；", ""),
        ("attachment_trailing", "。", ""),
    ]


def test_qingshi_must_end_with_request(lint_text) -> None:
    [finding] = lint_text(qingshi(request=""), select="S007")
    assert finding.args["variant"] == "request" and "妥否，请批示" in finding.message()
    ending = "以上请示，请予审批。\n"
    assert s007(lint_text, qingshi(request=ending)) == []


def test_notice_has_no_request_ending(lint_text) -> None:
    notice = (
        "关于召开全县宣传思想工作会议的通知\n各乡镇人民政府，县直各单位：\n"
        "经研究，决定召开全县宣传思想工作会议。现将有关事项通知如下：\n"
        "一、会议时间\n2026年3月2日上午9时。\n二、参会人员\n各单位分管负责同志。\n"
        "中共某某县委宣传部\n2026年2月26日\n"
    )
    assert lint_text(notice, select="S001,S003,S005,S007") == []


def test_elements_only_for_profiles_with_elements(lint_text) -> None:
    report = REPORT.format(plan="加强管理。") + "县机关事务中心\n2026年01月05日\n"
    assert lint_text(report, select="S007") == []


def test_element_format_on_a_real_docx(tmp_path: Path) -> None:
    text = qingshi(recipient="县人民政府:", date="2026年01月05日")
    path = write_docx(tmp_path / "qingshi.docx", text.splitlines())
    _code, report = lint_json("--select", "S007", str(path))
    assert [f["fix"]["replacement"] for f in findings_of(report, "S007")] == ["：", "2026年1月5日"]


def test_rule_page_names_each_clause() -> None:
    page = run_lint("rule", "S007").stdout
    for clause in ("7.3.2", "7.3.4", "7.3.5.1", "第十五条"):
        assert clause in page


def test_recipient_wrapped_over_two_lines(lint_text) -> None:
    text = (
        "某某县人民政府关于做好防汛工作的通知\n"
        "各乡镇人民政府，县直各部门、各直属机构，\n"
        "县属各国有企业：\n"
        "现将有关事项通知如下。\n"
        "某某县人民政府\n"
        "2025年6月1日\n"
    )
    assert [f for f in lint_text(text, select="S007,S001")] == []


def test_issuing_notice_signs_before_the_issued_document(lint_text) -> None:
    text = (
        "县人民政府办公室关于印发《专项资金管理办法》的通知\n"
        "各乡镇人民政府，县政府各部门：\n"
        "《专项资金管理办法》已经县政府常务会议审议通过，现印发给你们，请认真贯彻执行。\n"
        "县人民政府办公室\n"
        "2025年5月12日\n"
        "专项资金管理办法\n"
        "第一章　总则\n"
        "第一条　为加强专项资金管理，制定本办法。\n"
        "第二条　本办法自2025年6月1日起施行。\n"
    )
    assert [f.code for f in lint_text(text, select="S,N")] == []


def test_attachment_titled_after_a_colon_ends_the_main_text(tmp_path) -> None:
    """附件1：名称 starts the attachment, as a bare 附件1 does: the 落款 and 成文日期 before it
    are found, and the attachment's own numbering is its own."""
    draft = tmp_path / "请示.txt"
    draft.write_text(
        "关于举办春节文艺演出的请示\n县政府：\n我局拟于2月举办春节文艺演出，所需经费5万元。\n"
        "妥否，请批示。\n附件：演出方案\n某县文化广电旅游局\n2026年1月5日\n"
        "附件1：演出方案\n一、演出时间\n2月10日。\n二、演出地点\n县文化广场。\n",
        encoding="utf-8",
    )
    code, report = lint_json(str(draft))
    assert (code, findings_of(report)) == (0, [])
    broken = draft.read_text(encoding="utf-8").replace("2026年1月5日\n", "")
    draft.write_text(broken, encoding="utf-8")
    _, report = lint_json("--select", "S001", str(draft))
    assert [f["line"] for f in findings_of(report)] == [6]  # 成文日期 missing after the 落款
