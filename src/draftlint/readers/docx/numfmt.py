"""Word's number formats (w:numFmt): the number an automatic list shows, as text.

Covers what Chinese drafts use (chineseCounting, taiwaneseCountingThousand — LibreOffice's
一、二、三 — chineseLegalSimplified, ideographTraditional 甲乙丙, decimalEnclosedCircle ①,
decimalFullWidth １) and the Western ones. An unknown format shows decimal, as Word does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _counting(value: int, digits: str = _DIGITS, units: str = "十百千万") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's counting formats)."""
    if not 0 < value < 100_000:
        return str(value)
    original, text, pending_zero = value, "", False
    for power, unit in ((10_000, units[3]), (1000, units[2]), (100, units[1]), (10, units[0])):
        digit, value = divmod(value, power)
        if digit:
            text += ("零" if pending_zero else "") + digits[digit] + unit
            pending_zero = False
        elif text:
            pending_zero = True
    if value:
        text += ("零" if pending_zero else "") + digits[value]
    if 10 <= original < 20 and units[0] == "十":  # 十一, not 一十一
        text = text[1:]
    return text


def _legal(value: int, digits: str, ten: str) -> str:
    return _counting(value, digits, ten + "佰仟万")


def _letter(value: int, upper: bool) -> str:
    if value <= 0:
        return str(value)
    letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter if upper else letter.lower()


def _roman(value: int, upper: bool) -> str:
    if not 0 < value < 4000:
        return str(value)
    text = ""
    for amount, symbol in _ROMAN:
        count, value = divmod(value, amount)
        text += symbol * count
    return text.upper() if upper else text


def _cycle(value: int, symbols: str) -> str:
    return symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


def _enclosed(value: int, first: int, last: int) -> str:
    return chr(first + value - 1) if 0 < value <= last else str(value)


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_IDEOGRAPH_DIGITS = str.maketrans("0123456789", _DIGITS)

FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda v: f"{v:02d}",
    "decimalFullWidth": lambda v: str(v).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda v: str(v).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda v: _enclosed(v, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda v: _enclosed(v, 0x2460, 20),
    "ideographEnclosedCircle": lambda v: _enclosed(v, 0x3280, 10),
    "decimalEnclosedFullstop": lambda v: _enclosed(v, 0x2488, 20),
    "decimalEnclosedParen": lambda v: _enclosed(v, 0x2474, 20),
    "upperLetter": lambda v: _letter(v, True),
    "lowerLetter": lambda v: _letter(v, False),
    "upperRoman": lambda v: _roman(v, True),
    "lowerRoman": lambda v: _roman(v, False),
    "ordinal": _ordinal,
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "ideographDigital": lambda v: str(v).translate(_IDEOGRAPH_DIGITS),
    "taiwaneseDigital": lambda v: str(v).translate(_IDEOGRAPH_DIGITS),
    "japaneseDigitalTenThousand": lambda v: str(v).translate(_IDEOGRAPH_DIGITS),
    "chineseLegalSimplified": lambda v: _legal(v, _LEGAL_DIGITS, "拾"),
    "ideographLegalTraditional": lambda v: _legal(v, _LEGAL_TRADITIONAL, "拾"),
    "ideographTraditional": lambda v: _cycle(v, _STEMS),
    "ideographZodiac": lambda v: _cycle(v, _BRANCHES),
    "none": lambda v: "",
}

_ZERO_PADDED = re.compile(r"0*1\b")


def format_number(value: int, fmt: str, custom: str = "") -> str:
    """``value`` written in the w:numFmt ``fmt`` (``custom``: w:format of a custom one)."""
    if fmt == "custom":
        first = custom.split(",", 1)[0].strip()
        if _ZERO_PADDED.fullmatch(first):  # "001, 002, 003, ..."
            return f"{value:0{len(first)}d}"
        return str(value)
    return FORMATS.get(fmt, str)(value)
