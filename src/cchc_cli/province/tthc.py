"""The one-stop statistics table by field (Biểu số 06/VPCP/KSTT), added up.

`cchc progress import` keeps each quarter's table in the quarter file (``tthc_table``).
A six-month or annual period adds its quarters up column by column the way the figures
carry over: dossiers received from the period before (``ky-truoc``) are the first
quarter's, and the later quarters' are taken out of the total received (they were
counted as pending already); dossiers still pending are the last quarter's. A province
adds its units' tables up field by field. Columns are Biểu 06's, by id, never by
position; a table without one of them is not added up, and said so.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cchc_cli.model.progress import TthcTableRecord
from cchc_cli.tthc.columns import BY_ID, STANDARD_IDS

# How each column of a quarter rolls up over a period.
FIRST = frozenset({"ky-truoc"})
LAST = frozenset({"dang-giai-quyet", "trong-han", "dang-qua-han"})
CARRIED_INTO = {"tiep-nhan": "ky-truoc"}
TITLES = tuple(BY_ID[key].title for key in STANDARD_IDS)


@dataclass(frozen=True)
class TthcTotals:
    """A table by field: each field's counts in the order of ``STANDARD_IDS``."""

    fields: tuple[tuple[str, tuple[int, ...]], ...]
    totals: tuple[int, ...]
    units: int = 1  # how many units' tables it adds up


def field_key(name: str) -> str:
    """A field's name for matching across quarters and units: NFC, case and spaces
    folded ("Hộ tịch", "hộ  Tịch")."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _standard(table: TthcTableRecord) -> list[int] | None:
    """Where each of Biểu 06's columns is in the table, or None when one is missing."""
    keys = [c.key for c in table.columns]
    if any(k not in keys for k in STANDARD_IDS):
        return None
    return [keys.index(k) for k in STANDARD_IDS]


def _rows(table: TthcTableRecord, where: list[int]) -> dict[str, tuple[str, list[int]]]:
    rows: dict[str, tuple[str, list[int]]] = {}
    for entry in table.fields:
        counts = [entry.counts[i] if i < len(entry.counts) else 0 for i in where]
        key = field_key(entry.name)
        if key in rows:  # the same field twice: added up
            name, before = rows[key]
            rows[key] = (name, [a + b for a, b in zip(before, counts, strict=True)])
        else:
            rows[key] = (entry.name, counts)
    return rows


def period_table(tables: Sequence[TthcTableRecord | None]) -> tuple[TthcTotals | None, str]:
    """The period's table from its quarters' (oldest first), or why there is none: a
    quarter without a table, or a table without one of Biểu 06's columns."""
    if not any(t is not None for t in tables):
        return None, ""
    if any(t is None for t in tables):
        return None, "không có bảng thống kê TTHC của mọi quý trong kỳ"
    quarters = []
    for table in tables:
        assert table is not None
        found = _standard(table)
        if found is None:
            return None, "bảng thống kê TTHC thiếu cột của Biểu số 06"
        quarters.append(_rows(table, found))
    names: dict[str, str] = {}
    for rows in quarters:
        for key, (name, _) in rows.items():
            names.setdefault(key, name)
    fields = tuple(
        (
            name,
            tuple(_roll([rows.get(key, (name, [0] * len(STANDARD_IDS)))[1] for rows in quarters])),
        )
        for key, name in names.items()
    )
    return TthcTotals(fields, _column_sums(c for _, c in fields)), ""


def _roll(quarters: list[list[int]]) -> list[int]:
    rolled = []
    for index, key in enumerate(STANDARD_IDS):
        values = [q[index] for q in quarters]
        if key in FIRST:
            rolled.append(values[0])
        elif key in LAST:
            rolled.append(values[-1])
        else:
            total = sum(values)
            if key in CARRIED_INTO:
                carried = STANDARD_IDS.index(CARRIED_INTO[key])
                total -= sum(q[carried] for q in quarters[1:])
            rolled.append(total)
    return rolled


def _column_sums(rows: Iterable[Sequence[int]]) -> tuple[int, ...]:
    sums = [0] * len(STANDARD_IDS)
    for counts in rows:
        sums = [a + b for a, b in zip(sums, counts, strict=True)]
    return tuple(sums)


def add_up(tables: Iterable[TthcTotals]) -> TthcTotals | None:
    """The units' tables added up field by field (fields in the order first met)."""
    names: dict[str, str] = {}
    sums: dict[str, list[int]] = {}
    units = 0
    for table in tables:
        units += table.units
        for name, counts in table.fields:
            key = field_key(name)
            names.setdefault(key, name)
            before = sums.setdefault(key, [0] * len(STANDARD_IDS))
            sums[key] = [a + b for a, b in zip(before, counts, strict=True)]
    if not units:
        return None
    fields = tuple((names[key], tuple(counts)) for key, counts in sums.items())
    return TthcTotals(fields, _column_sums(c for _, c in fields), units)
