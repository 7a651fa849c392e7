"""Rows of the report's appendices: task status and indicator results for the period.

A report tells its own period: a task's result is what was done in the period's quarters
(each quarter's text under its name in a six-month or annual report, or the whole
period's ``period_result``), never an earlier quarter's work; a task finished before the
period says so ("hoàn thành (quý I)"). A year's target is judged in the annual report;
earlier reports give the progress towards it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from cchc_cli import vietnamese as numbers
from cchc_cli.model.plan import ComputedCount, Indicator, Measure, Plan, Task
from cchc_cli.model.progress import TaskStatus
from cchc_cli.periods import quarter_of_day, quarter_window
from cchc_cli.report.gaps import PLACEHOLDER, Gaps
from cchc_cli.report.indicators import (
    Figure,
    has_figures,
    needs_record,
    note_of,
    typed_counts,
    uses_last_only,
)
from cchc_cli.report.records import PeriodInfo, QuarterRecord, TaskRecord

NOT_APPLICABLE = "—"
OVERDUE = "quá hạn"
ESTIMATE = "ước thực hiện"
# A task with nothing new in the period: finished in an earlier quarter.
NOTHING_NEW = NOT_APPLICABLE

# Verdicts of an indicator with a numeric target.
ACHIEVED, NOT_ACHIEVED = "đạt", "chưa đạt"
ACHIEVED_SO_FAR = "đã đạt"
JUDGED_AT_YEAR_END = "đánh giá cuối năm"

__all__ = ["PLACEHOLDER"]


@dataclass(frozen=True)
class TaskRow:
    """A task in the status table ("STT, nhiệm vụ, chủ trì, thời hạn, tình trạng, kết quả")."""

    stt: int
    id: str
    area: str
    content: str  # the plan's whole text
    label: str  # the short title, or the first clause of the text
    lead: str
    partners: str  # the partner posts' titles, "; "-separated ("" without any)
    due: str
    status: str
    completed: str  # "24/01/2024" for a finished task, else ""
    done: bool
    overdue: bool
    result: str  # what was done in the period; "—" when nothing new; "…" in a draft
    evidence: tuple[str, ...]
    state: TaskStatus | None = None  # None: no status recorded yet
    earlier: bool = False  # finished in a quarter before the period
    estimate: bool = False  # finished after the data cut-off ("ước thực hiện")
    on_time: bool = False  # finished, not after its due date


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
    verdict: str  # đạt / chưa đạt / đã đạt / đánh giá cuối năm / —
    achieved: bool | None  # the verdict of a target judged in this report
    counts: tuple[CountRow, ...]
    judged: bool = False  # đạt / chưa đạt said in this report
    year_target: bool = False  # a target for the whole year, judged in the annual report
    progress: str = ""  # the figure as progress towards a year's target ("lũy kế 3/28 …")
    note: str = ""
    ratio: str = ""  # a rate of the plan's tasks as a fraction: "26/28 nhiệm vụ"
    figures: Numbers | None = None  # the figures as numbers, for a workbook


@dataclass(frozen=True)
class Numbers:
    """An indicator's figures as numbers (a workbook stores numbers, not words): the
    value, the rate's numerator and denominator, and the target's value."""

    value: float | None
    numerator: float | None
    denominator: float | None
    target: float | None
    rate: bool


@dataclass(frozen=True)
class TaskSummary:
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int
    unknown: int = 0  # in a draft: tasks whose status is still "…"
    done_earlier: int = 0  # of those done: finished before the period
    estimated: int = 0  # of those done: finished after the cut-off
    done_on_time: int = 0  # of those done: not after their due date


def summarise(rows: Sequence[TaskRow]) -> TaskSummary:
    return TaskSummary(
        total=len(rows),
        done=sum(r.done for r in rows),
        in_progress=sum(r.state is TaskStatus.IN_PROGRESS for r in rows),
        not_started=sum(r.state is TaskStatus.NOT_STARTED for r in rows),
        overdue=sum(r.overdue for r in rows),
        unknown=sum(r.state is None for r in rows),
        done_earlier=sum(r.earlier for r in rows),
        estimated=sum(r.estimate for r in rows),
        done_on_time=sum(r.on_time for r in rows),
    )


def computed_counts(plan: Plan, summary: TaskSummary) -> dict[str, float] | None:
    """The counts cchc knows as of the period's end; None while a status is missing."""
    if summary.unknown:
        return None
    return {
        ComputedCount.PLAN_TASKS: len(plan.tasks),
        ComputedCount.TASKS_DONE: summary.done,
        ComputedCount.TASKS_DONE_ON_TIME: summary.done_on_time,
    }


def task_row(
    stt: int,
    task: Task,
    *,
    plan: Plan,
    records: Sequence[QuarterRecord | None],
    period: PeriodInfo,
    gaps: Gaps,
) -> TaskRow:
    """The task as of the period's last quarter, with what was done in the period.

    Overdue when due before the cut-off and not done; a completion after the cut-off is
    an estimate ("ước thực hiện"), as the data window sentence says.
    """
    post = plan.post(task.lead) if task.lead else None
    partners = [plan.post(p) for p in task.partners]
    row = TaskRow(
        stt=stt,
        id=task.id,
        area=task.area,
        content=task.content,
        label=task.label,
        lead=post.title if post else (task.lead or NOT_APPLICABLE),
        partners="; ".join(
            p.title if p else pid for p, pid in zip(partners, task.partners, strict=True)
        ),
        due=task.due.vietnamese(),
        status=PLACEHOLDER,
        completed="",
        done=False,
        overdue=False,
        result=PLACEHOLDER,
        evidence=(),
    )
    last_quarter = period.quarters[-1]
    last = records[-1]
    entry = last.tasks.get(task.id) if last is not None else None
    finished = _finished_earlier(task.id, records)
    if last is None and finished is not None:
        # A task finished in an earlier quarter of the period stays finished: saying so
        # invents nothing, though the closing quarter's file is missing.
        state_fields: dict[str, object] = _state(task, finished, plan, period)
    elif last is None:
        status = gaps.placeholder(last_quarter)  # the missing file is said once (R100)
        state_fields = {"status": status}
    elif entry is None or entry.status is None:
        status = gaps.problem(
            entry.where if entry else last.where,
            "R101",
            f"Nhiệm vụ {task.id}: chưa có tình trạng quý {numbers.roman(last_quarter)}.",
            "Ghi status: hoàn thành, đang thực hiện hoặc chưa thực hiện.",
            last_quarter,
        )
        state_fields = {"status": status}
    else:
        state_fields = _state(task, entry, plan, period)
    result, evidence = _work_done(task, records, plan, period, gaps)
    return replace(row, result=result, evidence=evidence, **state_fields)  # type: ignore[arg-type]


def _finished_earlier(task_id: str, records: Sequence[QuarterRecord | None]) -> TaskRecord | None:
    """The task's entry in the latest quarter file there is, if it says "hoàn thành"."""
    for record in reversed(records):
        if record is not None:
            entry = record.tasks.get(task_id)
            done = entry is not None and entry.status is TaskStatus.DONE
            return entry if done and entry is not None and entry.completed_on else None
    return None


def _state(task: Task, entry: TaskRecord, plan: Plan, period: PeriodInfo) -> dict[str, object]:
    state = entry.status
    assert state is not None
    done = state is TaskStatus.DONE
    day = entry.completed_on if done else None
    due_end = task.due.end
    overdue = not done and due_end is not None and due_end < period.cutoff
    earlier = day is not None and day < period.window_start
    late = day is not None and due_end is not None and day > due_end
    estimate = day is not None and day > period.cutoff
    notes: list[str] = []
    if earlier and day is not None:
        quarter = quarter_of_day(plan, day.year, day)
        notes.append(f"quý {numbers.roman(quarter)}" if quarter else "kỳ trước")
    if late:
        notes.append("chậm so với thời hạn")
    if estimate:
        notes.append(ESTIMATE)
    status = f"{OVERDUE}, {state}" if overdue else str(state)
    if notes:
        status = f"{status} ({', '.join(notes)})"
    return {
        "status": status,
        "completed": numbers.date_short(day) if day is not None else "",
        "done": done,
        "overdue": overdue,
        "state": state,
        "earlier": earlier,
        "estimate": estimate,
        "on_time": done and not late,
    }


def _finished_before(entry: TaskRecord, start: date) -> bool:
    day = entry.completed_on
    return entry.status is TaskStatus.DONE and day is not None and day < start


def _work_done(
    task: Task,
    records: Sequence[QuarterRecord | None],
    plan: Plan,
    period: PeriodInfo,
    gaps: Gaps,
) -> tuple[str, tuple[str, ...]]:
    """What was done on the task in the period, and the documents that show it.

    One quarter: its result and documents. Several quarters: the last quarter's
    ``period_result`` with every document of the period, or else each quarter's result
    under its name, each followed by the documents first cited that quarter. A quarter
    with a status but no result is a gap (R105); a task finished before a quarter and
    with nothing new in it says nothing for that quarter.
    """
    last = records[-1]
    closing = last.tasks.get(task.id) if last is not None else None
    if closing is not None and closing.period_result:
        documents: list[str] = []
        for record in records:
            entry = record.tasks.get(task.id) if record is not None else None
            documents += [e for e in (entry.evidence if entry else ()) if e not in documents]
        return closing.period_result, tuple(documents)
    parts: list[tuple[int, str, tuple[str, ...]]] = []
    finished = _finished_earlier(task.id, records)
    for quarter, record in zip(period.quarters, records, strict=True):
        start = quarter_window(plan, period.year, quarter)[0]
        if record is None:
            if finished is None or not _finished_before(finished, start):
                parts.append((quarter, gaps.placeholder(quarter), ()))
            continue
        entry = record.tasks.get(task.id)
        if entry is not None and entry.result:
            parts.append((quarter, entry.result, entry.evidence))
            continue
        if entry is not None and _finished_before(entry, start):
            continue
        if record is last and (entry is None or entry.status is None):
            # Its missing status is already reported (R101): one gap, one problem.
            parts.append((quarter, gaps.placeholder(quarter), ()))
            continue
        parts.append(
            (
                quarter,
                gaps.problem(
                    entry.where if entry else record.where,
                    "R105",
                    f"Nhiệm vụ {task.id}: chưa ghi kết quả quý {numbers.roman(quarter)}"
                    + (f" (tình trạng '{entry.status}')" if entry and entry.status else "")
                    + ".",
                    "Ghi result: những việc đã làm trong quý (với nhiệm vụ chưa thực hiện: "
                    "lý do); tình trạng không thay cho kết quả.",
                    quarter,
                ),
                (),
            )
        )
    if not parts:
        return NOTHING_NEW, ()
    if not period.multi:
        _, text, documents_ = parts[0]
        return text, documents_
    return _by_quarter(parts), ()


def _by_quarter(parts: list[tuple[int, str, tuple[str, ...]]]) -> str:
    # Every quarter's text under its name, the same way for every task; each document
    # is cited once, after the first quarter that names it.
    cited: list[str] = []
    said = []
    for quarter, text, documents in parts:
        new = [d for d in documents if d not in cited]
        cited += new
        cite = f" ({'; '.join(d.rstrip(' .;') for d in new)})" if new else ""
        body = text if text == PLACEHOLDER else mid_sentence(text.rstrip(" .;"))
        said.append(f"quý {numbers.roman(quarter)}: {body}{cite}")
    joined = "; ".join(said)
    return joined[:1].upper() + joined[1:] + ("" if joined.endswith(PLACEHOLDER) else ".")


# Titles and names of bodies that keep their capital inside a sentence.
_KEEP_CAPITAL = (
    "Chủ tịch",
    "Phó Chủ tịch",
    "Ủy ban",
    "Hội đồng",
    "Thủ tướng",
    "Chính phủ",
    "Nhân dân",
    "Đảng",
    "Công an",
    "Biểu ",
)
# A document by its number: "Nghị định số 73/2024/NĐ-CP", "Công văn số 45/UBND".
_BY_NUMBER = re.compile(r"^\w+(?: \w+)? số \d")


def mid_sentence(text: str) -> str:
    """A text that continues a sentence ("quý II: rà soát …"): its first letter in lower
    case, unless it opens with an abbreviation ("TTHC"), a proper name of two capitalised
    words ("Bộ Chính trị", "Luật Đất đai"), a document by its number, or a title or body
    that keeps its capital ("Chủ tịch Ủy ban …")."""
    words = text.split(maxsplit=2)
    if len(text) > 1 and text[1].isupper():
        return text
    if len(words) > 1 and words[1][:1].isupper():
        return text
    if text.startswith(_KEEP_CAPITAL) or _BY_NUMBER.match(text):
        return text
    return text[:1].lower() + text[1:]


def target_text(indicator: Indicator) -> str:
    """The target in words: "trên 95%", "từ 90% trở lên", or the qualitative target."""
    target = indicator.target
    if target is None:
        return NOT_APPLICABLE
    if target.value is not None:
        amount = numbers.with_unit(target.value, indicator.unit)
        return target.direction.words.format(v=amount) if target.direction else amount
    return target.text or NOT_APPLICABLE


def percent_text(value: float, target: float | None = None) -> str:
    """A percentage, the one way a report writes them: two decimals ("99,05%", "99,50%"),
    no decimals when whole ("100%"), more only when two would print the target's value
    for another value ("94,996%" next to a target of 95%)."""
    if round(value, 6) == round(value):
        return f"{numbers.number(round(value), 0)}%"
    decimals = 2
    while (
        target is not None
        and decimals < 4
        and round(value, 6) != target
        and numbers.number(value, decimals) == numbers.number(target, decimals)
    ):
        decimals += 1
    text = numbers.number(value, decimals)
    whole, _, fraction = text.partition(",")
    return f"{whole},{fraction.ljust(decimals, '0')}%"


def value_text(value: float, indicator: Indicator) -> str:
    """An indicator's value with its unit, percentages by :func:`percent_text`."""
    target = indicator.target.value if indicator.target is not None else None
    if indicator.unit == "%":
        return percent_text(value, target)
    decimals = 1
    if target is not None:
        decimals = numbers.decimals_apart(round(value, 6), target)
    return numbers.with_unit(value, indicator.unit, decimals)


def indicator_row(
    stt: int,
    indicator: Indicator,
    result: Figure,
    *,
    records: Sequence[QuarterRecord | None],
    period: PeriodInfo,
    gaps: Gaps,
) -> IndicatorRow:
    """The indicator's target, actual and verdict for the period.

    A target that holds every period (``every_period``) is judged in every report; a
    year's target only in the annual report: before it, the row gives the progress so far
    and says "đã đạt" only once a target that grows towards it is met.
    """
    labels = {c.id: c.label for c in indicator.counts}
    counts = tuple(CountRow(labels.get(k, k), numbers.number(v)) for k, v in result.counts)
    target = indicator.target
    numeric = target is not None and target.direction is not None and target.value is not None
    judged_here = numeric and (period.final or (target is not None and target.every_period))
    achieved: bool | None = None
    verdict = NOT_APPLICABLE
    progress = ""
    if result.missing:
        actual = _missing_figures(indicator, records, period, gaps)
    elif result.no_cases:
        actual = "không phát sinh"
    elif result.not_rolled_up:
        actual = "không cộng dồn"
    elif result.value is not None and result.text is None:
        actual = value_text(result.value, indicator)
        if numeric and target is not None and target.direction and target.value is not None:
            met = target.direction.achieved(round(result.value, 6), target.value)
            if judged_here:
                achieved = met
                verdict = ACHIEVED if met else NOT_ACHIEVED
            else:
                verdict = (
                    ACHIEVED_SO_FAR
                    if met and target.direction.higher_is_better
                    else JUDGED_AT_YEAR_END
                )
                progress = _progress(indicator, result, actual, period)
    else:
        actual = result.text or NOT_APPLICABLE
    if numeric and actual == PLACEHOLDER:
        # Judged once the figure is filled in; a year's target, in the annual report.
        verdict = gaps.placeholder(period.quarters[-1]) if judged_here else JUDGED_AT_YEAR_END
    return IndicatorRow(
        stt,
        indicator.id,
        indicator.area,
        indicator.name,
        indicator.unit or NOT_APPLICABLE,
        target_text(indicator),
        target is not None,
        actual,
        verdict,
        achieved,
        counts,
        judged=judged_here,
        year_target=numeric and not (target is not None and target.every_period),
        progress=progress or actual,
        note=_notes(indicator, records, period),
        ratio=_task_ratio(indicator, result),
        figures=_numbers(indicator, result),
    )


def _numbers(indicator: Indicator, result: Figure) -> Numbers | None:
    if result.missing or result.not_rolled_up or result.text is not None:
        return None
    counts = dict(result.counts)
    rate = indicator.measure is Measure.RATE and indicator.denominator is not None
    numerator = sum(counts.get(n, 0.0) for n in indicator.numerator) if rate else None
    denominator = counts.get(indicator.denominator or "") if rate else None
    target = indicator.target.value if indicator.target is not None else None
    return Numbers(result.value, numerator, denominator, target, rate)


def _task_ratio(indicator: Indicator, result: Figure) -> str:
    computed = {c.id: c.computed for c in indicator.counts}
    if result.ratio is None or not computed.get(indicator.denominator or ""):
        return ""
    done, whole = result.ratio
    return f"{numbers.number(done)}/{numbers.number(whole)} nhiệm vụ"


def _progress(indicator: Indicator, result: Figure, actual: str, period: PeriodInfo) -> str:
    # "lũy kế 3/28 nhiệm vụ (10,71%)": the figure so far, in the terms of the plan.
    if result.ratio is None:
        return actual
    done, whole = result.ratio
    computed = {c.id: c.computed for c in indicator.counts}
    cumulative = bool(computed.get(indicator.denominator or "")) or (
        period.from_year_start and not uses_last_only(indicator)
    )
    noun = " nhiệm vụ" if computed.get(indicator.denominator or "") else ""
    prefix = "lũy kế " if cumulative else ""
    return f"{prefix}{numbers.number(done)}/{numbers.number(whole)}{noun} ({actual})"


def _notes(
    indicator: Indicator, records: Sequence[QuarterRecord | None], period: PeriodInfo
) -> str:
    entries = [r.indicators.get(indicator.id) if r else None for r in records]
    notes = note_of(indicator, entries, period.quarters)
    texts = [text for _, text in notes]
    if not notes:
        return ""
    # Unlabelled only when it is about the period's figure: a single quarter's, the last
    # quarter's figure, or the same note in every quarter rolled up.
    whole = not period.multi or uses_last_only(indicator) or not needs_record(indicator)
    if whole or (len(set(texts)) == 1 and len(notes) == len(records)):
        return texts[0] if len(set(texts)) == 1 else texts[-1]
    said = "; ".join(f"quý {numbers.roman(q)}: {mid_sentence(t.rstrip(' .;'))}" for q, t in notes)
    return said[:1].upper() + said[1:] + "."


def _missing_figures(
    indicator: Indicator,
    records: Sequence[QuarterRecord | None],
    period: PeriodInfo,
    gaps: Gaps,
) -> str:
    # One problem per quarter file that lacks the figures, at the indicator's entry in it;
    # a quarter without any file is already reported once (R100), not once per indicator.
    said = False
    pairs = list(zip(period.quarters, records, strict=True))
    for quarter, record in pairs[-1:] if uses_last_only(indicator) else pairs:
        if record is None:
            gaps.placeholder(quarter)
            said = True
            continue
        entry = record.indicators.get(indicator.id)
        if has_figures(indicator, entry):
            continue
        lacking = [
            c.id for c in typed_counts(indicator) if entry is None or entry.counts.get(c.id) is None
        ]
        which = f" ({', '.join(lacking)})" if entry is not None and lacking else ""
        gaps.problem(
            entry.where if entry else record.where,
            "R102",
            f"Chỉ số {indicator.id}: chưa có số liệu quý {numbers.roman(quarter)}{which}.",
            "Ghi value, counts hoặc text của chỉ số trong tệp tiến độ quý đó.",
            quarter,
        )
        said = True
    if not said:
        # Only computed counts are missing: the task statuses they come from are (R101).
        gaps.placeholder(period.quarters[-1])
    return PLACEHOLDER
