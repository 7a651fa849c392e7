"""Rows of the report's appendices: task status and indicator results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cchc_cli import vietnamese as numbers
from cchc_cli.model.plan import Indicator, Plan, Task
from cchc_cli.model.progress import TaskStatus
from cchc_cli.report.indicators import Figure, has_figures, uses_last_only
from cchc_cli.report.records import PeriodInfo, QuarterRecord, Where

AddMissing = Callable[[Where | None, str, str, str], str]
NOT_APPLICABLE = "—"
# What a draft shows where a value is missing, for the clerk to fill in.
PLACEHOLDER = "…"
OVERDUE = "quá hạn"


@dataclass(frozen=True)
class TaskRow:
    """A task in the status table ("STT, nội dung, chủ trì, thời hạn, trạng thái")."""

    stt: int
    id: str
    area: str
    content: str
    lead: str
    due: str
    status: str
    done: bool
    overdue: bool
    result: str
    evidence: tuple[str, ...]
    state: TaskStatus | None = None  # None: no status recorded yet


@dataclass(frozen=True)
class CountRow:
    label: str
    value: str


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator in the results table ("chỉ tiêu, đơn vị, kế hoạch, thực hiện, đánh giá")."""

    stt: int
    id: str
    area: str
    name: str
    unit: str
    target: str
    has_target: bool
    actual: str
    verdict: str
    achieved: bool | None
    counts: tuple[CountRow, ...]


@dataclass(frozen=True)
class TaskSummary:
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int
    unknown: int = 0  # in a draft: tasks whose status is still "…"


def summarise(rows: tuple[TaskRow, ...]) -> TaskSummary:
    return TaskSummary(
        total=len(rows),
        done=sum(r.done for r in rows),
        in_progress=sum(r.state is TaskStatus.IN_PROGRESS for r in rows),
        not_started=sum(r.state is TaskStatus.NOT_STARTED for r in rows),
        overdue=sum(r.overdue for r in rows),
        unknown=sum(r.state is None for r in rows),
    )


def task_row(
    stt: int,
    task: Task,
    *,
    plan: Plan,
    records: Sequence[QuarterRecord | None],
    period: PeriodInfo,
    missing: AddMissing,
) -> TaskRow:
    """The task as of the latest quarter, with what was done in each quarter of the period.

    Overdue when due before the cut-off and not done; a completion after the cut-off is
    an estimate ("ước thực hiện"), as the data window sentence says.
    """
    present = [r for r in records if r is not None]
    latest = present[-1] if present else None
    record = latest.tasks.get(task.id) if latest else None
    post = plan.post(task.lead) if task.lead else None
    lead = post.title if post else (task.lead or NOT_APPLICABLE)
    due_end = task.due.end
    result, evidence = _work_done(task.id, present)
    if record is None or record.status is None:
        where = record.where if record else (latest.where if latest else None)
        status = missing(
            where,
            "R101",
            f"Nhiệm vụ {task.id}: chưa có trạng thái.",
            "Ghi status: hoàn thành, đang thực hiện hoặc chưa thực hiện.",
        )
        return TaskRow(
            stt,
            task.id,
            task.area,
            task.content,
            lead,
            task.due.vietnamese(),
            status,
            False,
            False,
            result or status,  # what the clerk typed is kept, even without a status
            evidence,
        )
    done = record.status is TaskStatus.DONE
    overdue = not done and due_end is not None and due_end < period.cutoff
    status = str(record.status)
    if overdue:
        status = f"{OVERDUE}, {record.status}"
    elif done and due_end and record.completed_on and record.completed_on > due_end:
        status = f"{record.status} (chậm so với thời hạn)"
    if done and record.completed_on and record.completed_on > period.cutoff:
        status = f"{status} (ước thực hiện)"
    return TaskRow(
        stt,
        task.id,
        task.area,
        task.content,
        lead,
        task.due.vietnamese(),
        status,
        done,
        overdue,
        result or str(record.status),
        evidence,
        record.status,
    )


def _work_done(task_id: str, records: Sequence[QuarterRecord]) -> tuple[str, tuple[str, ...]]:
    # A six-month or annual report tells what was done over the whole period: each
    # quarter's result under its name, followed by the documents first cited that
    # quarter. A finished task's result, carried into later quarters by `progress new`,
    # is said once.
    parts: list[tuple[int, str, list[str]]] = []
    cited: list[str] = []
    for record in records:
        entry = record.tasks.get(task_id)
        if entry is None:
            continue
        new = [e for e in entry.evidence if e not in cited]
        cited += new
        if entry.result and entry.result not in (text for _, text, _ in parts):
            parts.append((record.quarter, entry.result, new))
        elif parts:
            parts[-1][2].extend(new)
    if len(parts) <= 1:
        return (parts[0][1] if parts else ""), tuple(cited)
    said = []
    for quarter, text, documents in parts:
        cite = f" ({'; '.join(d.rstrip(' .;') for d in documents)})" if documents else ""
        said.append(f"quý {numbers.roman(quarter)}: {text.rstrip(' .;')}{cite}")
    # The documents are in the text, each after its quarter: not repeated after it.
    return _first_up("; ".join(said) + "."), ()


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def target_text(indicator: Indicator) -> str:
    """The target in words: "trên 95%", "từ 90% trở lên", or the qualitative target."""
    target = indicator.target
    if target is None:
        return NOT_APPLICABLE
    if target.value is not None:
        amount = numbers.with_unit(target.value, indicator.unit)
        return target.direction.words.format(v=amount) if target.direction else amount
    return target.text or NOT_APPLICABLE


def indicator_row(
    stt: int,
    indicator: Indicator,
    result: Figure,
    records: Sequence[QuarterRecord | None],
    missing: AddMissing,
) -> IndicatorRow:
    """The indicator's target, actual and verdict (đạt / chưa đạt) for the period."""
    labels = {c.id: c.label for c in indicator.counts}
    counts = tuple(CountRow(labels.get(k, k), numbers.number(v)) for k, v in result.counts)
    achieved: bool | None = None
    if result.missing:
        actual = _missing_figures(indicator, records, missing)
    elif result.no_cases:
        actual = "không phát sinh"
    elif result.not_rolled_up:
        actual = "không cộng dồn"
    elif result.value is not None and result.text is None:
        target = indicator.target
        decimals = 1
        if target and target.direction and target.value is not None:
            achieved = target.direction.achieved(round(result.value, 6), target.value)
            decimals = numbers.decimals_apart(round(result.value, 6), target.value)
        actual = numbers.with_unit(result.value, indicator.unit, decimals)
    else:
        actual = result.text or NOT_APPLICABLE
    verdict = NOT_APPLICABLE if achieved is None else ("đạt" if achieved else "chưa đạt")
    return IndicatorRow(
        stt,
        indicator.id,
        indicator.area,
        indicator.name,
        indicator.unit or NOT_APPLICABLE,
        target_text(indicator),
        indicator.target is not None,
        actual,
        verdict,
        achieved,
        counts,
    )


def _missing_figures(
    indicator: Indicator, records: Sequence[QuarterRecord | None], missing: AddMissing
) -> str:
    # One problem per quarter file that lacks the figures, at the indicator's entry in it;
    # a quarter without any file is already reported once (R100), not once per indicator.
    actual = PLACEHOLDER
    for record in records[-1:] if uses_last_only(indicator) else records:
        if record is None:
            continue
        entry = record.indicators.get(indicator.id)
        if has_figures(indicator, entry):
            continue
        lacking = [
            c.id for c in indicator.counts if entry is None or entry.counts.get(c.id) is None
        ]
        which = f" ({', '.join(lacking)})" if entry is not None and lacking else ""
        actual = missing(
            entry.where if entry else record.where,
            "R102",
            f"Chỉ số {indicator.id}: chưa có số liệu quý {numbers.roman(record.quarter)}{which}.",
            "Ghi value, counts hoặc text của chỉ số trong tệp tiến độ quý đó.",
        )
    return actual
