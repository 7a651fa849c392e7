"""Who can make their report for a period, and exactly what the others still miss.

A unit is ready when its report could be built now (`cchc report` without --draft): the
same checks, so status and report never disagree. What is missing is said as located
problems (the quarter files, the tasks without status or result, the figures, the
sections, the signer), with the days left until the send-before date.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from cchc_cli.errors import CchcError, InvalidInputError, NotInPlanError, PeriodOutsidePlanError
from cchc_cli.periods import Period, PeriodSpec, require_plan_year, resolve_period
from cchc_cli.problems import Problem, Severity, display_path
from cchc_cli.province.units import block_of, map_units


class State(enum.StrEnum):
    """Where a unit stands for the period ("tình trạng")."""

    READY = "sẵn sàng"
    INCOMPLETE = "còn thiếu"
    INVALID = "có lỗi"
    SKIPPED = "không phải lập"


@dataclass(frozen=True)
class UnitStatus:
    """One unit's standing for the period."""

    plan: str  # the plan file, as shown
    unit: str  # "phường Phù Liễn"
    block: str
    state: State
    period: Period | None = None
    send_before: date | None = None
    days_left: int | None = None
    missing_quarters: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()
    reason: str = ""  # why a unit is skipped

    @property
    def due(self) -> bool:
        """Whether the unit owes a report for the period."""
        return self.state is not State.SKIPPED

    @property
    def late(self) -> bool:
        return self.due and self.state is not State.READY and (self.days_left or 0) < 0


@dataclass(frozen=True)
class Request:
    """The period asked for (none: each unit's next report due) and where progress is."""

    period: PeriodSpec = field(default_factory=PeriodSpec)
    progress_dir: Path = Path("progress")
    today: date = field(default_factory=date.today)


def unit_status(plan_path: Path, request: Request) -> UnitStatus:
    """The unit of ``plan_path``: ready, still missing something, invalid, or not due."""
    from cchc_cli.load.plan import load_plan
    from cchc_cli.load.progress import period_progress_paths
    from cchc_cli.report.context import build_context
    from cchc_cli.report.sources import load_records, period_info

    shown = display_path(plan_path)
    loaded = load_plan(plan_path)
    plan = loaded.model
    if plan is None or not loaded.ok:
        errors = tuple(p for p in loaded.problems if p.severity is Severity.ERROR)
        return UnitStatus(shown, plan_path.stem, block_of(None), State.INVALID, problems=errors)
    unit, block = f"{plan.unit.kind.value} {plan.unit.name}", block_of(plan.unit.kind)
    try:
        period = resolve_period(request.period, plan, request.today)
        require_plan_year(plan, period.year, f"Báo cáo {period.name}")
        info = period_info(plan, period)
    except (PeriodOutsidePlanError, NotInPlanError) as exc:
        return UnitStatus(shown, unit, block, State.SKIPPED, reason=exc.message)
    base = UnitStatus(
        shown,
        unit,
        block,
        State.READY,
        period,
        info.send_before,
        (info.send_before - request.today).days,
        tuple(
            q
            for q, p in zip(
                period.quarters,
                period_progress_paths(request.progress_dir, plan_path, period),
                strict=True,
            )
            if not p.is_file()
        ),
    )
    try:
        records = load_records(plan, plan_path, request.progress_dir, period)
    except InvalidInputError as exc:
        return _with(base, State.INVALID, exc.problems)
    try:
        build_context(plan, info, records, request.today, plan_path=plan_path.as_posix())
    except InvalidInputError as exc:
        return _with(base, State.INCOMPLETE, exc.problems)
    except CchcError as exc:  # a unit's own trouble never stops the others
        return _with(base, State.INVALID, [], exc.message)
    return base


def _with(
    base: UnitStatus, state: State, problems: Sequence[Problem], reason: str = ""
) -> UnitStatus:
    from dataclasses import replace

    return replace(base, state=state, problems=tuple(problems), reason=reason)


def _statuses(plans: Sequence[Path], request: Request) -> list[UnitStatus]:
    return [unit_status(path, request) for path in plans]


def statuses(plans: Sequence[Path], request: Request, on_done: object = None) -> list[UnitStatus]:
    """Every unit's status, in the order of ``plans``, on every core for many units."""
    step = on_done if callable(on_done) else (lambda _: None)
    return map_units(partial(_statuses, request=request), plans, step)
