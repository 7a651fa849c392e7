"""The title block above the table: the unit that reports and the period it covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from cchc_cli.load.spreadsheet import CellAt, CellValue, Row, Sheet
from cchc_cli.problems import ProblemList
from cchc_cli.tthc.result import ExportPeriod

_DAY = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_PERIOD = re.compile(
    rf"từ\s+(?:ngày\s+)?{_DAY}\s*[,;–-]?\s*đến\s+(?:ngày\s+)?{_DAY}", re.IGNORECASE
)
_REPORTING_UNIT = re.compile(r"đơn\s+vị\s+báo\s+cáo\s*:?\s*(.+)", re.IGNORECASE)
_UNIT_LINE = re.compile(
    r"^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:phường|xã|thị trấn|đặc khu)\b.*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Title:
    """What the title block says, and all its text (to look for the unit's name)."""

    unit: str | None
    period: ExportPeriod | None
    text: str


def read_title(sheet: Sheet, rows: tuple[Row, ...], problems: ProblemList) -> Title:
    """The unit and period printed above the table; an impossible date is E523."""
    reporting = heading = period = None
    lines = []
    for row in rows:
        cells = [(column, _text(v)) for column, v in enumerate(row.values, start=1)]
        cells = [(column, text) for column, text in cells if text]
        line = " ".join(text for _, text in cells)
        lines.append(line)
        reporting = reporting or _reporting_unit(cells)
        heading = heading or _unit_heading(cells)
        found = _PERIOD.search(line) if period is None else None
        if found is not None:
            at = sheet.at(row, _column_of(cells, found.group(0)))
            period = _period(found, at, problems)
    return Title(reporting or heading, period, "\n".join(lines))


def _text(value: CellValue) -> str:
    if isinstance(value, (datetime, date)):
        return f"{value:%d/%m/%Y}"
    return " ".join(str(value).split()) if value is not None else ""


def _reporting_unit(cells: list[tuple[int, str]]) -> str | None:
    """The text after "Đơn vị báo cáo:"."""
    for _, text in cells:
        found = _REPORTING_UNIT.search(text)
        if found:
            return found.group(1).strip()
    return None


def _unit_heading(cells: list[tuple[int, str]]) -> str | None:
    """A heading line naming a commune-level unit: "UBND PHƯỜNG PHÙ LIỄN"."""
    return next((text for _, text in cells if _UNIT_LINE.match(text)), None)


def _column_of(cells: list[tuple[int, str]], found: str) -> int:
    """The cell holding the period, or where it starts (dates may sit in cells of their own)."""
    wanted = found.casefold()
    for column, text in cells:
        if wanted in text.casefold():
            return column
    for column, text in cells:
        if text.casefold().startswith("từ"):
            return column
    return cells[0][0]


def _period(found: re.Match[str], at: CellAt, problems: ProblemList) -> ExportPeriod | None:
    numbers = [int(g) for g in found.groups()]
    try:
        start = date(numbers[2], numbers[1], numbers[0])
        end = date(numbers[5], numbers[4], numbers[3])
    except ValueError:
        problems.add(
            at.mark,
            "E523",
            f"{at.describe(start=True)}: kỳ số liệu '{found.group(0)}' có ngày không có thật.",
            "Xuất lại tệp với đúng kỳ số liệu của quý.",
        )
        return None
    return ExportPeriod(start, end, at)
