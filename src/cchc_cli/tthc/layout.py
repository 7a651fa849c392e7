"""Where the table is in a sheet: its header rows, and what each column is.

The header starts at the row naming the "Lĩnh vực" column; the rows under it that hold
only text are more header rows (two in Biểu 06: the group, then the column). Merged
group cells are spread over the columns they cover; in a CSV, or a sheet where the group
is only centred across its columns, a group cell left empty takes the group on its left.
A row of column numbers ("(1)", "(2)", … or "A", "B", 1, 2, …) under the header is skipped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from cchc_cli.load.spreadsheet import CellValue, Row, Sheet, legacy_text_cells
from cchc_cli.problems import ProblemList
from cchc_cli.tthc.columns import (
    is_field_header,
    is_number_header,
    is_total_label,
    normalise_header,
    standard_column,
)
from cchc_cli.tthc.numbers import parse_count
from cchc_cli.tthc.result import Column
from cchc_cli.tthc.spec import ExportSpec

MAX_TITLE_ROWS = 40
MAX_HEADER_ROWS = 4
# STT and Lĩnh vực come first; a totals label sits in one of them.
_LABEL_COLUMNS = 2
_NUMBERING = re.compile(r"\(?\s*([A-Za-z]|\d{1,3})\s*\)?")


@dataclass(frozen=True)
class Layout:
    """The header rows, the label columns and the count columns of a table."""

    header: tuple[Row, ...]
    data_start: int
    field_column: int
    number_column: int | None
    columns: tuple[Column, ...]


def header_start(sheet: Sheet) -> int | None:
    """The index (in ``sheet.rows``) of the row naming the "Lĩnh vực" column."""
    for index, row in enumerate(sheet.rows[:MAX_TITLE_ROWS]):
        if any(isinstance(v, str) and is_field_header(normalise_header(v)) for v in row.values):
            return index
    return None


def find_layout(sheet: Sheet, start: int, spec: ExportSpec, problems: ProblemList) -> Layout:
    """The table's layout from its header, which starts at ``sheet.rows[start]``."""
    header = _header_rows(sheet, start)
    data_start = start + len(header)
    if data_start < len(sheet.rows) and _is_numbering(sheet.rows[data_start]):
        data_start += 1
    paths = _header_paths(sheet, header)
    _legacy_headers(sheet, header, problems)
    field_column = number_column = None
    columns: list[Column] = []
    for index, path in enumerate(paths, start=1):
        parts = tuple(normalise_header(p) for p in path)
        if field_column is None and parts and is_field_header(parts[0]):
            field_column = index
        elif number_column is None and len(parts) == 1 and is_number_header(parts[0]):
            number_column = index
        else:
            columns.append(Column(_key(parts, spec), path, index))
    first = header[0]
    _duplicates(sheet, first, columns, problems)
    return Layout(tuple(header), data_start, field_column or 1, number_column, tuple(columns))


def _header_rows(sheet: Sheet, start: int) -> list[Row]:
    rows = [sheet.rows[start]]
    for row in sheet.rows[start + 1 : start + MAX_HEADER_ROWS]:
        if row.number != rows[-1].number + 1 or _is_numbering(row) or not _is_header(row):
            break
        rows.append(row)
    return rows


def _is_header(row: Row) -> bool:
    """Only text, none of it a count, and no totals label before the count columns
    ("Tổng số" under a group is a header; "Tổng cộng" in column A or B is a row)."""
    return all(
        isinstance(v, str)
        and not isinstance(parse_count(v), int)
        and not (column <= _LABEL_COLUMNS and is_total_label(v))
        for column, v in enumerate(row.values, start=1)
        if v is not None
    )


def _is_numbering(row: Row) -> bool:
    """A row of column numbers: "(1) (2) (3)…" or "A B 1 2 3…", the numbers increasing."""
    values = [v for v in row.values if v is not None]
    if len(values) < 3:
        return False
    numbers: list[int] = []
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            numbers.append(value)
            continue
        match = _NUMBERING.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            return False
        if match.group(1).isdigit():
            numbers.append(int(match.group(1)))
    return len(numbers) >= 3 and all(b > a for a, b in itertools.pairwise(numbers))


def _header_paths(sheet: Sheet, header: list[Row]) -> list[tuple[str, ...]]:
    """Each column's header texts, top down, merged cells spread over their range."""
    numbers = [row.number for row in header]
    merged = [m for m in sheet.merged if m.first_row in numbers]
    width = max([len(row.values) for row in header] + [m.last_column for m in merged])
    grid: list[list[str | None]] = [
        [_text(row.get(column)) for column in range(1, width + 1)] for row in header
    ]
    covered = [[False] * width for _ in header]
    for m in merged:
        value = grid[numbers.index(m.first_row)][m.first_column - 1]
        for r, number in enumerate(numbers):
            if m.first_row <= number <= m.last_row:
                for column in range(m.first_column, m.last_column + 1):
                    grid[r][column - 1] = value
                    covered[r][column - 1] = True
    _spread_groups(grid, covered)
    paths = []
    for column in range(width):
        parts: list[str] = []
        for line in grid:
            text = line[column]
            if text and (not parts or text != parts[-1]):
                parts.append(text)
        paths.append(tuple(parts))
    return paths


def _spread_groups(grid: list[list[str | None]], covered: list[list[bool]]) -> None:
    """A group cell left empty over a labelled column takes the group on its left."""
    for r in range(len(grid) - 1):
        line = grid[r]
        for column in range(1, len(line)):
            left = line[column - 1]
            if line[column] is not None or covered[r][column] or left is None:
                continue
            key = normalise_header(left)
            if is_field_header(key) or is_number_header(key):
                continue
            if any(grid[below][column] for below in range(r + 1, len(grid))):
                line[column] = left


def _text(value: CellValue) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _key(parts: tuple[str, ...], spec: ExportSpec) -> str:
    """The plan's map first (it may rename a standard column), then Biểu 06's names."""
    for declared in spec.columns:
        if declared.matches(parts):
            return declared.id
    found = standard_column(parts)
    return found.id if found else ""


def _duplicates(sheet: Sheet, first: Row, columns: list[Column], problems: ProblemList) -> None:
    seen: dict[str, Column] = {}
    for column in columns:
        if not column.key:
            continue
        earlier = seen.setdefault(column.key, column)
        if earlier is column:
            continue
        at = sheet.at(first, column.index)
        problems.add(
            at.mark,
            "E512",
            f"{at.describe(start=True)}: hai cột cùng được hiểu là cột '{column.key}': "
            f"'{earlier.title}' và '{column.title}'.",
            "Khai báo tiêu đề đúng của từng cột trong 'tthc_export.columns' của kế hoạch.",
        )


def _legacy_headers(sheet: Sheet, header: list[Row], problems: ProblemList) -> None:
    for row, column in legacy_text_cells(Sheet(sheet.name, tuple(header))):
        at = sheet.at(row, column)
        problems.add(
            at.mark,
            "E507",
            f"{at.describe(start=True)}: tiêu đề có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI), không "
            "phải Unicode.",
            "Chuyển bảng tính sang Unicode dựng sẵn bằng công cụ chuyển mã của Unikey.",
        )
        return
