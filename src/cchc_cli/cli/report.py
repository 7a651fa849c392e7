"""Command `cchc report`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Group
from cchc_cli.cli.optional_value import OptionalQuarterCommand
from cchc_cli.cli.options import ProgressDirOption, TodayOption

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)


@app.command("report", cls=OptionalQuarterCommand, help=help_of("report"))
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
