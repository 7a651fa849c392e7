"""`cchc deadlines`: the year's reports with their data windows and due dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.model.plan import Plan
from cchc_cli.periods import Period, PeriodDates, default_report_path, periods_of_year, report_rule
from cchc_cli.problems import CchcError
from cchc_cli.vietnamese import number

if TYPE_CHECKING:
    from rich.table import Table


@dataclass(frozen=True)
class Deadline:
    """One report of the year: its dates, days left and whether it was already written."""

    period: Period
    dates: PeriodDates
    days_left: int
    report_path: Path
    written: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0 and not self.written

    @property
    def remaining(self) -> str:
        """ "còn 12 ngày", "hôm nay", "quá hạn 3 ngày"."""
        if self.days_left > 0:
            return f"còn {number(self.days_left)} ngày"
        if self.days_left == 0:
            return "hôm nay"
        return f"quá hạn {number(-self.days_left)} ngày"

    @property
    def status(self) -> str:
        if self.written:
            return "đã lập"
        return "quá hạn" if self.days_left < 0 else "chưa lập"


def year_deadlines(
    plan: Plan, plan_path: Path, year: int, today: date, reports_dir: Path = Path("reports")
) -> list[Deadline]:
    """The year's reports declared in the plan's reporting rule, in order."""
    rows: list[Deadline] = []
    for period in periods_of_year(year):
        if report_rule(plan, period.kind) is None:
            continue
        dates = period.schedule(plan)
        path = default_report_path(plan_path, period, reports_dir)
        rows.append(Deadline(period, dates, dates.days_left(today), path, path.is_file()))
    if not rows:
        raise CchcError(
            "Kế hoạch chưa khai báo kỳ báo cáo nào (reporting.reports).",
            "Thêm các kỳ quy-1, 6-thang, quy-3, nam với hạn gửi (send_before).",
        )
    return rows


def dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def deadline_table(rows: list[Deadline], title: str) -> Table:
    """The rows as a rich table; the next report due is in bold."""
    from rich import box
    from rich.table import Table

    # Compact, without vertical rules, so the table fits an 80-column Windows console.
    table = Table(
        title=title,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
    )
    for header in ("Kỳ báo cáo", "Kỳ số liệu", "Ngày chốt", "Hạn gửi", "Còn lại"):
        table.add_column(header, overflow="fold")  # a narrow console wraps, never cuts
    upcoming = [r for r in rows if r.days_left >= 0 and not r.written]
    next_row = min(upcoming, key=lambda r: r.days_left) if upcoming else None
    for row in rows:
        dates = row.dates
        cutoff = dmy(dates.cutoff) + ("*" if dates.estimated else "")
        style = "bold" if row is next_row else ("red" if row.overdue else None)
        table.add_row(
            row.period.label,
            f"{dmy(dates.window_start)} – {dmy(dates.window_end)}",
            cutoff,
            dmy(dates.send_before),
            "đã lập" if row.written else row.remaining,
            style=style,
        )
    if any(r.dates.estimated for r in rows):
        table.caption = "* Số liệu sau ngày chốt đến hết kỳ số liệu là ước thực hiện."
    return table
