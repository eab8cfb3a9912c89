import re
from collections.abc import Iterator

from draftlint.model import Finding, Paragraph
from draftlint.numerals import from_chinese
from draftlint.patterns import compile_re
from draftlint.profiles.elements import Elements, pattern, request_pattern
from draftlint.resources import rule_data
from draftlint.rule import Rule

_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_ITEM_TRAILING = compile_re(r"[。；;，,.．、：:]+$")
_ITEM_NUMBER = compile_re(r"([\s\u3000]*[0-9０-９]+)([、，,])")  # matched at the name's start
_LAST_SENTENCE = compile_re(r"[^。！？!?]*[。！？!?]?[\s\u3000]*$")


class ElementFormat(Rule):
    code = "S007"
    name = "element-format"
    tags = ("sections", "elements")
    fixable = True
    summary = {
        "zh": "公文要素格式不当（发文字号、主送机关、成文日期、附件说明、请示结语）",
        "en": "A 公文 element is written in the wrong form",
    }
    message = {
        "zh": {
            "recipient": "主送机关后应标全角冒号“：”（GB/T 9704-2012 7.3.2）",
            "date_chinese": "成文日期应使用阿拉伯数字：应为“{expected}”（GB/T 9704-2012 7.3.5.1）",
            "date_zero": "成文日期的月、日不编虚位：应为“{expected}”（GB/T 9704-2012 7.3.5.1）",
            "date_form": "成文日期应将年、月、日标全：应为“{expected}”（GB/T 9704-2012 7.3.5.1）",
            "date_year": "成文日期的年份应标全称（四位），不能写作“{year}年”"
            "（GB/T 9704-2012 7.3.5.1）",
            "attachment_colon": "附件说明中“附件”后应标全角冒号“：”（GB/T 9704-2012 7.3.4）",
            "attachment_number": "附件顺序号后用“.”：应为“{expected}”（GB/T 9704-2012 7.3.4）",
            "attachment_trailing": "附件名称后不加标点符号：删去“{mark}”（GB/T 9704-2012 7.3.4）",
            "request": "请示应在正文末尾写明请求事项（如“妥否，请批示。”）"
            "（党政机关公文处理工作条例 第十五条）",
            "doc_bracket": "发文字号的年份用六角括号“〔〕”，不用“{bracket}”：应为“{expected}”"
            "（GB/T 9704-2012 7.2.4）",
            "doc_year": "发文字号的年份应标全称（四位），不能写作“{year}”（GB/T 9704-2012 7.2.4）",
            "doc_serial": "发文字号的发文顺序号不加“第”、不编虚位：应为“{expected}”"
            "（GB/T 9704-2012 7.2.4）",
        },
        "en": {
            "recipient": "The recipient line ends with a full-width “：” (GB/T 9704-2012 7.3.2)",
            "date_chinese": "Write the date in Arabic numerals: “{expected}”"
            " (GB/T 9704-2012 7.3.5.1)",
            "date_zero": "No leading zeros in the month and day: “{expected}”"
            " (GB/T 9704-2012 7.3.5.1)",
            "date_form": "Write the date with 年月日: “{expected}” (GB/T 9704-2012 7.3.5.1)",
            "date_year": "Write the full four-digit year, not “{year}年” (GB/T 9704-2012 7.3.5.1)",
            "attachment_colon": "“附件” takes a full-width “：” (GB/T 9704-2012 7.3.4)",
            "attachment_number": "An attachment number takes “.”: “{expected}”"
            " (GB/T 9704-2012 7.3.4)",
            "attachment_trailing": "No punctuation after an attachment's name: drop “{mark}”"
            " (GB/T 9704-2012 7.3.4)",
            "request": "A 请示 ends with its request, such as “妥否，请批示。”"
            " (党政机关公文处理工作条例 第十五条)",
            "doc_bracket": "The year of a document number takes “〔〕”, not “{bracket}”:"
            " “{expected}” (GB/T 9704-2012 7.2.4)",
            "doc_year": "Write the full four-digit year in a document number, not “{year}”"
            " (GB/T 9704-2012 7.2.4)",
            "doc_serial": "A document number's serial takes no “第” and no leading zero:"
            " “{expected}” (GB/T 9704-2012 7.2.4)",
        },
    }
    why = {
        "zh": "只检查有要素的文种（请示、通知等，见文种配置的 [[elements]]）。"
        "发文字号：年份用六角括号“〔〕”并标全称，发文顺序号不加“第”、不编虚位，即写"
        "“某政办发〔2026〕5号”（GB/T 9704-2012 7.2.4）。"
        "主送机关：最后一个机关名称后标全角冒号（GB/T 9704-2012 7.3.2）。"
        "成文日期：用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位，即写"
        "“2026年1月5日”，不写“2026年01月05日”“二〇二六年一月五日”“26年1月5日”“2026.1.5”"
        "（GB/T 9704-2012 7.3.5.1；2012年以前的文件按当时标准用汉字，不报告）。附件说明：写作“附件：1.名称”，附件名称后不加标点符号"
        "（GB/T 9704-2012 7.3.4）。请示：一文一事，正文末尾写明请求事项，如“妥否，请批示。”"
        "（党政机关公文处理工作条例 第十五条；文种配置 ends_with_request）。",
        "en": "Only for document types with elements (请示, 通知 …; a profile's [[elements]])."
        " Document number: the year in 〔〕 and in full, the serial without 第 or a leading"
        " zero — 某政办发〔2026〕5号 (GB/T 9704-2012 7.2.4)."
        " Recipient: a full-width colon after the last organ (GB/T 9704-2012 7.3.2)."
        " Date: Arabic numerals, full year, no leading zeros — 2026年1月5日, not"
        " 2026年01月05日, 二〇二六年一月五日, 26年1月5日 or 2026.1.5 (GB/T 9704-2012 7.3.5.1);"
        " a document dated before GB/T 9704-2012 keeps its Chinese numerals."
        " Attachment note: 附件：1.名称 with no punctuation after a name (GB/T 9704-2012"
        " 7.3.4). A 请示 ends with its request, e.g. 妥否，请批示。 (党政机关公文处理工作条例"
        " 第十五条; the profile's ends_with_request).",
    }
    source = (
        "GB/T 9704-2012 7.2.4（发文字号）、7.3.2（主送机关）、7.3.4（附件说明）、7.3.5.1（成文日期）；"
        "党政机关公文处理工作条例 第十五条（请示）"
    )
    example_bad = (
        "县文化和旅游局关于举办2026年春节文艺演出的请示\n县人民政府:\n"
        "为丰富群众节日文化生活，我局拟于春节期间举办文艺演出3场，所需经费12万元。\n"
        "附件：1.演出方案。\n2.经费预算表\n县文化和旅游局\n2026年01月05日\n"
    )
    example_good = (
        "县文化和旅游局关于举办2026年春节文艺演出的请示\n县人民政府：\n"
        "为丰富群众节日文化生活，我局拟于春节期间举办文艺演出3场，所需经费12万元。\n"
        "妥否，请批示。\n"
        "附件：1.演出方案\n2.经费预算表\n县文化和旅游局\n2026年1月5日\n"
    )

    def check(self) -> Iterator[Finding]:
        analysis = self.ctx.sections
        profile, elements = analysis.profile, analysis.elements
        if profile is None or elements is None:
            return
        if elements.recipient is not None:
            yield from self._recipient(elements.recipient)
        if elements.date is not None and elements.date_match is not None:
            yield from self._date(elements.date, elements.date_match)
        yield from self._attachment_note(elements.attachment_note)
        if profile.ends_with_request:
            yield from self._request(elements)
        if elements.doc_number is not None and elements.doc_number_match is not None:
            yield from self._doc_number(elements.doc_number, elements.doc_number_match)

    def _doc_number(self, paragraph: Paragraph, match: re.Match[str]) -> Iterator[Finding]:
        """某政办发〔2026〕5号: the year in 〔〕 written in full, the serial without 第 and
        without a leading zero (GB/T 9704-2012 7.2.4). Full-width digits are W003's."""
        year = match.group("year").translate(_WIDE)
        serial = match.group("serial").translate(_WIDE).replace("第", "").strip()
        start, end = match.start("open"), match.end()
        bracket = match.group("open") + match.group("close")
        if len(year) != 4:
            yield self.finding(paragraph, start, end, variant="doc_year", year=year)
            return
        expected = f"〔{year}〕{int(serial)}号"
        if bracket != "〔〕":
            variant = "doc_bracket"
        elif match.group("serial").startswith("第") or serial != str(int(serial)):
            variant = "doc_serial"
        else:
            return
        yield self.finding(
            paragraph, start, end, fix=expected, variant=variant,
            expected=expected, bracket=bracket,
        )  # fmt: skip

    def _recipient(self, paragraph: Paragraph) -> Iterator[Finding]:
        text = paragraph.text.rstrip()
        if not text or text.endswith("："):
            return
        last = len(text) - 1
        if text[last] in ":，,":
            yield self.finding(paragraph, last, last + 1, fix="：", variant="recipient")
        else:
            yield self.finding(
                paragraph, last, last + 1, fix=text[last] + "：", variant="recipient"
            )

    def _date(self, paragraph: Paragraph, match: re.Match[str]) -> Iterator[Finding]:
        start, end = match.span("date")
        if match.group("dyear"):
            year, month, day = (match.group(k) for k in ("dyear", "dmonth", "dday"))
            expected = f"{int(year)}年{int(month)}月{int(day)}日"
            yield self.finding(
                paragraph, start, end, fix=expected, variant="date_form", expected=expected
            )
            return
        year, month, day = (match.group(k) for k in ("year", "month", "day"))
        chinese = not year.translate(_WIDE).isdigit()
        if chinese:
            values = [from_chinese(part) for part in (year, month, day)]
            if None in values:
                return  # not a date after all
            year = "".join(str(from_chinese(char)) for char in year)
            if (
                len(year) == 4
                and int(year) < rule_data("sections")["elements"]["arabic_date_since"]
            ):
                return  # dated under GB/T 9704-1999, which wrote dates in Chinese numerals
            month_n, day_n = values[1] or 0, values[2] or 0
        else:
            year = year.translate(_WIDE)
            month_n, day_n = int(month.translate(_WIDE)), int(day.translate(_WIDE))
        if len(year) != 4:
            yield self.finding(paragraph, start, end, variant="date_year", year=year)
            return
        expected = f"{year}年{month_n}月{day_n}日"
        if match.group("date") == expected:
            return
        variant = "date_chinese" if chinese else "date_zero"
        if not chinese and "0" not in (month[:1] + day[:1]).translate(_WIDE):
            variant = "date_form"  # full-width digits or spaces inside the date
        yield self.finding(paragraph, start, end, fix=expected, variant=variant, expected=expected)

    def _attachment_note(self, lines: list[Paragraph]) -> Iterator[Finding]:
        note = pattern("attachment_note")
        for position, paragraph in enumerate(lines):
            text = paragraph.text
            name_start = 0
            if position == 0:
                head = note.match(text)
                if head is None:
                    continue
                colon = head.end() - 1
                if text[colon] == ":":
                    yield self.finding(
                        paragraph, colon, colon + 1, fix="：", variant="attachment_colon"
                    )
                name_start = head.end()
            number = _ITEM_NUMBER.match(text, name_start)
            if number is not None:
                at = number.start(2)
                expected = number.group(1).strip() + "."
                yield self.finding(
                    paragraph, at, at + 1, fix=".", variant="attachment_number", expected=expected
                )
            trailing = _ITEM_TRAILING.search(text.rstrip())
            if trailing is not None and trailing.start() > name_start:
                yield self.finding(
                    paragraph, trailing.start(), trailing.end(), fix="",
                    variant="attachment_trailing", mark=trailing.group(),
                )  # fmt: skip

    def _request(self, elements: Elements) -> Iterator[Finding]:
        if not elements.body:
            return
        last = elements.body[-1]
        if request_pattern().search(last.text):
            return
        sentence = _LAST_SENTENCE.search(last.text.rstrip())
        start = sentence.start() if sentence is not None else 0
        end = len(last.text.rstrip())
        yield self.finding(last, start if start < end else 0, end, variant="request")
