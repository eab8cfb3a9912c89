"""W005 nonstandard-punctuation: ellipsis, dash, decimal point and middle dot forms."""

from __future__ import annotations

import pytest
from tests.helpers.lint import findings_of, lint_json, write_docx


def w005(findings) -> list[tuple[str, str]]:
    return [(f.text, f.fix.replacement) for f in findings if f.code == "W005"]


FLAGGED = {
    "ascii ellipsis": ("涉及人员、经费、场地...等问题。", [("...", "……")]),
    "six dots": ("涉及人员、经费......等问题。", [("......", "……")]),
    "chinese stops": ("涉及人员、经费。。。等问题。", [("。。。", "……")]),
    "single ellipsis": ("涉及人员、经费…等问题。", [("…", "……")]),
    "double hyphen": ("重点任务--安全生产", [("--", "——")]),
    "spaced double hyphen": ("重点任务 -- 安全生产", [("--", "——")]),
    "box-drawing dash": ("重点任务─安全生产", [("─", "——")]),
    "full-width stop in number": ("增长3．5个百分点", [("．", ".")]),
    "chinese stop before a percentage": ("同比增长7。5%，", [("。", ".")]),
    "chinese stop before a multiple": ("规模扩大到2。5倍。", [("。", ".")]),
    "event named by its date": ("“3.29”事故调查报告", [(".", "·")]),
    "event with straight quotes": ('"11.7"重大火灾事件', [(".", "·")]),
    "katakana middle dot": ("开展学党史・感党恩活动", [("・", "·")]),
    "bullet as middle dot": ("让•雅克", [("•", "·")]),
    "inner title in less-than signs": (
        "学习《某自治区实施<中华人民共和国消防法>办法》。",
        [("<", "〈"), (">", "〉")],
    ),
    "inner title in full-width signs": (
        "《关于印发＜任务分工＞的通知》",
        [("＜", "〈"), ("＞", "〉")],
    ),
}


@pytest.mark.parametrize("name", FLAGGED)
def test_flags_nonstandard_forms(name: str, lint_text) -> None:
    text, expected = FLAGGED[name]
    assert w005(lint_text(text + "\n", select="W005")) == expected


CLEAN = {
    "standard forms": "涉及人员、经费……等问题——重点是安全，增长3.5%，学党史·感党恩。",
    "english ellipsis": "He paused and said: wait... then left.",
    "year range": "规划期为2021--2025年，时间为1月—2月。",
    "hyphenated english": "采用end-to-end加密和COVID-19防控方案。",
    "sentence end before a year": "共召开会议5次，完成率为100。2024年计划召开6次。",
    "sentence end before a date": "全年完成5。3月起实施新办法。",
    "bullet list": "• 加强学习\n• 完善制度",
    "url with dots": "详见https://www.example.cn/a...b，请查阅。",
    "long dash": "主要任务——安全生产——必须抓牢。",
    "connector between places": "推进中国—东盟自贸区建设，开通北京—上海专线。",
    "connector chain": "打通研发—验证—生产链条，推动京津冀—长三角协作。",
    "sentence opening with a number": "城乡收入比缩小至2.27。15个县实现增长。",
    "decimal in a quoted number": "增速为“3.5”个百分点。",
    "inner title in its own marks": "学习《某自治区实施〈中华人民共和国消防法〉办法》。",
    "comparison outside a title": "若a<b且c>d，则取较小值；<br>标签。",
    "one sign in a title": "《PM2.5<35微克的达标方案》",
    "signs across two titles": "《甲<乙》和《丙>丁》",
}


@pytest.mark.parametrize("name", CLEAN)
def test_leaves_alone(name: str, lint_text) -> None:
    assert w005(lint_text(CLEAN[name] + "\n", select="W005")) == []


def test_no_double_report_with_w001(lint_text) -> None:
    """An ASCII ellipsis is W005's alone: W001 never reads its dots as sentence stops."""
    findings = lint_text("涉及人员、经费...等问题.\n", select="W001,W005")
    assert [(f.code, f.text) for f in findings] == [("W005", "..."), ("W001", ".")]


def test_messages(lint_text) -> None:
    finding = lint_text("重点任务--安全生产\n", select="W005")[0]
    assert finding.message("zh") == "“--”不是标准写法，破折号应为“——”"
    assert finding.message("en") == "“--” is not the standard form; the dash is “——”"


def test_seeds_have_none(seed, seed_docx) -> None:
    paths = [seed(n) for n in ("000", "001", "002")] + [seed_docx("000")]
    _, report = lint_json("--select", "W005", *map(str, paths))
    assert findings_of(report, "W005") == []


def test_real_run_on_docx(tmp_path) -> None:
    lines = ["工作总结", "主要问题是：经费不足、人员短缺...", "下一步--全面整改。"]
    _, report = lint_json("--select", "W005", str(write_docx(tmp_path / "d.docx", lines)))
    found = findings_of(report, "W005")
    assert [(f["text"], f["fix"]["replacement"]) for f in found] == [("...", "……"), ("--", "——")]


# W005 finds the paragraphs a form matches in with one search of the joined text, where a
# pattern cannot match or tell apart the newline between paragraphs.
_W005_PIECES = [
    *'...．．。。··……--－－─“"‘”’3.29０１7５%％倍事故火灾重大，。；・‧•∙ \t\u3000文字ab\n',
    *("“3", "“12", "29”", '7"', "“3.29”", "事故", "重大火灾", "特别重大", "案件"),
    *(
        "《关于印发",
        "<任务分工>",
        "＜通知＞",
        "》",
        "<",
        "＞",
        "《印发<分工>的通知》",
    ),  # inner titles
]


def test_every_form_is_searched_over_the_joined_text() -> None:
    from draftlint.rules.nonstandard_punctuation import compiled

    # The inner-title forms too: their negated classes leave the newline out.
    assert all(form.joined_exact for form in compiled())
    assert any(form.starts for form in compiled())  # “3.29”事故 opens with lookbehinds


@pytest.mark.parametrize(
    "pattern",
    [r"a\s", r"a$", r"^a", r"[^a]", r"a(?!\s)", r"\ba", r"(?m)a", r"a\n", r"\Da",
     r"(?<=[0-9])-[\t-~]*", r"a[\x00-\x7f]", r"a(?=[^b])", r"(a)\1", r"(?s)a.", r"a\W",
     r"甲(?s:.)乙", r"a(?m:$)"],
)  # fmt: skip
def test_a_pattern_that_could_read_a_newline_is_searched_per_paragraph(pattern: str) -> None:
    import re

    from draftlint.analysis.joined import joined_search_exact as _joined_exact

    assert not _joined_exact(re.compile(pattern))


def test_the_joined_search_finds_exactly_the_paragraphs_each_search_finds() -> None:
    import random

    from draftlint.analysis.joined import Joined
    from draftlint.rules.nonstandard_punctuation import compiled

    rng = random.Random(11)
    forms = [form for form in compiled() if form.joined_exact]
    found = [0] * len(forms)
    for _ in range(300):
        texts = [
            "".join(rng.choice(_W005_PIECES) for _ in range(rng.randint(0, 12)))
            for _ in range(rng.randint(1, 30))
        ]
        joined = Joined(texts)
        for index, form in enumerate(forms):
            alone = [i for i, text in enumerate(texts) if form.pattern.search(text)]
            assert joined.positions(form.pattern, finder=form.starts) == alone, (texts, form)
            found[index] += len(alone)
    assert all(found), found  # every form matched somewhere


def test_the_forms_opening_with_a_few_characters_are_found_by_them() -> None:
    from draftlint.rules.nonstandard_punctuation import compiled

    # ... ．．．, --, the decimal point, “3.29”事故, …, the middle dot
    assert sum(form.starts is not None for form in compiled()) >= 6


@pytest.mark.parametrize(
    "pattern", [r"a[^\s]", r"《[^《》\n]{0,9}》", r"(?<=[0-9])-[a-z]+", r"a.b", r"x(?![a-z])"]
)
def test_a_pattern_that_never_reads_a_newline_is_searched_over_the_joined_text(
    pattern: str,
) -> None:
    import re

    from draftlint.analysis.joined import joined_search_exact

    assert joined_search_exact(re.compile(pattern))


def test_a_users_form_with_a_range_holding_the_newline_misses_no_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """[\\t-~] holds the newline: searched over the joined text, the match in one line ran on
    into the next and hid that line's own (rules are data: a user may write this)."""
    import tomllib

    from draftlint import resources
    from draftlint.analysis import punctuation
    from draftlint.engine import lint_document
    from draftlint.model import LintOptions
    from draftlint.readers import read_bytes
    from draftlint.registry import select_rules
    from draftlint.rules import nonstandard_punctuation

    table = tomllib.loads((resources.rules_dir() / "punctuation.toml").read_text("utf-8"))
    table["nonstandard"] = [
        {"pattern": r"(?<=[0-9])-[\t-~]*", "replacement": "－", "context": "any",
         "label": {"zh": "测试", "en": "test"}},
    ]  # fmt: skip
    monkeypatch.setattr(punctuation, "table", lambda: table)
    monkeypatch.setattr(nonstandard_punctuation, "table", lambda: table)
    nonstandard_punctuation.compiled.cache_clear()
    try:
        document = read_bytes(b"1-aaa\n2-bbb\n", "a.txt")
        findings = lint_document(document, select_rules(["W005"]), LintOptions())
    finally:
        nonstandard_punctuation.compiled.cache_clear()
    assert [f.paragraph.text for f in findings] == ["1-aaa", "2-bbb"]
