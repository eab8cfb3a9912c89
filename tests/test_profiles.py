"""Profiles: loading (bundled, repository, --profiles-dir), title detection, choice, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json, run_lint, write_docx

from draftlint.context import LintContext, LintOptions
from draftlint.profiles import load_profiles, profile_dirs
from draftlint.readers import read_bytes, read_path
from draftlint.resources import DataError

BUNDLED = ("意识形态工作报告", "工作总结", "工作汇报", "述职报告", "自查报告", "整改报告",
           "调研报告", "请示", "通知")  # fmt: skip


def analysis_of(text: str, **options: str):
    document = read_bytes(text.encode("utf-8"), "draft.txt")
    return LintContext(document, LintOptions(**options)).sections


def profile_of(text: str, **options: str) -> str | None:
    profile = analysis_of(text, **options).profile
    return profile.name if profile else None


def test_bundled_profiles_load() -> None:
    profiles = {p.name: p for p in load_profiles(profile_dirs(None, None))}
    assert set(BUNDLED) <= set(profiles)
    for name in BUNDLED:
        assert profiles[name].title_patterns and profiles[name].source == "bundled"
    for name in ("请示", "通知"):
        required = {e.name for e in profiles[name].elements if e.required}
        assert required == {"标题", "主送机关", "正文", "落款", "成文日期"}
    report = profiles["意识形态工作报告"]
    assert [s.name for s in report.required_sections] == ["工作情况", "存在问题", "下一步工作打算"]
    assert report.order[:3] == ("工作情况", "存在问题", "下一步工作打算")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2025年上半年意识形态工作情况报告", "意识形态工作报告"),
        ("关于2025年第一季度意识形态领域风险分析研判的报告", "意识形态工作报告"),
        ("县教育局2025年工作总结", "工作总结"),
        ("关于2025年安全生产工作情况的汇报", "工作汇报"),
        ("2025年度个人述职述廉报告", "述职报告"),
        ("关于财经纪律执行情况的自查报告", "自查报告"),
        ("关于巡察反馈意见整改落实情况的报告", "整改报告"),
        ("关于全县农村养老服务的调研报告", "调研报告"),
        ("县文旅局关于追加节庆活动经费的请示", "请示"),
        ("关于报送2025年意识形态工作自查报告的通知", "通知"),
        ("关于张三同志任职的决定", "决定"),
        # 调查 of an accident is not 调研: its own profile, never 调研报告.
        ("临江县“3·29”较大建筑施工坍塌事故调查报告", "事故调查报告"),
        ("关于某化工厂“5·12”中毒窒息事件的调查处理报告", "事故调查报告"),
        ("关于全县农村留守儿童情况的调查报告", "调研报告"),
        ("政府工作报告", "政府工作报告"),
        ("青川市推进产业园建设三年行动实施方案（2026—2028年）", "实施方案"),
        ("青川市人民政府关于加快推进数字乡村建设的意见", "意见"),
        ("青川市人民政府办公室关于商请支持口岸建设的函", "函"),
        ("青川市安全生产委员会关于一起较大事故的通报", "通报"),
        # A genre without a profile gets no section rules.
        ("县政府第15次常务会议纪要", None),
        ("关于张三同志任职情况的说明", None),
        # 述职 must close the title: a 汇报 about 述职评议 is a 工作汇报.
        ("关于2025年度述职评议情况的汇报", "工作汇报"),
    ],
)
def test_profile_chosen_from_title(title: str, expected: str | None) -> None:
    assert profile_of(f"{title}\n一、基本情况\n正文内容。\n") == expected


def test_title_skips_web_residue_and_document_header() -> None:
    text = (
        "WENMI88.COM —— 专注公文范文\n"
        "xx 分享 时间: 加入收藏 预计阅读时长5分钟。\n"
        "县文旅局关于举办春节文艺演出的请示\n县人民政府：\n正文。\n"
    )
    analysis = analysis_of(text)
    assert analysis.title is not None and analysis.title.text.startswith("县文旅局")
    assert profile_of("县文化和旅游局文件\n县文旅发〔2025〕3号\n关于举办演出的请示\n") == "请示"


def test_title_on_two_lines() -> None:
    text = "县农业农村局关于2025年\n意识形态工作情况的报告\n一、工作开展情况\n正文。\n"
    analysis = analysis_of(text)
    assert analysis.profile is not None and analysis.profile.name == "意识形态工作报告"
    assert analysis.title_text == "县农业农村局关于2025年意识形态工作情况的报告"


def test_combined_heading_satisfies_two_sections() -> None:
    text = (
        "2025年意识形态工作情况报告\n一、工作开展情况\n开展专题学习。\n"
        "二、存在问题及下步工作计划\n阵地管理有短板。一要加强管理。\n"
    )
    headings = analysis_of(text).headings
    assert headings[1].sections == ("存在问题", "下一步工作打算")
    assert analysis_of(text).missing_sections() == []


def test_markdown_headings_when_nothing_is_numbered() -> None:
    text = (
        "# 2025年意识形态工作情况报告\n\n## 工作开展情况\n\n开展专题学习。\n\n"
        "## 下一步工作打算\n\n加强管理。\n"
    )
    document = read_bytes(text.encode("utf-8"), "draft.md")
    analysis = LintContext(document, LintOptions()).sections
    assert [h.sections for h in analysis.headings] == [("工作情况",), ("下一步工作打算",)]
    assert [s.name for s in analysis.missing_sections()] == ["存在问题"]


def test_profile_option_overrides_title(lint_text) -> None:
    text = "县政府第15次常务会议纪要\n一、工作开展情况\n正文。\n"
    assert profile_of(text, profile="工作总结") == "工作总结"
    assert profile_of(text, profile="工作报告") == "工作汇报"  # an alias
    found = lint_text(text, select="S001", profile="工作总结")
    assert {f.args["section"] for f in found} == {"存在问题", "下一步工作打算"}
    report = "2025年意识形态工作情况报告\n一、工作开展情况\n正文。\n"
    assert lint_text(report, select="S001", profile="none") == []
    with pytest.raises(DataError, match="no such profile"):
        profile_of(text, profile="不存在的文种")


def test_seeds_are_matched_from_their_titles(seed, seed_docx) -> None:
    titles = {
        "000": "2024年上半年意识形态领域工作汇报",
        "001": "2023年第三季度意识形态工作分析研判报告",
        "002": "局党组2022年意识形态工作情况报告",
    }
    for name, title in titles.items():
        for path in (seed(name), seed_docx(name)):
            analysis = LintContext(read_path(path), LintOptions()).sections
            assert analysis.profile is not None, path
            assert analysis.profile.name == "意识形态工作报告"
            assert analysis.title_text == title


USER_PROFILE = """\
# 本单位要求：意识形态工作报告须写“经验启示”。
name = "意识形态工作报告"
extends = "意识形态工作报告"
priority = 25

[[sections]]
name = "经验启示"
required = true
synonyms = ["经验启示", "经验做法", "几点体会"]
"""
REPORT = (
    "2025年意识形态工作情况报告\n一、工作开展情况\n组织专题学习6次。\n"
    "二、存在的问题\n个别支部学习流于形式。\n三、下一步工作打算\n加强督导检查。\n"
)


def make_repo(tmp_path: Path, profile: str, name: str = "x.toml") -> Path:
    repo = tmp_path / "repo"
    (repo / ".draftlint" / "profiles").mkdir(parents=True)
    (repo / ".draftlint" / "profiles" / name).write_text(profile, encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "report.txt").write_text(REPORT, encoding="utf-8")
    return repo


def test_user_profile_adds_a_required_section(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, USER_PROFILE)
    code, report = lint_json("--select", "S", "drafts/report.txt", cwd=repo)
    missing = findings_of(report, "S001")
    assert code == 1 and [f["section"] for f in missing] == ["经验启示"]
    # The same draft outside the repository: the bundled profile alone, nothing missing.
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "report.txt").write_text(REPORT, encoding="utf-8")
    code, report = lint_json("--select", "S", str(tmp_path / "elsewhere" / "report.txt"))
    assert code == 0 and findings_of(report) == []


def test_user_profile_found_from_a_nested_file_and_a_docx(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, USER_PROFILE)
    nested = repo / "drafts" / "2025" / "q1"
    nested.mkdir(parents=True)
    write_docx(nested / "report.docx", REPORT.splitlines())
    _code, report = lint_json("--select", "S001", str(nested / "report.docx"))
    assert [f["section"] for f in findings_of(report, "S001")] == ["经验启示"]


def test_profiles_dir_option(tmp_path: Path) -> None:
    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "memo.toml").write_text(
        "name = \"会议纪要\"\ntitle_patterns = ['纪要$']\n\n"
        '[[sections]]\nname = "议定事项"\nsynonyms = ["议定事项", "会议议定"]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "memo.txt"
    draft.write_text("县政府常务会议纪要\n一、会议听取情况\n会议听取了汇报。\n", encoding="utf-8")
    _code, report = lint_json("--select", "S001", "--profiles-dir", str(folder), str(draft))
    assert [f["section"] for f in findings_of(report, "S001")] == ["议定事项"]
    listing = run_lint("profiles", "--profiles-dir", str(folder), cwd=tmp_path)
    assert listing.returncode == 0
    assert "会议纪要  [--profiles-dir]" in listing.stdout and "议定事项" in listing.stdout


def test_lint_profiles_lists_sources(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, USER_PROFILE)
    listing = run_lint("profiles", cwd=repo)
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    for name in BUNDLED:
        assert any(line.startswith(f"{name}  [") for line in lines), name
    mine = next(line for line in lines if line.startswith("意识形态工作报告  ["))
    assert "[本仓库]" in mine and "x.toml" in mine and "覆盖" in mine
    english = run_lint("profiles", "--lang", "en", cwd=repo).stdout
    assert "[repository]" in english and "[bundled]" in english


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("name = \"坏\"\ntitle_patterns = ['x'\n[[sections]]\n", 3),
        ("name = \"坏\"\ntitle_patterns = ['(报告']\n", 2),
        ('name = "坏"\ntitle_patterns = []\nsectons = []\n', 3),
        ('name = "坏"\ntitle_patterns = [\n', 2),
    ],
)
def test_malformed_profile_is_one_clear_line(tmp_path: Path, content: str, line: int) -> None:
    repo = make_repo(tmp_path, content, name="broken.toml")
    for args in (["drafts/report.txt"], ["outline", "drafts/report.txt"], ["profiles"]):
        completed = run_lint(*args, cwd=repo)
        assert completed.returncode == 2, args
        message = completed.stderr.strip()
        assert len(message.splitlines()) == 1 and "Traceback" not in message
        assert "broken.toml" in message and f"line {line}" in message


def test_outline_shows_profile_and_sections(seed) -> None:
    completed = run_lint("outline", str(seed("002")))
    assert completed.returncode == 0
    assert "文种：意识形态工作报告" in completed.stdout
    assert "二、存在问题及下步工作计划" in completed.stdout
    assert "→ 存在问题、下一步工作打算" in completed.stdout


def test_outline_says_when_no_profile_matched(tmp_path: Path) -> None:
    draft = tmp_path / "minutes.txt"
    draft.write_text("县政府第15次常务会议纪要\n一、议定事项\n正文。\n", encoding="utf-8")
    out = run_lint("outline", str(draft)).stdout
    assert "未匹配到文种" in out
    forced = run_lint("outline", "--profile", "工作总结", str(draft)).stdout
    assert "文种：工作总结（由 --profile 指定）" in forced and "缺少：" in forced


def test_stripped_lines_leave_out_the_lines_ending_in_a_forbidden_mark_across_chunks() -> None:
    import re

    from draftlint.model import Paragraph
    from draftlint.profiles import analysis

    shapes = ["  正文一句。 ", "工作计划", "", "\u3000主要问题\u3000", "问题？", "完成率98%"]
    texts = [
        shapes[i % len(shapes)] + ("" if i % 7 else "！") for i in range(analysis._CHUNK * 2 + 5)
    ]
    paragraphs = [Paragraph(i, text, i + 1) for i, text in enumerate(texts)]
    ending = re.compile("[。！？]")
    expected = [
        (p, p.text.strip()) for p in paragraphs if not ending.match(p.text.strip()[-1:] or "x")
    ]
    assert list(analysis._stripped_lines(paragraphs, ending)) == expected
    assert len(expected) > analysis._CHUNK  # lines kept from every chunk
    everything = list(analysis._stripped_lines(paragraphs, None))
    assert everything == [(p, p.text.strip()) for p in paragraphs]


def test_a_synonym_is_found_anywhere_in_the_normalised_heading_as_typed() -> None:
    """Synonyms are literals (a dot or bracket is no pattern) searched as one alternation."""
    from draftlint.profiles import SectionSpec
    from draftlint.profiles.model import normalise_heading

    spec = SectionSpec("措施", True, ("下步打算", "1.措施", "（二）", "今后的工作"), ())
    for heading in (
        "下一步打算",
        "关于下步打算",
        "1.措施到位",
        "1x措施",
        "（二）安排",
        "今后工作安排",
    ):
        normal = normalise_heading(heading)
        expected = any(normalise_heading(word) in normal for word in spec.synonyms)
        assert spec.matches(heading) is expected, heading
    assert spec.matches("今后工作") and not spec.matches("1x措施")
    assert not SectionSpec("无", True, (), ()).matches("任何标题")
