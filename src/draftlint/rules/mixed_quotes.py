import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from draftlint.analysis.punctuation import table
from draftlint.model import Finding, Paragraph, Severity
from draftlint.patterns import compile_re
from draftlint.rule import Rule


@cache
def compiled() -> tuple[str, str, dict[str, str], re.Pattern[str], re.Pattern[str]]:
    styles = table()["quote_styles"]
    curly, corner = styles["curly"]["marks"], styles["corner"]["marks"]
    return (
        curly, corner, dict(styles["swap"]),
        compile_re(f"[{re.escape(curly)}]"), compile_re(f"[{re.escape(corner)}]"),
    )  # fmt: skip


class MixedQuotes(Rule):
    code = "W003"
    reads_outline = False
    fix_tier = "unsafe"
    name = "mixed-quotes"
    severity = Severity.WARNING
    tags = ("punctuation", "quotes", "consistency")
    fixable = True
    defers_to = ("W001",)
    summary: ClassVar[dict[str, str]] = {
        "zh": "同一文档混用两种引号（“ ”与「 」）",
        "en": "One document mixes two quotation-mark styles (“ ” and 「 」)",
    }
    message: ClassVar[dict[str, Any]] = {
        "zh": "引号样式与全文不一致：此处用 {mark}，全文多用 {expected}",
        "en": "Quote style differs from the rest of the document: {mark}, elsewhere {expected}",
    }
    why: ClassVar[dict[str, str]] = {
        "zh": "GB/T 15834 规定横排文字用“ ”‘ ’，「 」『 』用于竖排；一份文件应统一用一种。"
        "本规则统计全文两种样式，报告少数一方的每个引号（数量相同时报告「 」）。"
        '中文语境中的直引号（"）由 W001 报告并改为“ ”，计入“ ”一方，本规则不重复报告；'
        "英文语句中的直引号属英文排版，不报告。",
        "en": "GB/T 15834 uses “ ” ‘ ’ in horizontal text and keeps 「 」 『 』 for vertical"
        " text; a document uses one style. This rule counts both styles and reports each"
        " mark of the minority (「 」 on a tie). Straight quotes in Chinese text are W001's,"
        " which converts them to “ ”, so they count for that style and are not reported"
        " again here; straight quotes in English text are English typography.",
    }
    source = "GB/T 15834-2011 4.1.3"
    example_bad = "会议强调“两个维护”。\n落实“第一议题”制度。\n推进「三服务」活动。\n"
    example_good = "会议强调“两个维护”。\n落实“第一议题”制度。\n推进“三服务”活动。\n"

    def check(self) -> Iterator[Finding]:
        _, corner, swap, curly_re, corner_re = compiled()
        whole = self.ctx.joined.text
        if not any(mark in whole for mark in corner):
            return  # the usual draft: a substring test is many times faster than a regex scan
        paragraphs = self.ctx.document.paragraphs
        corner_count = sum(len(corner_re.findall(p.text)) for p in paragraphs)
        if not corner_count:
            return
        curly_count = sum(len(curly_re.findall(p.text)) for p in paragraphs)
        curly_count += sum(self._straight(p) for p in paragraphs)
        if not curly_count:
            return
        minority = corner_re if corner_count <= curly_count else curly_re
        for paragraph in paragraphs:
            for match in minority.finditer(paragraph.text):
                mark = match.group()
                yield self.finding(
                    paragraph, match.start(), match.end(), fix=swap.get(mark),
                    mark=mark, expected=swap.get(mark, ""),
                )  # fmt: skip

    def _straight(self, paragraph: Paragraph) -> int:
        """Straight quotes W001 converts to curly ones in this paragraph."""
        if '"' not in paragraph.text and "'" not in paragraph.text:
            return 0
        curly = compiled()[0]
        return sum(m.replacement in curly for m in self.ctx.halfwidth_marks(paragraph))
