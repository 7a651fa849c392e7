"""Indicator figures for a report period: one quarter, or quarters rolled up by rule.

Each indicator says how it rolls up (``aggregation``): ``sum`` adds the quarters,
``last`` takes the latest quarter, ``rate`` recomputes the rate from the summed counts
(never an average of quarterly rates) and ``none`` is not rolled up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cchc_cli.model.plan import Aggregation, Indicator, Measure
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


def rate_of(indicator: Indicator, counts: dict[str, float]) -> float | None:
    """numerator / denominator in percent; None when the denominator is 0."""
    denominator = counts.get(indicator.denominator or "", 0.0)
    if denominator == 0:
        return None
    return 100.0 * sum(counts.get(n, 0.0) for n in indicator.numerator) / denominator


def has_figures(indicator: Indicator, record: IndicatorRecord | None) -> bool:
    """Whether a quarter's record holds what the indicator is measured by."""
    if record is None:
        return False
    if indicator.measure is Measure.TEXT:
        return record.text is not None or record.value is not None
    if indicator.measure is Measure.RATE or (indicator.counts and record.value is None):
        wanted = [c.id for c in indicator.counts] or [*indicator.numerator]
        if not indicator.counts and indicator.denominator:
            wanted.append(indicator.denominator)
        return all(name in record.counts for name in wanted)
    return record.value is not None


def _ordered_counts(
    indicator: Indicator, counts: dict[str, float]
) -> tuple[tuple[str, float], ...]:
    return tuple((c.id, counts[c.id]) for c in indicator.counts if c.id in counts)


def _one(indicator: Indicator, record: IndicatorRecord) -> Figure:
    counts = _ordered_counts(indicator, record.counts)
    if indicator.measure is Measure.TEXT:
        return Figure(value=record.value, text=record.text, counts=counts)
    if indicator.measure is Measure.RATE or (indicator.numerator and record.value is None):
        rate = rate_of(indicator, record.counts)
        return Figure(value=rate, counts=counts, no_cases=rate is None)
    return Figure(value=record.value, counts=counts)


def uses_last_only(indicator: Indicator) -> bool:
    """Whether the period's figure is the last quarter's alone (a text, or rule 'last')."""
    return indicator.measure is Measure.TEXT or indicator.aggregation is Aggregation.LAST


def figure(indicator: Indicator, records: Sequence[IndicatorRecord | None]) -> Figure:
    """The period's figure from the quarters' records, oldest first (None: not reported)."""
    if records and uses_last_only(indicator):
        # Earlier quarters do not enter the figure: their gaps do not matter.
        records = records[-1:]
    if not records or not all(has_figures(indicator, r) for r in records):
        return Figure(missing=True)
    present = [r for r in records if r is not None]
    if len(present) == 1:
        return _one(indicator, present[0])
    rule = indicator.aggregation
    if indicator.measure is Measure.RATE and rule is Aggregation.SUM:
        rule = Aggregation.RATE
    if rule is Aggregation.LAST or indicator.measure is Measure.TEXT:
        return _one(indicator, present[-1])
    if rule is Aggregation.NONE:
        return Figure(not_rolled_up=True)
    summed: dict[str, float] = {}
    for record in present:
        for name, amount in record.counts.items():
            summed[name] = summed.get(name, 0.0) + amount
    if rule is Aggregation.RATE:
        rate = rate_of(indicator, summed)
        return Figure(value=rate, counts=_ordered_counts(indicator, summed), no_cases=rate is None)
    total = sum(r.value or 0.0 for r in present)
    return Figure(value=total, counts=_ordered_counts(indicator, summed))
