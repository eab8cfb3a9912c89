"""The Lark numbering grammar: what it reads as a marker, and what stays plain text."""

from __future__ import annotations

import dataclasses

import pytest

from draftlint.numbering.markers import Kind, Marker, find_clause_enumerators, parse_head


@pytest.mark.parametrize(
    ("text", "kind", "value", "marker"),
    [
        ("一、总体情况", Kind.CHINESE, 1, "一、"),
        ("十、其他", Kind.CHINESE, 10, "十、"),
        ("十一、其他", Kind.CHINESE, 11, "十一、"),
        ("二十、其他", Kind.CHINESE, 20, "二十、"),
        ("九十九、其他", Kind.CHINESE, 99, "九十九、"),
        ("一.格式错误", Kind.CHINESE, 1, "一."),
        ("一，格式错误", Kind.CHINESE, 1, "一，"),
        ("（一）组织领导", Kind.BRACKET_CHINESE, 1, "（一）"),
        ("(一)组织领导", Kind.BRACKET_CHINESE, 1, "(一)"),
        ("（十二）组织领导", Kind.BRACKET_CHINESE, 12, "（十二）"),
        ("（一）、多了顿号", Kind.BRACKET_CHINESE, 1, "（一）、"),
        ("1.健全机制", Kind.ARABIC, 1, "1."),
        ("1．健全机制", Kind.ARABIC, 1, "1．"),
        ("1、健全机制", Kind.ARABIC, 1, "1、"),
        ("12.健全机制", Kind.ARABIC, 12, "12."),
        ("（1）制度", Kind.BRACKET_ARABIC, 1, "（1）"),
        ("(3)制度", Kind.BRACKET_ARABIC, 3, "(3)"),
        ("②制度", Kind.CIRCLED, 2, "②"),
        ("⑳制度", Kind.CIRCLED, 20, "⑳"),
        ("一是健全机制", Kind.VERB, 1, "一是"),
        ("三要改进方法", Kind.VERB, 3, "三要"),
        ("第一，提高认识", Kind.ORDINAL, 1, "第一，"),
        ("第二、提高认识", Kind.ORDINAL, 2, "第二、"),
        ("其二，压实责任", Kind.QI, 2, "其二，"),
        ("一方面是由于", Kind.ASPECT, 1, "一方面"),
        ("另一方面是由于", Kind.ASPECT, 2, "另一方面"),
        ("　　二、全角空格缩进", Kind.CHINESE, 2, "二、"),
        ("1：数据源", Kind.ARABIC, 1, "1："),
        ("2，后台转换", Kind.ARABIC, 2, "2，"),
        ("1 总则", Kind.DECIMAL, 1, "1"),
        ("1.2 事故分级", Kind.DECIMAL, 2, "1.2"),
        ("2.1.3 成员单位职责", Kind.DECIMAL, 3, "2.1.3"),
        ("4.2　国家级（Ⅰ级）响应", Kind.DECIMAL, 2, "4.2"),
    ],
)
def test_markers(text: str, kind: Kind, value: int, marker: str) -> None:
    parsed = parse_head(text)
    assert parsed is not None
    assert (parsed.kind, parsed.value, parsed.text) == (kind, value, marker)
    assert text[parsed.start : parsed.end] == marker


@pytest.mark.parametrize(
    "text",
    [
        "第一责任人亲自抓",
        "第一时间学习",
        "第一议题制度",
        "第二个百年奋斗目标",
        "一定要抓好",
        "十分重要",
        "2023年第三季度",
        "1000余人次参加",
        "2.5",
        "3.5%",
        "1,000",
        "其中，组织领导方面",
        "其次是",
        "一百、不支持",
        "（一",
        "意识形态工作是党的一项极端重要工作",
        "",
    ],
)
def test_plain_text_is_not_a_marker(text: str) -> None:
    assert parse_head(text) is None


def test_brackets_and_separators_are_kept() -> None:
    mixed = parse_head("（一)混合括号")
    assert mixed is not None and (mixed.open, mixed.close) == ("（", ")")
    assert parse_head("（一）、标题").after == "、"  # type: ignore[union-attr]
    assert parse_head("一．标题").separator == "．"  # type: ignore[union-attr]


def test_digits_after_marker_are_flagged_for_the_outline() -> None:
    marker = parse_head("1.2022年底前完成")
    assert marker is not None and marker.digits_follow and marker.value == 1


def test_clause_enumerators_only_at_clause_start() -> None:
    text = (
        "（一）强化领导。一是健全机制，第一时间部署；二是压实责任！三是加强考核。第一责任人要履职。"
    )
    found = [(m.text, m.value) for m in find_clause_enumerators(text)]
    assert found == [("一是", 1), ("二是", 2), ("三是", 3)]
    assert text[found and find_clause_enumerators(text)[0].start :].startswith("一是")


@pytest.mark.parametrize(
    ("text", "marker"),
    [("（（一））", None), ("一、、", "一、"), ("(((", None), ("第十十一，", None), ("①②③", None)],
)
def test_malformed_marker_is_plain_text(text: str, marker: str | None) -> None:
    """Unreadable text is plain text; a readable marker is read up to where it ends."""
    found = parse_head(text)
    assert (found.text if found else None) == marker


@pytest.mark.parametrize(
    ("text", "level"), [("1 总则", -9), ("1.1 目的", -8), ("2.1.1 职责", -7), ("1. 总则", 3)]
)
def test_section_numbers_rank_above_every_other_level(text: str, level: int) -> None:
    marker = parse_head(text)
    assert marker is not None and marker.level == level


@pytest.mark.parametrize(
    "text",
    ["17:00前报送", "1:500比例尺", "1，2，3", "1, 2", "1.5 倍", "2.1 亿元", "2026 年", "1.0 版"],
)
def test_times_ratios_and_quantities_are_no_section_or_loose_marker(text: str) -> None:
    marker = parse_head(text)
    assert marker is None or (marker.kind is Kind.ARABIC and marker.needs_siblings)


@pytest.mark.parametrize(
    "text", ["　　一、总体情况", "  （三）、组织", "  第二章　总则", "  1.1 编制目的"]
)
def test_shifted_marker_is_the_marker_built_at_its_place(text: str) -> None:
    """``shifted`` copies every field (level and family too) rather than building anew."""
    marker = parse_head(text)
    assert marker is not None and marker.start > 0
    fields = {f.name: getattr(marker, f.name) for f in dataclasses.fields(marker) if f.init}
    built = Marker(**fields)
    assert marker == built and (marker.level, marker.family) == (built.level, built.family)
    assert marker.shifted(3) == Marker(
        **(fields | {"start": marker.start + 3, "end": marker.end + 3})
    )
    clause = find_clause_enumerators("总体向好。二是加强领导")[0]
    assert clause == Marker(Kind.VERB, 2, "二是", 5, 7, separator="是")


def test_clause_enumerators_are_read_as_the_slice_after_each_clause_mark() -> None:
    """The one regex that finds a clause start and captures its head reads what the parser
    would read in the 8 characters after the mark, wherever the run of marker characters
    ends (inside the slice, at its end, at the text's end) and with a clause start inside
    a run (一：二是)."""
    import random

    from draftlint.numbering import markers

    def by_slices(text: str) -> list[Marker]:
        found = []
        for match in markers._CLAUSE_START.finditer(text):
            marker = markers._parse(text[match.end() : match.end() + 8], "clause")
            if marker is not None:
                found.append(marker.shifted(match.end()))
        return found

    alphabet = "。；：:，一二三十是要第其另方面条章（）1 　文0"
    chance = random.Random(12)
    texts = [
        "。一是",
        "；二要加强",
        "。一二三四五六七八九十是",
        "：一：二是甲",
        "。第一，",
        "。其一",
        "？另一方面",
    ]
    texts += ["".join(chance.choices(alphabet, k=chance.randint(1, 24))) for _ in range(3000)]
    for text in texts:
        assert find_clause_enumerators(text) == by_slices(text), text


def test_kinds_holds_every_kind_as_itself() -> None:
    from draftlint.numbering.markers import Kinds

    members = {name: value for name, value in vars(Kinds).items() if not name.startswith("_")}
    assert members == dict(Kind.__members__)
    assert all(members[name] is kind for name, kind in Kind.__members__.items())
