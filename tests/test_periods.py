"""Report periods: names, the Nghị định 09/2019 calendar, plan settings."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.errors import CchcError, UsageError
from cchc_cli.load.plan import load_plan_or_raise
from cchc_cli.model.plan import Plan, ReportKind, ScheduledReport, YearSpan
from cchc_cli.model.types import MonthDay
from cchc_cli.periods import (
    Period,
    dates_for,
    default_report_path,
    next_due,
    periods_of_year,
    quarter_window,
)
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
