"""`cchc status` for people (a table, then what each unit still misses) and for scripts (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from cchc_cli.output import lazy
from cchc_cli.province.status import MISSING, days, summary, worth_saying
from cchc_cli.vietnamese import date_short, number

__all__ = ["FORMATS", "days", "json_text", "summary", "text"]

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cchc_cli.problems import Problem
    from cchc_cli.province.status import UnitStatus

JSON_FORMAT_VERSION = 1
DETAILS_PER_UNIT = 5


def _located(problem: Problem) -> str:
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {problem.code} {problem.message}"


HEADERS = ("Đơn vị", "Kỳ báo cáo", "Hạn gửi", "Còn lại", "Tình trạng", "Còn thiếu")
ORDER = {"có lỗi": 0, "còn thiếu": 1, "sẵn sàng": 2, "không phải lập": 3}
STYLES = {"có lỗi": "red", "còn thiếu": "yellow", "sẵn sàng": "green"}


def text(statuses: list[UnitStatus]) -> RenderableType:
    """A table of units, the ones not ready first, then the details of each.

    The table is laid out here, column widths from the widest cell, rather than by
    rich's Table, which measures and wraps every cell: a province of 3,321 units
    printed in a fraction of a second instead of seconds. The last column is not
    padded; a long line wraps in the terminal.
    """
    from rich.console import Group
    from rich.text import Text

    shown = sorted(statuses, key=lambda s: (ORDER[s.state.value], s.days_left or 0, s.plan))
    rows = [
        (
            status.unit,
            status.period.label if status.period else "",
            date_short(status.send_before) if status.send_before else "",
            days(status),
            status.state.value,
            summary(status),
        )
        for status in shown
    ]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(HEADERS)]
    table = Text()
    table.append(_line(HEADERS, widths) + "\n", style="bold")
    table.append("─" * (sum(widths[:-1]) + 2 * (len(widths) - 1) + len(HEADERS[-1])) + "\n")
    for status, row in zip(shown, rows, strict=True):
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        table.append("  ".join(cells[:3]) + "  ")
        table.append(cells[3], style="red" if status.late else "")
        table.append("  ")
        state = cells[4] if row[5] else row[4]
        table.append(state, style=STYLES.get(status.state.value, "dim"))
        table.append(f"  {row[5]}\n" if row[5] else "\n")
    parts: list[RenderableType] = [table, Text(totals_line(statuses))]
    details = [s for s in shown if s.problems and s.state.value in ("có lỗi", "còn thiếu")]
    lines = Text()
    for status in details:
        lines.append(f"\n{status.unit} ({status.plan}):\n", style="bold")
        ranked = sorted(worth_saying(status), key=_by_kind)
        limit = len(ranked) if len(statuses) == 1 else DETAILS_PER_UNIT
        for problem in ranked[:limit]:
            lines.append(f"  {_located(problem)}\n")
        if len(ranked) > limit:
            lines.append(
                f"  … và {number(len(ranked) - limit)} mục nữa: cchc status {status.plan}\n",
                style="dim",
            )
    if details:
        parts.append(lines)
    return Group(*parts)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _by_kind(problem: Problem) -> tuple[int, str, int]:
    ranks = {code: n for n, (code, _) in enumerate(MISSING)}
    return (ranks.get(problem.code, -1), problem.path, problem.line)


def totals_line(statuses: list[UnitStatus]) -> str:
    counts = Counter(s.state.value for s in statuses)
    late = sum(s.late for s in statuses)
    due = sum(s.due for s in statuses)
    return (
        f"{number(due)} đơn vị phải lập báo cáo: {number(counts['sẵn sàng'])} sẵn sàng, "
        f"{number(counts['còn thiếu'])} còn thiếu, {number(counts['có lỗi'])} có lỗi"
        + (f" ({number(late)} đã quá hạn gửi)" if late else "")
        + (
            f"; {number(counts['không phải lập'])} đơn vị không phải lập."
            if counts["không phải lập"]
            else "."
        )
    )


def json_text(statuses: list[UnitStatus]) -> str:
    """One object for scripts: a summary, then every unit with what it misses."""
    counts = Counter(s.state.name.lower() for s in statuses)
    document: dict[str, Any] = {
        "version": JSON_FORMAT_VERSION,
        "ready": all(s.state.value == "sẵn sàng" for s in statuses if s.due),
        "summary": {"units": len(statuses), "due": sum(s.due for s in statuses), **counts},
        "units": [
            {
                "plan": s.plan,
                "unit": s.unit,
                "block": s.block,
                "state": s.state.name.lower(),
                "period": s.period.slug if s.period else None,
                "send_before": s.send_before.isoformat() if s.send_before else None,
                "days_left": s.days_left,
                "late": s.late,
                "missing_quarters": list(s.missing_quarters),
                "reason": s.reason,
                "problems": [p.as_dict() for p in s.problems],
            }
            for s in statuses
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Format name → writer; `cchc status --format` is built from these keys.
FORMATS = {
    "text": lazy("cchc_cli.output.status", "text"),
    "json": lazy("cchc_cli.output.status", "json_text"),
}
