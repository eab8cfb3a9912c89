"""W003 mixed-quotes: “ ” and 「 」 in one document; straight quotes are W001's."""

from __future__ import annotations

from tests.helpers.lint import findings_of, lint_json, write_docx


def w003(findings) -> list[tuple[str, str]]:
    return [(f.text, f.fix.replacement) for f in findings if f.code == "W003"]


def test_minority_corner_quotes_are_reported(lint_text) -> None:
    draft = "会议强调“两个维护”。\n落实“第一议题”制度。\n推进「三服务」活动。\n"
    assert w003(lint_text(draft, select="W003")) == [("「", "“"), ("」", "”")]


def test_minority_curly_quotes_are_reported(lint_text) -> None:
    draft = "推进「三服务」活动。\n开展「四下基层」调研。\n落实“第一议题”制度。\n"
    assert w003(lint_text(draft, select="W003")) == [("“", "「"), ("”", "」")]


def test_tie_reports_corner_quotes(lint_text) -> None:
    draft = "落实“第一议题”制度，推进「三服务」活动。\n"
    assert w003(lint_text(draft, select="W003")) == [("「", "“"), ("」", "”")]


def test_single_corner_quotes(lint_text) -> None:
    draft = "他说：“要落实‘三个区分开来’要求。”又说：“坚持『两个毫不动摇』。”\n"
    assert w003(lint_text(draft, select="W003")) == [("『", "‘"), ("』", "’")]


def test_one_style_is_clean(lint_text) -> None:
    assert lint_text("落实“第一议题”制度，推进“三服务”活动。\n", select="W003") == []
    assert lint_text("推进「三服务」活动。\n开展「四下基层」调研。\n", select="W003") == []


def test_straight_quotes_in_chinese_text_are_w001s(lint_text) -> None:
    """Straight quotes W001 converts count as “ ”: the corner ones are the minority, and
    W003 reports no straight quote itself."""
    draft = '落实"第一议题"制度。\n推进"三服务"活动。\n开展「四下基层」调研。\n'
    findings = lint_text(draft, select="W001,W003")
    assert [(f.code, f.text) for f in findings if f.code == "W003"] == [
        ("W003", "「"),
        ("W003", "」"),
    ]
    assert [f.text for f in findings if f.code == "W001"] == ['"'] * 4
    reported = [(f.paragraph.index, f.start) for f in findings]
    assert len(reported) == len(set(reported))


def test_straight_quotes_in_english_text_are_left_alone(lint_text) -> None:
    draft = '报告援引了原文 The "smart city" plan was adopted. 与「数字政府」方案。\n'
    assert w003(lint_text(draft, select="W003")) == []
    assert [f for f in lint_text(draft, select="W001")] == []


def test_message(lint_text) -> None:
    finding = lint_text("落实“第一议题”制度，推进「三服务」活动。\n", select="W003")[0]
    assert finding.message("zh") == "引号样式与全文不一致：此处用 「，全文多用 “"


def test_seeds_have_none(seed, seed_docx) -> None:
    paths = [seed(n) for n in ("000", "001", "002")] + [seed_docx("002")]
    _, report = lint_json("--select", "W003", *map(str, paths))
    assert findings_of(report, "W003") == []


def test_real_run_across_docx_paragraphs(tmp_path) -> None:
    lines = [
        "工作报告",
        "全面落实“第一议题”制度。",
        "深入开展“四下基层”活动。",
        "推进「三服务」活动。",
    ]
    _, report = lint_json("--select", "W003", str(write_docx(tmp_path / "q.docx", lines)))
    found = findings_of(report, "W003")
    assert [(f["text"], f["fix"]["replacement"]) for f in found] == [("「", "“"), ("」", "”")]
