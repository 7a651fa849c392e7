"""Report periods: names, the Nghị định 09/2019 calendar, plan settings, parsing the options."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.load.plan import load_plan_or_raise
from cchc_cli.model.plan import Plan, ReportKind, ScheduledReport, YearSpan
from cchc_cli.model.types import MonthDay
from cchc_cli.periods import (
    Period,
    dates_for,
    default_report_path,
    next_due,
    parse_period,
    parse_quarter,
    parse_today,
    periods_of_year,
    quarter_window,
)
from cchc_cli.problems import CchcError, UsageError
from tests.helpers import FIXTURES

PLAN = load_plan_or_raise(FIXTURES / "progress" / "plans" / "xa-mau-2024.yaml")
# The same reporting rule over every year the date rules are checked on.
EVERY_YEAR = PLAN.model_copy(update={"years": YearSpan(1990, 2200)})
KINDS = list(ReportKind)
ROMAN = {1: "I", 3: "III"}
years = st.integers(min_value=2000, max_value=2100)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
month_days = st.builds(MonthDay, st.integers(1, 12), st.integers(1, 28)) | st.sampled_from(
    [MonthDay(2, 29), MonthDay(1, 31), MonthDay(12, 31), MonthDay(3, 1)]
)


def with_reports(*reports: ScheduledReport) -> Plan:
    """The test plan with another reporting rule."""
    assert PLAN.reporting is not None
    rule = PLAN.reporting.model_copy(update={"reports": list(reports)})
    return PLAN.model_copy(update={"reporting": rule})


def rule(kind: ReportKind, send: str, **dates: str) -> ScheduledReport:
    return ScheduledReport.model_validate({"kind": kind.value, "send_before": send, **dates})


# --- names -------------------------------------------------------------------------------


def test_names_slugs_and_quarters() -> None:
    q1, h1, q3, year = periods_of_year(2024)
    assert [p.name for p in (q1, h1, q3, year)] == [
        "quý I năm 2024",
        "6 tháng đầu năm 2024",
        "quý III năm 2024",
        "năm 2024",
    ]
    assert [p.slug for p in (q1, h1, q3, year)] == [
        "2024-quy-1",
        "2024-6-thang",
        "2024-quy-3",
        "2024-nam",
    ]
    assert [p.quarters for p in (q1, h1, q3, year)] == [(1,), (1, 2), (3,), (1, 2, 3, 4)]


def test_default_report_path() -> None:
    period = Period(ReportKind.Q1, 2024)
    assert default_report_path(Path("plans/phu-lien-2024.yaml"), period) == Path(
        "reports/2024/phu-lien-2024-2024-quy-1.docx"
    )
    assert default_report_path(Path("x.yaml"), period, Path("out"), ext=".md") == Path(
        "out/2024/x-2024-quy-1.md"
    )


# --- the calendar --------------------------------------------------------------------------


def test_defaults_of_decree_09_and_the_seed_due_dates() -> None:
    dates = [p.schedule(PLAN) for p in periods_of_year(2024)]
    assert [(d.window_start, d.window_end) for d in dates] == [
        (date(2023, 12, 15), date(2024, 3, 14)),
        (date(2023, 12, 15), date(2024, 6, 14)),
        (date(2024, 6, 15), date(2024, 9, 14)),
        (date(2023, 12, 15), date(2024, 12, 14)),
    ]
    assert [d.send_before for d in dates] == [
        date(2024, 3, 5),
        date(2024, 6, 5),
        date(2024, 9, 5),
        date(2024, 12, 5),
    ]
    # Default cut-off: the last day of the month before the send month (2024 is leap).
    assert dates[0].cutoff == date(2024, 2, 29)
    assert dates[1].cutoff == date(2024, 5, 20)  # set by the plan
    assert all(d.estimated for d in dates)
    assert dates[0].estimate_from == date(2024, 3, 1)


def test_plan_settings_override_the_defaults() -> None:
    plan = with_reports(
        rule(ReportKind.Q1, "10/04", window_start="01/01", window_end="31/03", cutoff="31/03"),
        rule(ReportKind.YEAR, "15/01", window_start="01/01", window_end="31/12"),
    )
    q1 = Period(ReportKind.Q1, 2025).schedule(plan)
    assert (q1.window_start, q1.window_end, q1.cutoff) == (
        date(2025, 1, 1),
        date(2025, 3, 31),
        date(2025, 3, 31),
    )
    assert q1.send_before == date(2025, 4, 10)
    assert not q1.estimated and q1.estimate_from is None
    year = Period(ReportKind.YEAR, 2025).schedule(plan)
    assert year.send_before == date(2026, 1, 15)  # sent after the year it covers
    assert year.cutoff == date(2025, 12, 31)


def test_default_cutoff_is_never_after_the_window_end() -> None:
    late = rule(ReportKind.Q3, "20/10")  # the month before: September, past 14/09
    assert dates_for(ReportKind.Q3, 2024, late).cutoff == date(2024, 9, 14)


def test_missing_report_or_rule_is_a_vietnamese_error() -> None:
    plan = with_reports(rule(ReportKind.Q1, "05/03"))
    with pytest.raises(CchcError, match="6 tháng đầu năm 2024"):
        Period(ReportKind.H1, 2024).schedule(plan)
    with pytest.raises(CchcError, match="không có kỳ báo cáo"):
        Period(ReportKind.Q1, 2024).schedule(PLAN.model_copy(update={"reporting": None}))


def test_cutoff_outside_the_window_is_an_error() -> None:
    bad = rule(ReportKind.Q3, "05/09", cutoff="01/02")
    with pytest.raises(CchcError, match="ngoài kỳ số liệu"):
        dates_for(ReportKind.Q3, 2024, bad)


@given(year=years, kind=st.sampled_from(KINDS))
def test_default_windows_are_ordered_and_cutoff_inside(year: int, kind: ReportKind) -> None:
    dates = Period(kind, year).schedule(PLAN)
    assert dates.window_start < dates.window_end
    assert dates.window_start <= dates.cutoff <= dates.window_end
    assert dates.window_end.day == 14 and dates.window_start.day == 15
    assert dates.send_before.year == year


@given(
    year=years,
    kind=st.sampled_from(KINDS),
    send=month_days,
    start=st.none() | month_days,
    end=st.none() | month_days,
)
def test_any_setting_gives_an_ordered_window_and_cutoff_inside(
    year: int, kind: ReportKind, send: MonthDay, start: MonthDay | None, end: MonthDay | None
) -> None:
    scheduled = ScheduledReport(kind=kind, send_before=send, window_start=start, window_end=end)
    dates = dates_for(kind, year, scheduled)
    assert dates.window_start < dates.window_end
    assert dates.window_end - dates.window_start <= timedelta(days=366)
    assert dates.window_start <= dates.cutoff <= dates.window_end
    assert dates.cutoff < dates.send_before or dates.cutoff == dates.window_start
    # The send date is at most about two months before the window closes.
    assert dates.send_before >= dates.window_end - timedelta(days=61)


@given(year=years)
def test_quarter_windows_tile_the_year_without_gaps(year: int) -> None:
    windows = [quarter_window(PLAN, year, q) for q in (1, 2, 3, 4)]
    windows.append(quarter_window(PLAN, year + 1, 1))
    for (_, end), (start, _) in itertools.pairwise(windows):
        assert start == end + timedelta(days=1)
    # The six-month and annual windows are exactly the quarters they aggregate.
    h1 = Period(ReportKind.H1, year).schedule(PLAN)
    assert (h1.window_start, h1.window_end) == (windows[0][0], windows[1][1])
    annual = Period(ReportKind.YEAR, year).schedule(PLAN)
    assert (annual.window_start, annual.window_end) == (windows[0][0], windows[3][1])


@given(year=years)
def test_february_29_clamps_in_common_years(year: int) -> None:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    scheduled = rule(ReportKind.Q1, "05/03", cutoff="29/02")
    cutoff = dates_for(ReportKind.Q1, year, scheduled).cutoff
    assert cutoff == date(year, 2, 29 if leap else 28)
    default = dates_for(ReportKind.Q1, year, rule(ReportKind.Q1, "05/03")).cutoff
    assert default == cutoff


# --- next due ---------------------------------------------------------------------------


@given(today=days)
def test_next_due_is_never_past_and_is_the_earliest(today: date) -> None:
    period = next_due(EVERY_YEAR, today)
    due = period.schedule(EVERY_YEAR).send_before
    assert due >= today
    for year in (today.year - 1, today.year, today.year + 1):
        for other in periods_of_year(year):
            send = other.schedule(EVERY_YEAR).send_before
            assert not today <= send < due, other


def test_next_due_examples() -> None:
    assert next_due(PLAN, date(2024, 3, 5)) == Period(ReportKind.Q1, 2024)
    assert next_due(PLAN, date(2024, 3, 6)) == Period(ReportKind.H1, 2024)
    assert next_due(EVERY_YEAR, date(2024, 12, 6)) == Period(ReportKind.Q1, 2025)
    assert next_due(None, date(2024, 7, 1)) == Period(ReportKind.Q3, 2024)


def test_next_due_stays_within_the_plan_years() -> None:
    # After the 2024 plan's last report, the next one belongs to another plan.
    with pytest.raises(UsageError) as caught:
        next_due(PLAN, date(2024, 12, 6))
    assert "không còn kỳ báo cáo nào" in caught.value.message
    assert "--annual 2024" in caught.value.hint
    assert next_due(PLAN, date(2023, 6, 1)) == Period(ReportKind.Q1, 2024)


def test_next_due_skips_reports_the_plan_does_not_declare() -> None:
    plan = with_reports(rule(ReportKind.YEAR, "05/12"))
    assert next_due(plan, date(2024, 3, 1)) == Period(ReportKind.YEAR, 2024)
    with pytest.raises(CchcError):
        next_due(PLAN.model_copy(update={"reporting": None}), date(2024, 3, 1))


# --- parsing the options -------------------------------------------------------------------


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
        ("2", "--half 2024-H1"),
        ("2024-Q2", "--half 2024-H1"),
        ("II/2024", "--half 2024-H1"),
        ("4", "--annual 2024"),
        ("Q4/2024", "--annual 2024"),
        ("quý IV", "--annual 2024"),
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
