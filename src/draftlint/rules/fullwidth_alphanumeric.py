import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from draftlint.analysis.joined import joined_search_exact
from draftlint.analysis.punctuation import table
from draftlint.model import Finding, Severity
from draftlint.patterns import compile_re
from draftlint.rule import Rule

_TO_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}  # ０-９ Ａ-Ｚ ａ-ｚ


@cache
def compiled() -> tuple[re.Pattern[str], frozenset[str]]:
    data = table()["fullwidth"]
    return compile_re(data["pattern"]), frozenset(data.get("placeholder_only", ""))


class FullwidthAlphanumeric(Rule):
    code = "W002"
    reads_outline = False
    fix_tier = "safe"
    name = "fullwidth-alphanumeric"
    severity = Severity.WARNING
    tags = ("punctuation", "width", "numbers")
    fixable = True
    summary: ClassVar[dict[str, str]] = {
        "zh": "使用了全角数字或拉丁字母",
        "en": "Full-width digits or Latin letters",
    }
    message: ClassVar[dict[str, Any]] = {
        "zh": "全角字符“{found}”应改为半角“{expected}”",
        "en": "Full-width “{found}”; write it half-width: “{expected}”",
    }
    why: ClassVar[dict[str, str]] = {
        "zh": "GB/T 15835 规定阿拉伯数字和拉丁字母使用半角形式（２０２４年应为2024年，"
        "ＡＢＣ应为ABC）。每段连续的全角字母数字报告一次。"
        "只由Ｘ、ｘ组成的“ＸＸ”是模板占位符，由 P001 报告，不在此重复。",
        "en": "GB/T 15835 writes Arabic digits and Latin letters half-width (２０２４年 is"
        " 2024年, ＡＢＣ is ABC). Each run is reported once. A run made only of Ｘ/ｘ is a"
        " template placeholder, which P001 reports.",
    }
    source = "GB/T 15835-2011 4.1"
    example_bad = "２０２４年共完成投资３．５亿元，涉及ＡＢＣ项目。\n"
    example_good = "2024年共完成投资3.5亿元，涉及ABC项目。\n"

    def check(self) -> Iterator[Finding]:
        pattern, placeholder = compiled()
        paragraphs = self.ctx.document.paragraphs
        for position, start, found in self._runs(pattern):
            if placeholder and set(found) <= placeholder:
                continue
            expected = found.translate(_TO_HALFWIDTH)
            yield self.finding(
                paragraphs[position], start, start + len(found), fix=expected,
                found=found, expected=expected,
            )  # fmt: skip

    def _runs(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int, str]]:
        """(paragraph position, start, text) of each match, in document order: one pass over
        the joined text when that finds what each paragraph's own search would."""
        if joined_search_exact(pattern):
            joined = self.ctx.joined
            for match in pattern.finditer(joined.text):
                position, start = joined.locate(match.start())
                yield position, start, match.group()
            return
        for position, paragraph in enumerate(self.ctx.document.paragraphs):
            for match in pattern.finditer(paragraph.text):
                yield position, match.start(), match.group()
