"""The roll-up from units' digests: totals from summed counts, who is covered, who is
skipped and why, and the ranking by block (its criterion in province/rollup.py)."""

from __future__ import annotations

from datetime import date

from cchc_cli.model.plan import ReportKind
from cchc_cli.periods import Period
from cchc_cli.province.digest import Figures, SharedResult, State, UnitDigest
from cchc_cli.province.rollup import Standing, consolidate
from cchc_cli.report.rows import TaskSummary

YEAR = Period(ReportKind.YEAR, 2024)
SEND = date(2024, 12, 5)


def _shared(code: str, numerator: float, denominator: float, achieved: bool = True) -> SharedResult:
    return SharedResult(
        code, code.upper(), code, "%", numerator, denominator, 100 * numerator / denominator,
        "", "trên 95%", "đạt" if achieved else "chưa đạt", achieved, True, False,
    )  # fmt: skip


def _unit(
    name: str,
    done: int,
    total: int = 10,
    *,
    kind: str = "phường",
    on_time: tuple[float, float] | None = None,
    satisfied: tuple[float, float] | None = None,
    state: State = State.READY,
    programme: str = "nq76",
    filed: date = date(2024, 12, 1),
) -> UnitDigest:
    shared = []
    if on_time:
        shared.append(_shared("tthc-dung-han", *on_time, achieved=on_time[0] / on_time[1] > 0.95))
    if satisfied:
        shared.append(_shared("hai-long", *satisfied))
    figures = Figures(
        TaskSummary(total, done, total - done, 0, 0),
        tuple(shared),
        date(2023, 12, 15),
        date(2024, 12, 14),
    )
    block = "Khối phường" if kind == "phường" else "Khối xã, đặc khu"
    return UnitDigest(
        f"plans/{name}.yaml", f"{kind} {name}", block, state, kind, programme, YEAR, SEND,
        filed_on=filed, figures=figures if state is State.READY else None,
    )  # fmt: skip


def test_totals_are_summed_counts_never_averaged_rates() -> None:
    rollup = consolidate(
        [
            _unit("A", 9, on_time=(990, 1000)),
            _unit("B", 1, 2, on_time=(1, 10)),
        ],
        YEAR,
        date(2024, 12, 1),
    )
    assert (rollup.tasks.done, rollup.tasks.total) == (10, 12)
    (on_time,) = rollup.shared
    assert (on_time.numerator, on_time.denominator) == (991, 1010)
    assert on_time.rate is not None and round(on_time.rate, 4) == round(100 * 991 / 1010, 4)
    assert (on_time.judged, on_time.achieved) == (2, 1)
    assert [line.digest.unit for line in on_time.below] == ["phường B"]


def test_only_units_whose_report_can_be_made_are_counted_and_the_rest_said() -> None:
    digests = [
        _unit("A", 5),
        _unit("B", 5, state=State.INCOMPLETE),
        _unit("C", 5, state=State.INVALID),
        _unit("D", 5, programme="nq30c"),
        UnitDigest("plans/e.yaml", "xã E", "Khối xã, đặc khu", State.SKIPPED, reason="năm 2023"),
    ]
    rollup = consolidate(digests, YEAR, date(2024, 12, 9))
    standing = {line.digest.unit: line.standing for line in rollup.lines}
    assert standing == {
        "phường A": Standing.COVERED,
        "phường B": Standing.INCOMPLETE,
        "phường C": Standing.INVALID,
        "phường D": Standing.SKIPPED,
        "xã E": Standing.SKIPPED,
    }
    assert rollup.due == 3 and len(rollup.covered) == 1 and rollup.tasks.units == 1
    skipped = {line.digest.unit: line.reason for line in rollup.skipped}
    assert "30c" in skipped["phường D"] and skipped["xã E"] == "năm 2023"
    late = {line.digest.unit for line in rollup.missing_or_late}
    assert late == {"phường B", "phường C"}
    assert next(line for line in rollup.lines if line.digest.unit == "phường B").late


def test_a_unit_filed_after_its_send_date_is_counted_and_said_late() -> None:
    rollup = consolidate([_unit("A", 5, filed=date(2024, 12, 6))], YEAR, date(2024, 12, 9))
    (line,) = rollup.lines
    assert line.covered and line.on_time is False and line.late
    assert rollup.missing_or_late == (line,)


def test_ranking_by_block_tasks_first_then_dossiers_then_satisfaction() -> None:
    digests = [
        _unit("A", 8, on_time=(90, 100)),
        _unit("B", 9),  # no dossier figures: after any unit that has them, on a tie
        _unit("C", 8, on_time=(99, 100), satisfied=(8, 10)),
        _unit("D", 8, on_time=(99, 100), satisfied=(9, 10)),
        _unit("E", 8, on_time=(99, 100), satisfied=(9, 10)),
        _unit("F", 10, kind="xã"),
    ]
    rollup = consolidate(digests, YEAR, date(2024, 12, 1))
    phuong, xa = rollup.blocks
    assert [(r.rank, r.line.digest.unit) for r in phuong.ranking] == [
        (1, "phường B"),
        (2, "phường D"),
        (2, "phường E"),  # equal on every criterion: the same rank
        (4, "phường C"),
        (5, "phường A"),
    ]
    assert [r.line.digest.unit for r in phuong.best] == ["phường B", "phường D"]
    assert [r.line.digest.unit for r in phuong.worst] == ["phường A", "phường C"]
    assert [r.rank for r in xa.ranking] == [1] and xa.worst == ()
    ranks = {line.digest.unit: line.rank for line in rollup.lines}
    assert ranks["phường E"] == 2 and ranks["xã F"] == 1
