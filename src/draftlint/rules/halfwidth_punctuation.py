from collections.abc import Iterator
from typing import Any, ClassVar

from draftlint.model import Finding, Fix, Severity
from draftlint.rule import Rule, _check_arguments


class HalfwidthPunctuation(Rule):
    code = "W001"
    reads_outline = False
    fix_tier = "safe"
    name = "halfwidth-punctuation"
    severity = Severity.WARNING
    tags = ("punctuation", "width")
    fixable = True
    defers_to = ("N005", "C002")  # a marker like (一) is N005's; a residue line is C002's
    summary: ClassVar[dict[str, str]] = {
        "zh": "中文语境中使用了半角（英文）标点",
        "en": "An ASCII punctuation mark in Chinese text",
    }
    message: ClassVar[dict[str, Any]] = {
        "zh": "中文语境中使用了半角标点“{mark}”，应为全角“{expected}”",
        "en": "ASCII “{mark}” in Chinese text; use the full-width “{expected}”",
    }
    why: ClassVar[dict[str, str]] = {
        "zh": "GB/T 15834 规定中文文本使用全角标点。是否属于中文语境由标点两侧的字符判断："
        "小数与千分位（3.5%、1,000）、时间（10:30）、网址、电子邮箱、文件名、版本号、"
        "英文语句（Hello, world.）和代码中的半角标点不报告；点号只在明显是句末时报告。"
        "直双引号、单引号按段内位置配对，依次改为前引号和后引号。"
        "各项只报告一次：N005 报告的序号（如“(一)”）不在此报告；"
        "中文语境中的直引号归本规则，W003 和 W004 不再重复报告；"
        "C002 要求整段删除的网页残留行也不在此报告。",
        "en": "GB/T 15834 has Chinese text use full-width punctuation. The characters on"
        " either side decide whether a mark stands in Chinese text: decimals and thousands"
        " (3.5%, 1,000), times (10:30), URLs, e-mail addresses, file names, version numbers,"
        " English text (Hello, world.) and code keep their ASCII marks, and a full stop is"
        " reported only where it clearly ends a sentence. Straight quotes are paired by"
        " position in the paragraph (opening, closing, …). Nothing is reported twice:"
        " numbering markers such as (一) are N005's, and straight quotes in Chinese text"
        " belong to this rule, not to W003 or W004; a residue line C002 deletes whole is left"
        " to C002.",
    }
    source = "GB/T 15834-2011 3.1, 4"
    example_bad = '会议强调,要落实"第一议题"制度(试行).\n'
    example_good = "会议强调，要落实“第一议题”制度（试行）。\n"

    def check(self) -> Iterator[Finding]:
        # Built directly rather than through ``self.finding``: a large draft has tens of
        # thousands of these findings, and a few distinct marks. The arguments are checked
        # once; findings of one mark share their Fix and their arguments (never changed), and
        # all share one empty ``extra`` (an empty dict each is 64 bytes a finding).
        rule = type(self)
        _check_arguments(rule, {"mark": "", "expected": ""})
        shared: dict[tuple[str, str], tuple[dict[str, str], Fix]] = {}
        paragraphs = self.ctx.document.paragraphs
        for position, marks in self.ctx.halfwidth.items():
            paragraph = paragraphs[position]
            for start, char, replacement in marks:
                found = shared.get((char, replacement))
                if found is None:
                    args = {"mark": char, "expected": replacement}
                    found = shared[(char, replacement)] = (args, Fix(replacement))
                yield Finding(rule, paragraph, start, start + 1, *found, None, _NO_EXTRA)


# The empty ``extra`` of every W001 finding: nothing adds keys to this rule's findings, and
# the content cache stores only plain dicts (a dict that refused changes would not be one).
_NO_EXTRA: dict[str, Any] = {}
