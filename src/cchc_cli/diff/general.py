"""Changes outside the task list: issuance, unit, signer, reporting rule, text lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cchc_cli.diff.changes import FieldChange, LineChange, Status
from cchc_cli.diff.wording import NO_YEARS, Wording, YearSpan, clean, prepare
from cchc_cli.model.plan import Plan, ReportKind, ScheduledReport

_ISSUANCE = (
    ("number", "Số, ký hiệu kế hoạch"),
    ("date", "Ngày ban hành"),
    ("issuer", "Cơ quan ban hành"),
    ("title", "Tên kế hoạch"),
    ("signed_by", "Người ký kế hoạch"),
)
_UNIT = (
    ("kind", "Loại đơn vị"),
    ("name", "Tên đơn vị"),
    ("body", "Cơ quan"),
    ("province", "Tỉnh/thành phố"),
    ("place", "Địa danh"),
    ("parent", "Cơ quan chủ quản"),
    ("reports_to", "Cấp trên nhận báo cáo"),
)
_SIGNER = (
    ("authority", "Người ký: thẩm quyền"),
    ("title", "Người ký: chức vụ"),
    ("name", "Người ký: họ và tên"),
    ("deputy_of", "Người ký: ký thay"),
)
_REPORTING = (
    ("document_code", "Ký hiệu báo cáo"),
    ("archive", "Lưu"),
    ("source", "Quy định báo cáo"),
)
_SCHEDULE = (
    ("send_before", "gửi trước ngày"),
    ("window_start", "bắt đầu kỳ số liệu"),
    ("window_end", "kết thúc kỳ số liệu"),
    ("cutoff", "ngày chốt số liệu"),
)
REPORT_NAMES = {
    ReportKind.Q1: "Báo cáo quý I",
    ReportKind.H1: "Báo cáo 6 tháng",
    ReportKind.Q3: "Báo cáo quý III",
    ReportKind.YEAR: "Báo cáo năm",
}
PROGRAMMES = {"nq76": "NQ 76/NQ-CP (2021-2030)", "nq30c": "NQ 30c/NQ-CP (2011-2020)"}

# Text lists compared line by line; their section names, in output order.
LINE_SECTIONS = {
    "legal_bases": "Căn cứ",
    "purposes": "Mục đích",
    "requirements": "Yêu cầu",
    "targets": "Chỉ tiêu chủ yếu",
    "duties": "Nhiệm vụ của chức danh",
    "recipients": "Nơi nhận báo cáo",
}


def _shown(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    return clean(str(value))


def _fields(
    prefix: str, pairs: tuple[tuple[str, str], ...], old: Any, new: Any
) -> Iterator[FieldChange]:
    for name, label in pairs:
        a = _shown(getattr(old, name, None)) if old is not None else None
        b = _shown(getattr(new, name, None)) if new is not None else None
        if a != b:
            yield FieldChange(f"{prefix}.{name}", label, a, b)


def general_changes(old: Plan, new: Plan) -> Iterator[FieldChange]:
    """Changes of the plan document, the unit, its signer and the reporting rule."""
    yield from _fields("issued", _ISSUANCE, old.issued, new.issued)
    if old.years != new.years:
        yield FieldChange("years", "Năm kế hoạch", str(old.years), str(new.years))
    if old.programme != new.programme:
        yield FieldChange(
            "programme", "Chương trình", PROGRAMMES[old.programme], PROGRAMMES[new.programme]
        )
    yield from _fields("unit", _UNIT, old.unit, new.unit)
    yield from _fields("unit.signer", _SIGNER, old.unit.signer, new.unit.signer)
    yield from _fields("reporting", _REPORTING, old.reporting, new.reporting)
    yield from _schedule(old, new)


def _schedules(plan: Plan) -> dict[ReportKind, ScheduledReport]:
    return {r.kind: r for r in plan.reporting.reports} if plan.reporting else {}


def _schedule(old: Plan, new: Plan) -> Iterator[FieldChange]:
    before, after = _schedules(old), _schedules(new)
    for kind in ReportKind:
        for name, label in _SCHEDULE:
            a = _shown(getattr(before[kind], name)) if kind in before else None
            b = _shown(getattr(after[kind], name)) if kind in after else None
            if a != b:
                key = f"reporting.reports.{kind.value}.{name}"
                yield FieldChange(key, f"{REPORT_NAMES[kind]}: {label}", a, b)


def _lines(plan: Plan, section: str) -> list[str]:
    if section == "recipients":
        return list(plan.reporting.recipients) if plan.reporting else []
    if section == "duties":
        # Named by the post's title, so a duty moved to another post is a change.
        return [f"{post.title}: {duty}" for post in plan.unit.posts for duty in post.duties]
    values: list[str] = getattr(plan, section)
    return values


def _prepared(plan: Plan, section: str) -> list[Wording]:
    # Targets, purposes and duties recur every year ("… năm 2024" → "… năm 2025"):
    # compare them relative to the plan year like tasks. Legal bases and recipients name
    # documents and bodies.
    relative = section in ("targets", "purposes", "requirements", "duties")
    years = YearSpan(plan.years.start, plan.years.end) if relative else NO_YEARS
    return [prepare(line, years) for line in _lines(plan, section)]


def _unmatched(before: list[Wording], after: list[Wording]) -> tuple[list[str], list[str]]:
    """Lines of each side with no equal line on the other (literal matches first)."""
    olds, news = list(before), list(after)
    keys: tuple[Callable[[Wording], str], ...] = (lambda w: w.literal, lambda w: w.key)
    for key in keys:
        index: dict[str, list[int]] = {}
        for j, wording in enumerate(news):
            index.setdefault(key(wording), []).append(j)
        taken: set[int] = set()
        kept = []
        for wording in olds:
            free = [j for j in index.get(key(wording), []) if j not in taken]
            if free:
                taken.add(free[0])
            else:
                kept.append(wording)
        olds, news = kept, [w for j, w in enumerate(news) if j not in taken]
    return [w.text for w in olds], [w.text for w in news]


def line_changes(old: Plan, new: Plan) -> Iterator[LineChange]:
    """Lines of the text lists added or removed; order within a list is no change."""
    for section in LINE_SECTIONS:
        removed, added = _unmatched(_prepared(old, section), _prepared(new, section))
        found = [LineChange(section, Status.REMOVED, t) for t in removed]
        found += [LineChange(section, Status.ADDED, t) for t in added]
        # Sorted by text alone, so the reversed comparison lists the same lines alike.
        yield from sorted(found, key=lambda line: line.text)
