"""Checks of a plan's meaning, beyond its shape: one small named function per code.

Each check's docstring is its user documentation (`cchc validate --list-checks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cchc_cli.checks import Check, Located, run
from cchc_cli.errors import CchcError
from cchc_cli.load.templates import plan_templates_problem
from cchc_cli.model.areas import area_codes, area_title
from cchc_cli.model.plan import Measure, Plan, ReportKind, ScheduledReport
from cchc_cli.model.types import DueKind
from cchc_cli.periods import LAST_MONTH, dates_for, window
from cchc_cli.problems import Problem, did_you_mean

PlanCheck = Callable[[Plan, Located], Iterable[Problem]]
Path = tuple[str | int, ...]


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


def _duplicates(at: Located, label: str, base: Path, ids: list[str]) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, item in enumerate(ids):
        key = item.casefold()
        if key in first:
            earlier = at.document.mark_for((*base, first[key], "id"))
            yield at.problem(
                (*base, index, "id"),
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
                f"Lĩnh vực '{area}' không thuộc chương trình {plan.programme.value}.",
                did_you_mean(area, codes) or "Các lĩnh vực: " + ", ".join(codes) + ".",
            )


def owners_are_posts(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chủ trì và phối hợp của nhiệm vụ là các chức danh khai báo trong unit.posts."""
    posts = [p.id for p in plan.unit.posts]
    for index, task in enumerate(plan.tasks):
        owners: list[tuple[Path, str]] = []
        if task.lead is not None:
            owners.append((("tasks", index, "lead"), task.lead))
        owners += [(("tasks", index, "partners", n), p) for n, p in enumerate(task.partners)]
        for path, owner in owners:
            if owner not in posts:
                yield at.problem(
                    path,
                    f"Nhiệm vụ {task.id}: '{owner}' không phải chức danh của đơn vị.",
                    did_you_mean(owner, posts) or "Khai báo chức danh này trong unit.posts.",
                )


def lead_not_partner(plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo khi chức danh chủ trì một nhiệm vụ cũng có trong danh sách phối hợp."""
    for index, task in enumerate(plan.tasks):
        if task.lead is not None and task.lead in task.partners:
            yield at.problem(
                ("tasks", index, "partners"),
                f"Nhiệm vụ {task.id}: '{task.lead}' vừa chủ trì vừa phối hợp.",
                "Bỏ chức danh chủ trì khỏi danh sách phối hợp.",
            )


def deadlines_in_years(plan: Plan, at: Located) -> Iterator[Problem]:
    """Thời hạn của nhiệm vụ nằm trong năm hoặc giai đoạn của kế hoạch."""
    for index, task in enumerate(plan.tasks):
        if task.due.kind is not DueKind.ONGOING and task.due.year not in plan.years:
            yield at.problem(
                ("tasks", index, "due"),
                f"Nhiệm vụ {task.id}: thời hạn {task.due} nằm ngoài {plan.years} của kế hoạch.",
                "Sửa thời hạn cho đúng năm của kế hoạch.",
            )


def targets_complete(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chỉ tiêu định lượng có cả chiều và giá trị; chỉ số định tính có mô tả chỉ tiêu."""
    for index, indicator in enumerate(plan.indicators):
        target = indicator.target
        base = ("indicators", index, "target")
        if indicator.measure is Measure.TEXT:
            if target is None or target.text is None:
                yield at.problem(
                    base,
                    f"Chỉ số định tính {indicator.id} cần mô tả chỉ tiêu (target.text).",
                    "Thêm 'target: {text: …}'.",
                )
        elif target is not None and (target.direction is None or target.value is None):
            yield at.problem(
                base,
                f"Chỉ tiêu của {indicator.id} cần cả chiều (direction) và giá trị (value).",
                "Ví dụ: 'target: {direction: at_least, value: 95}'.",
            )


def percent_targets_in_range(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chỉ tiêu tính bằng phần trăm nằm trong khoảng 0–100."""
    for index, indicator in enumerate(plan.indicators):
        target = indicator.target
        value = target.value if target is not None else None
        if indicator.unit == "%" and value is not None and not 0 <= value <= 100:
            path = ("indicators", index, "target", "value")
            yield at.problem(
                path,
                f"Chỉ tiêu {at.document.as_typed(path)}% của {indicator.id} nằm ngoài "
                "khoảng 0–100.",
                "Ghi phần trăm là số từ 0 đến 100, ví dụ 95 cho 95%.",
            )


def rates_in_percent(plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo khi một chỉ số tỷ lệ khai đơn vị khác phần trăm."""
    for index, indicator in enumerate(plan.indicators):
        if indicator.measure is Measure.RATE and indicator.unit not in (None, "%"):
            yield at.problem(
                ("indicators", index, "unit"),
                f"Chỉ số {indicator.id} tính tỷ lệ nhưng đơn vị là '{indicator.unit}'.",
                "Tỷ lệ được báo cáo bằng %; đặt 'unit: \"%\"'.",
            )


def rates_name_their_counts(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chỉ số tỷ lệ (measure: rate) ghi tử số (numerator) và mẫu số (denominator)."""
    for index, indicator in enumerate(plan.indicators):
        if indicator.measure is Measure.RATE and (
            not indicator.numerator or not indicator.denominator
        ):
            yield at.problem(
                ("indicators", index),
                f"Chỉ số tỷ lệ {indicator.id} cần 'numerator' và 'denominator'.",
                "Ví dụ: numerator: [early, on_time], denominator: resolved.",
            )


def counts_referenced_exist(plan: Plan, at: Located) -> Iterator[Problem]:
    """Tử số, mẫu số, part_of và carried_in nhắc đến các số liệu đã khai báo trong counts."""
    for index, indicator in enumerate(plan.indicators):
        base = ("indicators", index)
        ids = {c.id for c in indicator.counts}
        refs: list[tuple[Path, str]] = [
            ((*base, "numerator", n), c) for n, c in enumerate(indicator.numerator)
        ]
        if indicator.denominator:
            refs.append(((*base, "denominator"), indicator.denominator))
        refs += [
            ((*base, "counts", n, key), ref)
            for n, c in enumerate(indicator.counts)
            for key, ref in (("part_of", c.part_of), ("carried_in", c.carried_in))
            if ref
        ]
        for path, ref in refs:
            if ref not in ids:
                yield at.problem(
                    path,
                    f"Chỉ số {indicator.id}: số liệu '{ref}' chưa khai báo trong counts.",
                    did_you_mean(ref, ids) or "Khai báo số liệu này trong 'counts'.",
                )


def rate_aggregation_for_rates(plan: Plan, at: Located) -> Iterator[Problem]:
    """Cách cộng dồn 'rate' (tính lại tỷ lệ từ số liệu cộng dồn) chỉ dùng cho chỉ số tỷ lệ."""
    for index, indicator in enumerate(plan.indicators):
        if indicator.aggregation.value == "rate" and indicator.measure is not Measure.RATE:
            yield at.problem(
                ("indicators", index, "aggregation"),
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
                f"Lĩnh vực '{area_title(plan.programme, code)}' ({code}) chưa có nhiệm vụ nào.",
                "Thêm nhiệm vụ cho lĩnh vực này, hoặc ghi lý do trong 'notes'.",
            )


def reporting_declared(plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo khi kế hoạch chưa có chế độ báo cáo (reporting): không lập được báo cáo."""
    if plan.reporting is None:
        yield at.problem(
            (),
            "Kế hoạch chưa có chế độ báo cáo (reporting); không thể lập báo cáo định kỳ.",
            "Thêm 'reporting:' với các kỳ quy-1, 6-thang, quy-3, nam và hạn gửi.",
        )


def report_kinds_once(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi kỳ báo cáo khai báo một lần trong reporting.reports."""
    seen: set[ReportKind] = set()
    for index, report in enumerate(_reports(plan)):
        if report.kind in seen:
            yield at.problem(
                ("reporting", "reports", index, "kind"),
                f"Kỳ báo cáo '{report.kind}' khai báo hai lần.",
                "Giữ một mục cho mỗi kỳ: quy-1, 6-thang, quy-3, nam.",
            )
        seen.add(report.kind)


def window_ends_in_last_month(plan: Plan, at: Located) -> Iterator[Problem]:
    """Kỳ số liệu của mỗi kỳ báo cáo kết thúc trong tháng cuối (hoặc tháng áp cuối) của kỳ."""
    # The same computation the reports and `cchc deadlines` use, so what passes here
    # never fails there.
    for index, report in enumerate(_reports(plan)):
        if not _window_in_last_month(plan, report):
            start, end = window(report.kind, plan.years.start, report)
            last = LAST_MONTH[report.kind]
            field = "window_end" if report.window_end is not None else "window_start"
            yield at.problem(
                ("reporting", "reports", index, field),
                f"Kỳ số liệu {start:%d/%m} – {end:%d/%m} của kỳ '{report.kind}' không kết thúc "
                f"trong tháng {last}, tháng cuối của kỳ báo cáo.",
                f"Theo Nghị định 09/2019: từ ngày 15 tháng trước kỳ đến ngày 14/{last:02d}.",
            )


def cutoff_in_window(plan: Plan, at: Located) -> Iterator[Problem]:
    """Ngày chốt số liệu của mỗi kỳ báo cáo nằm trong kỳ số liệu của nó."""
    for index, report in enumerate(_reports(plan)):
        if not _window_in_last_month(plan, report):
            continue  # said by window-ends-in-last-month; the cut-off depends on it
        try:
            dates_for(report.kind, plan.years.start, report)
        except CchcError as exc:
            yield at.problem(("reporting", "reports", index, "cutoff"), exc.message, exc.hint)


def templates_inside(plan: Plan, at: Located) -> Iterator[Problem]:
    """Thư mục mẫu riêng (templates:) là một thư mục nằm trong kho (hoặc thư mục) của kế
    hoạch, không phải đường dẫn tuyệt đối, và không có tệp mẫu nào là liên kết trỏ ra
    ngoài nó: mẫu của đơn vị không được đưa tệp khác trên máy vào báo cáo."""
    if plan.templates is None or at.file is None:
        return
    found = plan_templates_problem(at.file, plan.templates)
    if found is not None:
        yield at.problem(("templates",), *found)


def _window_in_last_month(plan: Plan, report: ScheduledReport) -> bool:
    last = LAST_MONTH[report.kind]
    return window(report.kind, plan.years.start, report)[1].month in (last, last - 1)


def _reports(plan: Plan) -> list[ScheduledReport]:
    return list(plan.reporting.reports) if plan.reporting is not None else []


def shared_codes_known(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mã chỉ số dùng chung (shared) là một mã trong docs/shared-indicators.md."""
    from cchc_cli.model.shared import SHARED

    for index, indicator in enumerate(plan.indicators):
        if indicator.shared is not None and indicator.shared not in SHARED:
            yield at.problem(
                ("indicators", index, "shared"),
                f"Chỉ số {indicator.id}: '{indicator.shared}' không phải mã chỉ số dùng chung.",
                did_you_mean(indicator.shared, SHARED)
                or "Các mã: " + ", ".join(SHARED) + " (docs/shared-indicators.md).",
            )


def shared_codes_fit(plan: Plan, at: Located) -> Iterator[Problem]:
    """Chỉ số mang mã dùng chung được đo đúng như mã đó quy định (tỷ lệ hay một giá trị,
    đơn vị tính), để số liệu các đơn vị cộng được với nhau."""
    from cchc_cli.model.shared import SHARED

    for index, indicator in enumerate(plan.indicators):
        shared = SHARED.get(indicator.shared or "")
        if shared is None:
            continue
        if indicator.measure is not shared.measure or (indicator.unit or None) != shared.unit:
            how = "tỷ lệ (measure: rate)" if shared.measure is Measure.RATE else "một giá trị"
            yield at.problem(
                ("indicators", index, "measure"),
                f"Chỉ số {indicator.id} mang mã dùng chung '{shared.code}' nhưng không đo "
                f"bằng {how} với đơn vị '{shared.unit}'.",
                f"Sửa measure và unit cho khớp mã '{shared.code}', hoặc bỏ khóa shared.",
            )


def shared_codes_once(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi mã chỉ số dùng chung chỉ gắn cho một chỉ số của kế hoạch."""
    seen: dict[str, str] = {}
    for index, indicator in enumerate(plan.indicators):
        code = indicator.shared
        if code is None:
            continue
        if code in seen:
            yield at.problem(
                ("indicators", index, "shared"),
                f"Mã dùng chung '{code}' đã gắn cho chỉ số {seen[code]}.",
                "Mỗi mã dùng chung chỉ gắn cho một chỉ số.",
            )
        seen.setdefault(code, indicator.id)


def tthc_columns_known(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi số liệu lấy từ bảng thống kê TTHC (tthc_column) chỉ một cột của Biểu số
    06/VPCP/KSTT hoặc một cột khai báo trong tthc_export.columns."""
    from cchc_cli.tthc.columns import STANDARD_IDS
    from cchc_cli.tthc.spec import ExportSpec, known_columns

    known = sorted(known_columns(ExportSpec.from_plan(plan)))
    for i, indicator in enumerate(plan.indicators):
        for c, count in enumerate(indicator.counts):
            for n, key in enumerate(count.tthc_column):
                if key in known:
                    continue
                where = ("indicators", i, "counts", c, "tthc_column")
                yield at.problem(
                    (*where, n) if len(count.tthc_column) > 1 else where,
                    f"Số liệu '{count.id}' của chỉ số {indicator.id} lấy từ cột '{key}', không "
                    "phải cột của Biểu 06 hay cột khai báo trong tthc_export.columns.",
                    did_you_mean(key, known) or "Các cột của Biểu 06: " + ", ".join(STANDARD_IDS),
                )


def tthc_columns_once(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi cột của bảng thống kê TTHC khai báo một lần trong tthc_export.columns."""
    from cchc_cli.tthc.spec import ExportSpec

    seen: set[str] = set()
    for n, column in enumerate(ExportSpec.from_plan(plan).columns):
        if column.id in seen:
            yield at.problem(
                ("tthc_export", "columns", n, "id"),
                f"Mã cột '{column.id}' được khai báo hai lần trong tthc_export.columns.",
                "Mỗi cột khai báo một lần.",
            )
        seen.add(column.id)


def start_in_years(plan: Plan, at: Located) -> Iterator[Problem]:
    """Ngày bắt đầu (start) của kế hoạch bắt đầu giữa năm nằm trong năm của kế hoạch."""
    if plan.start is not None and plan.start.year not in plan.years:
        yield at.problem(
            ("start",),
            f"Ngày bắt đầu {plan.start:%d/%m/%Y} nằm ngoài {plan.years} của kế hoạch.",
            "Ghi ngày đơn vị bắt đầu thực hiện kế hoạch, ví dụ 2025-07-01.",
        )


CHECKS: tuple[Check[PlanCheck], ...] = (
    Check("E301", "unique-ids", unique_ids),
    Check("E302", "areas-in-programme", areas_in_programme),
    Check("E303", "owners-are-posts", owners_are_posts),
    Check("W304", "lead-not-partner", lead_not_partner),
    Check("E305", "deadlines-in-years", deadlines_in_years),
    Check("E306", "targets-complete", targets_complete),
    Check("E307", "percent-targets-in-range", percent_targets_in_range),
    Check("W308", "rates-in-percent", rates_in_percent),
    Check("E309", "rates-name-their-counts", rates_name_their_counts),
    Check("E310", "counts-referenced-exist", counts_referenced_exist),
    Check("E311", "rate-aggregation-for-rates", rate_aggregation_for_rates),
    Check("W312", "areas-have-tasks", areas_have_tasks),
    Check("W313", "reporting-declared", reporting_declared),
    Check("E314", "report-kinds-once", report_kinds_once),
    Check("E315", "cutoff-in-window", cutoff_in_window),
    Check("E316", "window-ends-in-last-month", window_ends_in_last_month),
    Check("E317", "start-in-years", start_in_years),
    Check("E318", "templates-inside", templates_inside),
    Check("E320", "shared-codes-known", shared_codes_known),
    Check("E321", "shared-codes-fit", shared_codes_fit),
    Check("E322", "shared-codes-once", shared_codes_once),
    Check("E540", "tthc-columns-known", tthc_columns_known),
    Check("E543", "tthc-columns-once", tthc_columns_once),
)


def check_plan(plan: Plan, at: Located) -> list[Problem]:
    """Every plan check's problems, in file order."""
    return run(CHECKS, at, plan)
