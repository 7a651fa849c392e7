"""Workbooks (.xlsx) a clerk or the Sở Nội vụ opens in Excel or LibreOffice Calc.

A sheet is a value: a title block, columns with a kind, rows of plain values and ratios.
The writer gives every sheet the same look (Times New Roman, borders, a frozen header,
A4 landscape), stores numbers as numbers with number formats (shown with the reader's
separators: 1.286 and 95,5% in a Vietnamese Excel), recomputes every percentage by a
formula from its counts, and stores the clerk's text as text, never as a formula.
The same sheets give the same bytes.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from cchc_cli.output.package import repack

Kind = Literal["text", "count", "decimal", "percent"]
FONT = "Times New Roman"
# Number formats by kind: the separators are the reader's own (Vietnamese: 1.286; 95,5%).
FORMATS: dict[str, str] = {
    "text": "@",
    "count": "#,##0",
    "decimal": "#,##0.##",
    "percent": "0.00%",
}
# The first characters that make a spreadsheet treat typed text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_WHEN = datetime(2000, 1, 1)


@dataclass(frozen=True)
class Column:
    """A column: its header, width in characters, and the kind of its values."""

    title: str
    width: float = 12
    kind: Kind = "text"


@dataclass(frozen=True)
class Ratio:
    """A percentage computed in the sheet from two cells of the same row (by column
    index, 0-based): empty where the denominator is 0 or missing."""

    numerator: int
    denominator: int


@dataclass(frozen=True)
class Typed:
    """A number with its own kind, in a column whose rows hold different kinds (an
    indicator's actual: a percentage on one row, a count on the next)."""

    value: float
    kind: Kind


@dataclass(frozen=True)
class Sum:
    """A total computed in the sheet: this column summed over rows of the table, given
    as ranges of 0-based indices into ``Sheet.rows`` (inclusive), e.g. a block's rows
    for its subtotal, or the subtotal rows for the grand total."""

    ranges: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title block above a table, and notes below it."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    title: tuple[str, ...] = ()  # lines above the table; the first is bold
    notes: tuple[str, ...] = ()  # lines below the table
    bold_rows: frozenset[int] = field(default_factory=frozenset)  # e.g. a totals row


def workbook_bytes(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    """The .xlsx bytes of ``sheets``, identical for identical sheets."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write_sheet(book.create_sheet(_sheet_name(sheet.name)), sheet)
    book.properties.title = title
    book.properties.creator = "cchc"
    book.properties.lastModifiedBy = "cchc"
    book.properties.created = book.properties.modified = _WHEN
    # No cached results are stored with the formulas: the reader's program computes
    # them when the file opens.
    book.calculation.fullCalcOnLoad = True
    raw = io.BytesIO()
    # Workbook.save stamps the file "modified" now, whatever the properties say: two runs
    # a second apart gave different bytes. The writer it calls keeps the properties.
    from openpyxl.writer.excel import ExcelWriter

    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return repack(raw.getvalue())


def _sheet_name(name: str) -> str:
    # Excel's rules: at most 31 characters, none of []:*?/\ .
    cleaned = "".join("-" if c in "[]:*?/\\" else c for c in name).strip("'")
    return cleaned[:31] or "Sheet"


def _write_sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = 1
    for number, line in enumerate(sheet.title):
        cell = ws.cell(row=row, column=1)
        _put_text(cell, line)
        cell.font = Font(name=FONT, size=13 if number == 0 else 12, bold=number == 0)
        row += 1
    if sheet.title:
        row += 1
    header_row = row
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=header_row, column=index)
        _put_text(cell, column.title)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
        ws.column_dimensions[get_column_letter(index)].width = column.width
    _fit_height(ws, header_row, [(c.title, c.width) for c in sheet.columns], bold=True)
    # Setting a style object registers it in the workbook (hashing it): once per kind of
    # cell, then the cell's style record is copied. A province's 3,321 rows took 25 s.
    styles: dict[tuple[bool, bool, str, bool], Any] = {}
    for offset, values in enumerate(sheet.rows, start=1):
        at = header_row + offset
        bold = (offset - 1) in sheet.bold_rows
        for index, (column, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            cell = ws.cell(row=at, column=index)
            _put_value(cell, value, column, at, first=header_row + 1)
            text = column.kind == "text" and not isinstance(value, Typed | Ratio | Sum)
            key = (bold, text, cell.number_format, bool(cell.quotePrefix))
            if key in styles:
                cell._style = copy.copy(styles[key])
                continue
            cell.font = Font(name=FONT, size=12, bold=bold)
            cell.border = box
            cell.alignment = Alignment(
                vertical="top", wrap_text=text, horizontal="left" if text else "right"
            )
            styles[key] = copy.copy(cell._style)
        wrapped = [
            (value, column.width)
            for column, value in zip(sheet.columns, values, strict=True)
            if column.kind == "text" and isinstance(value, str)
        ]
        _fit_height(ws, at, wrapped)
    row = header_row + len(sheet.rows) + 2
    for line in sheet.notes:
        cell = ws.cell(row=row, column=1)
        _put_text(cell, line)
        cell.font = Font(name=FONT, size=11, italic=True)
        row += 1
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.8


# Points a line of 12 pt Times New Roman takes, and how many characters fit in a column
# of a given width (Excel's widths count characters of the default font).
LINE_POINTS = 15.0
FILL = 1.2


def _fit_height(ws: Any, row: int, cells: list[tuple[str, float]], *, bold: bool = False) -> None:
    """Give a row the height of its tallest wrapped text: Excel and LibreOffice Calc keep
    a row one line high when the file says nothing, clipping the rest."""
    lines = 1
    for text, width in cells:
        per_line = max(int(width * FILL / (1.1 if bold else 1.0)), 1)
        lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
    if lines > 1:
        ws.row_dimensions[row].height = lines * LINE_POINTS


def _put_value(cell: Any, value: Any, column: Column, row: int, *, first: int = 0) -> None:
    from openpyxl.utils import get_column_letter

    if isinstance(value, Sum):
        letter = get_column_letter(cell.column)
        parts = [
            f"{letter}{first + a}" if a == b else f"{letter}{first + a}:{letter}{first + b}"
            for a, b in value.ranges
        ]
        cell.value = f"=SUM({','.join(parts)})" if parts else 0
        cell.number_format = FORMATS[column.kind if column.kind != "text" else "count"]
        return
    if isinstance(value, Ratio):
        top = f"{get_column_letter(value.numerator + 1)}{row}"
        bottom = f"{get_column_letter(value.denominator + 1)}{row}"
        cell.value = f'=IF(N({bottom})=0,"",{top}/{bottom})'
        cell.number_format = FORMATS["percent"]
        return
    if value is None:
        return
    if isinstance(value, Typed):
        cell.value = value.value / 100 if value.kind == "percent" else value.value
        cell.number_format = FORMATS[value.kind]
        return
    if isinstance(value, bool):
        _put_text(cell, "có" if value else "không")
        return
    if isinstance(value, int | float):
        cell.value = value / 100 if column.kind == "percent" else value
        cell.number_format = FORMATS[column.kind if column.kind != "text" else "decimal"]
        return
    _put_text(cell, str(value))


def _put_text(cell: Any, text: str) -> None:
    """Text stays text: openpyxl would store "=…" as a formula, and a spreadsheet would
    run "+…", "-…" or "@…" typed later into the cell."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
