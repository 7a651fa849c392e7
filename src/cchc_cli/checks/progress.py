"""Checks of a progress record against its plan: one small named function per code.

Each check's docstring is its user documentation. Codes: E4xx errors, W4xx warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from cchc_cli.checks import Check, Located, run
from cchc_cli.errors import CchcError
from cchc_cli.model.areas import DIRECTION, area_codes, area_title
from cchc_cli.model.plan import Indicator, Measure, Plan
from cchc_cli.model.progress import (
    SECTIONS,
    IndicatorProgress,
    Progress,
    TaskStatus,
    section_title,
)
from cchc_cli.periods import (
    REPORT_OF_QUARTER,
    Period,
    dates_for,
    first_window_start,
    quarter_open,
    quarter_window,
    report_rule,
)
from cchc_cli.problems import COMMA_IN_NUMBER_HINT, Problem, did_you_mean

ProgressCheck = Callable[[Progress, Plan, Located], Iterable[Problem]]


def quarter_in_plan_years(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Quý của tệp tiến độ nằm trong năm hoặc giai đoạn của kế hoạch."""
    quarter = progress.quarter
    if quarter.year not in plan.years:
        yield at.problem(
            ("quarter",),
            f"Quý {quarter} nằm ngoài {plan.years} của kế hoạch.",
            "Sửa 'quarter' hoặc chỉ đúng kế hoạch trong 'plan'.",
        )
    elif not quarter_open(plan, quarter.year, quarter.number) and plan.start is not None:
        yield at.problem(
            ("quarter",),
            f"Quý {quarter} kết thúc trước ngày bắt đầu của kế hoạch ({plan.start:%d/%m/%Y}).",
            "Kế hoạch bắt đầu giữa năm không có tiến độ các quý trước ngày bắt đầu; "
            "sửa 'quarter' hoặc 'start' của kế hoạch.",
        )


def known_tasks(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi nhiệm vụ trong tệp tiến độ là một nhiệm vụ của kế hoạch."""
    yield from _unknown(
        at, "tasks", "Nhiệm vụ", [t.id for t in progress.tasks], [t.id for t in plan.tasks]
    )


def tasks_once(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi nhiệm vụ chỉ ghi một lần trong tệp tiến độ."""
    yield from _repeated(at, "tasks", "Nhiệm vụ", [t.id for t in progress.tasks])


def all_tasks_listed(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo nhiệm vụ của kế hoạch chưa có mục trong tệp tiến độ."""
    seen = {t.id for t in progress.tasks}
    yield from _absent(at, "tasks", "tình trạng của nhiệm vụ", [t.id for t in plan.tasks], seen)


def known_indicators(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi chỉ số trong tệp tiến độ là một chỉ số của kế hoạch."""
    yield from _unknown(
        at,
        "indicators",
        "Chỉ số",
        [i.id for i in progress.indicators],
        [i.id for i in plan.indicators],
    )


def indicators_once(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi chỉ số chỉ ghi một lần trong tệp tiến độ."""
    yield from _repeated(at, "indicators", "Chỉ số", [i.id for i in progress.indicators])


def all_indicators_listed(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo chỉ số của kế hoạch chưa có mục trong tệp tiến độ (trừ chỉ số mà mọi số
    liệu đều do cchc tự tính)."""
    seen = {i.id for i in progress.indicators}
    wanted = [i.id for i in plan.indicators if not _all_computed(i)]
    yield from _absent(at, "indicators", "số liệu của chỉ số", wanted, seen)


def _all_computed(indicator: Indicator) -> bool:
    return bool(indicator.counts) and all(c.computed is not None for c in indicator.counts)


def _unknown(
    at: Located, key: str, label: str, written: list[str], planned: list[str]
) -> Iterator[Problem]:
    """Ids of the file that the plan does not have, each at its line."""
    for index, item in enumerate(written):
        if item not in planned:
            yield at.problem(
                (key, index, "id"),
                f"{label} '{item}' không có trong kế hoạch.",
                did_you_mean(item, planned) or f"Dùng mã {label.lower()} trong kế hoạch.",
            )


def _repeated(at: Located, key: str, label: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            yield at.problem((key, index, "id"), f"{label} '{item}' được ghi hai lần.", "Gộp lại.")
        seen.add(item)


def _absent(at: Located, key: str, what: str, ids: list[str], seen: set[str]) -> Iterator[Problem]:
    missing = [i for i in ids if i not in seen]
    if missing:
        yield at.problem(
            (key,),
            f"Chưa có {what} {', '.join(missing)}.",
            f"Thêm vào '{key}' một mục '- id: …' cho mỗi mã (cchc progress new tạo sẵn đủ).",
        )


def _pairs(progress: Progress, plan: Plan) -> Iterator[tuple[int, IndicatorProgress, Indicator]]:
    for index, item in enumerate(progress.indicators):
        indicator = plan.indicator(item.id)
        if indicator is not None:
            yield index, item, indicator


def counts_declared(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Số liệu đếm là các số liệu mà chỉ số khai báo trong kế hoạch."""
    for index, item, indicator in _pairs(progress, plan):
        declared = {c.id: c for c in indicator.counts}
        for key in item.counts:
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
                yield at.problem(
                    ("indicators", index, "counts", key),
                    f"Chỉ số {item.id} không có số liệu '{key}'.",
                    hint,
                )


def computed_counts_not_typed(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo số liệu mà cchc tự tính (computed: số nhiệm vụ của kế hoạch, số nhiệm vụ
    hoàn thành) lại được nhập tay: báo cáo bỏ qua giá trị nhập tay."""
    for index, item, indicator in _pairs(progress, plan):
        for count in indicator.counts:
            if count.computed is not None and count.id in item.counts:
                yield at.problem(
                    ("indicators", index, "counts", count.id),
                    f"Chỉ số {item.id}: số liệu '{count.id}' do cchc tự tính "
                    f"({count.computed.value}) từ kế hoạch và tình trạng nhiệm vụ; giá trị "
                    "nhập tay không được dùng.",
                    f"Xóa '{count.id}' khỏi counts.",
                )


def counts_not_negative(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Số liệu đếm không âm."""
    for index, item, _ in _pairs(progress, plan):
        for key, value in item.counts.items():
            if value is not None and value < 0:
                yield at.problem(
                    ("indicators", index, "counts", key),
                    f"Chỉ số {item.id}: số liệu '{key}' là số âm ({value}).",
                    "Số liệu đếm không thể âm; sửa lại số.",
                )


def parts_within_whole(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Các phần không vượt quá tổng chứa chúng (ví dụ: sớm hạn + đúng hạn + trễ hạn ≤ đã
    giải quyết ≤ tiếp nhận)."""
    for index, item, indicator in _pairs(progress, plan):
        yield from _parts_within_whole(index, item, indicator, at)


def _parts_within_whole(
    index: int, item: IndicatorProgress, indicator: Indicator, at: Located
) -> Iterator[Problem]:
    for whole in indicator.counts:
        total = item.counts.get(whole.id)
        carried = item.counts.get(whole.carried_in or "")
        if total is not None and carried is not None and carried > total:
            yield at.problem(
                ("indicators", index, "counts", whole.id),
                f"Chỉ số {item.id}: {whole.carried_in} ({carried}) vượt quá {whole.id} ({total}).",
                f"Phần chuyển từ kỳ trước không lớn hơn '{whole.id}' ({whole.label}) chứa nó.",
            )
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
                f"Chỉ số {item.id}: {terms} vượt quá {whole.id} ({total}).",
                f"Tổng các phần của '{whole.id}' ({whole.label}) không được lớn hơn nó.",
            )


def values_fit_measure(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi chỉ số ghi đúng loại số liệu: tỷ lệ ghi số liệu đếm (không ghi tay phần trăm),
    chỉ số một giá trị ghi value, chỉ số định tính ghi text."""
    for index, item, indicator in _pairs(progress, plan):
        expects = _expected_field(indicator)
        for field in ("counts", "value", "text"):
            given = getattr(item, field)
            if field != expects and given not in (None, {}):
                yield at.problem(
                    ("indicators", index, field),
                    f"Chỉ số {item.id} ghi '{expects}', không ghi '{field}'.",
                    _EXPECT_HINTS[expects],
                )


def percent_values_in_range(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Giá trị phần trăm nằm trong khoảng 0–100."""
    for index, item, indicator in _pairs(progress, plan):
        if indicator.unit == "%" and item.value is not None and not 0 <= item.value <= 100:
            yield at.problem(
                ("indicators", index, "value"),
                f"Chỉ số {item.id}: {at.document.as_typed(('indicators', index, 'value'))}% "
                "nằm ngoài khoảng 0–100.",
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
                if count.computed is None and item.counts.get(count.id) is None:
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
                f"Nhiệm vụ {task.id} chưa ghi tình trạng.",
                "Ghi status: hoàn thành, đang thực hiện hoặc chưa thực hiện.",
            )


def _unfilled(at: Located, where: tuple[str | int, ...], what: str) -> Problem:
    return at.problem(where, f"Chưa nhập số liệu {what}.", "Điền giá trị thay cho ~.")


def results_entered(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo nhiệm vụ có tình trạng mà chưa ghi kết quả (result) của quý; khi lập báo
    cáo đây là lỗi (R105). Nhiệm vụ hoàn thành ở quý trước, quý này không có việc mới,
    không cần kết quả."""
    start = quarter_window(plan, progress.quarter.year, progress.quarter.number)[0]
    for index, task in enumerate(progress.tasks):
        if task.status is None or task.result or task.period_result:
            continue
        if task.status is TaskStatus.DONE and task.completed_on and task.completed_on < start:
            continue
        why = " (lý do chưa thực hiện)" if task.status is TaskStatus.NOT_STARTED else ""
        yield at.problem(
            ("tasks", index, "status"),
            f"Nhiệm vụ {task.id} ({task.status}) chưa ghi kết quả quý "
            f"{progress.quarter.roman}{why}.",
            "Ghi result: những việc đã làm trong quý; tình trạng không thay cho kết quả.",
        )


_DOCUMENT_DATE = re.compile(r"\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")


def evidence_in_window(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo văn bản chứng minh ghi ngày trước kỳ số liệu của quý: việc của quý trước
    không được báo cáo lại như việc của quý này."""
    quarter = progress.quarter
    start, _ = quarter_window(plan, quarter.year, quarter.number)
    for index, task in enumerate(progress.tasks):
        for position, item in enumerate(task.evidence):
            day = _document_date(item)
            if day is not None and day < start:
                yield at.problem(
                    ("tasks", index, "evidence", position),
                    f"Nhiệm vụ {task.id}: văn bản ngày {day:%d/%m/%Y} có trước kỳ số liệu "
                    f"quý {quarter.roman}/{quarter.year} (từ {start:%d/%m/%Y}).",
                    "Tệp của quý chỉ ghi việc làm trong quý; văn bản của quý trước đã có "
                    "trong báo cáo trước. Xóa dòng này nếu không có việc mới.",
                )


def _document_date(text: str) -> date | None:
    found = _DOCUMENT_DATE.search(text)
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def period_result_suggested(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo (gợi ý) trong tệp quý II, quý IV: nhiệm vụ có kết quả quý mà chưa có kết quả
    cả kỳ (period_result); báo cáo 6 tháng, năm sẽ ghi kết quả theo từng quý."""
    if progress.quarter.number not in (2, 4):
        return
    tasks = [t.id for t in progress.tasks if t.result and not t.period_result]
    if tasks:
        report = Period(REPORT_OF_QUARTER[progress.quarter.number], progress.quarter.year)
        shown = ", ".join(tasks[:6]) + (
            f" và {len(tasks) - 6} nhiệm vụ khác" if len(tasks) > 6 else ""
        )
        yield at.problem(
            ("tasks",),
            f"Báo cáo {report.name} sẽ ghi kết quả theo từng quý cho {len(tasks)} nhiệm vụ "
            f"({shown}).",
            f"Viết period_result cho mỗi nhiệm vụ: kết quả cả {report.name} trong một đoạn, "
            "báo cáo dùng đoạn này thay cho kết quả từng quý.",
        )


def period_result_in_closing_quarter(
    progress: Progress, plan: Plan, at: Located
) -> Iterator[Problem]:
    """Kết quả cả kỳ (period_result) chỉ ghi trong tệp quý II (báo cáo 6 tháng) và quý IV
    (báo cáo năm)."""
    if progress.quarter.number in (2, 4):
        return
    for index, task in enumerate(progress.tasks):
        if task.period_result:
            yield at.problem(
                ("tasks", index, "period_result"),
                f"Nhiệm vụ {task.id}: quý {progress.quarter.roman} là một kỳ báo cáo riêng, "
                "không có kết quả cả kỳ.",
                "Ghi nội dung này vào 'result'.",
            )


def date_only_when_done(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Ngày hoàn thành chỉ ghi cho nhiệm vụ đã hoàn thành."""
    for index, task in enumerate(progress.tasks):
        if task.completed_on is not None and task.status is not TaskStatus.DONE:
            yield at.problem(
                ("tasks", index, "completed_on"),
                f"Nhiệm vụ {task.id} chưa hoàn thành ('{task.status}') nhưng có ngày hoàn thành.",
                "Xóa 'completed_on' hoặc sửa 'status: hoàn thành'.",
            )


def done_has_date(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo nhiệm vụ hoàn thành mà chưa ghi ngày hoàn thành."""
    for index, task in enumerate(progress.tasks):
        if task.status is TaskStatus.DONE and task.completed_on is None:
            yield at.problem(
                ("tasks", index, "status"),
                f"Nhiệm vụ {task.id} hoàn thành nhưng chưa ghi ngày hoàn thành.",
                "Thêm 'completed_on: YYYY-MM-DD'.",
            )


def completion_in_window(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Ngày hoàn thành không sau kỳ số liệu của quý và không trước kỳ số liệu đầu tiên của
    kế hoạch (hoàn thành ở quý trước được giữ nguyên ngày)."""
    quarter = progress.quarter
    start, end = quarter_window(plan, quarter.year, quarter.number)
    earliest = first_window_start(plan)
    for index, task, day in _completions(progress):
        where = ("tasks", index, "completed_on")
        if day > end:
            yield at.problem(
                where,
                f"Nhiệm vụ {task.id}: ngày hoàn thành {day:%d/%m/%Y} sau kỳ số liệu "
                f"quý {quarter.roman}/{quarter.year} ({start:%d/%m/%Y} – {end:%d/%m/%Y}).",
                "Ghi việc hoàn thành sau kỳ này vào tệp tiến độ của quý sau.",
            )
        elif day < earliest:
            yield at.problem(
                where,
                f"Nhiệm vụ {task.id}: ngày hoàn thành {day:%d/%m/%Y} trước kỳ số liệu đầu "
                f"tiên của kế hoạch (từ {earliest:%d/%m/%Y}).",
                "Kiểm tra lại năm của ngày hoàn thành.",
            )


def estimate_after_cutoff(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo (không phải lỗi) nhiệm vụ hoàn thành sau ngày chốt số liệu: báo cáo ghi là
    ước thực hiện."""
    quarter = progress.quarter
    start, end = quarter_window(plan, quarter.year, quarter.number)
    cutoff = _cutoff(plan, quarter.year, quarter.number)
    if cutoff is None:
        return
    for index, task, day in _completions(progress):
        if start <= day <= end and day > cutoff:
            yield at.problem(
                ("tasks", index, "completed_on"),
                f"Nhiệm vụ {task.id} hoàn thành sau ngày chốt số liệu {cutoff:%d/%m/%Y}: "
                "báo cáo ghi là ước thực hiện.",
                "Không cần sửa: báo cáo ghi 'hoàn thành (ước thực hiện)' cho nhiệm vụ này.",
            )


def _completions(progress: Progress) -> Iterator[tuple[int, Any, date]]:
    for index, task in enumerate(progress.tasks):
        if task.status is TaskStatus.DONE and task.completed_on is not None:
            yield index, task, task.completed_on


def _cutoff(plan: Plan, year: int, quarter: int) -> date | None:
    rule = report_rule(plan, REPORT_OF_QUARTER[quarter])
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
                f"Lĩnh vực '{area}' không thuộc chương trình {plan.programme.value}.",
                did_you_mean(area, codes) or "Các lĩnh vực: " + ", ".join(codes) + ".",
            )


def narrative_written(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo phần báo cáo chưa viết; khi lập báo cáo đây là lỗi (R103)."""
    narrative = progress.narrative
    for name in SECTIONS:
        if not getattr(narrative, name):
            yield at.problem(
                ("narrative", name),
                f"Chưa viết phần '{section_title(name)}' (narrative.{name}).",
                "Báo cáo cần phần này: viết ít nhất một đoạn.",
            )
    for code in area_codes(plan.programme):
        if code != DIRECTION and not narrative.areas.get(code):
            yield at.problem(
                ("narrative", "areas", code),
                f"Chưa viết kết quả lĩnh vực '{area_title(plan.programme, code)}' "
                f"(narrative.areas.{code}).",
                "Báo cáo cần phần này: viết ít nhất một đoạn.",
            )


def signer_named(progress: Progress, plan: Plan, at: Located) -> Iterator[Problem]:
    """Cảnh báo khi chưa có họ tên người ký; khi lập báo cáo đây là lỗi (R104)."""
    if not progress.signer_name and not plan.unit.signer.name:
        yield at.problem(
            ("signer_name",),
            "Chưa có họ tên người ký: kế hoạch không ghi unit.signer.name, tệp này cũng không.",
            "Ghi signer_name: họ tên người ký báo cáo kỳ này.",
        )


PROGRESS_CHECKS: tuple[Check[ProgressCheck], ...] = (
    Check("E403", "quarter-in-plan-years", quarter_in_plan_years),
    Check("E404", "known-tasks", known_tasks),
    Check("E405", "tasks-once", tasks_once),
    Check("W421", "all-tasks-listed", all_tasks_listed),
    Check("E406", "known-indicators", known_indicators),
    Check("E407", "indicators-once", indicators_once),
    Check("W422", "all-indicators-listed", all_indicators_listed),
    Check("E408", "counts-declared", counts_declared),
    Check("E409", "counts-not-negative", counts_not_negative),
    Check("E410", "parts-within-whole", parts_within_whole),
    Check("E411", "values-fit-measure", values_fit_measure),
    Check("E412", "percent-values-in-range", percent_values_in_range),
    Check("W420", "values-entered", values_entered),
    Check("W423", "statuses-entered", statuses_entered),
    Check("W429", "results-entered", results_entered),
    Check("W430", "evidence-in-window", evidence_in_window),
    Check("W431", "period-result-suggested", period_result_suggested),
    Check("E432", "period-result-in-closing-quarter", period_result_in_closing_quarter),
    Check("W433", "computed-counts-not-typed", computed_counts_not_typed),
    Check("E413", "date-only-when-done", date_only_when_done),
    Check("W414", "done-has-date", done_has_date),
    Check("E415", "completion-in-window", completion_in_window),
    Check("W416", "estimate-after-cutoff", estimate_after_cutoff),
    Check("E417", "narrative-areas", narrative_areas),
    Check("W427", "narrative-written", narrative_written),
    Check("W428", "signer-named", signer_named),
)


def check_progress(progress: Progress, plan: Plan, at: Located) -> list[Problem]:
    """Every cross-check's problems, in file order."""
    return run(PROGRESS_CHECKS, at, progress, plan)
