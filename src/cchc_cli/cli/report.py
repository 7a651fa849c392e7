"""Command `cchc report`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Group
from cchc_cli.cli.options import (
    AnnualOption,
    HalfOption,
    ProgressDirOption,
    QuarterOption,
    TodayOption,
)
from cchc_cli.cli.output import chosen, format_enum
from cchc_cli.cli.period_options import OptionalQuarterCommand
from cchc_cli.errors import InvalidInputError, UsageError
from cchc_cli.output.report import ENDINGS, FORMATS, WHOLE
from cchc_cli.paths import DEFAULT_PROGRESS_DIR, DEFAULT_REPORTS_DIR

if TYPE_CHECKING:
    from cchc_cli.cli.output import Target
    from cchc_cli.report.run import FolderOutcome, Prepared, Request

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)
Format = format_enum("Format", FORMATS)


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
    quarter: QuarterOption = None,
    half: HalfOption = None,
    annual: AnnualOption = None,
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
        Optional[Format],  # type: ignore[valid-type]  # noqa: UP045 - built from the registry
        typer.Option(
            "--format",
            "-f",
            help="docx (Word), md (Markdown) hoặc xlsx (bảng số liệu); mặc định theo đuôi tệp -o, không có thì docx.",
            show_default=False,
            metavar="|".join(FORMATS),
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
    progress_dir: ProgressDirOption = DEFAULT_PROGRESS_DIR,
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
    from cchc_cli.cli.output import resolve_output
    from cchc_cli.cli.period_options import parse_day, parse_period, parse_today
    from cchc_cli.load.files import default_plan, path_kind
    from cchc_cli.report.run import Request

    # `--quarter plans/x.yaml`: a bare --quarter took the plan as its value; likewise
    # `--half plans/x.yaml` and `--annual plans/`: the period of the plan's year.
    if plan is None:
        for value in (quarter, half, annual):
            if value and _looks_like_plan(value):
                plan = Path(value)
        quarter, half, annual = (
            "" if v and _looks_like_plan(v) else v for v in (quarter, half, annual)
        )
    request = Request(
        period=parse_period(quarter, half, annual),
        draft=draft,
        templates=templates,
        progress_dir=progress_dir,
        today=parse_today(today),
        report_date=parse_day(report_date, "--date"),
    )
    source = plan if plan is not None else default_plan()
    kind = path_kind(source)  # a path the system refuses (too long, a loop) is said so
    if kind == "dir" and output is not None and not Path(output).suffix:
        output += "/"  # for a folder of units, -o names the folder the reports go to
    target = resolve_output(
        output,
        chosen(fmt),
        ENDINGS,
        "docx",
        folder_ok=True,
        example="bao-cao.docx",
        what="báo cáo",
    )
    if kind == "dir":
        if target.file is not None:
            raise UsageError(
                "Với một thư mục kế hoạch, -o phải là một thư mục.",
                "Ví dụ: -o reports/2024/ hoặc bỏ -o để dùng thư mục reports/.",
            )
        _folder(request, source, target, force)
        return
    if kind is None:
        raise UsageError(f"Không tìm thấy '{source}'.", "Kiểm tra đường dẫn tệp kế hoạch.")
    prepared, path = _write(request, source, target, force)
    _done(prepared, path)


def _looks_like_plan(text: str) -> bool:
    return text.lower().endswith((".yaml", ".yml")) or Path(text).is_dir()


def _written_path(prepared: Prepared, target: Target, draft: bool) -> Path:
    from cchc_cli.periods import default_report_path

    if target.file is not None:
        return target.file
    path = default_report_path(
        prepared.plan_path, prepared.period, DEFAULT_REPORTS_DIR, target.format, draft=draft
    )
    return target.folder / path.name if target.folder is not None else path


def _write(request: Request, plan: Path, target: Target, force: bool) -> tuple[Prepared, Path]:
    """Prepare one unit's report and write it with the chosen writer, atomically."""
    from cchc_cli.output.safewrite import write_new
    from cchc_cli.report.run import prepare

    prepared = prepare(request, plan, whole=target.format in WHOLE)
    data = FORMATS[target.format](prepared.rendered)
    path = _written_path(prepared, target, request.draft)
    write_new(path, data, force=force, inputs=prepared.inputs)
    return prepared, path


def _done(prepared: Prepared, path: Path) -> None:
    from cchc_cli.cli.console import console
    from cchc_cli.problems import display_path
    from cchc_cli.vietnamese import number, roman

    out = console()
    out.print(f"Đã ghi báo cáo {prepared.period.name}: {display_path(path)}", markup=False)
    if prepared.placeholders:
        where = "; ".join(
            f"quý {roman(g.quarter)}: {number(g.count)}"
            + (", chưa có tệp tiến độ" if g.no_file else "")
            for g in prepared.placeholders_by_quarter
        )
        out.print(
            f"Bản dự thảo có {number(prepared.placeholders)} chỗ để trống, in bằng "
            f"'…' ({where}); điền trước khi trình ký.",
            markup=False,
        )
    if prepared.send_before is not None and prepared.days_left < 0:
        # Same rule as `cchc deadlines`; a late report is still written, the clerk is told.
        out.print(
            f"Lưu ý: hạn gửi báo cáo này là {prepared.send_before:%d/%m/%Y}, "
            f"đã quá {number(-prepared.days_left)} ngày.",
            style="yellow",
            markup=False,
        )


def _folder(request: Request, folder: Path, target: Target, force: bool) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cchc_cli.cli.console import console, emit
    from cchc_cli.load.files import is_progress_file, yaml_files
    from cchc_cli.output.report.summary import folder_summary

    plans = [p for p in yaml_files(folder) if not is_progress_file(p)]
    if not plans:
        raise UsageError(
            f"Thư mục '{folder}' không có tệp kế hoạch .yaml nào.",
            "Chỉ ra thư mục kế hoạch (ví dụ plans/) hoặc một tệp kế hoạch.",
        )
    err = console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,  # a log or a pipe gets the summary, not bar frames
    ) as bar:
        task = bar.add_task("Lập báo cáo", total=len(plans))
        outcome = _each_unit(request, plans, target, force, lambda n: bar.advance(task, n))
    emit(folder_summary(outcome))
    if outcome.failed:
        raise _folder_failed(outcome)


def _each_unit(
    request: Request,
    plans: list[Path],
    target: Target,
    force: bool,
    on_done: Callable[[int], None],
) -> FolderOutcome:
    """One report per unit that owes one, on every core when there are many units; the
    others are listed, not fatal."""
    from functools import partial

    from cchc_cli.province.units import map_units
    from cchc_cli.report.run import FolderOutcome

    work = partial(_units_chunk, request=request, target=target, force=force)
    outcome = FolderOutcome()
    for plan_path, (kind, value) in zip(plans, map_units(work, plans, on_done), strict=True):
        if kind == "written":
            outcome.written.append((plan_path, value))
        elif kind == "skipped":
            outcome.skipped.append((plan_path, value))
        else:
            outcome.failed.append((plan_path, value))
    return outcome


def _units_chunk(
    plans: Sequence[Path], *, request: Request, target: Target, force: bool
) -> list[tuple[str, Any]]:
    """Each unit's report, or why there is none: run in a worker process for a folder of
    many units, so it returns values (exceptions pickle with their attributes)."""
    from cchc_cli.errors import CchcError, NotInPlanError, PeriodOutsidePlanError
    from cchc_cli.report.run import NoProgressError

    found: list[tuple[str, Any]] = []
    for plan_path in plans:
        try:
            found.append(("written", _write(request, plan_path, target, force)[1]))
        except NoProgressError:
            found.append(("skipped", "chưa có tệp tiến độ cho kỳ báo cáo"))
        except (PeriodOutsidePlanError, NotInPlanError) as exc:
            # Units of other years, or without this report in their rule, owe no report.
            found.append(("skipped", exc.message))
        except UsageError:
            raise  # the request itself is wrong: said once, not per unit
        except CchcError as exc:
            found.append(("failed", exc))
    return found


def _folder_failed(outcome: FolderOutcome) -> InvalidInputError:
    problems = [
        p for _, exc in outcome.failed if isinstance(exc, InvalidInputError) for p in exc.problems
    ]
    error = InvalidInputError(
        problems,
        f"{len(outcome.failed)} đơn vị không lập được báo cáo (xem bảng trên).",
    )
    error.hint = "Sửa lỗi của từng đơn vị rồi chạy lại; các báo cáo đã ghi được giữ nguyên."
    # One kind of failure keeps its documented code (3: a report already exists).
    codes = {exc.exit_code for _, exc in outcome.failed}
    error.exit_code = codes.pop() if len(codes) == 1 else 1
    return error
