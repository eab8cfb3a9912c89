"""C002: text carried over from a template website (banner, 扫码 prompts, word counts, URLs)."""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.analysis.residue import edge_numbers, is_whole_line
from draftlint.model import Finding, Fix, FixSafety, Paragraph
from draftlint.rule import Rule

_EXCERPT = 24


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


class WebResidue(Rule):
    code = "C002"
    reads_outline = False
    name = "web-residue"
    tags = ("content", "residue")
    aliases = ("residue",)
    fixable = True
    summary = {
        "zh": "网页残留（网站横幅、扫码、加入收藏、字数统计、非引用的网址、文首文末孤立数字、单独的“×”）；表格单元格和作为内容的域名不报告",
        "en": "Residue of a web page (banner, 扫码, bookmark and word-count lines, stray URLs)",
    }
    message = {
        "zh": {
            "line": "疑似网页残留：“{excerpt}”，应删除整段",
            "span": "疑似网页残留：“{excerpt}”，应删除",
            "number_start": "文档开头孤立的数字“{excerpt}”，疑似网页编号或页码，应删除",
            "number_end": "文档末尾孤立的数字“{excerpt}”，疑似网页编号或页码，应删除",
        },
        "en": {
            "line": "Looks like web-page residue: “{excerpt}”; delete the paragraph",
            "span": "Looks like web-page residue: “{excerpt}”; delete it",
            "number_start": "A bare number “{excerpt}” at the start of the document looks like"
            " a page or article number; delete it",
            "number_end": "A bare number “{excerpt}” at the end of the document looks like"
            " a page or article number; delete it",
        },
    }
    why = {
        "zh": "从范文网站复制的材料常带着网站横幅和网址、“分享 时间”“加入收藏”“共计N个字，预计"
        "阅读时长”“微信扫码领取福利”等页面元素，以及文首文末的文章编号或页码。这些内容印发出去"
        "就是差错。引用中的网址（数据来源、参考文献、括号内注明）不报告；正文中可能出现的词"
        "（扫码、领取福利）只有单独成段时才报告。模式见 rules/residue.toml。",
        "en": "Text copied from a template website keeps the site's banner and address, share,"
        " bookmark and word-count lines, QR-code prompts and an article or page number at the"
        " start or end. Addresses in a citation (a source note, a reference, in brackets) are"
        " left alone; words a body may use (扫码, 领取福利) count only as a paragraph of their"
        " own. The patterns are in rules/residue.toml.",
    }
    source = "house practice"
    example_bad = (
        "FANWEN123.COM —— 专注公文写作\n关于2024年安全生产工作的报告\n"
        "今年以来，全县未发生较大以上安全事故。\n微信扫码领取福利\n"
    )
    example_good = (
        "关于2024年安全生产工作的报告\n今年以来，全县未发生较大以上安全事故"
        "（数据来源：县应急管理局网站，https://yjj.example.gov.cn/）。\n"
    )

    def check(self) -> Iterator[Finding]:
        paragraphs = self.ctx.document.paragraphs
        residue = self.ctx.residue
        numbers = set(edge_numbers(paragraphs, residue))
        middle = len(paragraphs) / 2
        for position in sorted(numbers | set(residue)):
            paragraph = paragraphs[position]
            text = paragraph.text
            whole = (len(text) - len(text.lstrip()), len(text.rstrip()))
            if position in numbers:
                edge = "number_start" if position < middle else "number_end"
                yield self._span(paragraph, *whole, variant=edge)
            elif is_whole_line(text, residue[position]):
                yield self._span(paragraph, *whole, variant="line")
            else:
                for start, end in residue[position]:
                    yield self._span(paragraph, start, end, variant="span")

    def _span(self, paragraph: Paragraph, start: int, end: int, variant: str) -> Finding:
        return self.finding(
            paragraph, start, end, fix=Fix("", FixSafety.REVIEW), variant=variant,
            excerpt=_excerpt(paragraph.text[start:end].strip()),
        )  # fmt: skip
