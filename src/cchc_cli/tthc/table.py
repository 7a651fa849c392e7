"""A Biểu 06 table read from a spreadsheet: one row per field (lĩnh vực) and the totals.

The table runs from under its header to the first empty row. A row labelled "Tổng cộng"
or "Tổng số" (at the top or the bottom) is the totals row and must equal the sum of the
field rows; without one, cchc adds the rows up. Empty count cells are 0. A provincial
column no plan names is kept when every cell is a count (for a by-field table), else
left out with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_cli.load.spreadsheet import (
    CellAt,
    CellRange,
    Row,
    Sheet,
    Spreadsheet,
    legacy_text_cells,
)
from cchc_cli.problems import Mark, ProblemList
from cchc_cli.tthc.columns import is_total_label
from cchc_cli.tthc.layout import Layout, find_layout, header_start
from cchc_cli.tthc.numbers import Refusal, parse_count
from cchc_cli.tthc.result import Column, FieldRow, TthcTable
from cchc_cli.tthc.spec import ExportSpec
from cchc_cli.tthc.title import read_title
from cchc_cli.vietnamese import number

SUMMED = "Tổng cộng (cộng các dòng)"


def find_table(
    book: Spreadsheet, spec: ExportSpec, path: str, problems: ProblemList
) -> TthcTable | None:
    """The one table of the file; E510 when no sheet has one, E513 when several do."""
    found = [(sheet, start) for sheet in book.sheets if (start := header_start(sheet)) is not None]
    if not found:
        read = ", ".join(f"'{s.name}'" for s in book.sheets if s.name is not None)
        problems.add(
            Mark(0, 0),
            "E510",
            "Không tìm thấy bảng thống kê TTHC (Biểu số 06/VPCP/KSTT): không có dòng tiêu "
            "đề nào có cột 'Lĩnh vực'" + (f" (đã đọc trang {read})." if read else "."),
            "Kiểm tra đã chọn đúng tệp xuất 'Tình hình, kết quả giải quyết TTHC'; nếu bảng "
            "ở trang ẩn, khai báo 'tthc_export.sheet' trong kế hoạch.",
        )
        return None
    if len(found) > 1:
        names = ", ".join(f"'{sheet.name}'" for sheet, _ in found)
        problems.add(
            Mark(0, 0),
            "E513",
            f"Nhiều trang có bảng thống kê: {names}; không biết lấy trang nào.",
            "Khai báo 'tthc_export.sheet' trong kế hoạch, hoặc xóa các trang thừa.",
        )
        return None
    sheet, start = found[0]
    return read_table(sheet, start, spec, path, problems)


def read_table(
    sheet: Sheet, start: int, spec: ExportSpec, path: str, problems: ProblemList
) -> TthcTable:
    """The table whose header starts at ``sheet.rows[start]``."""
    layout = find_layout(sheet, start, spec, problems)
    title = read_title(sheet, sheet.rows[:start], problems)
    body = _Body(sheet, layout, problems)
    body.read()
    columns, rows, totals = body.finish()
    first = layout.header[0]
    return TthcTable(
        path, sheet.name, first.number, first.line, title.unit, title.period, columns, rows, totals
    )


@dataclass
class _Body:
    """The rows under the header, read once; extras judged when all are read."""

    sheet: Sheet
    layout: Layout
    problems: ProblemList
    rows: list[FieldRow] = field(default_factory=list)
    totals: FieldRow | None = None
    hidden: list[int] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    used_extras: set[int] = field(default_factory=set)
    bad_extras: dict[int, tuple[CellAt, Refusal]] = field(default_factory=dict)

    def read(self) -> None:
        expected: int | None = None
        for row in self.sheet.rows[self.layout.data_start :]:
            if expected is not None and row.number != expected:
                break  # an empty row (not kept in the sheet) ends the table
            expected = row.number + 1
            self.take(row)
        self.check_merges()
        if self.hidden:
            shown = ", ".join(str(n) for n in self.hidden[:20])
            more = f" và {len(self.hidden) - 20} dòng khác" if len(self.hidden) > 20 else ""
            self.problems.add(
                Mark(self.hidden[0], 1),
                "W528",
                f"Trang '{self.sheet.name or 'CSV'}': dòng {shown}{more} của bảng đang ẩn; "
                "số liệu của các dòng này vẫn được tính.",
                "Kiểm tra các dòng ẩn có phải là số liệu của kỳ này không.",
            )

    def take(self, row: Row) -> None:
        label = self.label(row)
        if all(row.get(c.index) is None for c in self.layout.columns) and not (
            label and is_total_label(label)
        ):
            if label:
                self.note_skipped(row, label)
            return
        counts = [self.count(row, column) for column in self.layout.columns]
        self.numbers.append(row.number)
        if row.hidden:
            self.hidden.append(row.number)
        if label and is_total_label(label):
            self.take_totals(row, label, counts)
            return
        if not label:
            at = self.sheet.at(row, self.layout.field_column)
            self.problems.add(
                at.mark,
                "W531",
                f"{at.describe(start=True)}: dòng số liệu không ghi tên lĩnh vực.",
                "Ghi tên lĩnh vực cho dòng này; bảng theo lĩnh vực sẽ ghi số dòng thay tên.",
            )
            label = f"(dòng {row.number})"
        self.legacy_name(row)
        self.rows.append(FieldRow(label, row.number, row.line, tuple(counts), row.hidden))

    def take_totals(self, row: Row, label: str, counts: list[int]) -> None:
        if self.totals is not None:
            at = self.sheet.at(row, self.layout.field_column)
            self.problems.add(
                at.mark,
                "E520",
                f"{at.describe(start=True)}: bảng có hai dòng tổng cộng (dòng "
                f"{self.totals.row} và dòng {row.number}).",
                "Xóa một dòng tổng; bảng chỉ có một dòng tổng cộng.",
            )
            return
        self.totals = FieldRow(label, row.number, row.line, tuple(counts), row.hidden)

    def label(self, row: Row) -> str:
        """The field's name; a totals label may sit in the STT cell or a merge over both."""
        for column in (self.layout.field_column, self.layout.number_column):
            value = row.get(column) if column else None
            if isinstance(value, str) and (
                column == self.layout.field_column or is_total_label(value)
            ):
                return " ".join(value.split())
        return ""

    def count(self, row: Row, column: Column) -> int:
        value = row.get(column.index)
        if value is not None and not column.key:
            self.used_extras.add(column.index)
        if type(value) is int and value >= 0:  # most cells: no need to look further
            return value
        parsed = parse_count(value)
        if not isinstance(parsed, Refusal):
            return parsed or 0
        at = self.sheet.at(row, column.index)
        if column.key:
            self.problems.add(
                at.mark,
                parsed.code,
                f"{at.describe(start=True)} (cột '{column.title}'): {parsed.message}.",
                parsed.hint,
            )
        else:
            self.bad_extras.setdefault(column.index, (at, parsed))
        return 0

    def check_merges(self) -> None:
        """A merged range in the table is allowed only over the label cells of one row."""
        numbers = set(self.numbers)
        labels = {self.layout.field_column, self.layout.number_column}
        for merged in self.sheet.merged:
            inside = [n for n in range(merged.first_row, merged.last_row + 1) if n in numbers]
            if not inside or (merged.first_row == merged.last_row and _only(merged, labels)):
                continue
            line = next(r.line for r in self.sheet.rows if r.number == inside[0])
            at = CellAt(self.sheet.name, inside[0], merged.first_column, line)
            self.problems.add(
                at.mark,
                "E514",
                f"{at.describe(start=True)}: ô gộp {merged.ref} nằm trong vùng số liệu; không "
                "biết số liệu thuộc dòng, cột nào.",
                "Bỏ gộp ô (Merge & Center › Unmerge) và ghi số liệu vào từng ô.",
            )

    def note_skipped(self, row: Row, label: str) -> None:
        at = self.sheet.at(row, self.layout.field_column)
        self.problems.add(
            at.mark,
            "W531",
            f"{at.describe(start=True)}: dòng '{label}' không có số liệu nên không được tính.",
            "Nếu đây là một lĩnh vực không có hồ sơ, ghi 0 vào các ô số liệu.",
        )

    def legacy_name(self, row: Row) -> None:
        cell = Row(row.number, row.line, (row.get(self.layout.field_column),))
        for found, _ in legacy_text_cells(Sheet(self.sheet.name, (cell,))):
            at = self.sheet.at(found, self.layout.field_column)
            self.problems.add(
                at.mark,
                "E507",
                f"{at.describe(start=True)}: tên lĩnh vực có vẻ được gõ bằng bảng mã cũ "
                "(TCVN3 hoặc VNI), không phải Unicode.",
                "Chuyển bảng tính sang Unicode dựng sẵn bằng công cụ chuyển mã của Unikey.",
            )

    def finish(self) -> tuple[tuple[Column, ...], tuple[FieldRow, ...], FieldRow]:
        keep = [n for n, c in enumerate(self.layout.columns) if self.keeps(c)]
        sums = {n: sum(row.counts[n] for row in self.rows) for n in keep}
        if self.totals is not None:
            differ = [n for n in keep if self.totals.counts[n] != sums[n]]
            for n in differ:
                if self.totals_differ(self.totals, self.layout.columns[n], sums[n], n):
                    keep.remove(n)
        columns = tuple(self.layout.columns[n] for n in keep)
        rows = tuple(_only_columns(row, keep) for row in self.rows)
        if self.totals is None:
            return columns, rows, FieldRow(SUMMED, 0, 0, tuple(sums[n] for n in keep))
        return columns, rows, _only_columns(self.totals, keep)

    def keeps(self, column: Column) -> bool:
        if column.key:
            return True
        bad = self.bad_extras.get(column.index)
        used = column.index in self.used_extras
        if bad is None:
            if used and column.header:
                self.problems.add(
                    self.sheet.at(self.layout.header[0], column.index).mark,
                    "W529",
                    f"Cột '{column.title}' không thuộc Biểu 06 và không chỉ số nào dùng: giữ "
                    "lại cho bảng theo lĩnh vực, không nhập vào tệp tiến độ.",
                    "Để nhập, đặt mã cho cột trong 'tthc_export.columns' và dùng mã đó ở "
                    "'tthc_column' của một số liệu.",
                )
            return used and bool(column.header)
        at, refusal = bad
        self.problems.add(
            at.mark,
            "W529",
            f"Cột '{column.title}' không thuộc Biểu 06 và có ô không phải số hồ sơ "
            f"({at.describe()}: {refusal.message}): bỏ qua cột này.",
            "Không cần sửa nếu không chỉ số nào dùng cột này.",
        )
        return False

    def totals_differ(self, totals: FieldRow, column: Column, summed: int, n: int) -> bool:
        """E522 for a column the import uses; a provincial extra is left out (True)."""
        at = CellAt(self.sheet.name, totals.row, column.index, totals.line)
        said = (
            f"dòng '{totals.name}' ghi {number(totals.counts[n])} nhưng cộng "
            f"{len(self.rows)} dòng lĩnh vực được {number(summed)}"
        )
        if not column.key:
            self.problems.add(
                at.mark,
                "W529",
                f"Cột '{column.title}' không thuộc Biểu 06 và {said} ({at.describe()}): bỏ "
                "qua cột này.",
                "Không cần sửa nếu không chỉ số nào dùng cột này.",
            )
            return True
        self.problems.add(
            at.mark,
            "E522",
            f"{at.describe(start=True)} (cột '{column.title}'): {said}.",
            "Sửa dòng tổng hoặc số liệu các lĩnh vực; kiểm tra dòng tổng phụ của nhóm lĩnh "
            "vực và dòng bị ẩn.",
        )
        return False


def _only(merged: CellRange, columns: set[int | None]) -> bool:
    return all(c in columns for c in range(merged.first_column, merged.last_column + 1))


def _only_columns(row: FieldRow, keep: list[int]) -> FieldRow:
    return FieldRow(row.name, row.row, row.line, tuple(row.counts[n] for n in keep), row.hidden)
