"""Commands `cchc report`, `cchc progress` and `cchc deadlines` (registered by register)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    """Add the reporting commands to ``app``."""
    app.command("report")(report)


def report(  # noqa: PLR0917 - typer maps each parameter to an option
    plan: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="Tệp kế hoạch, hoặc thư mục kế hoạch để lập báo cáo cho từng đơn vị "
            "(mặc định: kế hoạch duy nhất trong plans/).",
            show_default=False,
        ),
    ] = None,
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--quarter",
            "-q",
            is_flag=False,
            flag_value="",
            help="Báo cáo quý: 1, Q1, 2024-Q1, I/2024; để trống: kỳ sắp đến hạn.",
            show_default=False,
        ),
    ] = None,
    half: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--half", help="Báo cáo 6 tháng, ví dụ 2024-H1.", show_default=False),
    ] = None,
    annual: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--annual", help="Báo cáo năm, ví dụ 2024.", show_default=False),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Tệp kết quả (mặc định reports/<năm>/<kế hoạch>-<kỳ>.docx); "
            "với thư mục kế hoạch: thư mục kết quả.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="docx (mặc định) hoặc md (Markdown).")
    ] = "docx",
    draft: Annotated[
        bool, typer.Option("--draft", help="Thiếu số liệu thì để '…' thay vì báo lỗi.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp báo cáo đã có.")] = False,
    templates: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--templates", help="Thư mục mẫu báo cáo riêng của đơn vị.", show_default=False
        ),
    ] = None,
    progress_dir: Annotated[
        Path, typer.Option("--progress-dir", help="Thư mục tệp tiến độ.")
    ] = Path("progress"),
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--today", help="Coi hôm nay là ngày YYYY-MM-DD (để thử).", show_default=False
        ),
    ] = None,
    report_date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date", help="Ngày của báo cáo (YYYY-MM-DD); mặc định hôm nay.", show_default=False
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
