import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from draftlint.analysis.joined import joined_search_exact
from draftlint.analysis.punctuation import between_chinese, in_chinese_context, table
from draftlint.analysis.spans import Spans, inside
from draftlint.analysis.starts import Starts, starts
from draftlint.model import Finding, Paragraph, Severity
from draftlint.patterns import compile_re
from draftlint.records import dataclass
from draftlint.rule import Rule


@dataclass(frozen=True, slots=True)
class _Form:
    """One nonstandard form: its pattern, replacement and where it counts."""

    pattern: re.Pattern[str]
    replacement: str
    context: str  # "any", "either", "both"
    label: dict[str, str]
    triggers: tuple[str, ...]  # one must be in the paragraph; () means try everywhere
    in_protected: bool  # also inside protected spans (“3.29”事故: a number otherwise)
    joined_exact: bool  # one search of the joined text finds the paragraphs it matches in
    starts: Starts | None  # where a match may start, found at C speed

    def wanted(self, text: str) -> bool:
        return not self.triggers or any(trigger in text for trigger in self.triggers)

    def wanted_in_document(self, text: str) -> bool:
        """``wanted`` of a whole document, where most triggers are absent: one character is
        looked for first (a memchr in C, where a longer string is sought by steps)."""
        return not self.triggers or any(
            trigger[:1] in text and trigger in text for trigger in self.triggers
        )


@cache
def compiled() -> tuple[_Form, ...]:
    return tuple(
        _Form(
            compile_re(entry["pattern"]), entry["replacement"], entry.get("context", "any"),
            entry["label"], tuple(entry.get("triggers", ())), bool(entry.get("protected")),
            joined_search_exact(compile_re(entry["pattern"])), starts(compile_re(entry["pattern"])),
        )
        for entry in table().get("nonstandard", [])
    )  # fmt: skip


class NonstandardPunctuation(Rule):
    code = "W005"
    reads_outline = False
    fix_tier = "safe"
    name = "nonstandard-punctuation"
    severity = Severity.WARNING
    tags = ("punctuation",)
    fixable = True
    defers_to = ("N005",)  # a marker typed 1．or (一) is N005's
    summary: ClassVar[dict[str, str]] = {
        "zh": "省略号、破折号、小数点、间隔号写法不规范（“3·29”事故）；连接号（中国—东盟）不报告",
        "en": "An ellipsis, dash, decimal point or middle dot in a non-standard form",
    }
    message: ClassVar[dict[str, Any]] = {
        "zh": "“{found}”不是标准写法，{label_zh}应为“{expected}”",
        "en": "“{found}” is not the standard form; the {label_en} is “{expected}”",
    }
    why: ClassVar[dict[str, str]] = {
        "zh": "GB/T 15834 规定：省略号为“……”（不用“...”“。。。”或单个“…”），"
        "破折号为“——”（不用“--”），间隔号为“·”（不用“・”“•”；以日期命名的事件写作“3·29”事故），"
        "数字中的小数点用半角“.”（3．5、7。5%应为3.5、7.5%）。两项之间的单个“—”是连接号"
        "（中国—东盟），不报告；数字之间的“。”多为句末（……缩小至2.27。15个县……），只在其后"
        "是百分数或倍数时报告。"
        "英文语句中的“...”和数字之间的连字符不报告。"
        "书名号内的书名号用单书名号“〈〉”，不用“<>”“＜＞”（《关于印发〈任务分工〉的通知》）。",
        "en": "GB/T 15834: the ellipsis is …… (not ..., 。。。 or a single …), the dash is ——"
        " (not --), the middle dot is · (not ・ or •; an event named by its date is “3·29”事故),"
        " and a number takes the half-width decimal point (3．5 and 7。5% are 3.5 and 7.5%). A"
        " single — between two items is the connecting mark (中国—东盟) and is left alone; 。"
        " between digits usually ends a sentence and is reported only before a percentage or"
        " a multiple. An ellipsis in English"
        " text and a hyphen between numbers are left alone. A title inside a title takes"
        " the single book-title marks 〈〉, not < > or ＜＞.",
    }
    source = "GB/T 15834-2011 4.11, 4.9, 4.14, 4.15; GB/T 15835-2011"
    example_bad = "会上讨论了预算、人员...等问题--重点是经费，增幅为3．5%，学党史・感党恩。\n"
    example_good = "会上讨论了预算、人员……等问题——重点是经费，增幅为3.5%，学党史·感党恩。\n"

    def check(self) -> Iterator[Finding]:
        paragraphs = self.ctx.document.paragraphs
        whole = self.ctx.joined.text
        for form in compiled():
            if form.wanted_in_document(whole):
                yield from self._form(form, self._candidates(form, paragraphs))

    def _candidates(self, form: _Form, paragraphs: list[Paragraph]) -> list[Paragraph]:
        """The paragraphs the form may match in: one search of the joined text, where that
        is exact (each is then searched again alone), or every paragraph with a trigger."""
        if not form.joined_exact:
            return [paragraph for paragraph in paragraphs if form.wanted(paragraph.text)]
        positions = self.ctx.joined.positions(form.pattern, finder=form.starts)
        return [paragraphs[i] for i in positions if form.wanted(paragraphs[i].text)]

    def _form(self, form: _Form, paragraphs: list[Paragraph]) -> Iterator[Finding]:
        # A group named "mark" is the finding (the < of 《实施<…>办法》); the rest is context.
        marked = "mark" in form.pattern.groupindex
        for paragraph in paragraphs:
            text = paragraph.text
            protected: Spans | None = None
            for match in form.pattern.finditer(text):
                start, end = match.span("mark") if marked else match.span()
                if protected is None:
                    protected = self.ctx.protected_spans(paragraph)
                if inside(protected, start) and not form.in_protected:
                    continue
                if form.context == "either" and not in_chinese_context(text, start, end):
                    continue
                if form.context == "both" and not between_chinese(text, start, end):
                    continue
                yield self.finding(
                    paragraph, start, end, fix=form.replacement,
                    found=text[start:end], expected=form.replacement,
                    label_zh=form.label.get("zh", ""), label_en=form.label.get("en", ""),
                )  # fmt: skip
