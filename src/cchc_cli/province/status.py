"""Who can make their report for a period, and exactly what the others still miss.

A unit is ready when its report could be built now (`cchc report` without --draft): the
same checks, so status and report never disagree. What is missing is said as located
problems (the quarter files, the tasks without status or result, the figures, the
sections, the signer), with the days left until the send-before date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_cli.periods import Period
from cchc_cli.problems import Problem
from cchc_cli.province.cache import Cache
from cchc_cli.province.collect import collect
from cchc_cli.province.digest import Request, State, UnitDigest

__all__ = ["Request", "State", "UnitStatus", "statuses", "unit_status"]


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


def of_digest(found: UnitDigest, today: date) -> UnitStatus:
    """A unit's status as of ``today``, from its digest."""
    return UnitStatus(
        found.plan,
        found.unit,
        found.block,
        found.state,
        found.period,
        found.send_before,
        (found.send_before - today).days if found.send_before is not None else None,
        found.missing_quarters,
        found.problems,
        found.reason,
    )


def unit_status(plan_path: Path, request: Request) -> UnitStatus:
    """The unit of ``plan_path``: ready, still missing something, invalid, or not due."""
    return statuses([plan_path], request)[0]


def statuses(
    plans: Sequence[Path],
    request: Request,
    on_done: Callable[[int], None] | None = None,
    cache: Cache | None = None,
) -> list[UnitStatus]:
    """Every unit's status, in the order of ``plans``, on every core for many units."""
    found = collect(plans, request, cache, on_done or (lambda _: None))
    return [of_digest(unit, request.today) for unit in found]
