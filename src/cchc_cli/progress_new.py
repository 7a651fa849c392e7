"""`cchc progress new`: a quarter's progress file pre-filled from the plan.

Every task with its status (and completion date) of the quarter before, ``~`` without
one, and a comment naming it; the earlier quarter's result only as a comment, for
reference, never as a value: the new file holds this quarter's work alone. Every
indicator with its fields (``~`` where the clerk fills in a figure; counts cchc computes
are left out), the narrative headings. The clerk fills in values, not structure. An
existing file is never overwritten.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.errors import InvalidInputError, OutputError, UsageError
from cchc_cli.load.progress import existing_or_new
from cchc_cli.load.shape import load_model
from cchc_cli.model.areas import DIRECTION, area_codes, area_title
from cchc_cli.model.plan import Indicator, Measure, Plan, Task
from cchc_cli.model.progress import SECTIONS, Progress, Quarter, TaskStatus, section_title
from cchc_cli.paths import DEFAULT_PROGRESS_DIR, progress_path
from cchc_cli.periods import (
    REPORT_OF_QUARTER,
    Period,
    quarter_of_day,
    quarter_open,
    quarter_window,
)
from cchc_cli.vietnamese import roman

SCHEMA_FILE = Path("schema") / "cchc-progress.schema.json"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _relative(target: Path, start: Path) -> str:
    try:
        return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return target.resolve().as_posix()


def previous_progress(
    progress_dir: Path, plan_path: Path, plan: Plan, quarter: Quarter
) -> Progress | None:
    """The most recent earlier quarter's record within the plan's years, if any."""
    current = quarter.previous()
    while current.year >= plan.years.start:
        path = existing_or_new(progress_path(progress_dir, plan_path, current.year, current.number))
        if path.is_file():
            loaded = load_model(path, Progress)
            if loaded.model is None:
                raise InvalidInputError(
                    loaded.problems,
                    f"Tệp tiến độ quý trước {loaded.shown} có lỗi nên chưa lấy được tình trạng "
                    "nhiệm vụ; hãy sửa rồi chạy lại.",
                )
            return loaded.model
        current = current.previous()
    return None


_STATUS_CHOICES = " / ".join(s.value for s in TaskStatus)


def _task_lines(task: Task, previous: Progress | None, quarter: Quarter, plan: Plan) -> list[str]:
    before = previous.task(task.id) if previous else None
    status = before.status if before else None
    lines = [f"  # {task.id} · {_comment(task.content)} · hạn: {task.due.vietnamese()}"]
    earlier = (before.period_result or before.result) if before else None
    if previous is not None and earlier:
        # For reference only: the earlier quarter's work was reported with it, and the new
        # file holds this quarter's work alone.
        lines.append(f"  # quý {previous.quarter.roman}: {_comment(earlier, 200)}")
    lines.append(f"  - id: {task.id}")
    done = before is not None and status is TaskStatus.DONE
    if done and before is not None:
        day = before.completed_on
        finished = quarter_of_day(plan, day.year, day) if day is not None else None
        when = f"từ quý {roman(finished)}, " if finished else ""
        when += f"ngày {day:%d/%m/%Y}" if day is not None else "chưa ghi ngày"
        lines.append(f"    status: {status}  # {when}")
        if day is not None:
            lines.append(f"    completed_on: {day.isoformat()}")
        lines.append("    result: ~  # chỉ ghi khi quý này có việc mới")
    else:
        # Without an earlier quarter there is no status to carry over: a guessed "chưa
        # thực hiện" would reach the report as fact, so the clerk is made to choose.
        shown = f"{status.value}  # tình trạng quý trước" if status else f"~  # {_STATUS_CHOICES}"
        lines.append(f"    status: {shown}")
        lines.append(f"    result: ~  # những việc đã làm trong quý {quarter.roman}")
    if quarter.number in (2, 4):
        report = Period(REPORT_OF_QUARTER[quarter.number], quarter.year)
        lines.append(f"    period_result: ~  # tùy chọn: kết quả cả {report.name}")
    lines.append("    evidence: []")
    return lines


def _indicator_lines(indicator: Indicator) -> list[str]:
    unit = f" ({indicator.unit})" if indicator.unit else ""
    typed = [c for c in indicator.counts if c.computed is None]
    if indicator.counts and not typed:
        return [f"  # {indicator.id} · {_comment(indicator.name)}: cchc tự tính, không nhập"]
    lines = [
        f"  # {indicator.id} · {_comment(indicator.name)}{unit}",
        f"  - id: {indicator.id}",
    ]
    if indicator.counts or indicator.measure is Measure.RATE:
        lines.append("    counts:")
        lines += [f"      {c.id}: ~  # {_comment(c.label)}" for c in typed]
    elif indicator.measure is Measure.TEXT:
        lines.append("    text: ~  # mô tả kết quả")
    else:
        lines.append(f"    value: ~  # {_comment(indicator.name, 60)}{unit}")
    return lines


def progress_text(
    plan: Plan, plan_path: Path, out: Path, quarter: Quarter, previous: Progress | None
) -> str:
    """The new file's text: valid YAML whose only nulls are values still to fill in."""
    start, end = quarter_window(plan, quarter.year, quarter.number)
    lines: list[str] = []
    schema = SCHEMA_FILE if SCHEMA_FILE.is_file() else None
    if schema is not None:
        lines.append(f"# yaml-language-server: $schema={_relative(schema, out.parent)}")
    lines += [
        f"# Tiến độ thực hiện kế hoạch CCHC quý {quarter.roman} năm {quarter.year}, "
        f"{plan.unit.full_name}.",
        f"# Kỳ số liệu: {start:%d/%m/%Y} – {end:%d/%m/%Y}. Điền các giá trị ~ (chưa nhập); "
        "giữ nguyên các mã (id).",
        "# Tình trạng: hoàn thành, đang thực hiện hoặc chưa thực hiện; hoàn thành thì ghi "
        "completed_on: YYYY-MM-DD.",
        "# Kết quả (result): chỉ việc làm trong quý này, với văn bản (evidence) ban hành trong "
        "quý; nhiệm vụ chưa thực hiện: ghi lý do.",
        f"plan: {_q(_relative(plan_path, out.parent))}",
        f"quarter: {quarter}",
        "sample: false",
        "signer_name: ~  # người ký báo cáo kỳ này, nếu khác kế hoạch",
        "tasks:" + ("" if plan.tasks else " []"),
    ]
    for task in plan.tasks:
        lines += _task_lines(task, previous, quarter, plan)
    lines.append("indicators:" + ("" if plan.indicators else " []"))
    for indicator in plan.indicators:
        lines += _indicator_lines(indicator)
    lines += [
        "narrative:" + _narrative_scope(quarter),
        f"  direction: []  # {section_title('direction').lower()} CCHC",
        "  areas:",
    ]
    codes = [c for c in area_codes(plan.programme) if c != DIRECTION]
    lines += [f"    {c}: []  # {area_title(plan.programme, c)}" for c in codes]
    lines += [f"  {key}: []  # {section_title(key)}" for key in SECTIONS if key != "direction"]
    return "\n".join(lines) + "\n"


def _narrative_scope(quarter: Quarter) -> str:
    # The quý II and quý IV files feed the six-month and annual reports, whose narrative
    # is taken from them alone.
    if quarter.number not in (2, 4):
        return ""
    report = Period(REPORT_OF_QUARTER[quarter.number], quarter.year)
    return f"  # viết cho cả {report.name}: báo cáo {report.name} lấy phần này"


@dataclass(frozen=True)
class NewProgress:
    """A quarter's progress file to create: where, and its pre-filled text."""

    path: Path
    text: str


def new_progress(
    plan: Plan, plan_path: Path, quarter: Quarter, progress_dir: Path = DEFAULT_PROGRESS_DIR
) -> NewProgress:
    """The quarter's pre-filled file (the command layer writes it, never over another)."""
    if quarter.year not in plan.years:
        raise UsageError(
            f"Quý {quarter.roman}/{quarter.year} nằm ngoài thời gian của kế hoạch "
            f"{plan_path.name} ({plan.years}).",
            "Chọn một quý trong năm của kế hoạch.",
        )
    if not quarter_open(plan, quarter.year, quarter.number) and plan.start is not None:
        raise UsageError(
            f"Kế hoạch {plan_path.name} bắt đầu từ ngày {plan.start:%d/%m/%Y}: quý "
            f"{quarter.roman}/{quarter.year} kết thúc trước ngày đó, không có tiến độ.",
            "Chọn quý có ngày bắt đầu của kế hoạch hoặc một quý sau đó.",
        )
    out = existing_or_new(progress_path(progress_dir, plan_path, quarter.year, quarter.number))
    previous = previous_progress(progress_dir, plan_path, plan, quarter)
    return NewProgress(out, progress_text(plan, plan_path, out, quarter, previous))


def already_there(shown: str) -> OutputError:
    """The error for a quarter file that exists: the clerk's figures are never replaced."""
    return OutputError(
        f"Tệp tiến độ '{shown}' đã có; không ghi đè để giữ số liệu đã nhập.",
        "Xóa tệp đó nếu muốn tạo lại, hoặc chọn thư mục khác bằng --progress-dir.",
    )
