"""The outline tree: levels, conventions, attachments, tolerance of odd drafts."""

from __future__ import annotations

import pytest

from draftlint.model import Document, Paragraph
from draftlint.numbering.outline import Problem, build_outline, judge_sequence
from draftlint.readers import read_bytes


def outline_of(text: str):
    return build_outline(read_bytes(text.encode("utf-8"), "draft.txt"))


def shape(headings) -> list:
    return [(h.marker.text, shape(h.children)) for h in headings]


def test_four_level_tree() -> None:
    outline = outline_of(
        "标题\n一、总体情况\n（一）组织领导\n1.健全机制\n（1）制度\n（2）落实\n2.压实责任\n"
        "（二）阵地管理\n二、存在问题\n"
    )
    assert shape(outline.scopes[0].roots) == [
        (
            "一、",
            [("（一）", [("1.", [("（1）", []), ("（2）", [])]), ("2.", [])]), ("（二）", [])],
        ),
        ("二、", []),
    ]
    assert all(h.problem is None for h in outline.headings)


def test_draft_starting_at_level_two() -> None:
    outline = outline_of("（一）组织领导\n1.健全机制\n（二）阵地管理\n")
    assert shape(outline.scopes[0].roots) == [("（一）", [("1.", [])]), ("（二）", [])]
    assert all(h.problem is None for h in outline.headings)


def test_restart_convention() -> None:
    outline = outline_of("一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n（三）d\n")
    problems = [(h.marker.text, h.problem, h.expected) for h in outline.headings if h.problem]
    assert problems == [("（三）", Problem.SKIP, 2)]


def test_continuous_convention_is_recognised() -> None:
    text = "一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n（四）d\n三、丙\n（五）e\n（七）f\n"
    outline = outline_of(text)
    assert 2 in outline.scopes[0].continuous_levels
    problems = [(h.marker.text, h.problem, h.expected) for h in outline.headings if h.problem]
    assert problems == [("（七）", Problem.SKIP, 6)]


def test_continuous_run_that_restarts_by_mistake() -> None:
    text = "一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n（四）d\n三、丙\n（五）e\n四、丁\n（五）f\n"
    outline = outline_of(text)
    problems = [(h.marker.text, h.problem, h.expected) for h in outline.headings if h.problem]
    assert problems == [("（五）", Problem.REPEAT, 6)]


def test_attachment_starts_a_new_scope() -> None:
    outline = outline_of(
        "一、甲\n二、乙\n附件1\n一、附件甲\n二、附件乙\n附件2：名单\n（一）a\n（二）b\n"
    )
    assert [len(scope.roots) for scope in outline.scopes] == [2, 2, 2]
    assert outline.scopes[1].label == "附件1"
    assert all(h.problem is None for h in outline.headings)


def test_attachment_note_is_not_an_attachment() -> None:
    outline = outline_of("一、甲\n附件：1.名单\n二、乙\n")
    assert len(outline.scopes) == 1 and all(h.problem is None for h in outline.headings)


def test_marker_followed_by_digits_fits_siblings() -> None:
    outline = outline_of("一、安排\n1.2022年底前完成摸底\n2.2023年6月前完成整改\n")
    assert [h.marker.text for h in outline.headings] == ["一、", "1.", "2."]


def test_decimal_opening_a_paragraph_is_not_a_heading() -> None:
    outline = outline_of("一、总体情况\n3.5%的增幅高于全省平均水平。\n二、问题\n")
    assert [h.marker.text for h in outline.headings] == ["一、", "二、"]


def test_bare_number_line_is_not_a_heading() -> None:
    outline = outline_of("一、数据\n2.5\n1、2\n二、问题\n")
    assert [h.marker.text for h in outline.headings] == ["一、", "二、"]


def test_numbers_past_ten() -> None:
    lines = [f"{n}、第{n}部分" for n in "一二三四五六七八九十"] + ["十一、续", "十二、续"]
    outline = outline_of("\n".join(lines))
    assert [h.marker.value for h in outline.headings] == list(range(1, 13))
    assert all(h.problem is None for h in outline.headings)


def test_enumerations_across_paragraphs() -> None:
    outline = outline_of("一、工作\n一是甲。\n二是乙。\n四是丁。\n")
    (group,) = outline.enumerations
    assert [(i.marker.text, i.problem) for i in group] == [
        ("一是", None), ("二是", None), ("四是", Problem.SKIP),
    ]  # fmt: skip


def test_lone_ordinal_is_ordinary_text() -> None:
    outline = outline_of("一、工作\n坚持第一议题制度。第一，提高认识。\n")
    assert outline.enumerations == []


def test_attachment_note_items_are_not_headings() -> None:
    outline = outline_of("一、甲\n（一）a\n附件：1.统计表\n2.预算明细表\n3.名单\n\n某某局\n")
    assert [h.marker.text for h in outline.headings] == ["一、", "（一）"]


@pytest.mark.parametrize(
    ("values", "start", "verdicts"),
    [
        ([1, 2, 3, 3], 1, [None, None, None, ("repeat", 4)]),
        ([1, 3, 4], 1, [None, ("skip", 2), None]),
        ([1, 2, 2, 3], 1, [None, None, ("repeat", 3), None]),
        ([10, 10, 12], 10, [None, ("repeat", 11), None]),
        ([1, 3, 3], 1, [None, ("skip", 2), None]),
        ([1, 1, 1], 1, [None, ("repeat", 2), ("repeat", 3)]),
        ([2, 2, 3], 1, [("start", 1), None, None]),
        ([2, 3], 1, [("start", 1), None]),
    ],
)
def test_one_typo_one_finding(values, start, verdicts) -> None:
    judged = judge_sequence(values, start)
    assert [(p.value, e) if p else None for p, e in judged] == verdicts


def test_a_typed_table_of_contents_is_not_headings() -> None:
    text = (
        "国家粮食应急预案\n目  录\n1 总则\n1.1 编制目的\n1.2 适用范围\n2 组织机构\n"
        "1 总则\n1.1 编制目的\n为有效应对粮食供求异常波动，制定本预案。\n"
        "1.2 适用范围\n本预案适用于全国。\n2 组织机构\n成立应急指挥部。\n"
    )
    outline = outline_of(text)
    assert [h.paragraph.line for h in outline.headings] == [7, 8, 10, 12]


def test_contents_need_two_entries_and_stop_at_a_sentence() -> None:
    outline = outline_of("目录\n一、总体情况\n今年以来，各项工作稳步推进。\n二、存在问题\n")
    assert [h.marker.text for h in outline.headings] == ["一、", "二、"]


def test_a_section_number_read_again_under_chinese_headings_may_be_no_marker() -> None:
    # Under 一、 a 1 总则 is not a section; read again, it is no marker at all.
    outline = outline_of("标题\n一、总体要求\n1 总则\n二、工作任务\n三、保障措施\n")
    assert [h.marker.text for h in outline.headings] == ["一、", "二、", "三、"]
    assert all(h.problem is None for h in outline.headings)


def paragraphs_outline(texts: list[str]):
    document = Document("draft.docx", "docx")
    document.paragraphs.extend(Paragraph(i, text, i + 1) for i, text in enumerate(texts))
    return build_outline(document)


def test_markers_and_regions_are_found_whatever_the_line_breaks_inside_paragraphs() -> None:
    # A Word paragraph may hold line breaks (w:br): before its marker, after a title word.
    outline = paragraphs_outline(
        ["关于印发办法的通知", "\n 一、总体要求", "二、工作任务\n", "2026年1月5日",
         "数据管理办法\n", "第一条 总则。", "第二条 施行。\n附件"]
    )  # fmt: skip
    assert [h.marker.text for h in outline.headings] == ["一、", "二、", "第一条", "第二条"]
    assert [(scope.kind, scope.label) for scope in outline.scopes] == [
        ("main", "正文"), ("document", "数据管理办法"),
    ]  # fmt: skip
    assert [p.text for p in outline.main][-1] == "2026年1月5日"


@pytest.mark.parametrize("every", [0, 1, 3, 500])  # every hint everywhere, then sparser
def test_paragraph_hints_miss_no_paragraph_the_exact_tests_would_take(every: int) -> None:
    from draftlint.analysis.joined import Joined
    from draftlint.numbering import outline as module

    shapes = ["（一）甲", " \n1. 乙", "管理办法 ", "附件1", "2026年1月5日", "目 录", "好。一是丙"]
    if every == 0:
        texts = [f"（一）目录附件{i}年。一是管理办法" for i in range(4000)]
    else:
        texts = [shapes[i // every % 7] if i % every == 0 else f"文字{i}" for i in range(4000)]
    scan = Joined(texts)
    for pattern in (
        module._HEAD_START, module._DATE_END_HINT, module._TITLE_END_HINT,
        module._CONTENTS_HINT, module._ATTACHMENT_HINT, module._CLAUSE_START,
    ):  # fmt: skip
        at_start = pattern is module._HEAD_START  # its exact tests read a paragraph's start
        found = scan.positions(pattern, at_start=at_start)
        assert found == sorted(set(found))
        ask = pattern.match if at_start else pattern.search
        exact = [i for i, text in enumerate(texts) if ask(text)]
        if at_start:  # what the hint stands for: every paragraph a marker opens
            read = module.parse_head, module.parse_bare
            assert {i for i, text in enumerate(texts) if any(r(text) for r in read)} <= set(found)
        assert found == exact, pattern.pattern  # only where the paragraph alone matches
        if every == 0 and pattern is module._DATE_END_HINT:
            continue  # these end in 办法: every paragraph ending in 日 is asked below
        assert exact, pattern.pattern
        if every == 0:
            assert found == list(range(4000))  # found one by one once most paragraphs match
    if every == 0:
        dates = Joined([f"于{i}年1月5日 \u3000" for i in range(4000)])
        assert dates.positions(module._DATE_END_HINT) == list(range(4000))
    for text in (
        "2026年1月5日",
        " 二〇二六年一月五日\u3000",
        "2026 年 1 月 5 日 ",
    ):  # the exact test
        assert module._is_date_line(text) and module._DATE_END_HINT.search(text), text
    assert not module._is_date_line("2026年1月5日前完成") and not module._is_date_line("今日")
    ends = module._last_characters(texts, module._TITLE_LAST)
    exact = [i for i, text in enumerate(texts) if text.rstrip()[-1:] in module._TITLE_ENDS]
    assert ends is not None and exact and set(exact) <= set(ends)
    assert module._last_characters([""], module._TITLE_LAST) is None


def test_the_outline_of_many_short_paragraphs_holds_no_object_per_paragraph() -> None:
    import tracemalloc

    # Word's 1M-paragraph shape: 12345号 each. The outline may hold a few pointers and
    # characters per paragraph (body lists, the joined text), never an object per paragraph.
    count = 100_000
    document = Document("draft.docx", "docx")
    document.paragraphs.extend(Paragraph(i, f"{i % 90000 + 10000}号", i + 1) for i in range(count))
    build_outline(document)  # warm: compiled patterns are not the document's
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        outline = build_outline(document)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert not outline.headings and len(outline.main) == count
    assert peak / count < 100, peak / count  # an int or a str each would be 28-80 bytes more


def test_subheading_counts_match_each_line_as_the_pattern_reads_it() -> None:
    """Only lines short once stripped are matched: the count is the one a match of every
    line gives, at the longest sub-heading shapes and with spaces around them."""
    from draftlint.numbering import outline as module

    longest = ["甲" * 28 + "：", "●" + "乙" * 28, "丙" * 20, "丁" * 29 + "：", "●" + "戊" * 29]
    texts = [f"{space}{text}{space}" for text in longest for space in ("", "  ", "\u3000\t")]
    texts += ["一、标题", "正文很长。" * 9, "", "注：", "\u3000\u3000保障措施方面：\u3000"]
    body = [Paragraph(i, text, i + 1) for i, text in enumerate(texts)]
    heads = [module.parse_head(text) for text in texts]
    expected, seen = [], 0
    for text, head in zip(texts, heads, strict=True):
        expected.append(seen)
        seen += head is None and module._SUBHEADING.match(text) is not None
    assert list(module._subheading_counts(body, heads)) == expected
    assert 0 < seen < len(texts) - 3
