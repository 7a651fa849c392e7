"""Realistic Biểu 06 exports built with openpyxl (and as CSV), for the import tests.

An export has a title block (parent body, unit, form number, title, period, reporting
unit), two header rows with merged group cells, a row of column numbers, one row per
field (lĩnh vực), a totals row, and a signature block after an empty row. ``PROVINCE``
is a provincial variant: other wording, columns in another order, extra columns,
numbers stored as text with thousands dots, totals at the top.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

# The Biểu 06 count columns, in the circular's order.
IDS = (
    "tiep-nhan",
    "truc-tuyen",
    "truc-tiep",
    "ky-truoc",
    "da-giai-quyet",
    "truoc-han",
    "dung-han",
    "qua-han",
    "dang-giai-quyet",
    "trong-han",
    "dang-qua-han",
)


def figures(*counts: int) -> dict[str, int]:
    """One field's eleven counts from (online, direct, carried, early, on time, late,
    pending overdue), consistent with the four equations."""
    online, direct, carried, early, on_time, late, overdue = counts
    received = online + direct + carried
    resolved = early + on_time + late
    pending = received - resolved
    assert pending >= overdue >= 0, "inconsistent test figures"
    return {
        "tiep-nhan": received,
        "truc-tuyen": online,
        "truc-tiep": direct,
        "ky-truoc": carried,
        "da-giai-quyet": resolved,
        "truoc-han": early,
        "dung-han": on_time,
        "qua-han": late,
        "dang-giai-quyet": pending,
        "trong-han": pending - overdue,
        "dang-qua-han": overdue,
    }


# Totals 1.286 received (18 carried over), 512 online, 1.264 resolved (402 early, 850 on
# time, 12 late):
# the figures of the shipped quý I sample progress file.
FIELDS: tuple[tuple[str, dict[str, int]], ...] = (
    ("Hộ tịch", figures(180, 240, 6, 160, 262, 0, 0)),
    ("Chứng thực", figures(150, 380, 0, 170, 356, 0, 0)),
    ("Đất đai", figures(40, 72, 6, 10, 90, 12, 4)),
    ("Lao động - Thương binh và Xã hội", figures(62, 40, 4, 30, 74, 0, 0)),
    ("Tư pháp", figures(30, 8, 2, 12, 26, 0, 0)),
    ("Xây dựng", figures(50, 16, 0, 20, 42, 0, 0)),
)


def totals(fields: tuple[tuple[str, dict[str, int]], ...] = FIELDS) -> dict[str, int]:
    return {key: sum(f[key] for _, f in fields) for key in IDS}


@dataclass(frozen=True)
class Column:
    """A column of the built table: its header path and how a row's value is made."""

    group: str | None
    label: str
    value: Callable[[dict[str, int]], Any]


def _std(group: str, label: str, key: str) -> Column:
    return Column(group, label, lambda f: f[key])


RECEIVED, RESOLVED, PENDING = (
    "Số hồ sơ nhận giải quyết",
    "Số hồ sơ đã giải quyết",
    "Số hồ sơ đang giải quyết",
)
STANDARD_COLUMNS = (
    _std(RECEIVED, "Tổng số", "tiep-nhan"),
    _std(RECEIVED, "Trực tuyến", "truc-tuyen"),
    _std(RECEIVED, "Trực tiếp, dịch vụ bưu chính", "truc-tiep"),
    _std(RECEIVED, "Từ kỳ trước", "ky-truoc"),
    _std(RESOLVED, "Tổng số", "da-giai-quyet"),
    _std(RESOLVED, "Trước hạn", "truoc-han"),
    _std(RESOLVED, "Đúng hạn", "dung-han"),
    _std(RESOLVED, "Quá hạn", "qua-han"),
    _std(PENDING, "Tổng số", "dang-giai-quyet"),
    _std(PENDING, "Trong hạn", "trong-han"),
    _std(PENDING, "Quá hạn", "dang-qua-han"),
)


def _dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# A province's variant: "tiếp nhận" wording with a line break, columns reordered, the
# BCCI wording, a late-with-apology split, dossiers returned, online payments, a notes
# column of text; figures over 999 stored as text with thousands dots.
PROVINCE_COLUMNS = (
    Column("Số hồ sơ\ntiếp nhận", "Tổng số", lambda f: _dotted(f["tiep-nhan"])),
    Column("Số hồ sơ\ntiếp nhận", "Từ kỳ trước", lambda f: f["ky-truoc"]),
    Column("Số hồ sơ\ntiếp nhận", "Trực tuyến", lambda f: f["truc-tuyen"]),
    Column("Số hồ sơ\ntiếp nhận", "Trực tiếp và qua dịch vụ BCCI", lambda f: f["truc-tiep"]),
    Column("Số hồ sơ đã giải quyết", "Tổng số", lambda f: _dotted(f["da-giai-quyet"])),
    Column("Số hồ sơ đã giải quyết", "Trước hạn", lambda f: f["truoc-han"]),
    Column("Số hồ sơ đã giải quyết", "Đúng hạn", lambda f: f["dung-han"]),
    Column("Số hồ sơ đã giải quyết", "Quá hạn", lambda f: f["qua-han"]),
    Column("Số hồ sơ đã giải quyết", "Quá hạn có thư xin lỗi", lambda f: f["qua-han"]),
    Column("Số hồ sơ đang\ngiải quyết", "Tổng số", lambda f: f["dang-giai-quyet"]),
    Column("Số hồ sơ đang\ngiải quyết", "Trong hạn", lambda f: f["trong-han"]),
    Column("Số hồ sơ đang\ngiải quyết", "Quá hạn", lambda f: f["dang-qua-han"]),
    Column(None, "Hồ sơ trả lại", lambda f: f["truc-tiep"] // 50),
    Column(None, "Thanh toán trực tuyến", lambda f: f["truc-tuyen"] // 2),
    Column(None, "Ghi chú", lambda f: "Đủ" if f["qua-han"] == 0 else "Có trễ hạn"),
)


@dataclass(frozen=True)
class Export:
    """What an export says; ``build_xlsx`` and ``build_csv`` lay it out."""

    parent: str = "ỦY BAN NHÂN DÂN QUẬN KIẾN AN"
    unit: str = "Ủy ban nhân dân phường Phù Liễn"
    period: tuple[date, date] | None = (date(2023, 12, 15), date(2024, 3, 14))
    fields: tuple[tuple[str, dict[str, int]], ...] = FIELDS
    columns: tuple[Column, ...] = STANDARD_COLUMNS
    totals: str | None = "bottom"  # "top", "bottom" or None
    sheet: str = "Biểu 06"
    numbering: bool = True
    extra_sheets: tuple[str, ...] = field(default=())

    @property
    def width(self) -> int:
        return 2 + len(self.columns)


PROVINCE = Export(columns=PROVINCE_COLUMNS, totals="top", sheet="TongHop")


def title_rows(export: Export) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [export.parent, *[None] * 7, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [export.unit.upper(), *[None] * 7, "Độc lập - Tự do - Hạnh phúc"],
        ["Biểu số 06/VPCP/KSTT"],
        [
            "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP "
            "GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
        ],
    ]
    if export.period is not None:
        start, end = export.period
        rows.append([f"Kỳ báo cáo: (Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"])
    rows.append([f"Đơn vị báo cáo: {export.unit}", *[None] * 7, "Đơn vị nhận báo cáo: UBND quận"])
    rows.append(["Đơn vị tính: Số hồ sơ TTHC"])
    return rows


def header_rows(export: Export) -> list[list[Any]]:
    top: list[Any] = ["STT", "Lĩnh vực"]
    bottom: list[Any] = [None, None]
    previous = None
    for column in export.columns:
        if column.group is None:
            top.append(column.label)
            bottom.append(None)
        else:
            top.append(column.group if column.group != previous else None)
            bottom.append(column.label)
        previous = column.group
    return [top, bottom]


def body_rows(export: Export) -> list[list[Any]]:
    rows = [
        [n, name, *[c.value(f) for c in export.columns]]
        for n, (name, f) in enumerate(export.fields, start=1)
    ]
    total = totals(export.fields)
    line: list[Any] = ["Tổng cộng", None]
    for n, column in enumerate(export.columns, start=2):
        values = [row[n] for row in rows]
        summed = all(isinstance(v, int) for v in values)
        line.append(sum(values) if summed else column.value(total))
    if export.totals == "top":
        return [line, *rows]
    if export.totals == "bottom":
        return [*rows, line]
    return rows


def build_xlsx(
    export: Export = Export(), edit: Callable[[Worksheet, dict[str, int]], None] | None = None
) -> bytes:
    """The export as .xlsx bytes; ``edit`` may change the sheet, given where things are
    ({"header": first header row, "first": first table row, "last": last table row})."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = export.sheet
    for number, row in enumerate(title_rows(export), start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(number, column, value)
    header = len(title_rows(export)) + 1
    _header(sheet, export, header)
    first = header + 2 + (1 if export.numbering else 0)
    if export.numbering:
        for column in range(1, export.width + 1):
            sheet.cell(header + 2, column, f"({column})")
    body = body_rows(export)
    for offset, row in enumerate(body):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(first + offset, column, value)
        if row[0] == "Tổng cộng":
            sheet.merge_cells(
                start_row=first + offset, start_column=1, end_row=first + offset, end_column=2
            )
    last = first + len(body) - 1
    sheet.cell(last + 2, 2, "NGƯỜI LẬP BIỂU")
    sheet.cell(last + 2, 10, "THỦ TRƯỞNG ĐƠN VỊ")
    for name in export.extra_sheets:
        book.create_sheet(name).cell(1, 1, "Ghi chú")
    if edit is not None:
        edit(sheet, {"header": header, "first": first, "last": last})
    return save(book)


def _header(sheet: Worksheet, export: Export, header: int) -> None:
    top, bottom = header_rows(export)
    for column, value in enumerate(top, start=1):
        if value is not None:
            sheet.cell(header, column, value)
    for column, value in enumerate(bottom, start=1):
        if value is not None:
            sheet.cell(header + 1, column, value)
    sheet.merge_cells(start_row=header, start_column=1, end_row=header + 1, end_column=1)
    sheet.merge_cells(start_row=header, start_column=2, end_row=header + 1, end_column=2)
    column = 3
    while column <= export.width:
        group = export.columns[column - 3].group
        end = column
        while end + 1 <= export.width and export.columns[end - 2].group == group and group:
            end += 1
        if group is None:
            sheet.merge_cells(
                start_row=header, start_column=column, end_row=header + 1, end_column=column
            )
        elif end > column:
            sheet.merge_cells(start_row=header, start_column=column, end_row=header, end_column=end)
        column = end + 1


def save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_csv(export: Export = Export(), *, delimiter: str = ",", bom: bool = True) -> bytes:
    """The export as CSV: the same rows, no merges (group names in their first column)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in title_rows(export):
        writer.writerow(["" if v is None else v for v in row])
    for row in header_rows(export):
        writer.writerow(["" if v is None else v for v in row])
    if export.numbering:
        writer.writerow([f"({n})" for n in range(1, export.width + 1)])
    for row in body_rows(export):
        writer.writerow(["" if v is None else v for v in row])
    writer.writerow([])
    writer.writerow(["", "NGƯỜI LẬP BIỂU"])
    text = buffer.getvalue()
    return ("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8")


def many_fields(count: int) -> tuple[tuple[str, dict[str, int]], ...]:
    """``count`` fields with varied consistent figures (for the benchmark and limits)."""
    rows = []
    for n in range(count):
        online, direct, carried = n % 37, n % 53 + 1, n % 5
        resolved = (online + direct + carried) * 3 // 4
        early, late = resolved // 3, min(n % 3, resolved - resolved // 3)
        overdue = min(n % 2, online + direct + carried - resolved)
        name = f"Lĩnh vực số {n + 1}"
        rows.append(
            (name, figures(online, direct, carried, early, resolved - early - late, late, overdue))
        )
    return tuple(rows)


def with_fields(export: Export, fields: tuple[tuple[str, dict[str, int]], ...]) -> Export:
    return replace(export, fields=fields)


def replace_part(raw: bytes, name: str, data: bytes) -> bytes:
    """The workbook with one part's bytes replaced (to build what openpyxl never writes)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == name else source.read(info))
    return buffer.getvalue()


def read_part(raw: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return archive.read(name)


SHEET = "xl/worksheets/sheet1.xml"
