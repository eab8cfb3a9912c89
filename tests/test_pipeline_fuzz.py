"""Property tests over the whole pipeline (issue 10): whatever the text, linting it raises
nothing but the reader's one-line error, every finding lies inside its paragraph and its
source line, every message renders in both languages, and the JSON report is valid.

A short profile runs in the normal suite; ``pytest -m fuzz`` runs a long one.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftlint.engine import lint_document
from draftlint.model import ReadError
from draftlint.readers import read_bytes
from draftlint.registry import all_rules
from draftlint.report import FileResult
from draftlint.report.json_report import write_json

# Pieces the rules react to: markers, placeholders, mixed punctuation, residue, Markdown.
PIECES = [
    "一、", "二、", "三、", "（一）", "(二)", "1.", "2、", "（1）", "①", "一是", "二是", "第一，",
    "第一章", "1.1 ", "附件1：", "附件：1.", "X次", "xxx", "*条", "**", "某某", "××", "【单位名称】",
    "____", "年 月 日", "〔2026〕号", ",", ".", ":", ";", '"', "'", "(", ")", "（", "）", "“", "”",
    "《", "》", "...", "--", "—", "。。", "的的", "流程流程", "SUCAI198.COM", "https://a.cn/x",
    "加入收藏", "221381", "3.5%", "5G", "X光", "关于", "的通知", "报告", "请示", "妥否，请批示。",
    "某县人民政府", "2026年1月5日", "存在问题", "下一步工作打算", "\t", "\u3000", " ", "\u00a0",
    "\x00", "\x07", "\u200b", "\ufeff", "\r", "# ", "- ", "> ", "`", "[x](y)", "<!-- c -->",
    "汉", "字", "a", "Z", "9",
]  # fmt: skip
LINE = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12).map("".join)
DRAFT = st.lists(LINE, min_size=1, max_size=25).map("\n".join)
ENCODED = st.tuples(DRAFT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
RULES = all_rules()


def check(data: bytes, name: str) -> None:
    try:
        document = read_bytes(data, name)
    except ReadError as error:
        assert "\n" not in str(error)
        return
    findings = lint_document(document, RULES)
    for finding in findings:
        paragraph = finding.paragraph
        assert 0 <= finding.start <= finding.end <= len(paragraph.text)
        assert 1 <= finding.column <= finding.end_column
        assert finding.line >= 1
        for lang in ("zh", "en"):
            assert finding.message(lang)
    out = io.StringIO()
    write_json([FileResult(name, findings)], "zh", out)
    json.loads(out.getvalue())


def run(draft: tuple[str, str], suffix: str) -> None:
    text, encoding = draft
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    check(data, f"draft{suffix}")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(draft=ENCODED)
def test_any_text_lints_cleanly(suffix: str, draft: tuple[str, str]) -> None:
    run(draft, suffix)


@pytest.mark.fuzz
@pytest.mark.parametrize("suffix", [".txt", ".md"])
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(draft=ENCODED)
def test_any_text_lints_cleanly_long(suffix: str, draft: tuple[str, str]) -> None:
    run(draft, suffix)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=400))
def test_any_bytes_lint_or_give_one_line(data: bytes) -> None:
    check(data, "draft.txt")
