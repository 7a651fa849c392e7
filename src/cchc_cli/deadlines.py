"""The year's reports with their data windows, cut-offs, send dates and days left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_cli.errors import CchcError
from cchc_cli.model.plan import Plan
from cchc_cli.paths import DEFAULT_REPORTS_DIR
from cchc_cli.periods import Period, PeriodDates, default_report_path, periods_of_year, report_rule


@dataclass(frozen=True)
class Deadline:
    """One report of the year: its dates, days left, whether it was already written, and
    whether only a draft was (named apart: ``periods.DRAFT_SUFFIX``)."""

    period: Period
    dates: PeriodDates
    days_left: int
    report_path: Path
    written: bool
    drafted: bool = False

    @property
    def overdue(self) -> bool:
        return self.days_left < 0 and not self.written


def year_deadlines(
    plan: Plan, plan_path: Path, year: int, today: date, reports_dir: Path = DEFAULT_REPORTS_DIR
) -> list[Deadline]:
    """The year's reports declared in the plan's reporting rule, in order."""
    rows: list[Deadline] = []
    for period in periods_of_year(year):
        if report_rule(plan, period.kind) is None or not period.after_start(plan):
            continue  # not in the rule, or ended before a mid-year plan started
        dates = period.schedule(plan)
        path = default_report_path(plan_path, period, reports_dir)
        draft = default_report_path(plan_path, period, reports_dir, draft=True)
        rows.append(
            Deadline(period, dates, dates.days_left(today), path, path.is_file(), draft.is_file())
        )
    if not rows:
        raise CchcError(
            "Kế hoạch chưa khai báo kỳ báo cáo nào (reporting.reports).",
            "Thêm các kỳ quy-1, 6-thang, quy-3, nam với hạn gửi (send_before).",
        )
    return rows
