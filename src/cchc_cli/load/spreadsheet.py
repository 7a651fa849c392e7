"""Spreadsheet bytes → plain cell values with their locations, in bounded time and memory.

Reads what a one-stop system exports: an .xlsx workbook (openpyxl, read-only, formulas
as the values last saved, never evaluated) or a .csv file (UTF-8 with or without BOM).
Anything else is a located problem with what to do, in Vietnamese:

- E501 not a spreadsheet cchc reads (an HTML page, an .ods, a PDF, a broken CSV);
- E502 an Excel 97–2003 .xls (an OLE2 file); E503 a password-protected workbook (an
  OLE2 file holding an "EncryptionInfo" stream, or a zip with encrypted parts);
- E504 a damaged .xlsx (not a zip, a broken zip, parts openpyxl cannot read);
- E505 too large, or packed like a zip bomb (sizes read from the zip directory before
  anything is unpacked: the total, the number of parts and each large part's ratio);
- E506 a DTD or XML entity in a part (Excel never writes one: an XML bomb);
- E507 text not in Unicode UTF-8 (Windows-1258, TCVN3, VNI, UTF-16);
- E508 more rows or cells than an export can have (read stops at the limit);
- E509 no sheet with content; W527 a hidden sheet left unread.

Hidden sheets are not read unless the workbook has no other; hidden rows are read, and
marked so the table reader can name them. Text is NFC. A cell whose formula was saved
without a value (a workbook written by a script) reads as ``Uncomputed``.

Locations: an .xlsx cell is reported at line = its row and column = its column number
(``bieu06.xlsx:7:3`` is cell C7) and its message names sheet and cell ("trang 'Biểu
06', ô C7"); a CSV cell at the line its record starts on and its field number.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import Any

from cchc_cli import vietnamese
from cchc_cli.load.yaml import looks_legacy
from cchc_cli.problems import Mark, ProblemList


@dataclass(frozen=True, slots=True)
class Uncomputed:
    """A formula cell saved without its value: nothing to import, nothing is evaluated."""

    formula: str


CellValue = str | int | float | bool | datetime | date | time | timedelta | Uncomputed | None


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what is read; a Biểu 06 export of a commune is a few dozen rows."""

    max_bytes: int = 20 * 1024 * 1024
    max_unpacked: int = 64 * 1024 * 1024
    max_parts: int = 1_000
    # A part that unpacks past ratio_floor may be at most max_ratio times its packed size:
    # sheets compress 5–30 times, a zip bomb a thousand times.
    max_ratio: int = 100
    ratio_floor: int = 1024 * 1024
    max_rows: int = 10_000
    max_columns: int = 200
    max_cells: int = 400_000
    # A DTD must come before an XML part's root element, within this many bytes.
    prolog_bytes: int = 64 * 1024


LIMITS = Limits()


def column_letter(column: int) -> str:
    """1 → "A", 27 → "AA"."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class CellAt:
    """Where a cell is: sheet and cell for .xlsx, line and field for CSV."""

    sheet: str | None
    row: int
    column: int
    line: int

    @property
    def ref(self) -> str:
        return f"{column_letter(self.column)}{self.row}"

    @property
    def mark(self) -> Mark:
        return Mark(self.line, self.column)

    def describe(self, *, start: bool = False) -> str:
        """How a message names the cell: "trang 'Biểu 06', ô C7" or "dòng 7, cột C"
        ("Trang …", "Dòng …" at the ``start`` of a sentence)."""
        if self.sheet is None:
            text = f"dòng {self.line}, cột {column_letter(self.column)}"
        else:
            text = f"trang '{self.sheet}', ô {self.ref}"
        return text[0].upper() + text[1:] if start else text


@dataclass(frozen=True, slots=True)
class CellRange:
    """A merged range of cells, inclusive."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def ref(self) -> str:
        return (
            f"{column_letter(self.first_column)}{self.first_row}:"
            f"{column_letter(self.last_column)}{self.last_row}"
        )

    def contains(self, row: int, column: int) -> bool:
        return (
            self.first_row <= row <= self.last_row
            and self.first_column <= column <= self.last_column
        )


@dataclass(frozen=True, slots=True)
class Row:
    """One row with content: its number, the line it starts on, its values from column A."""

    number: int
    line: int
    values: tuple[CellValue, ...]
    hidden: bool = False

    def get(self, column: int) -> CellValue:
        return self.values[column - 1] if 1 <= column <= len(self.values) else None


@dataclass(frozen=True)
class Sheet:
    """One sheet's rows with content (empty rows are left out) and merged ranges."""

    name: str | None
    rows: tuple[Row, ...]
    merged: tuple[CellRange, ...] = ()

    def at(self, row: Row, column: int) -> CellAt:
        return CellAt(self.name, row.number, column, row.line)


@dataclass(frozen=True)
class Spreadsheet:
    """The sheets read from one file, in the workbook's order."""

    kind: str  # "xlsx" or "csv"
    sheets: tuple[Sheet, ...]


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_XLSX_ENDINGS = frozenset({".xlsx", ".xlsm", ".xls"})
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_SAVE_AS_XLSX = "Mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng Excel Workbook (.xlsx)."


def read_spreadsheet(
    raw: bytes,
    name: str,
    problems: ProblemList,
    *,
    sheet: str | None = None,
    limits: Limits = LIMITS,
) -> Spreadsheet | None:
    """The sheets of an .xlsx or .csv file; None when a problem prevents reading it.

    ``name`` is the file's name (its ending says CSV); ``sheet`` asks for one sheet by
    name, hidden or not. Problems go to ``problems``, whose path names the file.
    """
    if len(raw) > limits.max_bytes:
        problems.add(
            Mark(0, 0),
            "E505",
            f"Tệp quá lớn ({vietnamese.number(len(raw))} byte; tối đa {vietnamese.number(limits.max_bytes)}).",
            "Tệp thống kê của một đơn vị không lớn như vậy; kiểm tra đã chọn đúng tệp chưa.",
        )
        return None
    ending = PurePath(name).suffix.lower()
    if raw.startswith(_OLE2):
        _ole2(raw, problems)
        return None
    if raw.startswith(_ZIP):
        return _read_xlsx(raw, problems, sheet, limits)
    if ending == ".csv":
        return _read_csv(raw, problems, limits)
    _not_a_spreadsheet(raw, ending, problems)
    return None


def _ole2(raw: bytes, problems: ProblemList) -> None:
    if _ENCRYPTION_INFO in raw:
        problems.add(
            Mark(0, 0),
            "E503",
            "Bảng tính được đặt mật khẩu nên không đọc được.",
            "Mở tệp bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.",
        )
        return
    problems.add(
        Mark(0, 0),
        "E502",
        "Đây là tệp Excel 97–2003 (.xls), cchc không đọc được định dạng cũ này.",
        _SAVE_AS_XLSX,
    )


def _not_a_spreadsheet(raw: bytes, ending: str, problems: ProblemList) -> None:
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        problems.add(
            Mark(0, 0),
            "E504" if ending in _XLSX_ENDINGS else "E501",
            "Tệp là một trang web (HTML) mang đuôi bảng tính, không phải bảng tính Excel.",
            "Hệ thống một cửa đôi khi xuất bảng dạng trang web: " + _SAVE_AS_XLSX,
        )
    elif ending in _XLSX_ENDINGS:
        problems.add(
            Mark(0, 0),
            "E504",
            f"Tệp mang đuôi {ending} nhưng không phải bảng tính Excel (không phải tệp nén zip).",
            "Tệp có thể bị hỏng khi tải về; xuất lại từ Hệ thống một cửa. " + _SAVE_AS_XLSX,
        )
    else:
        problems.add(
            Mark(0, 0),
            "E501",
            f"cchc chỉ đọc bảng tính .xlsx hoặc .csv (tệp này: '{ending or 'không có đuôi'}').",
            _SAVE_AS_XLSX,
        )


# ---------------------------------------------------------------------------- .xlsx


def _read_xlsx(
    raw: bytes, problems: ProblemList, wanted: str | None, limits: Limits
) -> Spreadsheet | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        _damaged(problems, exc)
        return None
    with archive:
        if not _archive_is_safe(archive, problems, limits):
            return None
    workbook = _open_workbook(raw, problems)
    if workbook is None:
        return None
    try:
        chosen = _choose_sheets(workbook.worksheets, wanted, problems)
        if chosen is None:
            return None
        sheets = []
        for worksheet in chosen:
            read = _read_sheet(workbook, worksheet, problems, limits)
            if read is None:
                return None
            sheets.append(read)
    finally:
        workbook.close()
    if not any(s.rows for s in sheets):
        where = ", ".join(f"'{s.name}'" for s in sheets)
        problems.add(
            Mark(0, 0),
            "E509",
            f"Trang {where} không có ô nào có nội dung.",
            "Xuất lại bảng thống kê từ Hệ thống một cửa; kiểm tra đã chọn đúng kỳ và đơn vị.",
        )
        return None
    return Spreadsheet("xlsx", tuple(sheets))


def _damaged(problems: ProblemList, exc: BaseException) -> None:
    problems.add(
        Mark(0, 0),
        "E504",
        f"Tệp .xlsx bị hỏng, không đọc được (chi tiết: {_detail(exc)}).",
        "Xuất lại tệp từ Hệ thống một cửa, hoặc mở bằng Excel rồi lưu lại dạng .xlsx.",
    )


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 160 else text[:159] + "…"


def _archive_is_safe(archive: zipfile.ZipFile, problems: ProblemList, limits: Limits) -> bool:
    """Sizes from the zip directory, then each XML part's prolog, before openpyxl reads.

    Python's zipfile never unpacks more than a part's declared size, so checking the
    declared sizes bounds what openpyxl can be made to unpack.
    """
    parts = archive.infolist()
    names = {info.filename for info in parts}
    if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
        problems.add(
            Mark(0, 0),
            "E501",
            "Đây là bảng tính OpenDocument (.ods), cchc chỉ đọc .xlsx và .csv.",
            "Mở tệp bằng LibreOffice Calc rồi lưu lại dạng Excel 2007–365 (.xlsx).",
        )
        return False
    if len(parts) > limits.max_parts:
        return _bomb(problems, f"tệp nén gồm {vietnamese.number(len(parts))} phần")
    if any(info.flag_bits & 0x1 for info in parts):
        problems.add(
            Mark(0, 0),
            "E503",
            "Các phần của tệp .xlsx được mã hóa bằng mật khẩu nên không đọc được.",
            "Mở tệp bằng Excel, bỏ mật khẩu rồi lưu lại.",
        )
        return False
    total = sum(info.file_size for info in parts)
    if total > limits.max_unpacked:
        return _bomb(
            problems,
            f"giải nén ra {vietnamese.number(total)} byte (tối đa {vietnamese.number(limits.max_unpacked)})",
        )
    for info in parts:
        packed = max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * packed:
            return _bomb(
                problems,
                f"phần '{info.filename}' nén {vietnamese.number(info.file_size // packed)} lần "
                f"({vietnamese.number(info.file_size)} byte từ {vietnamese.number(packed)} byte)",
            )
    if "[Content_Types].xml" not in names:
        _damaged(problems, ValueError("thiếu [Content_Types].xml: không phải sổ làm việc Excel"))
        return False
    return all(
        _prolog_is_safe(archive, info, problems, limits)
        for info in parts
        if info.filename.endswith((".xml", ".rels"))
    )


def _bomb(problems: ProblemList, what: str) -> bool:
    problems.add(
        Mark(0, 0),
        "E505",
        f"Tệp .xlsx có cấu trúc bất thường ({what}); cchc không mở để tránh treo máy.",
        "Một bảng thống kê thật không như vậy; xuất lại tệp từ Hệ thống một cửa.",
    )
    return False


def _prolog_is_safe(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, problems: ProblemList, limits: Limits
) -> bool:
    try:
        with archive.open(info) as stream:
            head = stream.read(limits.prolog_bytes)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
        _damaged(problems, exc)
        return False
    root = _ROOT_START.search(head)
    prolog = head if root is None else head[: root.start()]
    if _DTD.search(prolog) or (root is None and len(head) == limits.prolog_bytes):
        problems.add(
            Mark(0, 0),
            "E506",
            f"Phần '{info.filename}' của tệp .xlsx khai báo DTD hoặc thực thể XML, điều Excel "
            "không bao giờ làm; cchc không đọc để tránh 'bom XML'.",
            "Xuất lại tệp từ Hệ thống một cửa, hoặc mở bằng Excel rồi lưu lại dạng .xlsx.",
        )
        return False
    return True


def _open_workbook(raw: bytes, problems: ProblemList) -> Any:
    from openpyxl.reader.excel import ExcelReader

    # What openpyxl.load_workbook does, keeping hold of the archive to close it when
    # reading fails (load_workbook leaves it open).
    reader = None
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it drops; none matters here.
            warnings.simplefilter("ignore")
            reader = ExcelReader(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
            reader.read()
            return reader.wb
    except Exception as exc:  # a library's every failure, translated once
        if reader is not None:
            reader.archive.close()
        if _is_xml_attack(exc):
            problems.add(
                Mark(0, 0),
                "E506",
                "Tệp .xlsx chứa DTD hoặc thực thể XML; cchc không đọc để tránh 'bom XML'.",
                "Xuất lại tệp từ Hệ thống một cửa.",
            )
        else:
            _damaged(problems, exc)
        return None


def _is_xml_attack(exc: BaseException) -> bool:
    try:
        from defusedxml import DefusedXmlException
    except ImportError:  # pragma: no cover - defusedxml is a dependency
        return False
    return isinstance(exc, DefusedXmlException)


def _choose_sheets(
    worksheets: list[Any], wanted: str | None, problems: ProblemList
) -> list[Any] | None:
    """The sheets to read: the one asked for, else the visible ones (W527 for the
    hidden), else a hidden sheet when it is the workbook's only one."""
    if not worksheets:
        problems.add(
            Mark(0, 0),
            "E509",
            "Sổ làm việc không có trang tính nào.",
            "Xuất lại bảng thống kê từ Hệ thống một cửa.",
        )
        return None
    if wanted is not None:
        key = _nfc(wanted).strip().casefold()
        found = [ws for ws in worksheets if _nfc(ws.title).strip().casefold() == key]
        if not found:
            names = ", ".join(f"'{_nfc(ws.title)}'" for ws in worksheets)
            problems.add(
                Mark(0, 0),
                "E513",
                f"Không có trang '{wanted}' trong tệp (các trang: {names}).",
                "Sửa 'tthc_export.sheet' trong kế hoạch cho đúng tên trang.",
            )
            return None
        return found[:1]
    visible = [ws for ws in worksheets if ws.sheet_state == "visible"]
    if not visible:
        problems.add(
            Mark(0, 0),
            "W527",
            f"Trang '{_nfc(worksheets[0].title)}' đang ẩn; vẫn đọc vì tệp không có trang nào khác.",
        )
        return worksheets[:1]
    for ws in worksheets:
        if ws.sheet_state != "visible":
            problems.add(
                Mark(0, 0),
                "W527",
                f"Trang ẩn '{_nfc(ws.title)}' không được đọc.",
                "Nếu bảng thống kê nằm ở trang đó, khai báo 'tthc_export.sheet' trong kế hoạch.",
            )
    return visible


def _read_sheet(
    workbook: Any, worksheet: Any, problems: ProblemList, limits: Limits
) -> Sheet | None:
    """One sheet in a single streaming pass, stopped at the row and cell limits."""
    name = _nfc(worksheet.title)
    rows: list[Row] = []
    cells = 0
    parser = _sheet_parser(workbook, worksheet)
    try:
        for number, parsed in parser.parse():
            if len(rows) >= limits.max_rows:
                _too_many(problems, name, number, f"quá {vietnamese.number(limits.max_rows)} dòng")
                return None
            values = _row_values(parsed, limits.max_columns)
            cells += len(parsed)
            if cells > limits.max_cells:
                _too_many(problems, name, number, f"quá {vietnamese.number(limits.max_cells)} ô")
                return None
            if any(v is not None for v in values):
                rows.append(Row(number, number, values))
    except Exception as exc:  # a library's every failure, translated once
        if _is_xml_attack(exc):
            _bomb(problems, f"trang '{name}' khai báo thực thể XML")
        else:
            _damaged(problems, exc)
        return None
    finally:
        parser.source.close()
    hidden = _hidden_rows(parser.row_dimensions)
    rows = [Row(r.number, r.line, r.values, True) if r.number in hidden else r for r in rows]
    return Sheet(name, tuple(rows), _merged_ranges(parser.merged_cells))


def _sheet_parser(workbook: Any, worksheet: Any) -> Any:
    """openpyxl's own streaming sheet parser, which (unlike its read-only worksheet) keeps
    merged ranges and row attributes, and marks formulas saved without a value."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class LocatingParser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> Any:
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = Uncomputed("=" + (element.findtext(FORMULA_TAG) or ""))
            return cell

    source = worksheet._get_source()
    return LocatingParser(
        source,
        worksheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )


def _row_values(parsed: list[dict[str, Any]], max_columns: int) -> tuple[CellValue, ...]:
    width = min(max((c["column"] for c in parsed), default=0), max_columns)
    values: list[CellValue] = [None] * width
    for cell in parsed:
        column = cell["column"]
        if column <= width:
            values[column - 1] = _plain(cell["value"])
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _plain(value: Any) -> CellValue:
    if isinstance(value, str):
        value = _nfc(value)
        return value if value.strip() else None
    if isinstance(value, (int, float, datetime, date, time, timedelta, Uncomputed)):
        return value
    if value is None:
        return None
    return _nfc(str(value))  # rich text and the like: their text


def _too_many(problems: ProblemList, sheet: str, row: int, what: str) -> None:
    problems.add(
        Mark(row, 1),
        "E508",
        f"Trang '{sheet}' có {what}; cchc dừng đọc ở dòng {row}.",
        "Bảng thống kê của một đơn vị không dài như vậy; kiểm tra đã chọn đúng tệp và "
        "trang chưa, xóa các dòng thừa phía dưới bảng.",
    )


def _hidden_rows(dimensions: dict[str, dict[str, str]]) -> frozenset[int]:
    return frozenset(
        int(number)
        for number, attributes in dimensions.items()
        if attributes.get("hidden") in ("1", "true") and number.isdigit()
    )


def _merged_ranges(merged: Any) -> tuple[CellRange, ...]:
    if not merged:
        return ()
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    for item in getattr(merged, "mergeCell", ()):
        first_column, first_row, last_column, last_row = range_boundaries(item.ref)
        ranges.append(CellRange(first_row, first_column, last_row, last_column))
    return tuple(ranges)


# ------------------------------------------------------------------------------ CSV

_DELIMITERS = (",", ";", "\t")


def _read_csv(raw: bytes, problems: ProblemList, limits: Limits) -> Spreadsheet | None:
    text = _decode_csv(raw, problems)
    if text is None:
        return None
    delimiter = _delimiter(text)
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for number, record in enumerate(reader, start=1):
            if number > limits.max_rows:
                _too_many(problems, "CSV", line, f"quá {vietnamese.number(limits.max_rows)} dòng")
                return None
            values = _csv_values(record, limits.max_columns)
            if any(v is not None for v in values):
                rows.append(Row(number, line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.add(
            Mark(line, 1),
            "E501",
            f"Tệp CSV hỏng ở dòng {line} (chi tiết: {_detail(exc)}).",
            "Xuất lại tệp từ Hệ thống một cửa, hoặc lưu lại từ Excel dạng CSV UTF-8.",
        )
        return None
    if not rows:
        problems.add(
            Mark(0, 0),
            "E509",
            "Tệp CSV không có ô nào có nội dung.",
            "Xuất lại bảng thống kê từ Hệ thống một cửa.",
        )
        return None
    return Spreadsheet("csv", (Sheet(None, tuple(rows)),))


def _csv_values(record: list[str], max_columns: int) -> tuple[CellValue, ...]:
    values: list[CellValue] = [v if v.strip() else None for v in record[:max_columns]]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _decode_csv(raw: bytes, problems: ProblemList) -> str | None:
    """UTF-8, with or without BOM; anything else is E507 at its first odd byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(
            Mark(1, 1),
            "E507",
            "Tệp CSV được lưu bằng mã UTF-16, cchc chỉ đọc UTF-8.",
            "Trong Excel chọn Lưu thành › 'CSV UTF-8 (phân cách bằng dấu phẩy)'.",
        )
        return None
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = _nfc(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        head = body[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        legacy = looks_legacy(body.decode("latin-1"))
        problems.add(
            Mark(line, column),
            "E507",
            f"Tệp CSV không phải UTF-8: byte 0x{body[exc.start]:02X} ở dòng {line} không hợp lệ"
            + (
                " (có vẻ là bảng mã TCVN3 hoặc VNI)." if legacy else " (có thể là mã Windows-1258)."
            ),
            "Mở tệp bằng Excel rồi Lưu thành › 'CSV UTF-8'; chữ gõ bằng bảng mã cũ thì "
            "chuyển sang Unicode bằng Unikey trước.",
        )
        return None
    for number, line_text in enumerate(text.splitlines(), start=1):
        if looks_legacy(line_text):
            problems.add(
                Mark(number, 1),
                "E507",
                f"Chữ ở dòng {number} có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI), không "
                "phải Unicode.",
                "Chuyển tệp sang Unicode dựng sẵn bằng công cụ chuyển mã của Unikey.",
            )
            return None
    return text


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most fields."""
    sample = "\n".join(text.splitlines()[:30])

    def widest(delimiter: str) -> int:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        return max((len(r) for r in reader), default=0)

    return max(_DELIMITERS, key=widest)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def legacy_text_cells(sheet: Sheet) -> Iterator[tuple[Row, int]]:
    """Cells whose text reads like TCVN3 or VNI typed into Excel with a legacy font."""
    for row in sheet.rows:
        for column, value in enumerate(row.values, start=1):
            if isinstance(value, str) and looks_legacy(value):
                yield row, column
