"""One report, or one per unit of a folder: load, build the context, render, write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc_cli.model.plan import Plan
from cchc_cli.periods import Period, default_report_path
from cchc_cli.problems import CchcError, NotInPlanError, PeriodOutsidePlanError, UsageError
from cchc_cli.report.context import build_context


@dataclass(frozen=True)
class Request:
    """What the clerk asked for; the period options are as typed."""

    quarter: str | None = None
    half: str | None = None
    annual: str | None = None
    output: Path | None = None
    fmt: str = "docx"
    draft: bool = False
    force: bool = False
    templates: Path | None = None
    progress_dir: Path = Path("progress")
    reports_dir: Path = Path("reports")
    today: date = field(default_factory=date.today)
    report_date: date | None = None


@dataclass(frozen=True)
class Written:
    """A report that was written."""

    path: Path
    period: Period
    placeholders: int
    send_before: date | None = None  # the reporting rule's send date
    days_left: int = 0  # until send_before; negative once it has passed


class NoProgressError(CchcError):
    """The unit has no progress file for the period (a folder run skips it)."""


def resolve_period(request: Request, plan: Plan) -> Period:
    from cchc_cli.cli.period_options import parse_period_spec
    from cchc_cli.periods import require_plan_year

    period = parse_period_spec(request.quarter, request.half, request.annual, request.today, plan)
    require_plan_year(plan, period.year, f"Báo cáo {period.name}")
    return period


def templates_dir(request: Request, plan: Plan, plan_path: Path) -> Path | None:
    """--templates, else the plan's ``templates:`` (relative to the plan file), else none."""
    if request.templates is not None:
        return request.templates
    if plan.templates:
        return plan_path.parent / plan.templates
    return None


def generate(
    request: Request,
    plan_path: Path,
    *,
    output: Path | None = None,
    output_dir: Path | None = None,
) -> Written:
    """Write the report of the plan at ``plan_path``; errors are raised, never printed."""
    from cchc_cli.load.plan import load_plan_or_raise
    from cchc_cli.output.safewrite import write_new
    from cchc_cli.report.build import render_report
    from cchc_cli.report.render import cached_environment
    from cchc_cli.report.sources import existing_progress, load_records, period_info

    plan = load_plan_or_raise(plan_path)
    period = resolve_period(request, plan)
    if not existing_progress(request.progress_dir, plan_path, period):
        raise NoProgressError(
            f"Chưa có tệp tiến độ nào cho báo cáo {period.name} của {plan_path.stem}.",
            f"Tạo tệp bằng: cchc progress new --quarter {period.year}-Q{period.quarters[0]} "
            f"{plan_path.as_posix()}",
        )
    info = period_info(plan, period)
    dated = request.report_date or request.today
    if dated < info.window_start:
        option = "--date" if request.report_date else "--today (hôm nay)"
        raise UsageError(
            f"Ngày báo cáo {dated:%d/%m/%Y} ({option}) ở trước kỳ số liệu của báo cáo "
            f"{period.name} ({info.window_start:%d/%m/%Y} – {info.window_end:%d/%m/%Y}).",
            "Ghi --date là ngày ký báo cáo, sau khi kỳ số liệu đã bắt đầu.",
        )
    records = load_records(plan, plan_path, request.progress_dir, period)
    report = build_context(
        plan,
        info,
        records,
        dated,
        draft=request.draft,
        plan_path=plan_path.as_posix(),
    )
    folder = templates_dir(request, plan, plan_path)
    env = cached_environment(folder.resolve() if folder else None)
    data = render_report(report, request.fmt, env)
    target = output or default_report_path(plan_path, period, request.reports_dir, request.fmt)
    if output is None and output_dir is not None:
        target = output_dir / target.name
    inputs = [plan_path, *existing_progress(request.progress_dir, plan_path, period)]
    write_new(target, data, force=request.force, inputs=inputs)
    # Late as of the date the report bears (--date), else as of today.
    late = (info.send_before - dated).days
    return Written(target, period, report.gaps, info.send_before, late)


@dataclass
class Outcome:
    """A folder run: what was written, skipped (no progress) and failed."""

    written: list[tuple[Path, Written]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    failed: list[tuple[Path, CchcError]] = field(default_factory=list)


def generate_folder(
    request: Request,
    plans: list[Path],
    on_step: Callable[[Path], None] = lambda _: None,
) -> Outcome:
    """One report per plan with progress for the period; the others are listed, not fatal."""
    output = request.output
    if output is not None and not output.is_dir() and output.suffix.lower() in (".docx", ".md"):
        raise UsageError(
            "Với một thư mục kế hoạch, -o phải là một thư mục.",
            "Ví dụ: -o reports/2024/ hoặc bỏ -o để dùng thư mục reports/.",
        )
    from cchc_cli.cli.period_options import parse_period_spec

    # A wrong period (say, --quarter 2) is said once, before any unit, in this year's terms.
    parse_period_spec(request.quarter, request.half, request.annual, request.today, None)
    outcome = Outcome()
    for plan_path in plans:
        on_step(plan_path)
        try:
            written = generate(request, plan_path, output_dir=output)
            outcome.written.append((plan_path, written))
        except NoProgressError:
            outcome.skipped.append((plan_path, "chưa có tệp tiến độ cho kỳ báo cáo"))
        except (PeriodOutsidePlanError, NotInPlanError) as exc:
            # Units of other years, or without this report in their rule, owe no report.
            outcome.skipped.append((plan_path, exc.message))
        except UsageError:
            raise  # the request itself is wrong (say, --quarter 2): once, not per unit
        except CchcError as exc:
            outcome.failed.append((plan_path, exc))
    return outcome
