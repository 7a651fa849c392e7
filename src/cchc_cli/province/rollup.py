"""The province's consolidated figures for one period ("tổng hợp"), from its units' digests.

Units are compared only as their plans allow: tasks as counts (each plan has its own),
indicators only through the shared code a plan declares (model/shared.py). Totals are
recomputed from summed counts, never averaged from percentages, and cover only the units
whose report can be made (ready); every other unit is listed with why. Units of another
year or programme are skipped, said so, never mixed in. The ranking of each block is
province/ranking.py's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from cchc_cli.model.areas import Programme
from cchc_cli.model.plan import Measure
from cchc_cli.model.shared import SHARED, SharedIndicator
from cchc_cli.periods import Period, PeriodSpec, resolve_period
from cchc_cli.province.digest import UnitDigest
from cchc_cli.province.lines import Standing, TaskCounts, UnitLine, line_of, programme_of
from cchc_cli.province.ranking import CRITERION, Ranked, collation, named, rank
from cchc_cli.province.tthc import TthcTotals, add_up
from cchc_cli.province.units import BLOCKS, OTHER_BLOCK

__all__ = [
    "BlockTotals",
    "Rollup",
    "SharedTotal",
    "Standing",
    "TaskCounts",
    "UnitLine",
    "consolidate",
]


def rollup_period(spec: PeriodSpec, today: date) -> Period:
    """The one period a roll-up covers: the one named, else the report due next on the
    Nghị định 09 calendar (sent before 05/3, 05/6, 05/9, 05/12)."""
    return resolve_period(spec, None, today)


@dataclass(frozen=True)
class SharedTotal:
    """One shared indicator over the units that report it."""

    indicator: SharedIndicator
    numerator: float = 0.0  # a rate's: summed counts
    denominator: float = 0.0
    value: float = 0.0  # a value's: the sum
    units: int = 0  # covered units with a figure for it
    judged: int = 0  # of those, units whose report judges its target here
    achieved: int = 0
    below: tuple[UnitLine, ...] = ()  # units whose report says "chưa đạt"

    @property
    def rate(self) -> float | None:
        if self.indicator.measure is not Measure.RATE:
            return None
        return 100.0 * self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class BlockTotals:
    """A block's units ("khối"): their tasks, shared indicators and ranking."""

    name: str
    units: int  # units of the block in the roll-up (skipped ones left out)
    tasks: TaskCounts
    shared: tuple[SharedTotal, ...]
    ranking: tuple[Ranked, ...]

    @property
    def best(self) -> tuple[Ranked, ...]:
        return self.ranking[: named(len(self.ranking))]

    @property
    def worst(self) -> tuple[Ranked, ...]:
        count = named(len(self.ranking))
        return self.ranking[len(self.ranking) - count :][::-1] if len(self.ranking) > 1 else ()


@dataclass(frozen=True)
class Rollup:
    """The consolidated figures of a period: every unit, the totals, the rankings."""

    period: Period
    today: date
    programme: Programme
    lines: tuple[UnitLine, ...]  # every unit, by block then name
    tasks: TaskCounts
    shared: tuple[SharedTotal, ...]
    blocks: tuple[BlockTotals, ...]
    tthc: TthcTotals | None = None
    tthc_notes: tuple[tuple[UnitLine, str], ...] = ()  # units whose table is not added up
    sample: bool = False
    criterion: str = ""  # the ranking's, in words

    def count(self, standing: str) -> int:
        return sum(line.standing == standing for line in self.lines)

    @property
    def due(self) -> int:
        """Units that owe a report for the period."""
        return sum(line.standing != Standing.SKIPPED for line in self.lines)

    @property
    def covered(self) -> tuple[UnitLine, ...]:
        return tuple(line for line in self.lines if line.covered)

    @property
    def missing_or_late(self) -> tuple[UnitLine, ...]:
        """Units due whose report cannot be made, and covered units filed late."""
        return tuple(
            line
            for line in self.lines
            if line.standing in (Standing.INCOMPLETE, Standing.INVALID) or line.late
        )

    @property
    def skipped(self) -> tuple[UnitLine, ...]:
        return tuple(line for line in self.lines if line.standing == Standing.SKIPPED)

    @property
    def late(self) -> int:
        return sum(line.late for line in self.lines)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(total.indicator.code for total in self.shared)


def shared_totals(lines: Sequence[UnitLine], codes: Sequence[str]) -> tuple[SharedTotal, ...]:
    """Each shared code over the covered ``lines``: summed counts, verdicts counted."""
    totals = []
    for code in codes:
        indicator = SHARED[code]
        numerator = denominator = value = 0.0
        units = judged = achieved = 0
        below = []
        for line in lines:
            figures = line.digest.figures
            result = figures.shared_result(code) if figures is not None else None
            if result is None:
                continue
            if indicator.measure is Measure.RATE:
                if result.numerator is None or result.denominator is None:
                    continue
                numerator += result.numerator
                denominator += result.denominator
            else:
                if result.value is None:
                    continue
                value += result.value
            units += 1
            if result.judged and result.achieved is not None:
                judged += 1
                achieved += result.achieved
                if not result.achieved:
                    below.append(line)
        totals.append(
            SharedTotal(
                indicator, numerator, denominator, value, units, judged, achieved, tuple(below)
            )
        )
    return tuple(totals)


def _by_block(lines: Iterable[UnitLine]) -> dict[str, list[UnitLine]]:
    order = list(dict.fromkeys([*BLOCKS.values(), OTHER_BLOCK]))
    groups: dict[str, list[UnitLine]] = {name: [] for name in order}
    for line in lines:
        groups.setdefault(line.digest.block, []).append(line)
    return {name: group for name, group in groups.items() if group}


def consolidate(digests: Sequence[UnitDigest], period: Period, today: date) -> Rollup:
    """The roll-up of ``digests`` (every unit's, for ``period``)."""
    programme = programme_of(period.year)
    lines = [line_of(found, period, programme, today) for found in digests]
    ranks = {
        id(ranked.line): ranked.rank
        for group in _by_block(lines).values()
        for ranked in rank(line for line in group if line.covered)
    }
    final = [replace(line, rank=ranks.get(id(line))) for line in lines]
    grouped = _by_block(sorted(final, key=lambda line: collation(line.digest.unit)))
    ordered = tuple(line for group in grouped.values() for line in group)
    covered = [line for line in ordered if line.covered]
    present = {
        r.code for line in covered if line.digest.figures for r in line.digest.figures.shared
    }
    codes = [code for code in SHARED if code in present]
    blocks = tuple(
        BlockTotals(
            name,
            sum(line.standing != Standing.SKIPPED for line in group),
            _tasks(line for line in group if line.covered),
            shared_totals([line for line in group if line.covered], codes),
            rank(line for line in group if line.covered),
        )
        for name, group in grouped.items()
    )
    tables = [
        line.digest.figures.tthc
        for line in covered
        if line.digest.figures is not None and line.digest.figures.tthc is not None
    ]
    notes = tuple(
        (line, line.digest.figures.tthc_note)
        for line in covered
        if line.digest.figures is not None and line.digest.figures.tthc_note
    )
    return Rollup(
        period,
        today,
        programme,
        ordered,
        _tasks(covered),
        shared_totals(covered, codes),
        blocks,
        add_up(tables),
        notes,
        any(line.digest.sample for line in ordered),
        CRITERION,
    )


def _tasks(lines: Iterable[UnitLine]) -> TaskCounts:
    total = TaskCounts()
    for line in lines:
        total = total.plus(line.tasks)
    return total
