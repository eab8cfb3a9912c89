import re
from collections.abc import Iterator
from functools import cache

from draftlint.analysis.layout import data
from draftlint.model import Finding
from draftlint.patterns import compile_re
from draftlint.profiles.elements import request_pattern
from draftlint.rule import Rule


@cache
def _report_title() -> re.Pattern[str]:
    return compile_re(data()["request"]["report_title"])


class RequestInReport(Rule):
    code = "S006"
    name = "request-in-report"
    tags = ("sections", "document-type")
    summary = {
        "zh": "报告中夹带请示事项（妥否，请批示 / 请予批准……）",
        "en": "A report carries a request for approval",
    }
    message = {
        "zh": "报告不得夹带请示事项：“{request}”；需要上级批准的事项应另行请示",
        "en": "A report must not carry a request (“{request}”); send a separate 请示",
    }
    why = {
        "zh": "报告用于汇报工作、反映情况，上级不作批复；夹带的请示事项得不到答复，会误事。"
        "需要批准的事项应单独行文请示。“以上报告，请审阅”等不是请示，不报告。文种由文种配置的"
        " no_requests 决定；未匹配文种时，标题以“报告”“汇报”结尾即视为报告。",
        "en": "A report informs and is not answered; a request hidden in it gets no reply."
        " Anything needing approval goes in its own 请示. “以上报告，请审阅” is not a request."
        " The profile's no_requests decides; with no profile, a title ending in 报告/汇报"
        " makes the document a report.",
    }
    source = "党政机关公文处理工作条例 第十五条"
    example_bad = (
        "关于2025年机关食堂改造工作情况的报告\n"
        "一、工作开展情况\n改造工程已于6月完工，共投入资金42万元。\n"
        "二、下一步工作打算\n拟增设职工书屋一处，所需经费8万元，妥否，请批示。\n"
    )
    example_good = (
        "关于2025年机关食堂改造工作情况的报告\n"
        "一、工作开展情况\n改造工程已于6月完工，共投入资金42万元。\n"
        "二、下一步工作打算\n加强日常管理，定期征求职工意见。\n以上报告，请审阅。\n"
    )

    def check(self) -> Iterator[Finding]:
        analysis = self.ctx.sections
        if analysis.profile is not None:
            if not analysis.profile.no_requests:
                return
        elif analysis.forced or not _report_title().search(analysis.title_text):
            return
        pattern = request_pattern()
        trigger = data()["request"]["trigger"]
        for paragraph in analysis.main:
            if trigger not in paragraph.text or paragraph is analysis.title:
                continue  # a plain substring test first: most paragraphs hold no request
            match = pattern.search(paragraph.text)
            if match is not None:
                yield self.finding(paragraph, match.start(), match.end(), request=match.group())
