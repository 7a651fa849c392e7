"""Command `cchc rollup` (Vietnamese alias `cchc tong-hop`)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Group
from cchc_cli.cli.options import (
    AnnualOption,
    HalfOption,
    NoCacheOption,
    ProgressDirOption,
    QuarterOption,
    TodayOption,
)
from cchc_cli.cli.output import chosen, format_enum
from cchc_cli.cli.period_options import OptionalQuarterCommand
from cchc_cli.output.rollup import ENDINGS, FORMATS, RENDERED
from cchc_cli.paths import DEFAULT_PLANS_DIR, DEFAULT_PROGRESS_DIR, DEFAULT_REPORTS_DIR

if TYPE_CHECKING:
    from cchc_cli.cli.output import Target
    from cchc_cli.periods import Period
    from cchc_cli.province.report import RollupReport

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)
Format = format_enum("Format", FORMATS)
# Written under reports/<YYYY>/ as tong-hop-<period>.xlsx and .docx.
STEM = "tong-hop"


@app.command(
    "rollup",
    cls=OptionalQuarterCommand,
    help=help_of(
        "rollup",
        "Ghi bảng tính tổng hợp (.xlsx) và báo cáo tổng hợp của Sở Nội vụ (.docx). Mã thoát: "
        "0 mọi đơn vị phải báo cáo đều được tổng hợp; 1 đã ghi, nhưng có đơn vị chưa đủ số "
        "liệu hoặc có lỗi (được liệt kê, không cộng vào tổng); 2 sai cách dùng; 3 tệp kết "
        "quả đã có (dùng --force); 4 mẫu báo cáo lỗi.",
    ),
)
def rollup(  # noqa: PLR0917 - typer maps each parameter to an option
    target: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="Thư mục kế hoạch của các đơn vị (mặc định: plans/).",
            show_default=False,
            metavar="THƯ_MỤC",
        ),
    ] = None,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    annual: AnnualOption = None,
    output: Annotated[
        Optional[str],  # noqa: UP045 - text, so that a final '/' (a folder) is kept
        typer.Option(
            "--output",
            "-o",
            help="Tệp .xlsx hoặc .docx (chỉ ghi tệp đó), hoặc thư mục (có sẵn, hoặc ghi kèm "
            "'/' ở cuối) để ghi cả hai; mặc định reports/<năm>/tong-hop-<kỳ>.xlsx và .docx.",
            show_default=False,
            metavar="TỆP",
        ),
    ] = None,
    fmt: Annotated[
        Optional[Format],  # type: ignore[valid-type]  # noqa: UP045 - built from the registry
        typer.Option(
            "--format",
            "-f",
            help="Chỉ ghi xlsx (bảng tính) hoặc chỉ docx (báo cáo); mặc định cả hai.",
            show_default=False,
            metavar="|".join(FORMATS),
        ),
    ] = None,
    office: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--office",
            help="Tệp thông tin Sở Nội vụ (tên, cơ quan chủ quản, người ký, nơi nhận; xem "
            "docs/office-fields.md); mặc định so-noi-vu.yaml ở thư mục hiện tại nếu có.",
            show_default=False,
            metavar="TỆP",
        ),
    ] = None,
    templates: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--templates",
            help="Thư mục mẫu riêng (tong-hop-*.md.j2) của báo cáo tổng hợp.",
            show_default=False,
            metavar="THƯ_MỤC",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp kết quả đã có.")] = False,
    progress_dir: ProgressDirOption = DEFAULT_PROGRESS_DIR,
    today: TodayOption = None,
    report_date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date",
            help="Ngày của báo cáo tổng hợp (YYYY-MM-DD); mặc định hôm nay.",
            show_default=False,
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> int:
    from cchc_cli.cli.output import resolve_output
    from cchc_cli.cli.period_options import parse_day, parse_period, parse_today
    from cchc_cli.errors import UsageError
    from cchc_cli.province.office import find_office
    from cchc_cli.province.rollup import rollup_period

    day = parse_today(today)
    period = rollup_period(parse_period(quarter, half, annual), day)
    dated = parse_day(report_date, "--date") or day
    source = target if target is not None else DEFAULT_PLANS_DIR
    if not source.is_dir():
        raise UsageError(
            f"Không tìm thấy thư mục kế hoạch '{source}'.",
            "Chỉ ra thư mục kế hoạch của các đơn vị, ví dụ plans/.",
        )
    found = resolve_output(
        output,
        chosen(fmt),
        ENDINGS,
        "xlsx",
        folder_ok=True,
        example="tong-hop.xlsx",
        what="bảng tổng hợp",
    )
    paths = _paths(found, period, both=fmt is None and found.file is None)
    details, office_file = find_office(office)
    report = _consolidate(source, period, progress_dir, day, dated, details, not no_cache)
    from cchc_cli.cli.console import console, emit
    from cchc_cli.output.rollup import summary

    err = console(stderr=True)
    data = {}
    for fmt_name, path in paths.items():
        # Thousands of units make a workbook and a report of many pages: say so meanwhile.
        with err.status(f"Đang soạn {path.name}…") if err.is_terminal else nullcontext():
            data[path] = _bytes(fmt_name, report, templates)
    _write(data, force, [office_file] if office_file else [])

    emit(summary(report, list(data)))
    return 0 if report.covered == report.due else 1


def _paths(target: Target, period: Period, *, both: bool) -> dict[str, Path]:
    from cchc_cli.paths import report_path

    formats = list(FORMATS) if both else [target.format]
    paths = {}
    for name in formats:
        if target.file is not None:
            paths[name] = target.file
            continue
        path = report_path(Path(STEM), period.year, period.slug, DEFAULT_REPORTS_DIR, name)
        paths[name] = target.folder / path.name if target.folder is not None else path
    return paths


def _consolidate(  # noqa: PLR0917 - the command's settings, passed on
    source: Path,
    period: Period,
    progress_dir: Path,
    today: object,
    dated: object,
    details: object,
    cached: bool,
) -> RollupReport:
    from datetime import date

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cchc_cli.cli.console import console
    from cchc_cli.errors import UsageError
    from cchc_cli.model.office import Office
    from cchc_cli.periods import PeriodSpec
    from cchc_cli.province.cache import unit_cache
    from cchc_cli.province.collect import collect
    from cchc_cli.province.digest import Request
    from cchc_cli.province.report import build_report
    from cchc_cli.province.rollup import consolidate
    from cchc_cli.province.units import unit_plans

    assert isinstance(today, date) and isinstance(dated, date) and isinstance(details, Office)
    plans = unit_plans(source)
    if not plans:
        raise UsageError(
            f"Thư mục '{source}' không có tệp kế hoạch .yaml nào.",
            "Chỉ ra thư mục kế hoạch của các đơn vị (ví dụ plans/).",
        )
    request = Request(PeriodSpec(period.kind, period.year), progress_dir, today)
    err = console(stderr=True)
    cache = unit_cache(enabled=cached)
    with Progress(
        TextColumn(f"Tổng hợp {period.name}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal or len(plans) < 2,
    ) as bar:
        task = bar.add_task("", total=len(plans))
        try:
            digests = collect(plans, request, cache, lambda n: bar.advance(task, n))
        finally:
            if cache is not None:
                cache.close()
    return build_report(consolidate(digests, period, today), details, dated)


def _bytes(name: str, report: RollupReport, templates: Path | None) -> bytes:
    if name in RENDERED:
        from cchc_cli.province.report import render_report

        return FORMATS[name](render_report(report, templates))
    return FORMATS[name](report)


def _write(data: dict[Path, bytes], force: bool, inputs: list[Path]) -> None:
    """Every file or none: all are checked before the first is written."""
    from cchc_cli.output.safewrite import already_exists, write_new
    from cchc_cli.problems import display_path

    if not force:
        for path in data:
            if path.exists():
                raise already_exists(display_path(path))
    for path, content in data.items():
        write_new(path, content, force=force, inputs=inputs)
