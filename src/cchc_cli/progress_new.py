"""`cchc progress new`: a quarter's progress file pre-filled from the plan.

Every task with its status of the quarter before (``~`` without one) and a comment
naming it, every indicator with its fields (``~`` where the clerk fills in a figure), the
narrative headings. The clerk fills in values, not structure. An existing file is never
overwritten.
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
from cchc_cli.periods import REPORT_OF_QUARTER, Period, quarter_window

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


def _task_lines(task: Task, previous: Progress | None) -> list[str]:
    before = previous.task(task.id) if previous else None
    status = before.status if before else None
    # Without an earlier quarter there is no status to carry over: a guessed "chưa thực
    # hiện" would reach the report as fact, so the clerk is made to choose.
    shown = f"{status.value}  # tình trạng quý trước" if status else f"~  # {_STATUS_CHOICES}"
    lines = [
        f"  # {task.id} · {_comment(task.content)} · hạn: {task.due.vietnamese()}",
        f"  - id: {task.id}",
        f"    status: {shown}",
    ]
    if before is not None and status is TaskStatus.DONE:
        if before.completed_on is not None:
            lines.append(f"    completed_on: {before.completed_on.isoformat()}")
        lines.append(f"    result: {_q(before.result) if before.result else '~'}")
        lines.append("    evidence:" + ("" if before.evidence else " []"))
        lines += [f"      - {_q(item)}" for item in before.evidence]
    else:
        lines += ["    result: ~  # những việc đã làm trong quý", "    evidence: []"]
    return lines


def _indicator_lines(indicator: Indicator) -> list[str]:
    unit = f" ({indicator.unit})" if indicator.unit else ""
    lines = [
        f"  # {indicator.id} · {_comment(indicator.name)}{unit}",
        f"  - id: {indicator.id}",
    ]
    if indicator.counts or indicator.measure is Measure.RATE:
        lines.append("    counts:")
        lines += [f"      {c.id}: ~  # {_comment(c.label)}" for c in indicator.counts]
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
        f"plan: {_q(_relative(plan_path, out.parent))}",
        f"quarter: {quarter}",
        "sample: false",
        "signer_name: ~  # người ký báo cáo kỳ này, nếu khác kế hoạch",
        "tasks:" + ("" if plan.tasks else " []"),
    ]
    for task in plan.tasks:
        lines += _task_lines(task, previous)
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
    out = existing_or_new(progress_path(progress_dir, plan_path, quarter.year, quarter.number))
    previous = previous_progress(progress_dir, plan_path, plan, quarter)
    return NewProgress(out, progress_text(plan, plan_path, out, quarter, previous))


def already_there(shown: str) -> OutputError:
    """The error for a quarter file that exists: the clerk's figures are never replaced."""
    return OutputError(
        f"Tệp tiến độ '{shown}' đã có; không ghi đè để giữ số liệu đã nhập.",
        "Xóa tệp đó nếu muốn tạo lại, hoặc chọn thư mục khác bằng --progress-dir.",
    )
