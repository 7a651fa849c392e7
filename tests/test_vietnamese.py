"""Vietnamese numbers, percentages, dates and point letters."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli import vietnamese as numbers


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (19630, "19.630"),
        (95.5, "95,5"),
        (95.0, "95"),
        (0, "0"),
        (1234567.25, "1.234.567,3"),
        (94.649, "94,6"),
        (0.05, "0,1"),
        (-1200, "-1.200"),
        (999, "999"),
    ],
)
def test_number(value: float, text: str) -> None:
    assert numbers.number(value) == text


def test_percent_and_units() -> None:
    assert numbers.percent(95.5) == "95,5%"
    assert numbers.with_unit(95.45, "%") == "95,5%"
    assert numbers.with_unit(12, "hồ sơ") == "12 hồ sơ"
    assert numbers.with_unit(3, None) == "3"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_read_back(value: int) -> None:
    text = numbers.number(value)
    assert "," not in text
    assert int(text.replace(".", "")) == value
    assert all(len(group) == 3 for group in text.lstrip("-").split(".")[1:])


@given(st.decimals(min_value=0, max_value=10**9, places=1, allow_nan=False))
def test_one_decimal_reads_back(value: object) -> None:
    text = numbers.number(float(str(value)))
    assert float(text.replace(".", "").replace(",", ".")) == pytest.approx(float(str(value)))


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2024, 3, 5), "ngày 05 tháng 3 năm 2024"),
        (date(2024, 1, 23), "ngày 23 tháng 01 năm 2024"),
        (date(2024, 2, 9), "ngày 09 tháng 02 năm 2024"),
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_date_words(day: date, text: str) -> None:
    assert numbers.date_words(day) == text


def test_letters_follow_vietnamese_order() -> None:
    letters = [numbers.letter(i) for i in range(11)]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    assert not {"f", "j", "w", "z"} & {numbers.letter(i) for i in range(23)}
    assert numbers.letter(23) == "aa"


def test_roman() -> None:
    assert [numbers.roman(n) for n in (1, 2, 3, 4, 5)] == ["I", "II", "III", "IV", "V"]


@given(
    st.floats(min_value=0, max_value=100, allow_nan=False),
    st.sampled_from([50.0, 80.0, 90.0, 95.0, 98.5, 100.0]),
)
def test_a_figure_never_prints_like_a_target_it_differs_from(value: float, target: float) -> None:
    decimals = numbers.decimals_apart(value, target)
    if abs(value - target) >= 1e-4:
        assert numbers.number(value, decimals) != numbers.number(target, decimals)
    else:
        assert decimals <= 4


def test_a_rate_near_its_target_shows_the_decimal_that_decides() -> None:
    assert numbers.with_unit(94.96, "%", numbers.decimals_apart(94.96, 95)) == "94,96%"
    assert numbers.with_unit(95.04, "%", numbers.decimals_apart(95.04, 95)) == "95,04%"
    assert numbers.with_unit(90.54, "%", numbers.decimals_apart(90.54, 95)) == "90,5%"


def test_days_left_to_a_send_date() -> None:
    assert [numbers.days_left(n) for n in (1234, 1, 0, -3)] == [
        "còn 1.234 ngày",
        "còn 1 ngày",
        "hôm nay",
        "quá hạn 3 ngày",
    ]
