"""The imported table as values: columns, one row per field (lĩnh vực), totals, period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from cchc_cli.load.spreadsheet import CellAt, column_letter
from cchc_cli.tthc.columns import BY_ID


@dataclass(frozen=True, slots=True)
class Column:
    """A count column of the export ("cột số liệu").

    ``key`` is a Biểu 06 id (tiep-nhan, …), an id of the plan's column map, or "" for
    a provincial extra no plan names; ``header`` is its header cells as printed, top down.
    """

    key: str
    header: tuple[str, ...]
    index: int

    @property
    def title(self) -> str:
        """The header as one line: "Số hồ sơ đã giải quyết / Quá hạn"."""
        return " / ".join(self.header) or f"Cột {column_letter(self.index)}"

    @property
    def standard(self) -> bool:
        return self.key in BY_ID


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One row of figures: a field ("lĩnh vực"), or the totals ("tổng cộng").

    ``counts`` follow the table's columns. A totals row summed by cchc (the export had
    none) has ``row`` 0.
    """

    name: str
    row: int
    line: int
    counts: tuple[int, ...]
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class ExportPeriod:
    """The period printed above the table: "Từ ngày … đến ngày …"."""

    start: date
    end: date
    at: CellAt

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


@dataclass(frozen=True)
class TthcTable:
    """A Biểu 06 table read from one sheet of one file."""

    path: str
    sheet: str | None
    header_row: int
    header_line: int
    unit: str | None
    period: ExportPeriod | None
    columns: tuple[Column, ...]
    rows: tuple[FieldRow, ...]
    totals: FieldRow

    @property
    def totals_printed(self) -> bool:
        """Whether the export had a totals row (else cchc added the rows up)."""
        return self.totals.row != 0

    @cached_property
    def _positions(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for n, column in enumerate(self.columns):
            if column.key:
                found.setdefault(column.key, n)
        return found

    def position(self, key: str) -> int | None:
        """Where the column ``key`` is among ``columns``."""
        return self._positions.get(key)

    def value(self, row: FieldRow, key: str) -> int | None:
        position = self.position(key)
        return None if position is None else row.counts[position]

    def at(self, row: FieldRow, key: str) -> CellAt | None:
        """The cell of ``row`` under column ``key``; None for a summed totals row."""
        position = self.position(key)
        if position is None or row.row == 0:
            return None
        return CellAt(self.sheet, row.row, self.columns[position].index, row.line)

    def header_at(self, column: Column) -> CellAt:
        return CellAt(self.sheet, self.header_row, column.index, self.header_line)
