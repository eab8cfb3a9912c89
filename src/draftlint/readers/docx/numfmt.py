"""Word's number formats (w:numFmt): the number an automatic list shows, as text.

Covers what Chinese drafts use (chineseCounting, taiwaneseCountingThousand — LibreOffice's
一、二、三 — chineseLegalSimplified, ideographTraditional 甲乙丙, decimalEnclosedCircle ①,
decimalFullWidth １) and the Western ones. An unknown format shows decimal, as Word does.
A number is never written longer than ``MAX_MARKER`` characters: a damaged list (a start
of a billion in letters, a format padded with a million zeros) gets no marker at all
rather than megabytes of one.
"""

from __future__ import annotations

from collections.abc import Callable

from draftlint.numerals import DIGITS, counting

MAX_MARKER = 64  # characters of a rendered marker; Word's own stay far below
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _legal(value: int, digits: str, ten: str) -> str:
    return counting(value, digits, ten + "佰仟万")


def _letter(value: int, upper: bool) -> str:
    """A … Z, AA … ZZ, AAA …: the letter repeats, so a large value is a long marker."""
    if value <= 0:
        return str(value)
    repeat = (value - 1) // 26 + 1
    if repeat > MAX_MARKER:
        return ""  # longer than any marker shown; format_number refuses it
    letter = chr(ord("A") + (value - 1) % 26) * repeat
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
_IDEOGRAPH_DIGITS = str.maketrans("0123456789", DIGITS)

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
    "chineseCounting": counting,
    "chineseCountingThousand": counting,
    "taiwaneseCounting": counting,
    "taiwaneseCountingThousand": counting,
    "japaneseCounting": counting,
    "ideographDigital": lambda v: str(v).translate(_IDEOGRAPH_DIGITS),
    "taiwaneseDigital": lambda v: str(v).translate(_IDEOGRAPH_DIGITS),
    "japaneseDigitalTenThousand": lambda v: str(v).translate(_IDEOGRAPH_DIGITS),
    "chineseLegalSimplified": lambda v: _legal(v, _LEGAL_DIGITS, "拾"),
    "ideographLegalTraditional": lambda v: _legal(v, _LEGAL_TRADITIONAL, "拾"),
    "ideographTraditional": lambda v: _cycle(v, _STEMS),
    "ideographZodiac": lambda v: _cycle(v, _BRANCHES),
    "none": lambda v: "",
}


def zero_padded_width(custom: str) -> int | None:
    """The width of a zero-padded custom format ("001, 002, ..." → 3); None for any other.
    Word writes those for zero-padded decimals: "01, 02, 03, ...", "001, …"."""
    first = custom.split(",", 1)[0].strip()
    return len(first) if first.lstrip("0") == "1" else None  # 0*1: zeros, then one 1


def format_number(value: int, fmt: str, custom: str = "") -> str | None:
    """``value`` written in the w:numFmt ``fmt`` (``custom``: w:format of a custom one);
    None when it would be longer than ``MAX_MARKER`` (a damaged list)."""
    if fmt == "custom":
        width = zero_padded_width(custom)
        if width is None:
            text = str(value)
        elif width > MAX_MARKER:
            return None
        else:
            text = f"{value:0{width}d}"
    else:
        text = FORMATS.get(fmt, str)(value)
        if not text and fmt != "none":
            return None
    return text if len(text) <= MAX_MARKER else None
