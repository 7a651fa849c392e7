"""The period options as the clerk types them: every spelling, to the period it names.

The command layer parses a spelling into a PeriodSpec; the core resolves it against the
plan and today. Both are exercised together here, as a user meets them.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cchc_cli.cli.period_options
from cchc_cli.cli.period_options import parse_today
from cchc_cli.errors import UsageError
from cchc_cli.load.plan import load_plan_or_raise
from cchc_cli.model.plan import Plan, ReportKind
from cchc_cli.periods import Period, resolve_period, resolve_quarter
from tests.helpers import FIXTURES

PLAN = load_plan_or_raise(FIXTURES / "progress" / "plans" / "xa-mau-2024.yaml")
ROMAN = {1: "I", 3: "III"}
years = st.integers(min_value=2000, max_value=2100)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


def parse_period(
    quarter: str | None, half: str | None, annual: str | None, today: date, plan: Plan | None = None
) -> Period:
    """What `cchc report --quarter/--half/--annual` resolves to for ``plan`` on ``today``."""
    return resolve_period(
        cchc_cli.cli.period_options.parse_period(quarter, half, annual), plan, today
    )


def parse_quarter(text: str | None, today: date, plan: Plan | None = None) -> tuple[int, int]:
    """What `cchc progress new --quarter` resolves to."""
    return resolve_quarter(cchc_cli.cli.period_options.parse_quarter(text), plan, today)


def quarter_spellings(year: int, number: int) -> list[str]:
    roman = ROMAN[number]
    return [
        f"{year}-Q{number}",
        f"{year}-q{number}",
        f"{year}Q{number}",
        f"Q{number}/{year}",
        f"Q{number}-{year}",
        f"{roman}/{year}",
        f"{number}/{year}",
        f"quý {roman} năm {year}",
        f"Quý {number}/{year}",
        f"quy {roman} nam {year}",
        f"{year}-quy-{number}",
        f"  {year} - Q{number} ",
    ]


@given(year=years, number=st.sampled_from([1, 3]))
def test_every_quarter_spelling_round_trips(year: int, number: int) -> None:
    expected = Period(ReportKind.Q1 if number == 1 else ReportKind.Q3, year)
    today = date(2001, 6, 1)
    for spelling in quarter_spellings(year, number):
        assert parse_period(spelling, None, None, today) == expected, spelling
    assert parse_period(expected.slug, None, None, today) == expected


@given(number=st.sampled_from([1, 3]), today=days)
def test_a_quarter_without_year_takes_todays_year(number: int, today: date) -> None:
    roman = ROMAN[number]
    for spelling in (str(number), f"Q{number}", f"q{number}", roman, f"quý {roman}"):
        assert parse_period(spelling, None, None, today).year == today.year


@given(year=years)
def test_half_and_annual_spellings_round_trip(year: int) -> None:
    today = date(2001, 6, 1)
    h1 = Period(ReportKind.H1, year)
    for spelling in (f"{year}-H1", f"H1/{year}", f"h1-{year}", h1.slug, str(year), h1.name):
        assert parse_period(None, spelling, None, today) == h1, spelling
    annual = Period(ReportKind.YEAR, year)
    for spelling in (str(year), f"năm {year}", annual.slug, f" {year} "):
        assert parse_period(None, None, spelling, today) == annual, spelling


def test_half_and_annual_without_year() -> None:
    today = date(2030, 2, 1)
    assert parse_period(None, "H1", None, today) == Period(ReportKind.H1, 2030)
    assert parse_period(None, "6 tháng", None, today) == Period(ReportKind.H1, 2030)
    assert parse_period(None, None, "", today) == Period(ReportKind.YEAR, 2030)


@pytest.mark.parametrize(
    ("spelling", "hint"),
    [
        ("2", "--half H1"),
        ("2024-Q2", "--half 2024-H1"),
        ("II/2024", "--half 2024-H1"),
        ("4", "--annual."),
        ("Q4/2024", "--annual 2024"),
        ("quý IV", "--annual."),
    ],
)
def test_quarters_two_and_four_point_to_the_report_replacing_them(spelling: str, hint: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_period(spelling, None, None, date(2024, 5, 1))
    assert hint in caught.value.hint
    assert "thay cho" in caught.value.message


@pytest.mark.parametrize("spelling", ["5", "Q0", "2024-Q5", "abc", "V/2024", "12024", "1/24"])
def test_unknown_quarters_are_usage_errors(spelling: str) -> None:
    with pytest.raises(UsageError, match="Không hiểu quý"):
        parse_period(spelling, None, None, date(2024, 5, 1))


def test_second_half_and_bad_years() -> None:
    with pytest.raises(UsageError) as caught:
        parse_period(None, "2024-H2", None, date(2024, 5, 1))
    assert caught.value.hint == "Dùng --annual 2024."
    with pytest.raises(UsageError):
        parse_period(None, None, "24", date(2024, 5, 1))
    with pytest.raises(UsageError):
        parse_period(None, "H3", None, date(2024, 5, 1))


def test_only_one_period_option() -> None:
    with pytest.raises(UsageError, match="--quarter, --half"):
        parse_period("1", "H1", None, date(2024, 5, 1))


@pytest.mark.parametrize("bare", [None, "", "  ", "auto"])
def test_bare_quarter_or_none_picks_the_next_due(bare: str | None) -> None:
    today = date(2024, 6, 6)
    assert parse_period(bare, None, None, today, PLAN) == Period(ReportKind.Q3, 2024)


def test_progress_quarters_include_two_and_four() -> None:
    today = date(2024, 5, 1)
    assert parse_quarter("2024-Q2", today) == (2024, 2)
    assert parse_quarter("IV", today) == (2024, 4)
    assert parse_quarter(None, date(2024, 3, 14), PLAN) == (2024, 1)
    assert parse_quarter("", date(2024, 3, 15), PLAN) == (2024, 2)
    assert parse_quarter(None, date(2024, 12, 20), PLAN) == (2025, 1)
    with pytest.raises(UsageError):
        parse_quarter("Q5", today)


def test_parse_today() -> None:
    assert parse_today("2024-03-01") == date(2024, 3, 1)
    assert parse_today("01/03/2024") == date(2024, 3, 1)
    assert parse_today(None) == date.today()
    with pytest.raises(UsageError) as caught:
        parse_today("2024-02-30")
    assert "--today" in caught.value.hint


@given(text=st.text(max_size=30))
def test_any_text_is_a_period_or_a_usage_error(text: str) -> None:
    today = date(2024, 5, 1)
    for options in ((text, None, None), (None, text, None), (None, None, text)):
        try:
            period = parse_period(*options, today, PLAN)
        except UsageError as exc:
            assert exc.message and exc.hint
        else:
            assert 1900 <= period.year <= 2200
