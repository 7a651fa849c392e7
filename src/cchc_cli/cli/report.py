"""Commands `cchc report`, `cchc progress` and `cchc deadlines` (registered by register)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli_options import PlanArgument, ProgressDirOption, TodayOption


def register(app: typer.Typer) -> None:
    """Add the reporting commands to ``app``."""
    from cchc_cli.report.cli_support import OptionalQuarterCommand

    app.command("report", cls=OptionalQuarterCommand)(report)
    app.command("deadlines")(deadlines)
    progress_app = typer.Typer(
        help="Tệp tiến độ thực hiện kế hoạch theo quý.", no_args_is_help=True
    )
    progress_app.command("new")(progress_new)
    app.add_typer(progress_app, name="progress")


def report(  # noqa: PLR0917 - typer maps each parameter to an option
    plan: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="Tệp kế hoạch, hoặc thư mục kế hoạch để lập báo cáo cho từng đơn vị "
            "(mặc định: kế hoạch duy nhất trong plans/).",
            show_default=False,
            metavar="KẾ_HOẠCH",
        ),
    ] = None,
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--quarter",
            "-q",
            help="Báo cáo quý: 1, Q1, 2024-Q1, I/2024; để trống: kỳ sắp đến hạn.",
            show_default=False,
            metavar="QUÝ",
        ),
    ] = None,
    half: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--half", help="Báo cáo 6 tháng, ví dụ 2024-H1.", show_default=False, metavar="KỲ"
        ),
    ] = None,
    annual: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--annual", help="Báo cáo năm, ví dụ 2024.", show_default=False, metavar="NĂM"
        ),
    ] = None,
    output: Annotated[
        Optional[str],  # noqa: UP045 - text, so that a final '/' (a folder) is kept
        typer.Option(
            "--output",
            "-o",
            help="Tệp kết quả (mặc định reports/<năm>/<kế hoạch>-<kỳ>.docx); một thư mục "
            "(có sẵn, hoặc ghi kèm '/' ở cuối) để ghi báo cáo vào đó.",
            show_default=False,
            metavar="TỆP",
        ),
    ] = None,
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="docx hoặc md (Markdown); mặc định theo đuôi tệp -o, không có thì docx.",
            show_default=False,
            metavar="docx|md",
        ),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Thiếu số liệu thì để '…' thay vì báo lỗi.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp báo cáo đã có.")] = False,
    templates: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--templates",
            help="Thư mục mẫu báo cáo riêng của đơn vị.",
            show_default=False,
            metavar="THƯ_MỤC",
        ),
    ] = None,
    progress_dir: ProgressDirOption = Path("progress"),
    today: TodayOption = None,
    report_date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date",
            help="Ngày của báo cáo (YYYY-MM-DD); mặc định hôm nay.",
            show_default=False,
            metavar="YYYY-MM-DD",
        ),
    ] = None,
) -> None:
    """Lập báo cáo CCHC định kỳ (quý I, 6 tháng, quý III, năm) thành tệp Word hoặc Markdown."""
    from cchc_cli.report.command import run_report

    run_report(
        plan,
        quarter=quarter,
        half=half,
        annual=annual,
        output=output,
        fmt=fmt,
        draft=draft,
        force=force,
        templates=templates,
        progress_dir=progress_dir,
        today=today,
        report_date=report_date,
    )


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
    ] = Path("reports"),
) -> int:
    """Lịch báo cáo CCHC trong năm: kỳ số liệu, ngày chốt, hạn gửi, số ngày còn lại."""
    from cchc_cli.console import console
    from cchc_cli.deadlines import deadline_table, year_deadlines
    from cchc_cli.periods import check_year, parse_today, plan_year
    from cchc_cli.plans import default_plan, load_plan_or_raise

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
    """Tạo tệp tiến độ của một quý, điền sẵn nhiệm vụ, chỉ số và các mục báo cáo.

    Không bao giờ ghi đè tệp đã có (mã thoát 3).
    """
    from cchc_cli.console import console
    from cchc_cli.model.progress import Quarter
    from cchc_cli.periods import parse_quarter, parse_today
    from cchc_cli.plans import default_plan, load_plan_or_raise
    from cchc_cli.problems import display_path
    from cchc_cli.progress_new import new_progress

    plan_path = plan or default_plan()
    loaded = load_plan_or_raise(plan_path)
    year, number = parse_quarter(quarter, parse_today(today), loaded)
    out = new_progress(loaded, plan_path, Quarter(year, number), progress_dir)
    console().print(f"Đã tạo {display_path(out)}: điền các giá trị ~ rồi chạy cchc validate.")
    return 0
