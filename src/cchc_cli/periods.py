"""Report periods ("kỳ báo cáo") and their dates: data window, cut-off, due date.

Dates come from the plan's reporting rule; where the rule leaves a date out, the
defaults of Nghị định 09/2019/NĐ-CP apply: a period's data runs from the 15th of the
month before it to the 14th of its last month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from cchc_cli.errors import CchcError, NotInPlanError, PeriodOutsidePlanError
from cchc_cli.model.plan import Plan, ReportKind, ScheduledReport
from cchc_cli.model.types import MonthDay
from cchc_cli.paths import DEFAULT_REPORTS_DIR, report_path
from cchc_cli.vietnamese import roman

# The last month of each report's period and the quarters of progress it aggregates.
LAST_MONTH = {ReportKind.Q1: 3, ReportKind.H1: 6, ReportKind.Q3: 9, ReportKind.YEAR: 12}
FIRST_MONTH = {ReportKind.Q1: 1, ReportKind.H1: 1, ReportKind.Q3: 7, ReportKind.YEAR: 1}
QUARTERS = {
    ReportKind.Q1: (1,),
    ReportKind.H1: (1, 2),
    ReportKind.Q3: (3,),
    ReportKind.YEAR: (1, 2, 3, 4),
}
ORDER = (ReportKind.Q1, ReportKind.H1, ReportKind.Q3, ReportKind.YEAR)
# The report a quarter's progress file closes (quý II and quý IV have no report of their
# own): its cut-off applies to the quarter's figures, its narrative is written there.
REPORT_OF_QUARTER = {1: ReportKind.Q1, 2: ReportKind.H1, 3: ReportKind.Q3, 4: ReportKind.YEAR}
KIND_LABEL = {
    ReportKind.Q1: "Quý I",
    ReportKind.H1: "6 tháng",
    ReportKind.Q3: "Quý III",
    ReportKind.YEAR: "Năm",
}
# A report is sent at most this long before its data window closes; this fixes the
# year of a send date given without one ("05/12" is this year's, "15/01" next year's).
SEND_LEAD = timedelta(days=61)


@dataclass(frozen=True)
class PeriodDates:
    """A report's dates: data window, data cut-off and the day to send it before."""

    window_start: date
    window_end: date
    cutoff: date
    send_before: date

    @property
    def estimated(self) -> bool:
        """True when figures after the cut-off are estimates ("ước thực hiện")."""
        return self.cutoff < self.window_end

    @property
    def estimate_from(self) -> date | None:
        """The first day whose figures are estimates, if any."""
        return self.cutoff + timedelta(days=1) if self.estimated else None

    def days_left(self, today: date) -> int:
        """Days until the send date; negative once it has passed."""
        return (self.send_before - today).days


@dataclass(frozen=True)
class Period:
    """A report period: quý I, 6 tháng, quý III or năm of a year."""

    kind: ReportKind
    year: int

    @property
    def name(self) -> str:
        """E.g. "quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024"."""
        if self.kind is ReportKind.H1:
            return f"6 tháng đầu năm {self.year}"
        if self.kind is ReportKind.YEAR:
            return f"năm {self.year}"
        return f"quý {roman(QUARTERS[self.kind][0])} năm {self.year}"

    @property
    def label(self) -> str:
        """The short name in a table: "Quý I/2024", "6 tháng/2024", "Năm 2024"."""
        if self.kind is ReportKind.YEAR:
            return f"Năm {self.year}"
        return f"{KIND_LABEL[self.kind]}/{self.year}"

    @property
    def following(self) -> str:
        """The period after this one, which the "phương hướng" section looks ahead to."""
        year = self.year
        return {
            ReportKind.Q1: f"quý II năm {year}",
            ReportKind.H1: f"6 tháng cuối năm {year}",
            ReportKind.Q3: f"quý IV năm {year}",
            ReportKind.YEAR: f"năm {year + 1}",
        }[self.kind]

    @property
    def slug(self) -> str:
        """Part of file names: "2024-quy-1", "2024-6-thang", "2024-quy-3", "2024-nam"."""
        return f"{self.year}-{self.kind.value}"

    @property
    def quarters(self) -> tuple[int, ...]:
        """The quarters of progress records the report aggregates."""
        return QUARTERS[self.kind]

    def quarters_of(self, plan: Plan | None) -> tuple[int, ...]:
        """The quarters the report aggregates under ``plan``: those of a plan that starts
        mid-year (``start``) begin with the quarter it starts in."""
        return tuple(q for q in self.quarters if quarter_open(plan, self.year, q))

    def schedule(self, plan: Plan) -> PeriodDates:
        """The period's dates under the plan's reporting rule; a plan that starts mid-year
        has no report for a period that ends before its start, and its first window
        starts on that day."""
        rule = report_rule(plan, self.kind)
        if rule is None:
            raise NotInPlanError(
                f"Chế độ báo cáo của kế hoạch không có kỳ báo cáo {self.name}.",
                f"Thêm kỳ '{self.kind.value}' vào 'reporting.reports' của kế hoạch "
                "(kind, send_before).",
            )
        dates = dates_for(self.kind, self.year, rule)
        start = plan.start
        if start is None or start <= dates.window_start:
            return dates
        if start > dates.window_end:
            raise PeriodOutsidePlanError(
                f"Kế hoạch bắt đầu từ ngày {start:%d/%m/%Y}: không có báo cáo {self.name} "
                f"(kỳ số liệu kết thúc ngày {dates.window_end:%d/%m/%Y}).",
                f"Chọn một kỳ báo cáo kết thúc sau ngày {start:%d/%m/%Y}.",
            )
        return PeriodDates(start, dates.window_end, max(dates.cutoff, start), dates.send_before)

    def after_start(self, plan: Plan) -> bool:
        """Whether the period ends after the plan's start (a plan that starts mid-year owes
        no report for a period that ends before it)."""
        return bool(self.quarters_of(plan))


def report_rule(plan: Plan, kind: ReportKind) -> ScheduledReport | None:
    """The plan's rule for one report kind, if it declares one."""
    if plan.reporting is None:
        return None
    return next((r for r in plan.reporting.reports if r.kind is kind), None)


def _before(day: MonthDay, end: date) -> date:
    """The latest date on or before ``end`` that falls on ``day``."""
    found = day.in_year(end.year)
    return found if found <= end else day.in_year(end.year - 1)


def _on_or_after(day: MonthDay, start: date) -> date:
    """The earliest date on or after ``start`` that falls on ``day``."""
    found = day.in_year(start.year)
    return found if found >= start else day.in_year(start.year + 1)


def default_window(kind: ReportKind) -> tuple[MonthDay, MonthDay]:
    """The data window of Nghị định 09/2019: 15th of the month before – 14th of the last."""
    first = FIRST_MONTH[kind]
    start_month = 12 if first == 1 else first - 1
    return MonthDay(start_month, 15), MonthDay(LAST_MONTH[kind], 14)


def window(kind: ReportKind, year: int, rule: ScheduledReport | None) -> tuple[date, date]:
    """A report's data window; a start later in the year than the end is last year's."""
    start_day, end_day = default_window(kind)
    if rule is not None:
        start_day = rule.window_start or start_day
        end_day = rule.window_end or end_day
    end = end_day.in_year(year)
    start = _before(start_day, end)
    if start >= end:
        start = start_day.in_year(start.year - 1)
    return start, end


def dates_for(kind: ReportKind, year: int, rule: ScheduledReport) -> PeriodDates:
    """Window, cut-off and send date of one report under one rule."""
    start, end = window(kind, year, rule)
    send = _on_or_after(rule.send_before, end - SEND_LEAD)
    if rule.cutoff is not None:
        cutoff = _before(rule.cutoff, end)
        if cutoff < start:
            raise CchcError(
                f"Ngày chốt số liệu {rule.cutoff} của kỳ '{kind.value}' nằm ngoài kỳ số liệu "
                f"{start:%d/%m/%Y} – {end:%d/%m/%Y}.",
                "Sửa 'cutoff' trong chế độ báo cáo của kế hoạch.",
            )
    else:
        cutoff = min(send.replace(day=1) - timedelta(days=1), end)
        cutoff = max(cutoff, start)
    return PeriodDates(start, end, cutoff, send)


def quarter_window(plan: Plan | None, year: int, quarter: int) -> tuple[date, date]:
    """The data window of one quarter's progress record.

    Quý I and quý III are their reports' windows; quý II runs from the day after quý I
    to the end of the six-month window, quý IV from the day after quý III to the end of
    the year's window. Reports missing from the plan take the Nghị định 09 defaults. A
    plan that starts mid-year starts its first quarter's window on its ``start``.
    """
    start, end = _full_quarter_window(plan, year, quarter)
    if plan is not None and plan.start is not None and start < plan.start <= end:
        start = plan.start
    return start, end


def _full_quarter_window(plan: Plan | None, year: int, quarter: int) -> tuple[date, date]:
    def rule(kind: ReportKind) -> ScheduledReport | None:
        return report_rule(plan, kind) if plan is not None else None

    if quarter in (1, 3):
        kind = ReportKind.Q1 if quarter == 1 else ReportKind.Q3
        return window(kind, year, rule(kind))
    if quarter not in (2, 4):
        raise ValueError(f"quarter {quarter}")
    before, whole = (
        (ReportKind.Q1, ReportKind.H1) if quarter == 2 else (ReportKind.Q3, ReportKind.YEAR)
    )
    start = window(before, year, rule(before))[1] + timedelta(days=1)
    return start, window(whole, year, rule(whole))[1]


def quarter_open(plan: Plan | None, year: int, quarter: int) -> bool:
    """Whether the plan runs in the quarter: a plan that starts mid-year (``start``) has no
    record for a quarter whose window ends before that day."""
    if plan is None or plan.start is None:
        return True
    return _full_quarter_window(plan, year, quarter)[1] >= plan.start


def first_window_start(plan: Plan) -> date:
    """The first day of the plan's first data window: its ``start``, or the start of the
    first quarter of its first year."""
    first = window(ReportKind.Q1, plan.years.start, report_rule(plan, ReportKind.Q1))[0]
    return max(first, plan.start) if plan.start is not None else first


def quarter_of_day(plan: Plan | None, year: int, day: date) -> int | None:
    """The quarter of ``year`` whose data window holds ``day``, if any."""
    for quarter in (1, 2, 3, 4):
        start, end = _full_quarter_window(plan, year, quarter)
        if start <= day <= end:
            return quarter
    return None


def periods_of_year(year: int) -> list[Period]:
    """The four reports of a year, in order."""
    return [Period(kind, year) for kind in ORDER]


def next_due(plan: Plan | None, today: date) -> Period:
    """The report due next: the earliest whose send date is today or later.

    With no plan, the dates of the seed plans apply (05/03, 05/06, 05/09, 05/12).
    """
    candidates: list[tuple[date, int, Period]] = []
    for year in (today.year - 1, today.year, today.year + 1, today.year + 2):
        if plan is not None and year not in plan.years:
            continue
        for index, period in enumerate(periods_of_year(year)):
            rule = report_rule(plan, period.kind) if plan is not None else None
            if plan is not None and (rule is None or not period.after_start(plan)):
                continue
            send = dates_for(period.kind, year, rule or _fallback(period.kind)).send_before
            if send >= today:
                candidates.append((send, index, period))
    if not candidates and plan is not None and plan.reporting and plan.reporting.reports:
        last = plan.years.end
        raise PeriodOutsidePlanError(
            f"Kế hoạch ({plan.years}) không còn kỳ báo cáo nào đến hạn sau ngày {today:%d/%m/%Y}.",
            f"Chỉ rõ kỳ báo cáo, ví dụ --annual {last} hoặc --quarter {last}-Q3.",
        )
    if not candidates:
        raise NotInPlanError(
            "Kế hoạch chưa khai báo kỳ báo cáo nào nên không xác định được kỳ sắp đến hạn.",
            "Thêm 'reporting.reports' vào kế hoạch, hoặc chỉ rõ --quarter 2024-Q1.",
        )
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def _fallback(kind: ReportKind) -> ScheduledReport:
    return ScheduledReport(kind=kind, send_before=MonthDay(LAST_MONTH[kind], 5))


# A draft is named apart from the report, so the report never needs --force to replace
# it and `cchc deadlines` never takes a draft for the report sent.
DRAFT_SUFFIX = "-du-thao"


def default_report_path(
    plan_path: Path,
    period: Period,
    reports_dir: Path = DEFAULT_REPORTS_DIR,
    ext: str = "docx",
    *,
    draft: bool = False,
) -> Path:
    """Where a report is written by default: reports/<YYYY>/<plan stem>-<period slug>.<ext>
    (a draft: …-<period slug>-du-thao.<ext>)."""
    slug = period.slug + (DRAFT_SUFFIX if draft else "")
    return report_path(plan_path, period.year, slug, reports_dir, ext)


def plan_year(plan: Plan | None, today: date) -> int:
    """The year a request without one means: this year, or the plan's nearest year when
    the plan does not cover this year (a 2024 plan looked at in 2026 means 2024)."""
    if plan is None or today.year in plan.years:
        return today.year
    return plan.years.end if today.year > plan.years.end else plan.years.start


def require_plan_year(plan: Plan, year: int, what: str) -> None:
    """A usage error for a period outside the years the plan covers."""
    if year not in plan.years:
        raise PeriodOutsidePlanError(
            f"{what} nằm ngoài thời gian của kế hoạch ({plan.years}).",
            f"Chọn một kỳ trong năm {plan.years}, hoặc dùng kế hoạch của năm {year}.",
        )


@dataclass(frozen=True)
class PeriodSpec:
    """A report period as the clerk named it: a kind (None: the report due next) and a
    year (None: the plan's year as of today)."""

    kind: ReportKind | None = None
    year: int | None = None


@dataclass(frozen=True)
class QuarterSpec:
    """A progress quarter as named: (None, None) is the quarter whose window holds today."""

    number: int | None = None
    year: int | None = None


def resolve_period(spec: PeriodSpec, plan: Plan | None, today: date) -> Period:
    """The period ``spec`` names, under ``plan``'s calendar as of ``today``."""
    if spec.kind is None:
        return next_due(plan, today)
    return Period(spec.kind, spec.year if spec.year is not None else plan_year(plan, today))


def resolve_quarter(spec: QuarterSpec, plan: Plan | None, today: date) -> tuple[int, int]:
    """(year, quarter) ``spec`` names; none named: the quarter whose window holds today."""
    if spec.number is not None:
        return (spec.year if spec.year is not None else plan_year(plan, today)), spec.number
    for year in (today.year, today.year + 1):
        for quarter in (1, 2, 3, 4):
            if not quarter_open(plan, year, quarter):
                continue
            start, end = quarter_window(plan, year, quarter)
            if start <= today <= end:
                return year, quarter
    return today.year, (today.month - 1) // 3 + 1
