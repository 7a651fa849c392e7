"""One unit's report, prepared: plan and progress loaded, context built, templates rendered.

The command layer picks the writer and writes the file; a folder of units is one
prepare() per unit, their outcomes collected as a FolderOutcome value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc_cli.errors import CchcError, UsageError
from cchc_cli.model.plan import Plan
from cchc_cli.paths import DEFAULT_PROGRESS_DIR
from cchc_cli.periods import Period, PeriodSpec, require_plan_year, resolve_period
from cchc_cli.report.build import RenderedReport
from cchc_cli.report.context import build_context
from cchc_cli.report.gaps import QuarterGaps


@dataclass(frozen=True)
class Request:
    """What the clerk asked for, parsed: the period, the options, the days."""

    period: PeriodSpec = field(default_factory=PeriodSpec)
    draft: bool = False
    templates: Path | None = None
    progress_dir: Path = DEFAULT_PROGRESS_DIR
    today: date = field(default_factory=date.today)
    report_date: date | None = None


@dataclass(frozen=True)
class Prepared:
    """A unit's report, rendered and ready for a writer."""

    plan_path: Path
    period: Period
    rendered: RenderedReport
    inputs: tuple[Path, ...]  # the files it was built from: never to be overwritten
    send_before: date | None = None  # the reporting rule's send date
    days_left: int = 0  # until send_before, as of the report's date; negative once late

    @property
    def placeholders(self) -> int:
        """The '…' left in a draft for the clerk to fill in."""
        return self.rendered.context.gaps

    @property
    def placeholders_by_quarter(self) -> tuple[QuarterGaps, ...]:
        """The same, counted by the quarter each belongs to."""
        return self.rendered.context.gaps_by_quarter


class NoProgressError(CchcError):
    """The unit has no progress file for the period (a folder run skips it)."""


def period_of(request: Request, plan: Plan) -> Period:
    """The period the request names, within the plan's years."""
    period = resolve_period(request.period, plan, request.today)
    require_plan_year(plan, period.year, f"Báo cáo {period.name}")
    return period


def templates_dir(request: Request, plan: Plan, plan_path: Path) -> Path | None:
    """--templates, else the plan's ``templates:`` (relative to the plan file), else none."""
    if request.templates is not None:
        return request.templates
    if plan.templates:
        return plan_path.parent / plan.templates
    return None


def prepare(request: Request, plan_path: Path, *, whole: bool) -> Prepared:
    """The report of the plan at ``plan_path``; ``whole`` renders it as one text
    (Markdown), else in the parts the Word writer lays out. Errors are raised."""
    from cchc_cli.load.plan import load_plan_or_raise
    from cchc_cli.report.build import render_texts
    from cchc_cli.report.render import cached_environment
    from cchc_cli.report.sources import existing_progress, load_records, period_info

    plan = load_plan_or_raise(plan_path)
    period = period_of(request, plan)
    info = period_info(plan, period)  # a report before a mid-year plan's start is refused
    found = existing_progress(request.progress_dir, plan_path, plan, period)
    if not found:
        raise NoProgressError(
            f"Chưa có tệp tiến độ nào cho báo cáo {period.name} của {plan_path.stem}.",
            f"Tạo tệp bằng: cchc progress new --quarter {period.year}-Q{info.quarters[0]} "
            f"{plan_path.as_posix()}",
        )
    dated = request.report_date or request.today
    if dated < info.window_start:
        option = "--date" if request.report_date else "--today (hôm nay)"
        raise UsageError(
            f"Ngày báo cáo {dated:%d/%m/%Y} ({option}) ở trước kỳ số liệu của báo cáo "
            f"{period.name} ({info.window_start:%d/%m/%Y} – {info.window_end:%d/%m/%Y}).",
            "Ghi --date là ngày ký báo cáo, sau khi kỳ số liệu đã bắt đầu.",
        )
    records = load_records(plan, plan_path, request.progress_dir, period)
    context = build_context(
        plan, info, records, dated, draft=request.draft, plan_path=plan_path.as_posix()
    )
    folder = templates_dir(request, plan, plan_path)
    env = cached_environment(folder)
    return Prepared(
        plan_path,
        period,
        render_texts(context, env, whole),
        (plan_path, *found),
        info.send_before,
        (info.send_before - dated).days,
    )


@dataclass
class FolderOutcome:
    """A run over a folder of units: what was written, skipped (owing no report) and
    failed, each with the unit's plan file."""

    written: list[tuple[Path, Path]] = field(default_factory=list)  # (plan, report)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    failed: list[tuple[Path, CchcError]] = field(default_factory=list)
