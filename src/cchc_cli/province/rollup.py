"""The province's consolidated figures for one period ("tổng hợp"), from its units' digests.

Units are compared only as their plans allow: tasks as counts (each plan has its own),
indicators only through the shared code a plan declares (model/shared.py). Totals are
recomputed from summed counts, never averaged from percentages, and cover only the units
whose report can be made (ready); every other unit is listed with why. Units of another
year or programme are skipped, said so, never mixed in.

Ranking, within each block (phường apart from xã and đặc khu): first the share of the
plan's tasks completed (hoàn thành / tổng số nhiệm vụ, as the unit's report counts them);
on a tie, the share of dossiers resolved early or on time (shared code tthc-dung-han);
then the satisfaction rate (hai-long). A unit without one of these comes after those
with it; units equal on all three share a rank. Only units covered by the totals are
ranked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from cchc_cli.model.areas import Programme
from cchc_cli.model.plan import Measure
from cchc_cli.model.shared import SHARED, SharedIndicator
from cchc_cli.periods import Period, PeriodSpec, resolve_period
from cchc_cli.province.digest import State, UnitDigest
from cchc_cli.province.tthc import TthcTotals, add_up
from cchc_cli.province.units import BLOCKS, OTHER_BLOCK

# The codes that break ties in a ranking, after the share of tasks completed, and how a
# report names them next to a unit.
TIE_BREAKERS = {"tthc-dung-han": "hồ sơ đúng hạn", "hai-long": "hài lòng"}
# How many units a report names as the best and the worst of a block.
NAMED = 3


def programme_of(year: int) -> Programme:
    """The national programme a year's plans implement: NQ 76 from 2021, NQ 30c before."""
    return Programme.NQ76 if year >= 2021 else Programme.NQ30C


def rollup_period(spec: PeriodSpec, today: date) -> Period:
    """The one period a roll-up covers: the one named, else the report due next on the
    Nghị định 09 calendar (sent before 05/3, 05/6, 05/9, 05/12)."""
    return resolve_period(spec, None, today)


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

    @property
    def rate(self) -> float | None:
        """Completed tasks in percent of the tasks planned."""
        return 100.0 * self.done / self.total if self.total else None


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
class Ranked:
    """A unit's place in its block."""

    rank: int
    line: UnitLine
    key: tuple[Fraction, ...]


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
        return self.ranking[: _named(len(self.ranking))]

    @property
    def worst(self) -> tuple[Ranked, ...]:
        count = _named(len(self.ranking))
        return self.ranking[len(self.ranking) - count :][::-1] if len(self.ranking) > 1 else ()


def _named(size: int) -> int:
    return min(NAMED, size // 2) if size > 1 else size


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


CRITERION = (
    "tỷ lệ nhiệm vụ hoàn thành trên tổng số nhiệm vụ của kế hoạch đơn vị; bằng nhau thì "
    "xét tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn, rồi mức độ hài lòng; đơn vị không "
    "có chỉ số đó xếp sau; vẫn bằng nhau thì đồng hạng"
)


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


def ratio(line: UnitLine, code: str) -> Fraction | None:
    """A unit's rate for a shared code, exactly, from its counts (None without one)."""
    return _ratio(line, code)


def _ratio(line: UnitLine, code: str) -> Fraction | None:
    figures = line.digest.figures
    result = figures.shared_result(code) if figures is not None else None
    if result is None or result.numerator is None or not result.denominator:
        return None
    return Fraction(result.numerator) / Fraction(result.denominator)


def rank_key(line: UnitLine) -> tuple[Fraction, ...]:
    """The ranking criterion as a sortable value, higher first (see the module's doc);
    a missing figure sorts below every real one (-1)."""
    tasks = line.tasks
    done = Fraction(tasks.done, tasks.total) if tasks.total else Fraction(-1)
    rest = [_ratio(line, code) for code in TIE_BREAKERS]
    return (done, *(r if r is not None else Fraction(-1) for r in rest))


def collation(text: str) -> tuple[str, str]:
    """A sort key close to Vietnamese alphabetical order: letters without their marks
    first (đ as d), then the text itself."""
    import unicodedata

    folded = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)), text


def rank(lines: Iterable[UnitLine]) -> tuple[Ranked, ...]:
    """Units ranked by ``rank_key``; equal keys share a rank (1, 2, 2, 4)."""
    keyed = sorted(
        ((rank_key(line), line) for line in lines),
        key=lambda pair: (tuple(-k for k in pair[0]), collation(pair[1].digest.unit)),
    )
    ranked: list[Ranked] = []
    for position, (key, line) in enumerate(keyed, start=1):
        same = ranked and ranked[-1].key == key
        ranked.append(Ranked(ranked[-1].rank if same else position, line, key))
    return tuple(ranked)


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
