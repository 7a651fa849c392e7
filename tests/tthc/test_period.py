"""The TTHC table by field over a report's period: flows add up, stocks do not."""

from __future__ import annotations

from datetime import date

from cchc_cli.model.progress import TthcField, TthcTableColumn, TthcTableRecord
from cchc_cli.tthc.period import period_table

KEYS = ("tiep-nhan", "truc-tuyen", "truc-tiep", "ky-truoc", "da-giai-quyet", "dang-giai-quyet")


def table(
    fields: dict[str, tuple[int, ...]], start: date, end: date, extra: bool = False
) -> TthcTableRecord:
    keys = (*KEYS, "thanh-toan") if extra else KEYS
    columns = [TthcTableColumn(key=k, title=k) for k in keys]
    rows = [TthcField(name=n, counts=list(c) + ([5] if extra else [])) for n, c in fields.items()]
    totals = [sum(r.counts[i] for r in rows) for i in range(len(keys))]
    return TthcTableRecord(
        source="x.xlsx",
        period_start=start,
        period_end=end,
        columns=columns,
        fields=rows,
        totals=totals,
    )


# received = online + direct + carried; received = resolved + pending
Q1 = table({"Hộ tịch": (100, 40, 50, 10, 90, 10), "Đất đai": (20, 5, 15, 0, 20, 0)},
           date(2023, 12, 15), date(2024, 3, 14), extra=True)  # fmt: skip
Q2 = table({"Hộ tịch": (120, 60, 50, 10, 115, 5), "Tư pháp": (7, 7, 0, 0, 7, 0)},
           date(2024, 3, 15), date(2024, 6, 14))  # fmt: skip


def test_one_quarter_is_its_own_table_extras_kept() -> None:
    found = period_table([(1, Q1)])
    assert found is not None
    assert [c.key for c in found.columns] == [*KEYS, "thanh-toan"]
    assert found.rows[0].counts == (100, 40, 50, 10, 90, 10, 5)
    assert found.start == date(2023, 12, 15) and found.end == date(2024, 3, 14)


def test_six_months_count_the_carried_dossiers_once_and_the_pending_at_the_end() -> None:
    found = period_table([(1, Q1), (2, Q2)])
    assert found is not None
    assert [c.key for c in found.columns] == list(KEYS)  # an unknown extra is not added up
    by_name = {r.name: r.counts for r in found.rows}
    # Hộ tịch: received 100 + 120 - 10 (Q2's carried, already in Q1's pending) = 210;
    # carried in = Q1's 10; resolved 90 + 115; pending = Q2's 5.
    assert by_name["Hộ tịch"] == (210, 100, 100, 10, 205, 5)
    assert by_name["Đất đai"] == (20, 5, 15, 0, 20, 0)  # no row in quý II: nothing then
    assert by_name["Tư pháp"] == (7, 7, 0, 0, 7, 0)
    assert found.totals == (237, 112, 115, 10, 232, 5)
    for counts in (*by_name.values(), found.totals):
        received, online, direct, carried, resolved, pending = counts
        assert received == online + direct + carried == resolved + pending


def test_a_quarter_without_an_import_gives_no_period_table() -> None:
    assert period_table([(1, Q1), (2, None)]) is None
    assert period_table([(1, None)]) is None
