"""The report context: everything the templates and the writers need, built purely from
the plan, the quarters' progress records and the period (no files, no documents)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cchc_cli.model.areas import AREAS, DIRECTION
from cchc_cli.model.plan import Plan, ReportKind
from cchc_cli.problems import InvalidInputError, Problem, Severity
from cchc_cli.report import numbers
from cchc_cli.report.indicators import figure
from cchc_cli.report.records import PeriodInfo, QuarterRecord, Where
from cchc_cli.report.rows import (
    IndicatorRow,
    TaskRow,
    TaskSummary,
    indicator_row,
    summarise,
    task_row,
)

PLACEHOLDER = "…"
TYPE_NAME = "BÁO CÁO"


@dataclass(frozen=True)
class AreaSection:
    """One reform area under section II ("1. Cải cách thể chế")."""

    number: int
    code: str
    title: str
    paragraphs: tuple[str, ...]
    tasks: tuple[TaskRow, ...]
    indicators: tuple[IndicatorRow, ...]
    summary: TaskSummary


@dataclass(frozen=True)
class ReportContext:
    """What a report says, before any wording or layout."""

    unit_name: str
    unit_short: str
    place: str
    parent_lines: tuple[str, ...]
    body_lines: tuple[str, ...]
    document_code: str
    report_date: date
    type_name: str
    period: PeriodInfo
    estimate: bool
    estimate_from: date | None
    next_period_name: str
    plan_number: str
    plan_date: date | None
    plan_title: str
    sample: bool
    draft: bool
    direction: AreaSection
    areas: tuple[AreaSection, ...]
    strengths: tuple[str, ...]
    shortcomings: tuple[str, ...]
    causes: tuple[str, ...]
    next_tasks: tuple[str, ...]
    proposals: tuple[str, ...]
    direction_text: tuple[str, ...]
    tasks: tuple[TaskRow, ...]
    indicators: tuple[IndicatorRow, ...]
    summary: TaskSummary
    signer_authority: str
    signer_title: str
    signer_deputy_of: str
    signer_name: str
    recipients: tuple[str, ...]
    archive: str


class _Missing:
    """Collects what is missing; in a draft each becomes a visible placeholder."""

    def __init__(self, draft: bool, fallback: Where) -> None:
        self.draft = draft
        self.fallback = fallback
        self.problems: list[Problem] = []

    def add(self, where: Where | None, code: str, message: str, hint: str) -> str:
        place = where or self.fallback
        self.problems.append(
            Problem(
                place.path,
                place.line,
                0 if not place.line else 1,
                code,
                Severity.ERROR,
                message,
                hint,
            )
        )
        return PLACEHOLDER

    def texts(self, values: Sequence[str], where: Where, what: str) -> tuple[str, ...]:
        if values:
            return tuple(values)
        self.add(
            where, "R103", f"Chưa có nội dung phần '{what}'.", "Điền phần này trong tệp tiến độ."
        )
        return (PLACEHOLDER,)


def build_context(
    plan: Plan,
    period: PeriodInfo,
    records: Sequence[QuarterRecord | None],
    report_date: date,
    *,
    draft: bool = False,
    plan_path: str = "",
) -> ReportContext:
    """The report context; raises InvalidInputError listing every missing item unless ``draft``."""
    present = [r for r in records if r is not None]
    fallback = present[-1].where if present else Where(plan_path)
    missing = _Missing(draft, fallback)
    for quarter, record in zip(period.quarters, records, strict=True):
        if record is None:
            missing.add(
                Where(plan_path),
                "R100",
                f"Chưa có tệp tiến độ quý {numbers.roman(quarter)} năm {period.year}.",
                f"Tạo tệp bằng: cchc progress new --quarter {period.year}-Q{quarter}",
            )
    latest = present[-1] if present else None
    tasks = tuple(
        task_row(n, t, plan=plan, latest=latest, period=period, missing=missing.add)
        for n, t in enumerate(plan.tasks, start=1)
    )
    indicators = tuple(
        indicator_row(
            n,
            i,
            figure(i, [r.indicators.get(i.id) if r else None for r in records]),
            latest,
            missing.add,
        )
        for n, i in enumerate(plan.indicators, start=1)
    )

    def place(part: str) -> Where:
        return latest.place(part) if latest else Where(plan_path)

    narrative = latest.narrative if latest else None
    areas = []
    for number, area in enumerate(a for a in AREAS[plan.programme] if a.code != DIRECTION):
        areas.append(
            _area(
                number + 1,
                code=area.code,
                title=area.title,
                tasks=tasks,
                indicators=indicators,
                paragraphs=narrative.areas.get(area.code, ()) if narrative else (),
                where=place(f"areas.{area.code}"),
                missing=missing,
            )
        )
    direction = _area(
        0,
        code=DIRECTION,
        title=AREAS[plan.programme][0].title,
        tasks=tasks,
        indicators=indicators,
        paragraphs=narrative.direction if narrative else (),
        where=place("direction"),
        missing=missing,
    )

    def text(name: str, label: str) -> tuple[str, ...]:
        return missing.texts(getattr(narrative, name) if narrative else (), place(name), label)

    unit = plan.unit
    signer_name = (latest.signer_name if latest else None) or unit.signer.name
    if not signer_name:
        signer_name = missing.add(
            Where(plan_path),
            "R104",
            "Chưa có họ tên người ký.",
            "Khai unit.signer.name trong kế hoạch hoặc signer_name trong tệp tiến độ.",
        )
    context = ReportContext(
        unit_name=unit.full_name,
        unit_short=f"{unit.kind.value} {unit.name}",
        place=unit.place_name,
        parent_lines=(unit.parent,) if unit.parent else (),
        body_lines=(unit.body.upper(), f"{unit.kind.value} {unit.name}".upper()),
        document_code=plan.reporting.document_code if plan.reporting else "BC-UBND",
        report_date=report_date,
        type_name=TYPE_NAME,
        period=period,
        estimate=period.cutoff < period.window_end,
        estimate_from=period.cutoff + timedelta(days=1)
        if period.cutoff < period.window_end
        else None,
        next_period_name=next_period_name(period),
        plan_number=plan.issued.number,
        plan_date=plan.issued.date,
        plan_title=plan.issued.title,
        sample=any(r.sample for r in present),
        draft=draft,
        direction=direction,
        areas=tuple(areas),
        direction_text=text("direction", "Công tác chỉ đạo, điều hành"),
        strengths=text("strengths", "Ưu điểm"),
        shortcomings=text("shortcomings", "Tồn tại, hạn chế"),
        causes=text("causes", "Nguyên nhân"),
        next_tasks=text("next_tasks", "Phương hướng, nhiệm vụ kỳ tới"),
        proposals=text("proposals", "Kiến nghị, đề xuất"),
        tasks=tasks,
        indicators=indicators,
        summary=summarise(tasks),
        signer_authority=unit.signer.authority,
        signer_title=unit.signer.title,
        signer_deputy_of=unit.signer.deputy_of or "",
        signer_name=signer_name,
        recipients=tuple(plan.reporting.recipients if plan.reporting else ()),
        archive=plan.reporting.archive if plan.reporting else "VT",
    )
    if missing.problems and not draft:
        raise InvalidInputError(
            missing.problems,
            f"Thiếu {len(missing.problems)} mục số liệu cho báo cáo {period.name}; "
            "điền vào tệp tiến độ hoặc chạy với --draft để để trống bằng dấu '…'.",
        )
    return context


def _area(
    number: int,
    *,
    code: str,
    title: str,
    tasks: tuple[TaskRow, ...],
    indicators: tuple[IndicatorRow, ...],
    paragraphs: Sequence[str],
    where: Where,
    missing: _Missing,
) -> AreaSection:
    own_tasks = tuple(t for t in tasks if t.area == code)
    if not paragraphs and own_tasks and code != DIRECTION:
        paragraphs = missing.texts((), where, f"Kết quả: {title}")
    return AreaSection(
        number=number,
        code=code,
        title=title,
        paragraphs=tuple(paragraphs),
        tasks=own_tasks,
        indicators=tuple(i for i in indicators if i.area == code),
        summary=summarise(own_tasks),
    )


def next_period_name(period: PeriodInfo) -> str:
    """The period the "phương hướng" section looks ahead to."""
    year = period.year
    return {
        ReportKind.Q1: f"quý II năm {year}",
        ReportKind.H1: f"6 tháng cuối năm {year}",
        ReportKind.Q3: f"quý IV năm {year}",
        ReportKind.YEAR: f"năm {year + 1}",
    }[period.kind]
