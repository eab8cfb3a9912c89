"""Chinese numerals, both ways: the one place that knows 一 … 九十九 and Word's counting forms.

Markers (一、 （三）), Word's automatic numbers (chineseCounting) and 公文 dates (二〇二六年)
all read or write Chinese numerals; each asks here.
"""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"  # DIGITS[n] is n
NONZERO_DIGITS = DIGITS[1:]
# Other ways a zero is written in dates: ○ (a circle), 零, a full-width Ｏ, an ASCII 0.
_DIGIT_VALUE = {c: n for n, c in enumerate(DIGITS)} | {"○": 0, "零": 0, "Ｏ": 0, "0": 0}
_UNITS = "十百千万"


def counting(value: int, digits: str = DIGITS, units: str = _UNITS) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's counting formats).

    Values outside 1–99,999 are written in Arabic digits, as Word does.
    """
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


def to_chinese(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (marker numerals)."""
    return counting(value)


def from_chinese(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十五 → 25, 二〇二六 → 2026 (digit by digit); None if not a
    numeral."""
    if not text:
        return None
    if "十" not in text:
        value = 0
        for char in text:
            digit = _DIGIT_VALUE.get(char)
            if digit is None:
                return None
            value = value * 10 + digit
        return value
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    high = _DIGIT_VALUE.get(tens, -1) if tens else 1
    low = _DIGIT_VALUE.get(units, -1) if units else 0
    if high <= 0 or low < 0:
        return None
    return high * 10 + low
