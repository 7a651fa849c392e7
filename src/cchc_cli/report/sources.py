"""Reading a report's inputs: the quarters' progress files, as report records."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cchc_cli.errors import InvalidInputError
from cchc_cli.load.progress import existing_or_new, load_progress
from cchc_cli.load.shape import Loaded
from cchc_cli.model.areas import AREAS
from cchc_cli.model.plan import Plan, ReportKind
from cchc_cli.model.progress import Progress, TaskStatus
from cchc_cli.paths import progress_path
from cchc_cli.periods import Period, quarter_open
from cchc_cli.problems import Problem
from cchc_cli.report.records import (
    IndicatorRecord,
    NarrativeRecord,
    PeriodInfo,
    QuarterRecord,
    TaskRecord,
    Where,
)

AREA_CODES = sorted({area.code for areas in AREAS.values() for area in areas})


def period_info(plan: Plan, period: Period) -> PeriodInfo:
    """The period with its dates under the plan's reporting rule (and its start)."""
    dates = period.schedule(plan)
    quarters = period.quarters_of(plan)
    first_open = next(q for q in (1, 2, 3, 4) if quarter_open(plan, period.year, q))
    return PeriodInfo(
        kind=period.kind,
        year=period.year,
        name=period.name,
        slug=period.slug,
        quarters=quarters,
        window_start=dates.window_start,
        window_end=dates.window_end,
        cutoff=dates.cutoff,
        send_before=dates.send_before,
        final=period.kind is ReportKind.YEAR,
        from_year_start=quarters[0] == first_open,
    )


def progress_paths(progress_dir: Path, plan_path: Path, plan: Plan, period: Period) -> list[Path]:
    """The quarter files the period aggregates under the plan, in order (existing or not)."""
    return [
        existing_or_new(progress_path(progress_dir, plan_path, period.year, q))
        for q in period.quarters_of(plan)
    ]


def existing_progress(
    progress_dir: Path, plan_path: Path, plan: Plan, period: Period
) -> list[Path]:
    """The period's progress files that exist."""
    return [p for p in progress_paths(progress_dir, plan_path, plan, period) if p.is_file()]


def load_records(
    plan: Plan, plan_path: Path, progress_dir: Path, period: Period
) -> list[QuarterRecord | None]:
    """One record per quarter of the period (None where the file does not exist).

    A progress file with errors stops the report: InvalidInputError lists them all.
    """
    paths = progress_paths(progress_dir, plan_path, plan, period)
    return [
        None if found is None else to_record(found[1], found[0])
        for found in load_quarters(plan, plan_path, period, paths)
    ]


def load_quarters(
    plan: Plan, plan_path: Path, period: Period, paths: Sequence[Path]
) -> list[tuple[int, Loaded[Progress]] | None]:
    """Each quarter of the period with its progress file loaded and valid (None where
    the file does not exist). A file with errors stops the unit: InvalidInputError lists
    the errors of them all."""
    found: list[tuple[int, Loaded[Progress]] | None] = []
    problems: list[Problem] = []
    for quarter, path in zip(period.quarters_of(plan), paths, strict=True):
        if not path.is_file():
            found.append(None)
            continue
        loaded = load_progress(path, plan, plan_path)
        if not loaded.ok or loaded.model is None:
            problems.extend(p for p in loaded.problems if p.severity == "error")
            found.append(None)
            continue
        found.append((quarter, loaded))
    if problems:
        raise InvalidInputError(problems, "Tệp tiến độ có lỗi; hãy sửa rồi chạy lại.")
    return found


def to_record(loaded: Loaded[Progress], quarter: int) -> QuarterRecord:
    """A loaded, valid progress file as a report record, keeping the line of each item."""
    progress = loaded.model
    assert progress is not None  # guarded by the caller
    document = loaded.document

    def where(*path: str | int) -> Where:
        line = document.mark_for(tuple(path)).line if document is not None else 0
        return Where(loaded.shown, line)

    tasks = {
        t.id: TaskRecord(
            where=where("tasks", n),
            status=TaskStatus(t.status.value) if t.status is not None else None,
            completed_on=t.completed_on,
            result=t.result,
            evidence=tuple(t.evidence),
            period_result=t.period_result,
        )
        for n, t in enumerate(progress.tasks)
    }
    indicators = {
        i.id: IndicatorRecord(
            where=where("indicators", n),
            counts={k: float(v) for k, v in i.counts.items() if v is not None},
            value=i.value,
            text=i.text,
            note=i.note,
        )
        for n, i in enumerate(progress.indicators)
    }
    text = progress.narrative
    narrative = NarrativeRecord(
        direction=tuple(text.direction),
        areas={k: tuple(v) for k, v in text.areas.items()},
        strengths=tuple(text.strengths),
        shortcomings=tuple(text.shortcomings),
        causes=tuple(text.causes),
        next_tasks=tuple(text.next_tasks),
        proposals=tuple(text.proposals),
    )
    parts = ("direction", "strengths", "shortcomings", "causes", "next_tasks", "proposals")
    places = {part: where("narrative", part) for part in parts}
    places.update({f"areas.{code}": where("narrative", "areas", code) for code in AREA_CODES})
    return QuarterRecord(
        quarter=quarter,
        places=places,
        where=Where(loaded.shown, 1),
        tasks=tasks,
        indicators=indicators,
        narrative=narrative,
        sample=progress.sample,
        signer_name=progress.signer_name,
        tthc_table=progress.tthc_table,
    )
