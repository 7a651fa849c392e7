"""The report context: everything the templates and the writers need, built purely from
the plan, the quarters' progress records and the period (no files, no documents).

The report tells its own period only: the narrative is the period's last quarter's
(written for the whole period in the quý II and quý IV files), task results are the
period's quarters' (rows.py), and a quarter whose file is missing contributes nothing
but "…" placeholders in a draft, counted by quarter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from cchc_cli import vietnamese as numbers
from cchc_cli.errors import InvalidInputError
from cchc_cli.model.areas import AREAS, DIRECTION
from cchc_cli.model.plan import Indicator, Plan, Task
from cchc_cli.model.progress import section_title
from cchc_cli.periods import Period
from cchc_cli.problems import Problem
from cchc_cli.report.gaps import PLACEHOLDER, Gaps, QuarterGaps
from cchc_cli.report.indicators import figure
from cchc_cli.report.records import PeriodInfo, QuarterRecord, Where
from cchc_cli.report.rows import (
    IndicatorRow,
    TaskRow,
    TaskSummary,
    computed_counts,
    indicator_row,
    summarise,
    task_row,
)
from cchc_cli.tthc.period import PeriodTable, period_table

TYPE_NAME = "BÁO CÁO"


@dataclass(frozen=True)
class AreaSection:
    """One reform area: section I (direction) or a numbered part of section II."""

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
    plan_type: str  # the kind of document that adopted the plan: "Quyết định", "Kế hoạch"
    sample: bool
    draft: bool
    tasks_in_body: bool
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
    gaps: int = 0  # in a draft: the "…" left to fill in
    gaps_by_quarter: tuple[QuarterGaps, ...] = ()
    tthc: PeriodTable | None = None  # the one-stop statistics by field, when imported

    @property
    def sections(self) -> tuple[AreaSection, ...]:
        """Direction, then the reform areas: the groups of the appendices' tables."""
        return (self.direction, *self.areas)

    @property
    def has_partners(self) -> bool:
        """Whether any task has partner posts (the task table then has a column for them)."""
        return any(t.partners for t in self.tasks)

    @property
    def has_notes(self) -> bool:
        """Whether any indicator has a note (the indicator table then has a column)."""
        return any(i.note for i in self.indicators)

    @property
    def missing_quarters(self) -> tuple[int, ...]:
        """The period's quarters whose progress file does not exist (a draft)."""
        return tuple(g.quarter for g in self.gaps_by_quarter if g.no_file)


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
    last = records[-1] if records else None
    gaps = Gaps(last.where if last else Where(plan_path))
    for quarter, record in zip(period.quarters, records, strict=True):
        if record is None:
            gaps.no_file.add(quarter)
            command = " ".join(
                filter(
                    None, ["cchc progress new --quarter", f"{period.year}-Q{quarter}", plan_path]
                )
            )
            gaps.report(
                Where(plan_path),
                "R100",
                f"Chưa có tệp tiến độ quý {numbers.roman(quarter)} năm {period.year}.",
                f"Tạo tệp bằng: {command}",
            )
    # Numbered in the order the appendices list them: by area, then as in the plan.
    tasks = tuple(
        task_row(n, t, plan=plan, records=records, period=period, gaps=gaps)
        for n, t in enumerate(_by_area(plan, plan.tasks), start=1)
    )
    summary = summarise(tasks)
    computed = computed_counts(plan, summary)
    indicators = tuple(
        indicator_row(
            n,
            i,
            figure(i, [r.indicators.get(i.id) if r else None for r in records], computed),
            records=records,
            period=period,
            gaps=gaps,
        )
        for n, i in enumerate(_by_area(plan, plan.indicators), start=1)
    )
    writing = _Narrative(last, period.quarters[-1], Where(plan_path), gaps)
    rule = plan.reporting
    context = ReportContext(
        **_unit_fields(plan, last, period, gaps, plan_path),
        **_period_fields(period),
        report_date=report_date,
        type_name=TYPE_NAME,
        sample=any(r.sample for r in present),
        draft=draft,
        tasks_in_body=bool(rule and rule.tasks_in_body),
        **writing.sections(plan, tasks, indicators),
        tasks=tasks,
        indicators=indicators,
        summary=summary,
        gaps=gaps.total,
        gaps_by_quarter=gaps.by_quarter(),
        tthc=period_table(
            [
                (q, r.tthc_table if r else None)
                for q, r in zip(period.quarters, records, strict=True)
            ]
        ),
    )
    if gaps.problems and not draft:
        raise InvalidInputError(
            gaps.problems,
            f"Báo cáo {period.name} còn thiếu {_missing(gaps.problems)} (liệt kê ở trên); "
            "điền vào tệp tiến độ, hoặc chạy với --draft để lập bản dự thảo để trống bằng "
            "dấu '…'.",
        )
    return context


# What each missing-data code lacks, counted per problem: the clerk's list of what to
# fill, not the number of '…' a draft shows (one indicator can leave several). The
# signer is one thing, named without a count.
_MISSING = (
    ("R105", "nhiệm vụ chưa có kết quả"),
    ("R102", "chỉ số chưa có số liệu"),
    ("R103", "phần chưa có nội dung"),
    ("R104", ""),
)


def _missing(problems: Sequence[Problem]) -> str:
    counts = Counter(p.code for p in problems)
    parts = [
        f"{numbers.number(counts[code])} {what}" if what else "thông tin người ký"
        for code, what in _MISSING
        if counts[code]
    ]
    other = sum(n for code, n in counts.items() if code not in dict(_MISSING))
    if other:
        parts.append(f"{numbers.number(other)} mục khác")
    return ", ".join(parts)


_Item = TypeVar("_Item", Task, Indicator)


def _by_area(plan: Plan, items: Sequence[_Item]) -> list[_Item]:
    order = {area.code: n for n, area in enumerate(AREAS[plan.programme])}
    return sorted(items, key=lambda item: order.get(item.area, len(order)))


def _unit_fields(
    plan: Plan, last: QuarterRecord | None, period: PeriodInfo, gaps: Gaps, plan_path: str
) -> dict[str, Any]:
    unit = plan.unit
    signer_name = (last.signer_name if last else None) or unit.signer.name
    if not signer_name and last is None:
        signer_name = gaps.placeholder(period.quarters[-1])
    elif not signer_name:
        signer_name = gaps.problem(
            Where(plan_path),
            "R104",
            "Chưa có họ tên người ký.",
            "Khai unit.signer.name trong kế hoạch hoặc signer_name trong tệp tiến độ.",
            period.quarters[-1],
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
        "plan_type": plan.issued.type_name,
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
    """The written sections, from the period's last quarter's record, each located for
    messages. Without that file (a draft), every section is a placeholder: an earlier
    quarter's text is never passed off as the period's."""

    def __init__(
        self, last: QuarterRecord | None, quarter: int, fallback: Where, gaps: Gaps
    ) -> None:
        self.last = last
        self.quarter = quarter
        self.fallback = fallback
        self.gaps = gaps

    def place(self, part: str) -> Where:
        return self.last.place(part) if self.last else self.fallback

    def given(self, name: str) -> tuple[str, ...]:
        if self.last is None:
            return ()
        return tuple(getattr(self.last.narrative, name))

    def area_given(self, code: str) -> tuple[str, ...]:
        return self.last.narrative.areas.get(code, ()) if self.last else ()

    def missing(self, where: Where, what: str) -> tuple[str, ...]:
        if self.last is None:
            return (self.gaps.placeholder(self.quarter),)
        return (
            self.gaps.problem(
                where,
                "R103",
                f"Chưa có nội dung phần '{what}'.",
                "Điền phần này trong tệp tiến độ.",
                self.quarter,
            ),
        )

    def text(self, name: str) -> tuple[str, ...]:
        return self.given(name) or self.missing(self.place(name), section_title(name))

    def sections(
        self, plan: Plan, tasks: tuple[TaskRow, ...], indicators: tuple[IndicatorRow, ...]
    ) -> dict[str, Any]:
        areas = [a for a in AREAS[plan.programme] if a.code != DIRECTION]
        direction_text = self.text("direction")
        return {
            "direction": _area(
                0,
                DIRECTION,
                title=AREAS[plan.programme][0].title,
                tasks=tasks,
                indicators=indicators,
                paragraphs=direction_text,
            ),
            "areas": tuple(
                _area(
                    number,
                    area.code,
                    title=area.title,
                    tasks=tasks,
                    indicators=indicators,
                    paragraphs=self._area_text(area.code, area.title, tasks),
                )
                for number, area in enumerate(areas, start=1)
            ),
            "direction_text": direction_text,
            "strengths": self.text("strengths"),
            "shortcomings": self.text("shortcomings"),
            "causes": self.text("causes"),
            "next_tasks": self.text("next_tasks"),
            "proposals": self.text("proposals"),
        }

    def _area_text(self, code: str, title: str, tasks: tuple[TaskRow, ...]) -> tuple[str, ...]:
        given = self.area_given(code)
        if given or not any(t.area == code for t in tasks):
            return given
        return self.missing(self.place(f"areas.{code}"), f"Kết quả: {title}")


def _area(
    number: int,
    code: str,
    *,
    title: str,
    tasks: tuple[TaskRow, ...],
    indicators: tuple[IndicatorRow, ...],
    paragraphs: Sequence[str],
) -> AreaSection:
    own_tasks = tuple(t for t in tasks if t.area == code)
    return AreaSection(
        number=number,
        code=code,
        title=title,
        paragraphs=tuple(paragraphs),
        tasks=own_tasks,
        indicators=tuple(i for i in indicators if i.area == code),
        summary=summarise(own_tasks),
    )


__all__ = ["PLACEHOLDER", "AreaSection", "ReportContext", "build_context"]
