"""The statistics table by field for a report's period, from its quarters' imports.

A quarter's table is what `cchc progress import` kept in the quarter file. Over several
quarters each column adds up by what it counts: dossiers received, resolved, online…
are flows (summed); "từ kỳ trước" is the opening stock (the first quarter's); the
dossiers still pending are the closing stock (the last quarter's); and "tiếp nhận",
which includes the opening stock, counts it once. A provincial extra column whose
meaning cchc does not know is kept only in a one-quarter table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cchc_cli.model.progress import TthcTableRecord
from cchc_cli.tthc.columns import BY_ID

OPENING = frozenset({"ky-truoc"})
CLOSING = frozenset({"dang-giai-quyet", "trong-han", "dang-qua-han"})
INCLUDES_OPENING = frozenset({"tiep-nhan"})


# Short column titles for a report's table (the export's own are two header rows).
SHORT_TITLES = {
    "tiep-nhan": "Tiếp nhận",
    "truc-tuyen": "Trực tuyến",
    "truc-tiep": "Trực tiếp, bưu chính",
    "ky-truoc": "Kỳ trước chuyển sang",
    "da-giai-quyet": "Đã giải quyết",
    "truoc-han": "Giải quyết trước hạn",
    "dung-han": "Giải quyết đúng hạn",
    "qua-han": "Giải quyết quá hạn",
    "dang-giai-quyet": "Đang giải quyết",
    "trong-han": "Đang giải quyết trong hạn",
    "dang-qua-han": "Đang giải quyết quá hạn",
}


@dataclass(frozen=True)
class TableColumn:
    key: str
    title: str

    @property
    def short(self) -> str:
        """A title short enough for a column of a report's table."""
        return SHORT_TITLES.get(self.key, self.title)


@dataclass(frozen=True)
class TableRow:
    name: str
    counts: tuple[int | None, ...]  # None: the field had no row in some quarter's table


@dataclass(frozen=True)
class PeriodTable:
    """The table by field for the period: columns, one row per field, the totals."""

    columns: tuple[TableColumn, ...]
    rows: tuple[TableRow, ...]
    totals: tuple[int | None, ...]
    start: date | None
    end: date | None


def period_table(
    tables: Sequence[tuple[int, TthcTableRecord | None]],
) -> PeriodTable | None:
    """The period's table from each quarter's (number, table); None when no quarter has
    one. A table is made only from all the period's quarters: with one missing, the
    figures would not be the period's."""
    present = [(q, t) for q, t in tables if t is not None]
    if not present or len(present) < len(tables):
        return None
    several = len(present) > 1
    columns = _columns([t for _, t in present], several)
    names = list(dict.fromkeys(f.name for _, t in present for f in t.fields))
    rows = tuple(
        TableRow(name, tuple(_combined(present, key, name) for key, _ in columns)) for name in names
    )
    totals = tuple(_combined(present, key, None) for key, _ in columns)
    first, last = present[0][1], present[-1][1]
    return PeriodTable(
        tuple(TableColumn(key, title) for key, title in columns),
        rows,
        totals,
        first.period_start,
        last.period_end,
    )


def _columns(tables: list[TthcTableRecord], several: bool) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for table in tables:
        for column in table.columns:
            if column.key in BY_ID or (not several and column.key):
                found.setdefault(column.key, column.title)
    return list(found.items())


def _value(table: TthcTableRecord, key: str, name: str | None) -> int | None:
    keys = [c.key for c in table.columns]
    if key not in keys:
        return None
    index = keys.index(key)
    if name is None:
        return table.totals[index] if index < len(table.totals) else None
    row = next((f for f in table.fields if f.name == name), None)
    if row is None:
        return 0  # a field with no dossier this quarter
    return row.counts[index] if index < len(row.counts) else None


def _combined(present: list[tuple[int, TthcTableRecord]], key: str, name: str | None) -> int | None:
    values = [_value(t, key, name) for _, t in present]
    if any(v is None for v in values):
        return None
    counts = [v for v in values if v is not None]
    if key in OPENING:
        return counts[0]
    if key in CLOSING:
        return counts[-1]
    total = sum(counts)
    if key in INCLUDES_OPENING:
        # Each quarter's received includes what the quarter before left pending: the
        # period counts only the first quarter's.
        carried = [_value(t, "ky-truoc", name) for _, t in present[1:]]
        if any(c is None for c in carried):
            return None
        total -= sum(c for c in carried if c is not None)
    return total
