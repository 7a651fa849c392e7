"""Import a Biểu 06 export for a plan and a quarter: read, find, check, compute figures.

The command layer calls ``import_tthc`` with the file's bytes, then, when the result
has figures, ``cchc_cli.tthc.merge.merge_figures`` with the quarter file's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.load.spreadsheet import LIMITS, Limits, read_spreadsheet
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import Quarter
from cchc_cli.periods import quarter_window
from cchc_cli.problems import Mark, Problem, ProblemList
from cchc_cli.tthc.columns import normalise_header
from cchc_cli.tthc.equations import check_equations
from cchc_cli.tthc.feeds import Figures, figures_for
from cchc_cli.tthc.result import ExportPeriod, TthcTable
from cchc_cli.tthc.spec import ExportSpec
from cchc_cli.tthc.table import find_table


@dataclass(frozen=True)
class TthcImport:
    """The outcome of one import: the table when found, the figures when nothing is
    wrong, and every problem (errors and notes) in the order found."""

    path: str
    table: TthcTable | None
    quarter: Quarter | None
    figures: Figures | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.figures is not None


def import_tthc(
    raw: bytes,
    path: str,
    plan: Plan,
    quarter: Quarter | None = None,
    *,
    limits: Limits = LIMITS,
) -> TthcImport:
    """Read ``raw`` (the export, shown as ``path``) for ``plan``'s counts of ``quarter``.

    Without ``quarter``, the quarter is the one whose data window the export's printed
    period matches. Never raises for bad input: every failure is a problem.
    """
    problems = ProblemList(path)
    spec = ExportSpec.from_plan(plan)
    book = read_spreadsheet(raw, path, problems, sheet=spec.sheet, limits=limits)
    table = find_table(book, spec, path, problems) if book is not None else None
    if table is None:
        return TthcImport(path, None, quarter, None, tuple(problems.items))
    check_equations(table, problems)
    check_unit(table, plan, problems)
    quarter = quarter or _quarter_of(table, plan, problems)
    if quarter is not None:
        check_period(table, plan, quarter, problems)
    figures = figures_for(plan, spec, table, problems)
    usable = figures if quarter is not None and not problems.has_errors else None
    return TthcImport(path, table, quarter, usable, tuple(problems.items))


def quarter_for(plan: Plan, period: ExportPeriod) -> Quarter | None:
    """The quarter of the plan whose data window starts on the period's first day and
    holds its last."""
    for year in sorted({period.end.year, period.end.year + 1}):
        if year not in plan.years:
            continue
        for number in (1, 2, 3, 4):
            start, end = quarter_window(plan, year, number)
            if period.start == start and start <= period.end <= end:
                return Quarter(year, number)
    return None


def _quarter_of(table: TthcTable, plan: Plan, problems: ProblemList) -> Quarter | None:
    found = quarter_for(plan, table.period) if table.period else None
    if found is None:
        mark = table.period.at.mark if table.period else Mark(0, 0)
        shown = f"kỳ {table.period}" if table.period else "không ghi kỳ số liệu"
        problems.add(
            mark,
            "E523",
            f"Không xác định được tệp thuộc quý nào ({shown}).",
            "Chỉ rõ quý (ví dụ 2024-Q1); kỳ số liệu của tệp phải trùng kỳ số liệu của một quý.",
        )
    return found


def check_period(table: TthcTable, plan: Plan, quarter: Quarter, problems: ProblemList) -> None:
    """The printed period is the quarter's data window, or ends early (at the cut-off)."""
    start, end = quarter_window(plan, quarter.year, quarter.number)
    window = f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
    name = f"quý {quarter.roman}/{quarter.year}"
    period = table.period
    if period is None:
        problems.add(
            Mark(table.header_line, 1),
            "W524",
            "Phía trên bảng không có dòng 'Từ ngày … đến ngày …' nên không kiểm tra được kỳ "
            f"số liệu (kỳ số liệu {name}: {window}).",
            "Kiểm tra đã xuất bảng thống kê đúng kỳ số liệu của quý.",
        )
        return
    if period.start != start or not start <= period.end <= end:
        problems.add(
            period.at.mark,
            "E523",
            f"{period.at.describe(start=True)}: tệp thống kê kỳ {period}, nhưng kỳ số liệu "
            f"{name} là {window}.",
            f"Xuất lại bảng thống kê từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}, hoặc "
            "chọn đúng quý.",
        )
    elif period.end < end:
        problems.add(
            period.at.mark,
            "W525",
            f"{period.at.describe(start=True)}: tệp thống kê đến ngày {period.end:%d/%m/%Y}, "
            f"trước ngày cuối kỳ số liệu {name} ({end:%d/%m/%Y}); số liệu các ngày sau "
            "chưa có trong tệp.",
            "Nếu đây là ngày chốt số liệu thì báo cáo ghi phần còn lại là ước thực hiện; "
            "xuất lại sau ngày cuối kỳ để có số liệu đủ.",
        )


def check_unit(table: TthcTable, plan: Plan, problems: ProblemList) -> None:
    """The unit printed above the table is the plan's (by name)."""
    name = normalise_header(plan.unit.name)
    if table.unit is None or name in normalise_header(table.unit):
        return
    problems.add(
        Mark(table.header_line, 1),
        "W526",
        f"Tệp thống kê ghi đơn vị '{table.unit}', không phải {plan.unit.full_name}.",
        "Kiểm tra đã xuất bảng thống kê của đúng đơn vị.",
    )
