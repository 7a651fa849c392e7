"""The `cchc report` command's work: options to a request, one plan or a folder, output."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_cli.model.progress import is_progress_document
from cchc_cli.periods import parse_day, parse_today
from cchc_cli.problems import CchcError, UsageError, display_path
from cchc_cli.report.build import FORMATS
from cchc_cli.report.run import Outcome, Request, Written, generate, generate_folder


def run_report(
    plan: Path | None,
    *,
    quarter: str | None,
    half: str | None,
    annual: str | None,
    output: str | None,
    fmt: str | None,
    draft: bool,
    force: bool,
    templates: Path | None,
    progress_dir: Path,
    today: str | None,
    report_date: str | None,
) -> None:
    """Write the report(s); raises CchcError subclasses for the command layer to print."""
    # A folder given as -o (existing, or written with a final separator) receives the
    # report under its usual name.
    output_dir = None
    if output is not None and (output.endswith(("/", "\\")) or Path(output).is_dir()):
        output_dir, output_file = Path(output), None
    else:
        output_file = Path(output) if output is not None else None
    fmt = _format_for(fmt, output_file)
    if quarter and plan is None and _looks_like_plan(quarter):
        # `--quarter plans/x.yaml`: the bare --quarter took the plan as its value.
        plan, quarter = Path(quarter), ""
    # `--half plans/x.yaml` and `--annual plans/` alike: the period of the plan's year.
    if half and plan is None and _looks_like_plan(half):
        plan, half = Path(half), ""
    if annual and plan is None and _looks_like_plan(annual):
        plan, annual = Path(annual), ""
    for option, value in (("--quarter", quarter), ("--half", half), ("--annual", annual)):
        if value and value.startswith("--"):
            raise UsageError(
                f"Tùy chọn {option} cần một giá trị, không phải '{value}'.",
                "Ví dụ: --quarter 2024-Q1, --half 2024-H1, --annual 2024.",
            )
    request = Request(
        quarter=quarter,
        half=half,
        annual=annual,
        output=output_dir or output_file,
        fmt=fmt,
        draft=draft,
        force=force,
        templates=templates,
        progress_dir=progress_dir,
        today=parse_today(today),
        report_date=parse_day(report_date, "--date"),
    )
    from cchc_cli.load.plan import default_plan

    target = plan if plan is not None else default_plan()
    if target.is_dir():
        _folder(request, target)
        return
    if not target.exists():
        raise UsageError(f"Không tìm thấy '{target}'.", "Kiểm tra đường dẫn tệp kế hoạch.")
    suffix = output_file.suffix.lower().lstrip(".") if output_file is not None else ""
    if output_file is not None and suffix not in FORMATS:
        # A Word file named .txt, or with no ending, would not open where the clerk
        # double-clicks it.
        ending = f"đuôi .{suffix}" if suffix else "không có đuôi"
        raise UsageError(
            f"Không ghi báo cáo ra tệp {ending} ('{output_file.name}').",
            "Đặt tên tệp đuôi .docx (Word) hoặc .md (Markdown), ví dụ "
            f"{output_file.name.split('.')[0]}.docx; một thư mục thì ghi kèm '/' ở cuối.",
        )
    _done(generate(request, target, output=output_file, output_dir=output_dir))


def _format_for(fmt: str | None, output: Path | None) -> str:
    # `-o bao-cao.md` alone means Markdown: a Word file named .md would not open.
    from cchc_cli.cli.output import choose_format

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"Định dạng '{fmt}' không có.", "Dùng --format docx hoặc --format md.")
    return choose_format(fmt, output, {f: f for f in FORMATS}, "docx")


def _looks_like_plan(text: str) -> bool:
    return text.lower().endswith((".yaml", ".yml")) or Path(text).is_dir()


def _done(written: Written) -> None:
    from cchc_cli.cli.console import console
    from cchc_cli.vietnamese import number

    out = console()
    out.print(f"Đã ghi báo cáo {written.period.name}: {display_path(written.path)}", markup=False)
    if written.placeholders:
        out.print(
            f"Bản dự thảo còn {written.placeholders} mục chưa có số liệu, hiện bằng '…'; "
            "điền trước khi trình ký.",
            markup=False,
        )
    if written.send_before is not None and written.days_left < 0:
        # Same rule as `cchc deadlines`; a late report is still written, the clerk is told.
        out.print(
            f"Lưu ý: hạn gửi báo cáo này là {written.send_before:%d/%m/%Y}, "
            f"đã quá {number(-written.days_left)} ngày.",
            style="yellow",
            markup=False,
        )


def _folder(request: Request, folder: Path) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cchc_cli.cli.console import console
    from cchc_cli.load.plan import yaml_files

    plans = [p for p in yaml_files(folder) if not _is_progress_file(p)]
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

        def step(path: Path) -> None:
            bar.update(task, description=f"Lập báo cáo {path.stem}")
            if bar.tasks[task].completed < len(plans):
                bar.advance(task)

        outcome = generate_folder(request, plans, step)
    _summary(outcome)
    if outcome.failed:
        from cchc_cli.output.problems import report_problems
        from cchc_cli.problems import InvalidInputError

        for _, exc in outcome.failed:
            if isinstance(exc, InvalidInputError):
                report_problems(exc.problems)
        error = CchcError(
            f"{len(outcome.failed)} đơn vị không lập được báo cáo (xem bảng trên).",
            "Sửa lỗi của từng đơn vị rồi chạy lại; các báo cáo đã ghi được giữ nguyên.",
        )
        # One kind of failure keeps its documented code (3: a report already exists).
        codes = {exc.exit_code for _, exc in outcome.failed}
        error.exit_code = codes.pop() if len(codes) == 1 else 1
        raise error


def _is_progress_file(path: Path) -> bool:
    # A folder may hold progress records next to plans. Their top-level keys tell them
    # apart (model.progress.is_progress_document), read from the head of the file only
    # so that a folder of large plans is not parsed twice.
    try:
        with path.open("rb") as stream:
            head = stream.read(4000).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    keys = dict.fromkeys(re.findall(r"(?m)^([a-z_]+)\s*:", head), True)
    return is_progress_document(keys)


def _summary(outcome: Outcome) -> None:
    from rich.table import Table
    from rich.text import Text

    from cchc_cli.cli.console import console

    out = console()
    out.print(
        f"Đã ghi {len(outcome.written)} báo cáo; bỏ qua {len(outcome.skipped)} đơn vị; "
        f"lỗi {len(outcome.failed)} đơn vị.",
        markup=False,
    )
    if not (outcome.skipped or outcome.failed):
        return
    table = Table(title="Đơn vị không có báo cáo", title_justify="left")
    table.add_column("Kế hoạch", overflow="fold")
    table.add_column("Kết quả")
    table.add_column("Lý do và cách xử lý", overflow="fold")
    for path, reason in outcome.skipped:
        table.add_row(Text(display_path(path)), "bỏ qua", Text(reason))
    for path, exc in outcome.failed:
        why = f"{exc.message} → {exc.hint}" if exc.hint else exc.message
        table.add_row(Text(display_path(path)), "lỗi", Text(why))
    out.print(table)
