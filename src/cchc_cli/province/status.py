"""Who can make their report for a period, and exactly what the others still miss.

A unit is ready when its report could be built now (`cchc report` without --draft): the
same checks, so status and report never disagree. What is missing is said as located
problems (the quarter files, the tasks without status or result, the figures, the
sections, the signer), with the days left until the send-before date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_cli.periods import Period
from cchc_cli.problems import Problem
from cchc_cli.province.cache import Cache
from cchc_cli.province.collect import collect
from cchc_cli.province.digest import Request, State, UnitDigest
from cchc_cli.vietnamese import days_left, number, roman

__all__ = ["Request", "State", "UnitStatus", "days", "statuses", "summary", "unit_status"]


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


# What a report still needs, by the code that says it (codes.py), in the order to fix it.
MISSING = (
    ("R100", "tệp quý"),
    ("R101", "tình trạng nhiệm vụ"),
    ("R105", "kết quả nhiệm vụ"),
    ("R102", "số liệu"),
    ("R103", "phần viết"),
    ("R104", "người ký"),
)


def days(status: UnitStatus) -> str:
    """ "còn 4 ngày", "hôm nay", "quá hạn 3 ngày"."""
    return "" if status.days_left is None else days_left(status.days_left)


def summary(status: UnitStatus) -> str:
    """What the unit still misses, in a few words: "tệp quý I, II; 3 số liệu"."""
    if status.state.value == "có lỗi":
        return f"{number(len(status.problems))} lỗi trong tệp" if status.problems else status.reason
    if status.state.value == "không phải lập":
        return status.reason
    counts = Counter(p.code for p in worth_saying(status))
    parts = []
    if status.missing_quarters:
        parts.append("tệp quý " + ", ".join(roman(q) for q in status.missing_quarters))
    for code, what in MISSING[1:]:
        if counts.get(code):
            parts.append(f"{number(counts[code])} {what}" if code != "R104" else what)
    other = sum(n for code, n in counts.items() if code not in dict(MISSING))
    if other:
        parts.append(f"{number(other)} lỗi khác")
    return "; ".join(parts)


def worth_saying(status: UnitStatus) -> list[Problem]:
    # With a quarter file missing, what its absence implies (every task, every section
    # without a place) is said once, as the missing file; what is missing inside the
    # files there are is said item by item.
    if not status.missing_quarters:
        return list(status.problems)
    return [p for p in status.problems if p.line or p.code == "R100"]
