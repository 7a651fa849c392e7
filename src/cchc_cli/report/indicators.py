"""Indicator figures for a report period: one quarter, or quarters rolled up by rule.

Each indicator says how it rolls up (``aggregation``): ``sum`` adds the quarters,
``last`` takes the latest quarter, ``rate`` recomputes the rate from the summed counts
(never an average of quarterly rates) and ``none`` is not rolled up. Each count may say
how it rolls up itself (``rollup``): a count carried in from the period before
(``first``) is taken from the first quarter only, and the counts that contain it do not
count the later quarters' carried-in part a second time. Counts cchc knows itself
(``computed``: the plan's tasks, the tasks done) are never typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cchc_cli.model.plan import Aggregation, CountField, CountRollup, Indicator, Measure
from cchc_cli.report.records import IndicatorRecord


@dataclass(frozen=True)
class Figure:
    """An indicator's outcome for the period: a number, a text, or why there is none."""

    value: float | None = None
    text: str | None = None
    counts: tuple[tuple[str, float], ...] = ()
    missing: bool = False
    no_cases: bool = False  # a rate whose denominator is 0
    not_rolled_up: bool = False
    ratio: tuple[float, float] | None = None  # a rate's numerator and denominator


def typed_counts(indicator: Indicator) -> list[CountField]:
    """The counts a progress file supplies (not those cchc computes)."""
    return [c for c in indicator.counts if c.computed is None]


def computes_counts(indicator: Indicator) -> bool:
    """Whether some of the indicator's counts are computed by cchc."""
    return any(c.computed is not None for c in indicator.counts)


def rate_of(indicator: Indicator, counts: Mapping[str, float]) -> float | None:
    """numerator / denominator in percent; None when the denominator is 0."""
    denominator = counts.get(indicator.denominator or "", 0.0)
    if denominator == 0:
        return None
    return 100.0 * sum(counts.get(n, 0.0) for n in indicator.numerator) / denominator


def _ratio(indicator: Indicator, counts: Mapping[str, float]) -> tuple[float, float] | None:
    if not indicator.denominator or indicator.denominator not in counts:
        return None
    return sum(counts.get(n, 0.0) for n in indicator.numerator), counts[indicator.denominator]


def wanted_counts(indicator: Indicator) -> list[str]:
    """The counts a quarter's record must hold for the indicator's figure."""
    computed = {c.id for c in indicator.counts if c.computed is not None}
    wanted = [c.id for c in indicator.counts] or [*indicator.numerator]
    if not indicator.counts and indicator.denominator:
        wanted.append(indicator.denominator)
    return [c for c in wanted if c not in computed]


def needs_record(indicator: Indicator) -> bool:
    """Whether the figure needs anything from a progress file."""
    measured_by_counts = indicator.measure is Measure.RATE or bool(indicator.counts)
    return not measured_by_counts or bool(wanted_counts(indicator))


def has_figures(indicator: Indicator, record: IndicatorRecord | None) -> bool:
    """Whether a quarter's record holds what the indicator is measured by."""
    if not needs_record(indicator):
        return True
    if record is None:
        return False
    if indicator.measure is Measure.TEXT:
        return record.text is not None or record.value is not None
    if indicator.measure is Measure.RATE or (indicator.counts and record.value is None):
        return all(name in record.counts for name in wanted_counts(indicator))
    return record.value is not None


def _ordered_counts(
    indicator: Indicator, counts: Mapping[str, float]
) -> tuple[tuple[str, float], ...]:
    return tuple((c.id, counts[c.id]) for c in indicator.counts if c.id in counts)


def _measured(indicator: Indicator, counts: dict[str, float], value: float | None) -> Figure:
    ordered = _ordered_counts(indicator, counts)
    if indicator.measure is Measure.RATE or (indicator.numerator and value is None):
        rate = rate_of(indicator, counts)
        return Figure(
            value=rate, counts=ordered, no_cases=rate is None, ratio=_ratio(indicator, counts)
        )
    return Figure(value=value, counts=ordered)


def uses_last_only(indicator: Indicator) -> bool:
    """Whether the period's figure is the last quarter's alone (a text, or rule 'last')."""
    return indicator.measure is Measure.TEXT or indicator.aggregation is Aggregation.LAST


def rolled_counts(indicator: Indicator, records: Sequence[IndicatorRecord]) -> dict[str, float]:
    """The counts of several quarters rolled up, each by its ``rollup``; a count carried
    in from the quarter before (named by a ``carried_in``) is the first quarter's, and the
    count that includes it loses the later quarters' carried-in part, counted already."""
    fields = {c.id: c for c in indicator.counts}
    carried = {c.carried_in for c in indicator.counts if c.carried_in}
    names = [c.id for c in indicator.counts]
    names += [n for r in records for n in r.counts if n not in fields and n not in names]
    rolled: dict[str, float] = {}
    for name in names:
        values = [r.counts[name] for r in records if name in r.counts]
        if not values:
            continue
        rule = fields[name].rollup if name in fields else CountRollup.SUM
        if rule is CountRollup.FIRST or name in carried:
            rolled[name] = values[0]
        elif rule is CountRollup.LAST:
            rolled[name] = values[-1]
        else:
            rolled[name] = sum(values)
    for count in indicator.counts:
        if count.carried_in and count.id in rolled and count.rollup is CountRollup.SUM:
            rolled[count.id] -= sum(r.counts.get(count.carried_in, 0.0) for r in records[1:])
    return rolled


def figure(
    indicator: Indicator,
    records: Sequence[IndicatorRecord | None],
    computed: Mapping[str, float] | None = None,
) -> Figure:
    """The period's figure from the quarters' records, oldest first (None: not reported).

    ``computed`` holds the counts cchc knows as of the period's end (``plan-tasks``,
    ``tasks-done`` …), or is None when they are not known (a draft without the last
    quarter's statuses).
    """
    own = [c for c in indicator.counts if c.computed is not None]
    if own and computed is None:
        return Figure(missing=True)
    known = {
        c.id: float(computed[c.computed])
        for c in own
        if computed is not None and c.computed is not None
    }
    if records and (uses_last_only(indicator) or not needs_record(indicator)):
        # Earlier quarters do not enter the figure: their gaps do not matter.
        records = records[-1:]
    if not records or not all(has_figures(indicator, r) for r in records):
        return Figure(missing=True)
    present = [r for r in records if r is not None]
    if not needs_record(indicator) or not present:
        return _measured(indicator, known, None)
    if len(present) == 1:
        record = present[0]
        if indicator.measure is Measure.TEXT:
            return Figure(
                value=record.value,
                text=record.text,
                counts=_ordered_counts(indicator, record.counts),
            )
        return _measured(indicator, {**record.counts, **known}, record.value)
    rule = indicator.aggregation
    if indicator.measure is Measure.RATE and rule is Aggregation.SUM:
        rule = Aggregation.RATE
    if rule is Aggregation.NONE:
        return Figure(not_rolled_up=True)
    counts = {**rolled_counts(indicator, present), **known}
    if rule is Aggregation.RATE:
        return _measured(indicator, counts, None)
    total = sum(r.value or 0.0 for r in present)
    return Figure(value=total, counts=_ordered_counts(indicator, counts))


def note_of(
    indicator: Indicator, records: Sequence[IndicatorRecord | None], quarters: Sequence[int]
) -> tuple[tuple[int, str], ...]:
    """The clerk's notes behind the period's figure, with their quarters: the last
    quarter's for a figure taken from it, each quarter's for a rolled-up one."""
    pairs = list(zip(quarters, records, strict=True))
    if uses_last_only(indicator) or not needs_record(indicator):
        pairs = pairs[-1:]
    return tuple((q, r.note) for q, r in pairs if r is not None and r.note)
