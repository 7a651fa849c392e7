"""Checks of a progress record against its plan: one small named function per rule.

Each check's docstring is its user documentation. Codes: E4xx errors, W4xx warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from cchc_cli.checks.plan import RegisteredCheck
from cchc_cli.load.shape import Located
from cchc_cli.model.areas import DIRECTION, area_codes, area_title
from cchc_cli.model.plan import Indicator, Measure, Plan, ReportKind
from cchc_cli.model.progress import IndicatorProgress, Narrative, Progress, TaskStatus
from cchc_cli.periods import dates_for, quarter_window, report_rule, window
from cchc_cli.problems import COMMA_IN_NUMBER_HINT, CchcError, Problem, Severity, did_you_mean
from cchc_cli.vietnamese import number

ProgressCheck = Callable[[Progress, Plan, Located], Iterable[Problem]]
WARN = Severity.WARNING
# The report whose cut-off applies to each quarter's figures.
QUARTER_REPORT = {1: ReportKind.Q1, 2: ReportKind.H1, 3: ReportKind.Q3, 4: ReportKind.YEAR}


RegisteredProgressCheck = RegisteredCheck[ProgressCheck]


def quarter_in_plan_years(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Quý của tệp tiến độ nằm trong năm hoặc giai đoạn của kế hoạch."""
    if progress.quarter.year not in plan.years:
        yield at.problem(
            ("quarter",),
            "E403",
            f"Quý {progress.quarter} nằm ngoài {plan.years} của kế hoạch.",
            "Sửa 'quarter' hoặc chỉ đúng kế hoạch trong 'plan'.",
        )


def known_tasks(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi nhiệm vụ trong tệp tiến độ là một nhiệm vụ của kế hoạch, ghi một lần; nhiệm vụ
    của kế hoạch chưa có trong tệp được cảnh báo."""
    ids = [t.id for t in plan.tasks]
    seen: set[str] = set()
    for index, task in enumerate(progress.tasks):
        where = ("tasks", index, "id")
        if task.id not in ids:
            hint = did_you_mean(task.id, ids) or "Dùng mã nhiệm vụ trong kế hoạch."
            yield at.problem(where, "E404", f"Nhiệm vụ '{task.id}' không có trong kế hoạch.", hint)
        elif task.id in seen:
            yield at.problem(where, "E405", f"Nhiệm vụ '{task.id}' được ghi hai lần.", "Gộp lại.")
        seen.add(task.id)
    yield from _absent(at, "tasks", "W421", "tình trạng của nhiệm vụ", ids=ids, seen=seen)


def known_indicators(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi chỉ số trong tệp tiến độ là một chỉ số của kế hoạch, ghi một lần; chỉ số của kế
    hoạch chưa có số liệu được cảnh báo."""
    ids = [i.id for i in plan.indicators]
    seen: set[str] = set()
    for index, item in enumerate(progress.indicators):
        where = ("indicators", index, "id")
        if item.id not in ids:
            hint = did_you_mean(item.id, ids) or "Dùng mã chỉ số trong kế hoạch."
            yield at.problem(where, "E406", f"Chỉ số '{item.id}' không có trong kế hoạch.", hint)
        elif item.id in seen:
            yield at.problem(where, "E407", f"Chỉ số '{item.id}' được ghi hai lần.", "Gộp lại.")
        seen.add(item.id)
    yield from _absent(at, "indicators", "W422", "số liệu của chỉ số", ids=ids, seen=seen)


def _absent(
    at: Located, key: str, code: str, what: str, *, ids: list[str], seen: set[str]
) -> Iterator[Problem]:
    missing = [i for i in ids if i not in seen]
    if missing:
        yield at.problem(
            (key,),
            code,
            f"Chưa có {what} {', '.join(missing)}.",
            f"Thêm vào '{key}' một mục '- id: …' cho mỗi mã (cchc progress new tạo sẵn đủ).",
            WARN,
        )


def _pairs(progress: Progress, plan: Plan) -> Iterator[tuple[int, IndicatorProgress, Indicator]]:
    for index, item in enumerate(progress.indicators):
        indicator = plan.indicator(item.id)
        if indicator is not None:
            yield index, item, indicator


def counts_are_declared(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Số liệu đếm là các số liệu chỉ số khai báo trong kế hoạch, không âm, và các phần
    không vượt quá tổng (ví dụ: sớm hạn + đúng hạn + trễ hạn ≤ đã giải quyết ≤ tiếp nhận)."""
    for index, item, indicator in _pairs(progress, plan):
        declared = {c.id: c for c in indicator.counts}
        for key, value in item.counts.items():
            where = ("indicators", index, "counts", key)
            if key not in declared:
                hint = (
                    (COMMA_IN_NUMBER_HINT if key.isdigit() else "")
                    or did_you_mean(key, declared)
                    or (
                        "Các số liệu của chỉ số: " + ", ".join(declared) + "."
                        if declared
                        else "Chỉ số này không có số liệu đếm; xóa 'counts'."
                    )
                )
                yield at.problem(where, "E408", f"Chỉ số {item.id} không có số liệu '{key}'.", hint)
            elif value is not None and value < 0:
                yield at.problem(
                    where,
                    "E409",
                    f"Chỉ số {item.id}: số liệu '{key}' là số âm ({value}).",
                    "Số liệu đếm không thể âm; sửa lại số.",
                )
        yield from _parts_within_whole(index, item, indicator, at)


def _parts_within_whole(
    index: int, item: IndicatorProgress, indicator: Indicator, at: Located
) -> Iterator[Problem]:
    for whole in indicator.counts:
        total = item.counts.get(whole.id)
        parts = [c.id for c in indicator.counts if c.part_of == whole.id]
        filled = [(p, item.counts[p]) for p in parts if item.counts.get(p) is not None]
        if total is None or not filled:
            continue
        summed = sum(v for _, v in filled if v is not None)
        if summed > total:
            terms = " + ".join(f"{p} ({v})" for p, v in filled)
            if len(filled) > 1:
                terms += f" = {summed}"
            yield at.problem(
                ("indicators", index, "counts", whole.id),
                "E410",
                f"Chỉ số {item.id}: {terms} vượt quá {whole.id} ({total}).",
                f"Tổng các phần của '{whole.id}' ({whole.label}) không được lớn hơn nó.",
            )


def values_fit_the_measure(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi chỉ số ghi đúng loại số liệu: tỷ lệ ghi số liệu đếm (không ghi tay phần trăm),
    chỉ số một giá trị ghi value, chỉ số định tính ghi text; phần trăm trong 0–100."""
    for index, item, indicator in _pairs(progress, plan):
        base = ("indicators", index)
        expects = _expected_field(indicator)
        for field in ("counts", "value", "text"):
            given = getattr(item, field)
            if field != expects and given not in (None, {}):
                yield at.problem(
                    (*base, field),
                    "E411",
                    f"Chỉ số {item.id} ghi '{expects}', không ghi '{field}'.",
                    _EXPECT_HINTS[expects],
                )
        if indicator.unit == "%" and item.value is not None and not 0 <= item.value <= 100:
            yield at.problem(
                (*base, "value"),
                "E412",
                f"Chỉ số {item.id}: {number(item.value, 3)}% nằm ngoài khoảng 0–100.",
                "Ghi phần trăm là số từ 0 đến 100, ví dụ 97.5 cho 97,5%.",
            )


def _expected_field(indicator: Indicator) -> str:
    if indicator.counts or indicator.measure is Measure.RATE:
        return "counts"
    return "text" if indicator.measure is Measure.TEXT else "value"


_EXPECT_HINTS = {
    "counts": "Tỷ lệ được tính từ số liệu đếm; ghi các số liệu trong 'counts'.",
    "value": "Ghi một số trong 'value'.",
    "text": "Chỉ số định tính: mô tả kết quả trong 'text'.",
}


def values_entered(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo số liệu chưa nhập (để trống hoặc ~); khi lập báo cáo đây là lỗi."""
    for index, item, indicator in _pairs(progress, plan):
        base = ("indicators", index)
        expects = _expected_field(indicator)
        if expects == "counts":
            for count in indicator.counts:
                if item.counts.get(count.id) is None:
                    where = (*base, "counts", count.id) if count.id in item.counts else base
                    yield _unfilled(at, where, f"{item.id}: {count.label} ({count.id})")
        elif getattr(item, expects) is None:
            yield _unfilled(at, (*base, expects), f"{item.id}: {indicator.name}")


def statuses_entered(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo nhiệm vụ chưa ghi tình trạng (để trống hoặc ~); khi lập báo cáo đây là lỗi."""
    for index, task in enumerate(progress.tasks):
        if task.status is None:
            yield at.problem(
                ("tasks", index, "status"),
                "W423",
                f"Nhiệm vụ {task.id} chưa ghi tình trạng.",
                "Ghi status: hoàn thành, đang thực hiện hoặc chưa thực hiện.",
                WARN,
            )


def _unfilled(at: Located, where: tuple[str | int, ...], what: str) -> Problem:
    return at.problem(where, "W420", f"Chưa nhập số liệu {what}.", "Điền giá trị thay cho ~.", WARN)


def completion_dates(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Ngày hoàn thành chỉ ghi cho nhiệm vụ đã hoàn thành, không sau kỳ số liệu của quý và
    không trước kỳ số liệu đầu tiên của kế hoạch (hoàn thành ở quý trước được giữ nguyên
    ngày); ngày sau ngày chốt số liệu là ước thực hiện (cảnh báo)."""
    quarter = progress.quarter
    start, end = quarter_window(plan, quarter.year, quarter.number)
    earliest = window(ReportKind.Q1, plan.years.start, report_rule(plan, ReportKind.Q1))[0]
    cutoff = _cutoff(plan, quarter.year, quarter.number)
    for index, task in enumerate(progress.tasks):
        where = ("tasks", index, "completed_on")
        done = task.status is TaskStatus.DONE
        if task.completed_on is None:
            if done:
                yield at.problem(
                    ("tasks", index, "status"),
                    "W414",
                    f"Nhiệm vụ {task.id} hoàn thành nhưng chưa ghi ngày hoàn thành.",
                    "Thêm 'completed_on: YYYY-MM-DD'.",
                    WARN,
                )
            continue
        day = task.completed_on
        if not done:
            yield at.problem(
                where,
                "E413",
                f"Nhiệm vụ {task.id} chưa hoàn thành ('{task.status}') nhưng có ngày hoàn thành.",
                "Xóa 'completed_on' hoặc sửa 'status: hoàn thành'.",
            )
        elif day > end:
            yield at.problem(
                where,
                "E415",
                f"Nhiệm vụ {task.id}: ngày hoàn thành {day:%d/%m/%Y} sau kỳ số liệu "
                f"quý {quarter.roman}/{quarter.year} ({start:%d/%m/%Y} – {end:%d/%m/%Y}).",
                "Ghi việc hoàn thành sau kỳ này vào tệp tiến độ của quý sau.",
            )
        elif day < earliest:
            yield at.problem(
                where,
                "E415",
                f"Nhiệm vụ {task.id}: ngày hoàn thành {day:%d/%m/%Y} trước kỳ số liệu đầu "
                f"tiên của kế hoạch (từ {earliest:%d/%m/%Y}).",
                "Kiểm tra lại năm của ngày hoàn thành.",
            )
        elif cutoff is not None and start <= day and day > cutoff:
            yield at.problem(
                where,
                "W416",
                f"Nhiệm vụ {task.id} hoàn thành sau ngày chốt số liệu {cutoff:%d/%m/%Y}: "
                "báo cáo ghi là ước thực hiện.",
                "Không cần sửa: báo cáo ghi 'hoàn thành (ước thực hiện)' cho nhiệm vụ này.",
                WARN,
            )


def _cutoff(plan: Plan, year: int, quarter: int) -> date | None:
    rule = report_rule(plan, QUARTER_REPORT[quarter])
    if rule is None:
        return None
    try:
        return dates_for(rule.kind, year, rule).cutoff
    except CchcError:
        return None


def narrative_areas(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Các lĩnh vực trong narrative.areas là lĩnh vực của chương trình mà kế hoạch thực hiện."""
    codes = area_codes(plan.programme)
    for area in progress.narrative.areas:
        if area not in codes:
            yield at.problem(
                ("narrative", "areas", area),
                "E417",
                f"Lĩnh vực '{area}' không thuộc chương trình {plan.programme.value}.",
                did_you_mean(area, codes) or "Các lĩnh vực: " + ", ".join(codes) + ".",
            )


# The narrative's written parts and their Vietnamese titles, as the model documents them.
_SECTIONS = {
    name: str(field.title) for name, field in Narrative.model_fields.items() if name != "areas"
}


def narrative_written(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo phần báo cáo chưa viết và người ký chưa có họ tên; khi lập báo cáo đây là
    lỗi (R103, R104)."""
    narrative = progress.narrative
    for name, title in _SECTIONS.items():
        if not getattr(narrative, name):
            yield at.problem(
                ("narrative", name),
                "W427",
                f"Chưa viết phần '{title}' (narrative.{name}).",
                "Báo cáo cần phần này: viết ít nhất một đoạn.",
                WARN,
            )
    for code in area_codes(plan.programme):
        if code != DIRECTION and not narrative.areas.get(code):
            yield at.problem(
                ("narrative", "areas", code),
                "W427",
                f"Chưa viết kết quả lĩnh vực '{area_title(plan.programme, code)}' "
                f"(narrative.areas.{code}).",
                "Báo cáo cần phần này: viết ít nhất một đoạn.",
                WARN,
            )
    if not progress.signer_name and not plan.unit.signer.name:
        yield at.problem(
            ("signer_name",),
            "W428",
            "Chưa có họ tên người ký: kế hoạch không ghi unit.signer.name, tệp này cũng không.",
            "Ghi signer_name: họ tên người ký báo cáo kỳ này.",
            WARN,
        )


PROGRESS_CHECKS: tuple[RegisteredProgressCheck, ...] = (
    RegisteredProgressCheck("E403", "quarter-in-plan-years", quarter_in_plan_years),
    RegisteredProgressCheck("E404", "known-tasks", known_tasks),
    RegisteredProgressCheck("E406", "known-indicators", known_indicators),
    RegisteredProgressCheck("E408", "counts-are-declared", counts_are_declared),
    RegisteredProgressCheck("E411", "values-fit-the-measure", values_fit_the_measure),
    RegisteredProgressCheck("W420", "values-entered", values_entered),
    RegisteredProgressCheck("W423", "statuses-entered", statuses_entered),
    RegisteredProgressCheck("E413", "completion-dates", completion_dates),
    RegisteredProgressCheck("E417", "narrative-areas", narrative_areas),
    RegisteredProgressCheck("W427", "narrative-written", narrative_written),
)


def run_checks(progress: Progress, plan: Plan, at: Located) -> list[Problem]:
    """Every cross-check's problems, in file order."""
    found = [p for check in PROGRESS_CHECKS for p in check.check(progress, plan, at)]
    return sorted(found, key=Problem.sort_key)
