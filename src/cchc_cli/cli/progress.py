"""Command group `cchc progress`: the quarterly progress files."""

from __future__ import annotations

from pathlib import Path
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


@app.command(
    "import",
    cls=Command,
    help="Nhập số liệu TTHC của một quý từ bảng thống kê của hệ thống một cửa (Biểu số "
    "06/VPCP/KSTT, tệp .xlsx hoặc .csv) vào tệp tiến độ của quý.\n\n"
    "Các cột được nhận theo tiêu đề; bốn phương trình của Biểu 06 được kiểm tra trên từng "
    "dòng; kỳ số liệu in trong tệp phải khớp kỳ của quý. Số liệu đã nhập tay khác số của "
    "tệp không bị ghi đè nếu không có --force. Mã thoát: 0 xong; 1 tệp có lỗi hoặc xung "
    "đột; 2 sai cách dùng; 3 không ghi được.",
)
def progress_import(  # noqa: PLR0917 - typer maps each parameter to an option
    export: Annotated[
        Path,
        typer.Argument(
            help="Tệp thống kê xuất từ hệ thống một cửa (.xlsx hoặc .csv).",
            show_default=False,
            metavar="TỆP_THỐNG_KÊ",
        ),
    ],
    plan: PlanArgument = None,
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--quarter",
            "-q",
            help="Quý, ví dụ 2024-Q1 (mặc định: quý có kỳ số liệu in trong tệp).",
            show_default=False,
            metavar="QUÝ",
        ),
    ] = None,
    progress_dir: ProgressDirOption = DEFAULT_PROGRESS_DIR,
    force: Annotated[
        bool, typer.Option("--force", help="Ghi đè số liệu đã nhập tay khác số của tệp.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ cho xem thay đổi, không ghi tệp.")
    ] = False,
    today: TodayOption = None,
) -> int:
    from cchc_cli.cli.console import console, print_problems
    from cchc_cli.cli.period_options import parse_quarter, parse_today
    from cchc_cli.load.files import default_plan, read_input
    from cchc_cli.load.plan import load_plan_or_raise
    from cchc_cli.load.spreadsheet import LIMITS
    from cchc_cli.model.progress import Quarter
    from cchc_cli.output.safewrite import write_new
    from cchc_cli.output.tthc import changes_text
    from cchc_cli.periods import resolve_quarter
    from cchc_cli.tthc.apply import apply_import

    spec = parse_quarter(quarter)
    plan_path = plan or default_plan()
    loaded = load_plan_or_raise(plan_path)
    chosen = None
    if quarter is not None:
        chosen = Quarter(*resolve_quarter(spec, loaded, parse_today(today)))
    raw = read_input(export, "tệp thống kê", LIMITS.max_bytes)
    applied = apply_import(
        raw, export, loaded, plan_path, quarter=chosen, progress_dir=progress_dir, force=force
    )
    if applied.notes:
        print_problems(list(applied.notes))
    if applied.changed and not dry_run:
        write_new(applied.path, applied.data, force=True, inputs=[plan_path, export])
    console().print(changes_text(applied, loaded, dry_run=dry_run), markup=False)
    return 0
