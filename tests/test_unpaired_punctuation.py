"""W004 unpaired-punctuation: lone halves of paired marks, and pairs whose halves differ in width."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.lint import findings_of, lint_json, write_docx

from draftlint.rules.unpaired_punctuation import alternates, compiled


def w004(findings) -> list[tuple[str, str]]:
    return [(f.text, f.args["variant"]) for f in findings if f.code == "W004"]


FLAGGED = {
    "unclosed title mark": ("依据《中华人民共和国预算法，落实要求。", [("《", "unclosed")]),
    "unclosed bracket": ("落实“三保”要求（保工资、保运转。", [("（", "unclosed")]),
    "closer without opener": ("落实三保要求）。", [("）", "unopened")]),
    "unclosed quote": ("他强调：“要抓好落实。", [("“", "unclosed")]),
    "closing quote without opener": ("要抓好落实”。", [("”", "unopened")]),
    "quote turned the wrong way": ("落实“第一议题“制度。", [("“", "direction")]),
    "lenticular": ("【单位名称填写规范", [("【", "unclosed")]),
    "corner": ("推进「三服务活动。", [("「", "unclosed")]),
    "square halves differ": ("见[附件2］。", [("[", "width")]),
    "tortoise shell": ("〔2024〕12号文件〕", [("〕", "unopened")]),
}


@pytest.mark.parametrize("name", FLAGGED)
def test_flags_unpaired_marks(name: str, lint_text) -> None:
    text, expected = FLAGGED[name]
    assert w004(lint_text(text + "\n", select="W004")) == expected


def test_width_fix(lint_text) -> None:
    finding = lint_text("见[附件2］。\n", select="W004")[0]
    assert finding.fix is not None and finding.fix.replacement == "［"
    assert finding.message("zh") == "成对标点前后宽度不一致：[ 应为全角 ［"


CLEAN = {
    "balanced": "依据《中华人民共和国预算法》，落实“三保”要求（保工资、保运转、保基本民生）。",
    "nested": "他说：“要落实‘三个区分开来’要求（见《通知》〔2024〕12号）。”",
    "list labels": "主要措施：1）加强学习；2）完善制度；3）强化考核。",
    "apostrophe": "China’s GDP和students’ work均有提及。",
    "english brackets": "The plan (phase 2) was adopted. 已通过。",
    "emoticon": "Good :) 很好。",
}


@pytest.mark.parametrize("name", CLEAN)
def test_leaves_alone(name: str, lint_text) -> None:
    assert w004(lint_text(CLEAN[name] + "\n", select="W004")) == []


def test_quotation_over_several_paragraphs(lint_text) -> None:
    """GB/T 15834: each paragraph of a long quotation opens with “, only the last closes."""
    draft = (
        "文件指出：\n“第一，坚持党的领导。\n“第二，坚持以人民为中心。\n“第三，坚持全面深化改革。”\n"
    )
    assert w004(lint_text(draft, select="W004")) == []
    assert w004(lint_text("“第一，坚持党的领导。\n后文。\n", select="W004")) == [("“", "unclosed")]


def test_marks_w001_reports_are_not_reported_again(lint_text) -> None:
    """（…) and “…": the ASCII half is W001's; W004 counts it as its full-width form."""
    for text in ("参见（附件1)及说明。", '落实“第一议题"制度。', '落实"第一议题”制度。'):
        findings = lint_text(text + "\n", select="W001,W004")
        assert [f.code for f in findings] == ["W001"], text


def test_heading_markers_are_n005s(lint_text) -> None:
    findings = lint_text("一、总体情况\n（一)组织领导\n1）学习制度\n", select="W001,W004,N005")
    assert {f.code for f in findings} == {"N005"}


def test_seeds_have_none(seed, seed_docx) -> None:
    paths = [seed(n) for n in ("000", "001", "002")] + [seed_docx(n) for n in ("001", "002")]
    _, report = lint_json("--select", "W004", *map(str, paths))
    assert findings_of(report, "W004") == []


def test_real_run_on_docx(tmp_path) -> None:
    lines = ["关于落实《安全生产法的报告", "一、工作开展情况", "全年检查企业（单位1200家。"]
    _, report = lint_json("--select", "W004", str(write_docx(tmp_path / "p.docx", lines)))
    assert [f["text"] for f in findings_of(report, "W004")] == ["《", "（"]


@pytest.mark.parametrize(
    "text",
    [
        "国务院办公厅关于印发《政府网站集约化\n试点工作方案》的通知\n各省、自治区、直辖市人民政府：\n",
        "某市安全生产条例\n（2024年6月16日市人大常委会\n第54次会议通过）\n",
    ],
)
def test_a_pair_split_over_title_lines(text: str, lint_text) -> None:
    assert w004(lint_text(text, select="W004")) == []


def test_a_long_paragraph_keeps_its_unclosed_mark(lint_text) -> None:
    text = (
        "依据《中华人民共和国预算法和有关规定，各地要切实加强预算管理，严格执行预算，"
        "确保资金安全\n试点工作方案》的通知\n"
    )
    assert [f[1] for f in w004(lint_text(text, select="W004"))] == ["unclosed", "unopened"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="（）“”文 ", max_size=24))
def test_alternation_by_find_is_the_balanced_regex(text: str) -> None:
    """The str.find test says what the balanced regex's fullmatch says, for every pair."""
    for opening, closing, alternation in compiled().balanced:
        expected = alternation.fullmatch(text) is not None
        assert alternates(text, opening, closing) == expected, (text, opening)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet='（）()“”"《》「」文 ', max_size=12), max_size=5))
def test_fast_pass_of_a_document_is_the_fast_pass_of_every_mark(texts: list[str]) -> None:
    """Leaving out the marks a document lacks changes no paragraph's verdict."""
    data = compiled()
    every = data.fast_pass("".join(data.roles))
    assert len(every.balanced) == len(data.pairs)
    mine = data.fast_pass("\n".join(texts))
    for text in texts:
        assert mine.clean(text) == every.clean(text), text
