"""Checks of a plan's meaning, beyond its shape: one small named function per rule.

Each check's docstring is its user documentation (`cchc validate --list-checks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from cchc_cli.loading import Located
from cchc_cli.model.areas import area_codes, area_title
from cchc_cli.model.plan import Measure, Plan, ReportKind, ScheduledReport
from cchc_cli.model.types import DueKind
from cchc_cli.periods import LAST_MONTH, dates_for, window
from cchc_cli.problems import CchcError, Problem, Severity, did_you_mean
from cchc_cli.tthc.plan_check import tthc_columns_known

PlanCheck = Callable[[Plan, Located], Iterable[Problem]]
C = TypeVar("C", bound=Callable[..., Iterable[Problem]])


@dataclass(frozen=True)
class RegisteredCheck(Generic[C]):
    """A check with its stable code and name; its docstring is its user documentation."""

    code: str
    name: str
    check: C

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


def unique_ids(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mã của chức danh, nhiệm vụ, chỉ số và số liệu phải duy nhất."""
    groups: list[tuple[str, str, list[str]]] = [
        ("chức danh", "unit.posts", [p.id for p in plan.unit.posts]),
        ("nhiệm vụ", "tasks", [t.id for t in plan.tasks]),
        ("chỉ số", "indicators", [i.id for i in plan.indicators]),
    ]
    for label, where, ids in groups:
        yield from _duplicates(at, label, tuple(where.split(".")), ids)
    for number, indicator in enumerate(plan.indicators):
        ids = [c.id for c in indicator.counts]
        yield from _duplicates(at, "số liệu", ("indicators", number, "counts"), ids)


def _duplicates(
    at: Located, label: str, base: tuple[str | int, ...], ids: list[str]
) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, item in enumerate(ids):
        key = item.casefold()
        if key in first:
            earlier = at.document.mark_for((*base, first[key], "id"))
            yield at.problem(
                (*base, index, "id"),
                "E301",
                f"Mã {label} '{item}' bị trùng với mã ở dòng {earlier.line}.",
                "Mỗi mã chỉ dùng một lần; đổi một trong hai mã.",
            )
        else:
            first[key] = index


def areas_in_programme(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi nhiệm vụ và chỉ số thuộc một lĩnh vực của chương trình mà kế hoạch thực hiện."""
    codes = area_codes(plan.programme)
    used = [("tasks", n, t.area) for n, t in enumerate(plan.tasks)]
    used += [("indicators", n, i.area) for n, i in enumerate(plan.indicators)]
    for kind, index, area in used:
        if area not in codes:
            yield at.problem(
                (kind, index, "area"),
                "E302",
                f"Lĩnh vực '{area}' không thuộc chương trình {plan.programme.value}.",
                did_you_mean(area, codes) or "Các lĩnh vực: " + ", ".join(codes) + ".",
            )


def owners_are_posts(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chủ trì và phối hợp của nhiệm vụ là các chức danh khai báo trong unit.posts."""
    posts = [p.id for p in plan.unit.posts]
    for index, task in enumerate(plan.tasks):
        owners: list[tuple[tuple[str | int, ...], str]] = []
        if task.lead is not None:
            owners.append((("tasks", index, "lead"), task.lead))
        owners += [(("tasks", index, "partners", n), p) for n, p in enumerate(task.partners)]
        for path, owner in owners:
            if owner not in posts:
                yield at.problem(
                    path,
                    "E303",
                    f"Nhiệm vụ {task.id}: '{owner}' không phải chức danh của đơn vị.",
                    did_you_mean(owner, posts) or "Khai báo chức danh này trong unit.posts.",
                )
        if task.lead is not None and task.lead in task.partners:
            yield at.problem(
                ("tasks", index, "partners"),
                "W304",
                f"Nhiệm vụ {task.id}: '{task.lead}' vừa chủ trì vừa phối hợp.",
                "Bỏ chức danh chủ trì khỏi danh sách phối hợp.",
                Severity.WARNING,
            )


def deadlines_in_years(plan: Plan, at: Located) -> Iterator[Problem]:
    """Thời hạn của nhiệm vụ nằm trong năm hoặc giai đoạn của kế hoạch."""
    for index, task in enumerate(plan.tasks):
        if task.due.kind is not DueKind.ONGOING and task.due.year not in plan.years:
            yield at.problem(
                ("tasks", index, "due"),
                "E305",
                f"Nhiệm vụ {task.id}: thời hạn {task.due} nằm ngoài {plan.years} của kế hoạch.",
                "Sửa thời hạn cho đúng năm của kế hoạch.",
            )


def sensible_targets(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chỉ tiêu có chiều và giá trị; tỷ lệ phần trăm nằm trong 0–100; chỉ số định tính có mô tả."""
    for index, indicator in enumerate(plan.indicators):
        target = indicator.target
        base = ("indicators", index)
        if indicator.measure is Measure.TEXT:
            if target is None or target.text is None:
                yield at.problem(
                    (*base, "target"),
                    "E306",
                    f"Chỉ số định tính {indicator.id} cần mô tả chỉ tiêu (target.text).",
                    "Thêm 'target: {text: …}'.",
                )
            continue
        if target is None:
            continue
        if target.direction is None or target.value is None:
            yield at.problem(
                (*base, "target"),
                "E306",
                f"Chỉ tiêu của {indicator.id} cần cả chiều (direction) và giá trị (value).",
                "Ví dụ: 'target: {direction: at_least, value: 95}'.",
            )
            continue
        if indicator.unit == "%" and not 0 <= target.value <= 100:
            yield at.problem(
                (*base, "target", "value"),
                "E307",
                f"Chỉ tiêu {target.value:g}% của {indicator.id} nằm ngoài khoảng 0–100.",
                "Ghi phần trăm là số từ 0 đến 100, ví dụ 95 cho 95%.",
            )
        if indicator.measure is Measure.RATE and indicator.unit not in (None, "%"):
            yield at.problem(
                (*base, "unit"),
                "W308",
                f"Chỉ số {indicator.id} tính tỷ lệ nhưng đơn vị là '{indicator.unit}'.",
                "Tỷ lệ được báo cáo bằng %; đặt 'unit: \"%\"'.",
                Severity.WARNING,
            )


def rates_have_counts(plan: Plan, at: Located) -> Iterator[Problem]:
    """Tỷ lệ (measure: rate) có tử số và mẫu số là các số liệu đã khai báo trong counts."""
    for index, indicator in enumerate(plan.indicators):
        base = ("indicators", index)
        ids = {c.id for c in indicator.counts}
        if indicator.measure is Measure.RATE and (
            not indicator.numerator or not indicator.denominator
        ):
            yield at.problem(
                base,
                "E309",
                f"Chỉ số tỷ lệ {indicator.id} cần 'numerator' và 'denominator'.",
                "Ví dụ: numerator: [early, on_time], denominator: resolved.",
            )
        refs: list[tuple[tuple[str | int, ...], str]] = [
            ((*base, "numerator", n), c) for n, c in enumerate(indicator.numerator)
        ]
        if indicator.denominator:
            refs.append(((*base, "denominator"), indicator.denominator))
        refs += [
            ((*base, "counts", n, "part_of"), c.part_of)
            for n, c in enumerate(indicator.counts)
            if c.part_of
        ]
        for path, ref in refs:
            if ref not in ids:
                yield at.problem(
                    path,
                    "E310",
                    f"Chỉ số {indicator.id}: số liệu '{ref}' chưa khai báo trong counts.",
                    did_you_mean(ref, ids) or "Khai báo số liệu này trong 'counts'.",
                )
        if indicator.aggregation.value == "rate" and indicator.measure is not Measure.RATE:
            yield at.problem(
                (*base, "aggregation"),
                "E311",
                f"Chỉ số {indicator.id}: cộng dồn 'rate' chỉ dùng cho chỉ số tỷ lệ.",
                "Dùng sum, last hoặc none.",
            )


def areas_have_tasks(plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo khi một lĩnh vực cải cách của chương trình không có nhiệm vụ nào."""
    used = {task.area for task in plan.tasks}
    for code in area_codes(plan.programme):
        if code not in used:
            yield at.problem(
                ("tasks",),
                "W312",
                f"Lĩnh vực '{area_title(plan.programme, code)}' ({code}) chưa có nhiệm vụ nào.",
                "Thêm nhiệm vụ cho lĩnh vực này, hoặc ghi lý do trong 'notes'.",
                Severity.WARNING,
            )


def reporting_rule(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chế độ báo cáo: mỗi kỳ khai báo một lần; kỳ số liệu và ngày chốt hợp lý."""
    if plan.reporting is None:
        yield at.problem(
            (),
            "W313",
            "Kế hoạch chưa có chế độ báo cáo (reporting); không thể lập báo cáo định kỳ.",
            "Thêm 'reporting:' với các kỳ quy-1, 6-thang, quy-3, nam và hạn gửi.",
            Severity.WARNING,
        )
        return
    seen: set[ReportKind] = set()
    for index, report in enumerate(plan.reporting.reports):
        base = ("reporting", "reports", index)
        if report.kind in seen:
            yield at.problem(
                (*base, "kind"),
                "E314",
                f"Kỳ báo cáo '{report.kind}' khai báo hai lần.",
                "Giữ một mục cho mỗi kỳ: quy-1, 6-thang, quy-3, nam.",
            )
        seen.add(report.kind)
        yield from _report_dates(plan, report, base, at)


def _report_dates(
    plan: Plan, report: ScheduledReport, base: tuple[str | int, ...], at: Located
) -> Iterator[Problem]:
    # The same computation the reports and `cchc deadlines` use, so what passes here
    # never fails there.
    year = plan.years.start
    start, end = window(report.kind, year, report)
    last = LAST_MONTH[report.kind]
    if end.month not in (last, last - 1):
        field = "window_end" if report.window_end is not None else "window_start"
        yield at.problem(
            (*base, field),
            "E316",
            f"Kỳ số liệu {start:%d/%m} – {end:%d/%m} của kỳ '{report.kind}' không kết thúc "
            f"trong tháng {last}, tháng cuối của kỳ báo cáo.",
            f"Theo Nghị định 09/2019: từ ngày 15 tháng trước kỳ đến ngày 14/{last:02d}.",
        )
        return
    try:
        dates_for(report.kind, year, report)
    except CchcError as exc:
        yield at.problem((*base, "cutoff"), "E315", exc.message, exc.hint)


CHECKS: tuple[RegisteredCheck[PlanCheck], ...] = (
    RegisteredCheck("E301", "unique-ids", unique_ids),
    RegisteredCheck("E302", "areas-in-programme", areas_in_programme),
    RegisteredCheck("E303", "owners-are-posts", owners_are_posts),
    RegisteredCheck("E305", "deadlines-in-years", deadlines_in_years),
    RegisteredCheck("E306", "sensible-targets", sensible_targets),
    RegisteredCheck("E309", "rates-have-counts", rates_have_counts),
    RegisteredCheck("W312", "areas-have-tasks", areas_have_tasks),
    RegisteredCheck("E314", "reporting-rule", reporting_rule),
    RegisteredCheck("E540", "tthc-columns-known", tthc_columns_known),
)
