"""Command `cchc status`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Group
from cchc_cli.cli.options import (
    AnnualOption,
    HalfOption,
    NoCacheOption,
    ProgressDirOption,
    TodayOption,
)
from cchc_cli.cli.output import chosen, format_enum
from cchc_cli.cli.period_options import OptionalQuarterCommand
from cchc_cli.output.status import FORMATS
from cchc_cli.paths import DEFAULT_PLANS_DIR, DEFAULT_PROGRESS_DIR

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)
Format = format_enum("Format", FORMATS)


@app.command(
    "status",
    cls=OptionalQuarterCommand,
    help=help_of(
        "status",
        "Mã thoát: 0 mọi đơn vị phải lập báo cáo đều sẵn sàng; 1 có đơn vị còn thiếu hoặc "
        "có lỗi; 2 sai cách dùng.",
    ),
)
def status(  # noqa: PLR0917 - typer maps each parameter to an option
    target: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="Tệp kế hoạch, hoặc thư mục kế hoạch của các đơn vị (mặc định: plans/).",
            show_default=False,
            metavar="KẾ_HOẠCH",
        ),
    ] = None,
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--quarter",
            "-q",
            help="Báo cáo quý: 1, Q1, 2024-Q1; để trống: kỳ sắp đến hạn của mỗi đơn vị.",
            show_default=False,
            metavar="QUÝ",
        ),
    ] = None,
    half: HalfOption = None,
    annual: AnnualOption = None,
    output_format: Annotated[
        Optional[Format],  # type: ignore[valid-type]  # noqa: UP045 - built from the registry
        typer.Option(
            "--format",
            "-f",
            help="text (bảng) hoặc json.",
            show_default=False,
            metavar="|".join(FORMATS),
        ),
    ] = None,
    progress_dir: ProgressDirOption = DEFAULT_PROGRESS_DIR,
    today: TodayOption = None,
    no_cache: NoCacheOption = False,
) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cchc_cli.cli.console import console, emit, reader_may_stop
    from cchc_cli.cli.period_options import parse_period, parse_today
    from cchc_cli.errors import UsageError
    from cchc_cli.province.cache import unit_cache
    from cchc_cli.province.status import Request, statuses
    from cchc_cli.province.units import unit_plans

    request = Request(parse_period(quarter, half, annual), progress_dir, parse_today(today))
    source = target if target is not None else DEFAULT_PLANS_DIR
    if not source.exists():
        raise UsageError(f"Không tìm thấy '{source}'.", "Chỉ ra tệp hoặc thư mục kế hoạch.")
    plans = unit_plans(source)
    if not plans:
        raise UsageError(
            f"Thư mục '{source}' không có tệp kế hoạch .yaml nào.",
            "Chỉ ra thư mục kế hoạch của các đơn vị (ví dụ plans/).",
        )
    err = console(stderr=True)
    with Progress(
        TextColumn("Kiểm tra các đơn vị"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal or len(plans) < 2,
    ) as bar:
        task = bar.add_task("", total=len(plans))
        cache = unit_cache(enabled=not no_cache)
        try:
            found = statuses(plans, request, lambda n: bar.advance(task, n), cache)
        finally:
            if cache is not None:
                cache.close()
    with reader_may_stop():
        emit(FORMATS[chosen(output_format) or "text"](found))
    ready = all(s.state.value == "sẵn sàng" for s in found if s.due)
    return 0 if ready else 1
