"""What both the marker reader (``markers``) and the grammar's driver (``reading``) know:
the marker kinds and the characters that decide a parse after the numeral."""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    PART = "part"  # 第一部分 / 第一章 / 第一节 / 第一条
    CHINESE = "chinese"  # 一、
    BRACKET_CHINESE = "bracket-chinese"  # （一）
    ARABIC = "arabic"  # 1.
    BRACKET_ARABIC = "bracket-arabic"  # （1）
    CIRCLED = "circled"  # ①
    VERB = "verb"  # 一是 / 一要
    ORDINAL = "ordinal"  # 第一，
    QI = "qi"  # 其一
    ASPECT = "aspect"  # 一方面 / 另一方面
    DECIMAL = "decimal"  # 1 总则 / 1.1 编制目的 / 2.1.1 职责 (GB/T 1.1 section numbers)


# What may follow 第一章 for it to be a division (第一章　总则), and not prose (第三条道路).
AFTER_PART = frozenset(" \t\u3000：:、，,．.")
# 1： 1， after an Arabic numeral: a marker style GB/T 15834 does not know (it wants 1.).
LOOSE_SEPARATORS = frozenset("：:，,")
