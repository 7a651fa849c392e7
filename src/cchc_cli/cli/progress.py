"""Command group `cchc progress`: the quarterly progress files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group
from cchc_cli.cli.options import PlanArgument, ProgressDirOption, TodayOption

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None, no_args_is_help=True)


@app.callback(help=help_of("progress"))
def progress() -> None:
    # A callback keeps `progress` a group even while it has one command.
    pass


@app.command(
    "new",
    cls=Command,
    help="Tạo tệp tiến độ của một quý, điền sẵn nhiệm vụ, chỉ số và các mục báo cáo.\n\n"
    "Không bao giờ ghi đè tệp đã có (mã thoát 3).",
)
def progress_new(
    plan: PlanArgument = None,
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--quarter",
            "-q",
            help="Quý, ví dụ 2024-Q2 (mặc định: quý có kỳ số liệu chứa hôm nay).",
            show_default=False,
            metavar="QUÝ",
        ),
    ] = None,
    progress_dir: ProgressDirOption = Path("progress"),
    today: TodayOption = None,
) -> int:
    from cchc_cli.cli.console import console
    from cchc_cli.load.plan import default_plan, load_plan_or_raise
    from cchc_cli.model.progress import Quarter
    from cchc_cli.periods import parse_quarter, parse_today
    from cchc_cli.problems import display_path
    from cchc_cli.progress_new import new_progress

    plan_path = plan or default_plan()
    loaded = load_plan_or_raise(plan_path)
    year, number = parse_quarter(quarter, parse_today(today), loaded)
    out = new_progress(loaded, plan_path, Quarter(year, number), progress_dir)
    console().print(f"Đã tạo {display_path(out)}: điền các giá trị ~ rồi chạy cchc validate.")
    return 0
