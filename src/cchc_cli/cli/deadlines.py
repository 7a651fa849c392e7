"""Command `cchc deadlines`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group
from cchc_cli.cli.options import PlanArgument, TodayOption
from cchc_cli.paths import DEFAULT_REPORTS_DIR

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)


@app.command("deadlines", cls=Command, help=help_of("deadlines"))
def deadlines(
    plan: PlanArgument = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year",
            help="Năm (mặc định: năm nay, hoặc năm gần nhất của kế hoạch).",
            show_default=False,
            metavar="NĂM",
        ),
    ] = None,
    today: TodayOption = None,
    reports_dir: Annotated[
        Path, typer.Option("--reports-dir", help="Thư mục báo cáo đã lập.", metavar="THƯ_MỤC")
    ] = DEFAULT_REPORTS_DIR,
) -> int:
    from cchc_cli.cli.console import console
    from cchc_cli.cli.period_options import check_year, parse_today
    from cchc_cli.deadlines import year_deadlines
    from cchc_cli.load.files import default_plan
    from cchc_cli.load.plan import load_plan_or_raise
    from cchc_cli.output.deadlines import deadline_table
    from cchc_cli.periods import plan_year

    plan_path = plan or default_plan()
    loaded = load_plan_or_raise(plan_path)
    day = parse_today(today)
    shown = check_year(year) if year is not None else plan_year(loaded, day)
    rows = year_deadlines(loaded, plan_path, shown, day, reports_dir)
    title = f"Lịch báo cáo CCHC năm {shown} – {loaded.unit.full_name}"
    console().print(deadline_table(rows, title))
    note = ""
    if shown not in loaded.years:
        note = f"Năm {shown} nằm ngoài kế hoạch ({loaded.years}): lịch theo chế độ báo cáo của nó."
    elif year is None and shown != day.year:
        note = f"Kế hoạch áp dụng cho năm {loaded.years}, nên đây là lịch năm {shown}."
    if note:
        console().print(note, style="yellow", markup=False)
    return 0
