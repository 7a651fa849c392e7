"""Command group `cchc progress`: the quarterly progress files."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group
from cchc_cli.cli.options import PlanArgument, ProgressDirOption, TodayOption
from cchc_cli.paths import DEFAULT_PROGRESS_DIR

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
    progress_dir: ProgressDirOption = DEFAULT_PROGRESS_DIR,
    today: TodayOption = None,
) -> int:
    from cchc_cli.cli.console import console
    from cchc_cli.cli.period_options import parse_quarter, parse_today
    from cchc_cli.load.files import default_plan
    from cchc_cli.load.plan import load_plan_or_raise
    from cchc_cli.model.progress import Quarter
    from cchc_cli.output.safewrite import write_new
    from cchc_cli.periods import resolve_quarter
    from cchc_cli.problems import display_path
    from cchc_cli.progress_new import already_there, new_progress

    spec = parse_quarter(quarter)
    plan_path = plan or default_plan()
    loaded = load_plan_or_raise(plan_path)
    year, number = resolve_quarter(spec, loaded, parse_today(today))
    new = new_progress(loaded, plan_path, Quarter(year, number), progress_dir)
    write_new(new.path, new.text.encode("utf-8"), exists=already_there)
    console().print(f"Đã tạo {display_path(new.path)}: điền các giá trị ~ rồi chạy cchc validate.")
    return 0
