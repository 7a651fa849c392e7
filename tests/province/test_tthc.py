"""The statistics table by field over a period and over units: carried-over dossiers
counted once, pending ones at the end, columns by id, never by position."""

from __future__ import annotations

from cchc_cli.model.progress import TthcField, TthcTableColumn, TthcTableRecord
from cchc_cli.province.tthc import add_up, period_table
from cchc_cli.tthc.columns import STANDARD_IDS


def _table(rows: dict[str, list[int]], order: tuple[str, ...] = STANDARD_IDS) -> TthcTableRecord:
    # ``rows`` give counts in Biểu 06's order; the table may keep its columns in another.
    where = [STANDARD_IDS.index(key) for key in order]
    return TthcTableRecord(
        source="bieu-06.xlsx",
        columns=[TthcTableColumn(key=key, title=key) for key in order],
        fields=[TthcField(name=name, counts=[c[i] for i in where]) for name, c in rows.items()],
    )


def _counts(
    online: int, direct: int, carried: int, done: tuple[int, int, int], pending: int
) -> list[int]:
    early, on_time, late = done
    received = online + direct + carried
    return [received, online, direct, carried, sum(done), early, on_time, late, pending, pending, 0]


def test_a_quarter_is_its_own_table_whatever_the_column_order() -> None:
    q1 = _counts(60, 30, 10, (40, 45, 5), 10)
    reordered = tuple(reversed(STANDARD_IDS))
    table, note = period_table([_table({"Hộ tịch": q1}, reordered)])
    assert note == "" and table is not None
    assert table.fields == (("Hộ tịch", tuple(q1)),) and table.totals == tuple(q1)


def test_a_year_counts_carried_over_dossiers_once_and_pending_ones_at_its_end() -> None:
    quarters = [
        _counts(60, 30, 10, (40, 45, 5), 10),  # 10 pending carried into the next quarter
        _counts(70, 20, 10, (50, 40, 2), 8),
        _counts(50, 25, 8, (45, 30, 0), 8),
        _counts(40, 40, 8, (50, 30, 3), 5),
    ]
    table, _ = period_table([_table({"Đất đai": q}) for q in quarters])
    assert table is not None
    received, online, direct, carried, resolved, *_, pending, in_time, overdue = table.totals
    assert (online, direct, carried) == (220, 115, 10)
    assert received == online + direct + carried == 345
    assert resolved == 340 and pending == in_time == 5 and overdue == 0
    assert received == resolved + pending  # the equation of Biểu 06 holds for the year


def test_a_period_without_every_quarter_s_table_is_not_added_up() -> None:
    one = _table({"Hộ tịch": _counts(1, 1, 0, (1, 1, 0), 0)})
    assert period_table([None, None]) == (None, "")
    table, note = period_table([one, None])
    assert table is None and "mọi quý" in note
    partial = one.model_copy(update={"columns": one.columns[:-1]})
    table, note = period_table([partial])
    assert table is None and "thiếu cột" in note


def test_units_add_up_by_field_whatever_its_spelling() -> None:
    a, _ = period_table([_table({"Hộ tịch": _counts(5, 5, 0, (4, 4, 0), 2)})])
    b, _ = period_table(
        [
            _table(
                {
                    "hộ  Tịch": _counts(1, 1, 0, (1, 1, 0), 0),
                    "Đất đai": _counts(2, 0, 0, (1, 0, 0), 1),
                }
            )
        ]
    )
    assert a is not None and b is not None
    total = add_up([a, b])
    assert total is not None and total.units == 2
    assert [name for name, _ in total.fields] == ["Hộ tịch", "Đất đai"]
    assert total.fields[0][1][0] == 12 and total.totals[0] == 14
    assert add_up([]) is None
