"""Numbers, percentages, dates, Roman numerals and point letters written the Vietnamese way.

The one home of these conventions (domain.md §6): core messages and writers both use it.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# Vietnamese lettered points: đ follows d; no f, j, w, z (domain.md §6).
LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
_ROMAN_DIGITS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def number(value: float | int, decimals: int = 1) -> str:
    """19630 → "19.630"; 95.5 → "95,5"; 95.0 → "95" (half rounds up, no trailing zero)."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def percent(value: float, decimals: int = 1) -> str:
    """95.5 → "95,5%"."""
    return f"{number(value, decimals)}%"


def with_unit(value: float, unit: str | None, decimals: int = 1) -> str:
    """A value followed by its unit: "95,5%", "12 hồ sơ"."""
    if unit == "%":
        return percent(value, decimals)
    return f"{number(value, decimals)} {unit}" if unit else number(value, decimals)


def decimals_apart(value: float, target: float, most: int = 4) -> int:
    """Decimals (1 to ``most``) enough to show ``value`` apart from ``target``.

    94,96% must not read as 95% next to a target of "trên 95%" and a verdict of
    "chưa đạt": one more decimal at a time until the two no longer print alike.
    """
    decimals = 1
    while (
        decimals < most and value != target and number(value, decimals) == number(target, decimals)
    ):
        decimals += 1
    return decimals


def date_words(day: date) -> str:
    """ "ngày 05 tháng 3 năm 2024": leading zero for days below 10 and for months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_short(day: date) -> str:
    """Tables and sentences use dd/mm/yyyy: "05/03/2024"."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def days_left(left: int) -> str:
    """The days until a send-before date: "còn 4 ngày", "hôm nay", "quá hạn 3 ngày"."""
    if left > 0:
        return f"còn {number(left)} ngày"
    return "hôm nay" if left == 0 else f"quá hạn {number(-left)} ngày"


def letter(index: int) -> str:
    """The 0-based ``index``-th point letter: 0 → "a", 4 → "đ", 5 → "e"; then "aa", "ab"…"""
    if index < len(LETTERS):
        return LETTERS[index]
    return letter(index // len(LETTERS) - 1) + LETTERS[index % len(LETTERS)]


def roman(value: int) -> str:
    """1 → "I", 4 → "IV", 12 → "XII": section and quarter numbers."""
    digits = []
    for size, letters in _ROMAN_DIGITS:
        count, value = divmod(value, size)
        digits.append(letters * count)
    return "".join(digits)
