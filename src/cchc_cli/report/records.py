"""What the report needs from progress files and the calendar, as plain values.

The loaders of progress files and periods produce these (see ``report.sources``), so the
report context can be built and tested from values alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cchc_cli.model.plan import ReportKind
from cchc_cli.model.progress import TaskStatus, TthcTableRecord


@dataclass(frozen=True)
class Where:
    """A place in a progress file, for messages about missing data."""

    path: str
    line: int = 0


@dataclass(frozen=True)
class TaskRecord:
    """One task's progress in one quarter."""

    where: Where
    status: TaskStatus | None = None
    completed_on: date | None = None
    result: str | None = None
    evidence: tuple[str, ...] = ()
    period_result: str | None = None  # the whole period's result (quý II, quý IV files)


@dataclass(frozen=True)
class IndicatorRecord:
    """One indicator's figures for one quarter."""

    where: Where
    counts: dict[str, float] = field(default_factory=dict)
    value: float | None = None
    text: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class NarrativeRecord:
    """The written parts of a progress file ("phần đánh giá")."""

    direction: tuple[str, ...] = ()
    areas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    strengths: tuple[str, ...] = ()
    shortcomings: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    next_tasks: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuarterRecord:
    """A unit's progress file for one quarter."""

    quarter: int
    where: Where
    tasks: dict[str, TaskRecord] = field(default_factory=dict)
    indicators: dict[str, IndicatorRecord] = field(default_factory=dict)
    narrative: NarrativeRecord = field(default_factory=NarrativeRecord)
    sample: bool = False
    signer_name: str | None = None
    tthc_table: TthcTableRecord | None = None  # the one-stop statistics, by field
    # Where each narrative part is (or would go): "strengths", "areas.tthc", …
    places: dict[str, Where] = field(default_factory=dict)

    def place(self, part: str) -> Where:
        """The place of a narrative part, or of the file when it is not known."""
        return self.places.get(part, self.where)


@dataclass(frozen=True)
class PeriodInfo:
    """The report's period and dates ("kỳ báo cáo")."""

    kind: ReportKind
    year: int
    name: str
    slug: str
    quarters: tuple[int, ...]
    window_start: date
    window_end: date
    cutoff: date
    send_before: date
    # The annual report: where a year's target is judged (đạt / chưa đạt).
    final: bool = False
    # The window starts at the plan's first window of the year (quý I, 6 tháng, năm; quý
    # III too for a plan that starts in it): its summed figures are the year's so far.
    from_year_start: bool = True

    @property
    def multi(self) -> bool:
        """Whether the period spans several quarters (6 tháng, năm)."""
        return len(self.quarters) > 1
