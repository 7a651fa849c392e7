"""A unit as the province sees it for a period ("tình hình báo cáo"): covered by the
totals, still missing something, invalid, or not consolidated (another year or
programme), with its tasks as counts and whether it was filed on time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_cli.model.areas import Programme
from cchc_cli.periods import Period
from cchc_cli.province.digest import State, UnitDigest


def programme_of(year: int) -> Programme:
    """The national programme a year's plans implement: NQ 76 from 2021, NQ 30c before."""
    return Programme.NQ76 if year >= 2021 else Programme.NQ30C


class Standing:
    """What the province says of a unit ("tình hình báo cáo")."""

    COVERED = "đủ số liệu"
    INCOMPLETE = "chưa đủ số liệu"
    INVALID = "tệp có lỗi"
    SKIPPED = "không tổng hợp"


@dataclass(frozen=True)
class TaskCounts:
    """Tasks of the plans added up: planned, completed, in progress, not started."""

    total: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    units: int = 0

    def plus(self, other: TaskCounts) -> TaskCounts:
        return TaskCounts(
            self.total + other.total,
            self.done + other.done,
            self.in_progress + other.in_progress,
            self.not_started + other.not_started,
            self.units + other.units,
        )


@dataclass(frozen=True)
class UnitLine:
    """A unit in the roll-up: its digest and what the province makes of it."""

    digest: UnitDigest
    standing: str
    covered: bool
    days_left: int | None = None  # until its send date, as of the roll-up's day
    on_time: bool | None = None  # a covered unit: filed (last changed) by its send date
    reason: str = ""  # why it is skipped
    rank: int | None = None  # within its block, when covered

    @property
    def late(self) -> bool:
        """Filed after its send date, or still not ready once it passed."""
        if self.covered:
            return self.on_time is False
        due = self.standing in (Standing.INCOMPLETE, Standing.INVALID)
        return due and self.days_left is not None and self.days_left < 0

    @property
    def tasks(self) -> TaskCounts:
        figures = self.digest.figures
        if figures is None:
            return TaskCounts()
        s = figures.tasks
        return TaskCounts(s.total, s.done, s.in_progress, s.not_started, 1)


def line_of(found: UnitDigest, period: Period, programme: Programme, today: date) -> UnitLine:
    """What the province makes of one unit's digest for the roll-up's period."""
    days_left = (found.send_before - today).days if found.send_before is not None else None
    if found.state is State.SKIPPED:
        return UnitLine(found, Standing.SKIPPED, False, reason=found.reason)
    if found.programme is not None and found.programme != programme.value:
        theirs = Programme(found.programme)
        return UnitLine(
            found,
            Standing.SKIPPED,
            False,
            reason=f"kế hoạch theo chương trình {theirs.label}, không phải {programme.label}",
        )
    if found.state is State.INVALID:
        return UnitLine(found, Standing.INVALID, False, days_left)
    if found.state is State.INCOMPLETE or found.figures is None:
        return UnitLine(found, Standing.INCOMPLETE, False, days_left)
    on_time = (
        found.filed_on <= found.send_before
        if found.filed_on is not None and found.send_before is not None
        else None
    )
    return UnitLine(found, Standing.COVERED, True, days_left, on_time)
