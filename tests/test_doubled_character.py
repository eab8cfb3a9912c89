"""C001 doubled-character: accidental doubles flagged, reduplication and word seams left alone."""

from __future__ import annotations

import pytest
from tests.helpers.lint import findings_of, lint_json, write_docx

from draftlint.model import FixSafety


def doubles(lint_text, text: str) -> list[str]:
    return [f.text for f in lint_text(text, select="C001")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二是是部分同志学习不够主动。", ["是是"]),
        ("加强对新媒体的的管理。", ["的的"]),
        ("会议研究了了三个事项。", ["了了"]),
        ("在在全县范围内开展排查。", ["在在"]),
        ("我们们要进一步提高认识。", ["们们"]),
        ("把这这项工作抓实抓细。", ["这这"]),
        ("及时总结经验，，推广做法。", ["，，"]),
        ("教育、、卫生等部门参加。", ["、、"]),
        ("一是是加强领导；二是健全机制；三是是压实责任。", ["是是", "是是"]),
    ],
)
def test_flags_accidental_doubles(lint_text, text: str, expected: list[str]) -> None:
    assert doubles(lint_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "矛盾纠纷常常排查、天天研判，人人尽责、人人享有。",
        "下去走走、看看、听听。谢谢大家。",
        "对问题一一登记，做到项项有着落，年年考核，村村通公路。",
        "对是是非非的问题态度不鲜明。",
        "的的确确把工作做得明明白白、扎扎实实，方方面面都要考虑到。",
        "深入学习习近平新时代中国特色社会主义思想。",
        "加强工作作风建设，发展人民民主。",
        "方案的目的的实现关键在于资金。",
        "为了了解基层情况，县领导深入一线。",
        "但是是否可行还需论证。",
        "对群众反映的问题不能不了了之。",
        "即将将一批项目引进落地，群众参与与支持度高。",
        "现在在线办理的事项越来越多。",
        "以“钉钉子”精神抓落实，远远不够。",
        "会议时间为10:30，全文共两页……",
    ],
)
def test_leaves_alone(lint_text, text: str) -> None:
    assert doubles(lint_text, text) == []


def test_message_names_what_to_delete_and_fix_keeps_one(lint_text) -> None:
    (finding,) = lint_text("二是是部分同志学习不够主动。", select="C001")
    assert (finding.start, finding.end) == (1, 3)
    assert finding.fix is not None and finding.fix.replacement == "是"
    assert finding.fix.safety is FixSafety.REVIEW
    assert "删去一个" in finding.message("zh") and "“是”" in finding.message("zh")
    assert "delete one" in finding.message("en")


@pytest.fixture(params=["txt", "docx"])
def as_file(request, seed, seed_docx):
    return seed if request.param == "txt" else seed_docx


def test_seed_001_exactly_one(as_file) -> None:
    _, report = lint_json("--select", "C001", str(as_file("001")))
    found = findings_of(report, "C001")
    assert [(f["text"], f["fix"]["replacement"]) for f in found] == [("是是", "是")]


@pytest.mark.parametrize("name", ["000", "002"])
def test_other_seeds_have_none(as_file, name: str) -> None:
    _, report = lint_json("--select", "C001", str(as_file(name)))
    assert findings_of(report, "C001") == []


def test_real_docx(tmp_path) -> None:
    path = write_docx(
        tmp_path / "d.docx", ["一、总体情况", "我们坚持常常抓、天天抓，的的落实到位。"]
    )
    code, report = lint_json("--select", "C001", str(path))
    assert [(f["text"], f["location"]) for f in findings_of(report)] == [("的的", "第2段")]
    assert code == 1


def test_doubled_full_stop_but_not_an_ellipsis_attempt(lint_text) -> None:
    found = lint_text("标题\n会议强调了重点。。下一步工作。\n他说好的。。。\n", select="C001")
    assert [(f.line, f.text) for f in found] == [(2, "。。")]


def test_doubled_full_stop_exactly_two_at_either_end_of_a_paragraph(lint_text) -> None:
    draft = "标题\n。。开头\n结尾。。\n四个。。。。\n。。。\n之后。。，。。"
    found = lint_text(draft, select="C001")
    assert [(f.line, f.start) for f in found] == [(2, 0), (3, 2), (6, 2), (6, 5)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("优化审批流程流程，提高效率。", "流程"),
        ("由张伟张伟同志负责。", "张伟"),
        ("坚持实事求是实事求是。", "实事求是"),
    ],
)
def test_flags_a_doubled_word(text: str, word: str, lint_text) -> None:
    findings = lint_text(text + "\n", select="C001")
    assert [(f.text, f.fix.replacement) for f in findings] == [(word * 2, word)]
    assert f"“{word * 2}”" in findings[0].message()


@pytest.mark.parametrize(
    "text",
    [
        "这件事大家研究研究再定。",
        "请各组讨论讨论。",
        "一步一步推进，一天一天见效。",
        "哈哈哈哈",
        "常常看看，人人参与。",
    ],
)
def test_leaves_meant_reduplication(text: str, lint_text) -> None:
    assert lint_text(text + "\n", select="C001") == []


def test_words_meeting_are_not_a_doubled_word(lint_text) -> None:
    """就业|创业|创新 reads 业创业创 across three words."""
    assert lint_text("支持就业创业创新，推动产业产品升级。\n", select="C001") == []


def test_the_xor_prefilter_finds_what_the_plain_search_finds() -> None:
    """scan and doubled_words with the repeats found by XOR (and the length-1 runs of
    characters the pattern does not watch left out) give what the plain regex passes give."""
    import random

    from draftlint.analysis.joined import Joined
    from draftlint.rules.doubled_character import _repeat_starts, doubled_words, scan

    pieces = ["的", "是", "了", "，", "。", "0", "牢", "流程", "工作", "是是非非", "目的", "\n"]
    rng = random.Random(3)
    found = 0
    for _ in range(2000):
        texts = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))).split("\n")
        joined = Joined(texts)
        repeats = _repeat_starts(joined.text)
        assert repeats is not None
        assert list(scan(joined, repeats)) == list(scan(joined, None)), texts
        assert list(doubled_words(joined, repeats)) == list(doubled_words(joined, None))
        found += len(list(scan(joined, None)))
    assert found > 300
