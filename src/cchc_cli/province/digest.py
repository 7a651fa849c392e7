"""What `cchc status` and `cchc rollup` need from one unit for one period, made once.

A unit's digest is built the way its own report is: the plan loaded and checked, the
period's quarter files loaded and cross-checked, then `build_context`, the function that
builds the report. A unit is ready when that succeeds; what it misses are the problems
it raises. The figures a province adds up (task counts, the shared indicators' counts
and verdicts, the one-stop statistics table by field) are taken from that same context,
so a unit's line in the province's workbook says what its own report says.

Digests are plain values, cheap to keep (province/cache.py) and to send between
processes; they never depend on today's date (days left are counted from them).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from cchc_cli.errors import CchcError, InvalidInputError, NotInPlanError, PeriodOutsidePlanError
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import TthcTableRecord
from cchc_cli.periods import Period, PeriodSpec, require_plan_year, resolve_period
from cchc_cli.problems import Problem, Severity, display_path
from cchc_cli.province.tthc import TthcTotals, period_table
from cchc_cli.province.units import block_of
from cchc_cli.report.records import QuarterRecord
from cchc_cli.report.rows import TaskSummary


class State(enum.StrEnum):
    """Where a unit stands for the period ("tình trạng")."""

    READY = "sẵn sàng"
    INCOMPLETE = "còn thiếu"
    INVALID = "có lỗi"
    SKIPPED = "không phải lập"


@dataclass(frozen=True)
class Request:
    """The period asked for (none: each unit's next report due), where progress is, and
    the day it is asked on (it only chooses the period; digests do not depend on it)."""

    period: PeriodSpec = field(default_factory=PeriodSpec)
    progress_dir: Path = Path("progress")
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class PlanFacts:
    """What a plan file tells before any progress is read: the unit, its block, and the
    calendar of its reports (``calendar``: the plan without its tasks and indicators),
    or the errors that make it invalid."""

    plan: str  # the plan file, as shown
    unit: str  # "phường Phù Liễn"; the file's name when the plan is invalid
    block: str
    kind: str | None = None
    programme: str | None = None
    calendar: Plan | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SharedResult:
    """A shared indicator ("chỉ số dùng chung") as the unit's report gives it."""

    code: str
    indicator: str  # the unit's own id for it
    name: str
    unit: str | None
    numerator: float | None  # a rate's summed numerator counts; None for a value
    denominator: float | None
    value: float | None  # the rate in percent, or the value
    actual: str  # as the report prints it: "99,05%", "không phát sinh", "…"
    target: str  # "trên 95%"
    verdict: str  # đạt / chưa đạt / đã đạt / đánh giá cuối năm / —
    achieved: bool | None
    judged: bool
    year_target: bool


@dataclass(frozen=True)
class Figures:
    """The figures of a ready unit: what its report says."""

    tasks: TaskSummary
    shared: tuple[SharedResult, ...]
    window_start: date
    window_end: date
    tthc: TthcTotals | None = None  # the statistics table by field, for the period
    tthc_note: str = ""  # why there is none to add up, when the unit imported some

    def shared_result(self, code: str) -> SharedResult | None:
        return next((s for s in self.shared if s.code == code), None)


@dataclass(frozen=True)
class UnitDigest:
    """One unit for one period: its standing, and its figures when its report can be made."""

    plan: str
    unit: str
    block: str
    state: State
    kind: str | None = None
    programme: str | None = None
    period: Period | None = None
    send_before: date | None = None
    missing_quarters: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()
    reason: str = ""  # why a unit is skipped, or a failure that is not a located problem
    sample: bool = False
    filed_on: date | None = None  # the last change to the period's progress files
    figures: Figures | None = None

    @property
    def slug(self) -> str:
        """The plan file's name without its ending: the unit's folder of progress."""
        return Path(self.plan).stem


def plan_facts(plan_path: Path) -> tuple[PlanFacts, Plan | None]:
    """The plan's facts, and the plan itself when it is valid."""
    from cchc_cli.load.plan import load_plan

    shown = display_path(plan_path)
    loaded = load_plan(plan_path)
    plan = loaded.model
    if plan is None or not loaded.ok:
        errors = tuple(p for p in loaded.problems if p.severity is Severity.ERROR)
        if plan is None:
            return PlanFacts(shown, plan_path.stem, block_of(None), problems=errors), None
        # Its shape is right, its meaning is not: the unit is still known by name.
        unit = plan.unit
        named = f"{unit.kind.value} {unit.name}"
        return PlanFacts(shown, named, block_of(unit.kind), unit.kind.value, problems=errors), None
    unit = plan.unit
    calendar = plan.model_copy(
        update={
            "unit": unit.model_copy(update={"posts": []}),
            "tasks": [],
            "indicators": [],
            "legal_bases": [],
            "purposes": [],
            "requirements": [],
            "targets": [],
            "notes": [],
        }
    )
    facts = PlanFacts(
        shown,
        f"{unit.kind.value} {unit.name}",
        block_of(unit.kind),
        unit.kind.value,
        plan.programme.value,
        calendar,
    )
    return facts, plan


def resolve(facts: PlanFacts, request: Request) -> UnitDigest | Period:
    """The period the unit reports on, or its digest when it is invalid or owes none."""
    base = UnitDigest(
        facts.plan, facts.unit, facts.block, State.INVALID, facts.kind, facts.programme
    )
    if facts.calendar is None:
        return replace(base, problems=facts.problems)
    try:
        period = resolve_period(request.period, facts.calendar, request.today)
        require_plan_year(facts.calendar, period.year, f"Báo cáo {period.name}")
        period.schedule(facts.calendar)
    except (PeriodOutsidePlanError, NotInPlanError) as exc:
        return replace(base, state=State.SKIPPED, reason=exc.message)
    except CchcError as exc:  # a calendar the plan's dates make impossible
        return replace(base, reason=exc.message)
    return period


def quarter_paths(
    facts: PlanFacts, plan_path: Path, period: Period, progress_dir: Path
) -> list[Path]:
    """The period's quarter files under the plan (existing or not), as reports read them."""
    from cchc_cli.report.sources import progress_paths

    assert facts.calendar is not None
    return progress_paths(progress_dir, plan_path, facts.calendar, period)


def digest(plan_path: Path, request: Request) -> tuple[PlanFacts, UnitDigest]:
    """The unit of ``plan_path``: its facts and its digest for the period."""
    facts, plan = plan_facts(plan_path)
    found = resolve(facts, request)
    if isinstance(found, UnitDigest) or plan is None:
        assert isinstance(found, UnitDigest)
        return facts, found
    return facts, period_digest(facts, plan, plan_path, found, request.progress_dir)


def period_digest(
    facts: PlanFacts, plan: Plan, plan_path: Path, period: Period, progress_dir: Path
) -> UnitDigest:
    """The unit's digest for ``period``: built as its report is built."""
    from cchc_cli.report.context import build_context
    from cchc_cli.report.sources import period_info

    info = period_info(plan, period)
    paths = quarter_paths(facts, plan_path, period, progress_dir)
    base = UnitDigest(
        facts.plan,
        facts.unit,
        facts.block,
        State.READY,
        facts.kind,
        facts.programme,
        period,
        info.send_before,
        tuple(q for q, p in zip(info.quarters, paths, strict=True) if not p.is_file()),
        filed_on=_last_change(paths),
    )
    try:
        records, tables, sample = _records(plan, plan_path, period, paths)
    except InvalidInputError as exc:
        return replace(base, state=State.INVALID, problems=tuple(exc.problems))
    base = replace(base, sample=sample)
    try:
        context = build_context(
            plan, info, records, info.send_before, plan_path=plan_path.as_posix()
        )
    except InvalidInputError as exc:
        return replace(base, state=State.INCOMPLETE, problems=tuple(exc.problems))
    except CchcError as exc:  # a unit's own trouble never stops the others
        return replace(base, state=State.INVALID, reason=exc.message)
    tthc, note = period_table(tables)
    figures = Figures(
        context.summary,
        _shared(plan, context, records),
        info.window_start,
        info.window_end,
        tthc,
        note,
    )
    return replace(base, figures=figures)


def _records(
    plan: Plan, plan_path: Path, period: Period, paths: Sequence[Path]
) -> tuple[list[QuarterRecord | None], list[TthcTableRecord | None], bool]:
    """The period's records, as a report reads them, with each quarter's statistics
    table (which the records leave out) and whether any is sample data. A quarter file
    with errors stops the unit: InvalidInputError lists them all."""
    from cchc_cli.report.sources import load_quarters, to_record

    quarters = load_quarters(plan, plan_path, period, paths)
    records = [None if q is None else to_record(q[1], q[0]) for q in quarters]
    tables = [None if q is None or q[1].model is None else q[1].model.tthc_table for q in quarters]
    return records, tables, any(r.sample for r in records if r is not None)


def _shared(
    plan: Plan, context: object, records: Sequence[QuarterRecord | None]
) -> tuple[SharedResult, ...]:
    # The row is the report's (its actual, target and verdict); the counts behind a rate
    # come from the same figure() the report's row was made from.
    from cchc_cli.report.context import ReportContext
    from cchc_cli.report.indicators import figure
    from cchc_cli.report.rows import computed_counts

    assert isinstance(context, ReportContext)
    rows = {row.id: row for row in context.indicators}
    computed = computed_counts(plan, context.summary)
    found = []
    for indicator in plan.indicators:
        if indicator.shared is None or indicator.id not in rows:
            continue
        row = rows[indicator.id]
        result = figure(
            indicator, [r.indicators.get(indicator.id) if r else None for r in records], computed
        )
        numerator, denominator = result.ratio if result.ratio is not None else (None, None)
        found.append(
            SharedResult(
                indicator.shared,
                indicator.id,
                indicator.name,
                indicator.unit,
                numerator,
                denominator,
                None if result.missing or result.not_rolled_up else result.value,
                row.actual,
                row.target,
                row.verdict,
                row.achieved,
                row.judged,
                row.year_target,
            )
        )
    return tuple(found)


def _last_change(paths: Sequence[Path]) -> date | None:
    """The day the period's progress files were last changed (their modification time,
    in local time), for telling a report filed after its send date."""
    times = []
    for path in paths:
        try:
            times.append(os.stat(path).st_mtime)
        except OSError:
            continue
    return datetime.fromtimestamp(max(times)).date() if times else None
