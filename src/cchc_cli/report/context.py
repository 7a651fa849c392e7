"""The report context: everything the templates and the writers need, built purely from
the plan, the quarters' progress records and the period (no files, no documents)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cchc_cli import vietnamese as numbers
from cchc_cli.errors import InvalidInputError
from cchc_cli.model.areas import AREAS, DIRECTION
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import section_title
from cchc_cli.periods import Period
from cchc_cli.problems import Problem, Severity
from cchc_cli.report.indicators import figure
from cchc_cli.report.records import PeriodInfo, QuarterRecord, Where
from cchc_cli.report.rows import (
    PLACEHOLDER,
    IndicatorRow,
    TaskRow,
    TaskSummary,
    indicator_row,
    summarise,
    task_row,
)

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
    gaps: int = 0  # in a draft: the missing items, each shown as "…"


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
    latest = present[-1] if present else None
    missing = _Missing(draft, latest.where if latest else Where(plan_path))
    for quarter, record in zip(period.quarters, records, strict=True):
        if record is None:
            command = " ".join(
                filter(
                    None, ["cchc progress new --quarter", f"{period.year}-Q{quarter}", plan_path]
                )
            )
            missing.add(
                Where(plan_path),
                "R100",
                f"Chưa có tệp tiến độ quý {numbers.roman(quarter)} năm {period.year}.",
                f"Tạo tệp bằng: {command}",
            )
    tasks = tuple(
        task_row(n, t, plan=plan, records=records, period=period, missing=missing.add)
        for n, t in enumerate(plan.tasks, start=1)
    )
    indicators = tuple(
        indicator_row(
            n,
            i,
            figure(i, [r.indicators.get(i.id) if r else None for r in records]),
            records,
            missing.add,
        )
        for n, i in enumerate(plan.indicators, start=1)
    )
    writing = _Narrative(latest, Where(plan_path), missing)
    context = ReportContext(
        **_unit_fields(plan, latest, missing, plan_path),
        **_period_fields(period),
        report_date=report_date,
        type_name=TYPE_NAME,
        sample=any(r.sample for r in present),
        draft=draft,
        **writing.sections(plan, tasks, indicators),
        tasks=tasks,
        indicators=indicators,
        summary=summarise(tasks),
        gaps=len(missing.problems),
    )
    if missing.problems and not draft:
        raise InvalidInputError(
            missing.problems,
            f"Thiếu {len(missing.problems)} mục số liệu cho báo cáo {period.name}; "
            "điền vào tệp tiến độ hoặc chạy với --draft để để trống bằng dấu '…'.",
        )
    return context


def _unit_fields(
    plan: Plan, latest: QuarterRecord | None, missing: _Missing, plan_path: str
) -> dict[str, Any]:
    unit = plan.unit
    signer_name = (latest.signer_name if latest else None) or unit.signer.name
    if not signer_name:
        signer_name = missing.add(
            Where(plan_path),
            "R104",
            "Chưa có họ tên người ký.",
            "Khai unit.signer.name trong kế hoạch hoặc signer_name trong tệp tiến độ.",
        )
    rule = plan.reporting
    return {
        "unit_name": unit.full_name,
        "unit_short": f"{unit.kind.value} {unit.name}",
        "place": unit.place_name,
        "parent_lines": (unit.parent,) if unit.parent else (),
        "body_lines": (unit.body.upper(), f"{unit.kind.value} {unit.name}".upper()),
        "document_code": rule.document_code if rule else "BC-UBND",
        "plan_number": plan.issued.number,
        "plan_date": plan.issued.date,
        "plan_title": plan.issued.title,
        "signer_authority": unit.signer.authority,
        "signer_title": unit.signer.title,
        "signer_deputy_of": unit.signer.deputy_of or "",
        "signer_name": signer_name,
        "recipients": tuple(rule.recipients if rule else ()),
        "archive": rule.archive if rule else "VT",
    }


def _period_fields(period: PeriodInfo) -> dict[str, Any]:
    estimate = period.cutoff < period.window_end
    return {
        "period": period,
        "estimate": estimate,
        "estimate_from": period.cutoff + timedelta(days=1) if estimate else None,
        "next_period_name": Period(period.kind, period.year).following,
    }


class _Narrative:
    """The written sections, from the latest quarter's record, each located for messages."""

    def __init__(self, latest: QuarterRecord | None, fallback: Where, missing: _Missing) -> None:
        self.latest = latest
        self.fallback = fallback
        self.missing = missing
        self.parts = latest.narrative if latest else None

    def place(self, part: str) -> Where:
        return self.latest.place(part) if self.latest else self.fallback

    def text(self, name: str, label: str) -> tuple[str, ...]:
        values = getattr(self.parts, name) if self.parts else ()
        return self.missing.texts(values, self.place(name), label)

    def sections(
        self, plan: Plan, tasks: tuple[TaskRow, ...], indicators: tuple[IndicatorRow, ...]
    ) -> dict[str, Any]:
        areas = [a for a in AREAS[plan.programme] if a.code != DIRECTION]
        return {
            "direction": _area(
                0,
                code=DIRECTION,
                title=AREAS[plan.programme][0].title,
                tasks=tasks,
                indicators=indicators,
                paragraphs=self.parts.direction if self.parts else (),
                where=self.place("direction"),
                missing=self.missing,
            ),
            "areas": tuple(
                _area(
                    number,
                    code=area.code,
                    title=area.title,
                    tasks=tasks,
                    indicators=indicators,
                    paragraphs=self.parts.areas.get(area.code, ()) if self.parts else (),
                    where=self.place(f"areas.{area.code}"),
                    missing=self.missing,
                )
                for number, area in enumerate(areas, start=1)
            ),
            "direction_text": self.text("direction", section_title("direction")),
            "strengths": self.text("strengths", section_title("strengths")),
            "shortcomings": self.text("shortcomings", section_title("shortcomings")),
            "causes": self.text("causes", section_title("causes")),
            "next_tasks": self.text("next_tasks", section_title("next_tasks")),
            "proposals": self.text("proposals", section_title("proposals")),
        }


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
