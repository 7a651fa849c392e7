"""The plan's indicator counts that an imported table feeds, from its totals row.

Which count takes which column is the plan's word (``tthc_column`` of each count);
nothing about a unit's indicators is known here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.model.plan import Plan
from cchc_cli.problems import Mark, ProblemList
from cchc_cli.tthc.columns import BY_ID
from cchc_cli.tthc.result import TthcTable
from cchc_cli.tthc.spec import ExportSpec, Feed, known_columns


@dataclass(frozen=True, slots=True)
class CountFigure:
    """One count of one indicator, with where in the export it was read."""

    indicator: str
    count: str
    value: int
    source: str


@dataclass(frozen=True)
class Figures:
    """The counts to write, and the plan's order of indicators and of their counts (so a
    count missing from a progress file is inserted where the plan has it)."""

    counts: tuple[CountFigure, ...]
    indicator_order: tuple[str, ...]
    count_order: dict[str, tuple[str, ...]]

    def of(self, indicator: str) -> tuple[CountFigure, ...]:
        return tuple(c for c in self.counts if c.indicator == indicator)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators that get figures, in the plan's order."""
        wanted = {c.indicator for c in self.counts}
        return tuple(i for i in self.indicator_order if i in wanted)


def figures_for(plan: Plan, spec: ExportSpec, table: TthcTable, problems: ProblemList) -> Figures:
    """Each fed count's figure: its columns' totals, added up."""
    if not spec.feeds:
        problems.add(
            Mark(0, 0),
            "E540",
            "Kế hoạch chưa chỉ ra số liệu nào lấy từ bảng thống kê TTHC.",
            "Thêm 'tthc_column' vào các số liệu (counts) của chỉ số, ví dụ "
            "{id: received, label: …, tthc_column: tiep-nhan}.",
        )
    known = known_columns(spec)
    counts = []
    for feed in spec.feeds:
        values = []
        for key in feed.columns:
            value = table.value(table.totals, key)
            if value is None:
                _missing(table, feed, key, key in known, problems)
            else:
                values.append(value)
        if len(values) == len(feed.columns):
            source = _source(table, feed.columns)
            counts.append(CountFigure(feed.indicator, feed.count, sum(values), source))
    return Figures(
        tuple(counts),
        tuple(i.id for i in plan.indicators),
        {i.id: tuple(c.id for c in i.counts) for i in plan.indicators},
    )


def _missing(table: TthcTable, feed: Feed, key: str, known: bool, problems: ProblemList) -> None:
    indicator, count = feed.indicator, feed.count
    if not known:
        problems.add(
            Mark(0, 0),
            "E540",
            f"Số liệu '{count}' của chỉ số {indicator} lấy từ cột '{key}', nhưng đó không phải "
            "cột của Biểu 06 hay cột khai báo trong 'tthc_export.columns'.",
            "Các cột của Biểu 06: " + ", ".join(BY_ID) + ".",
        )
        return
    name = f" ({BY_ID[key].title})" if key in BY_ID else ""
    problems.add(
        Mark(table.header_line, 1),
        "E511",
        f"Tệp không có cột '{key}'{name}, nơi số liệu '{count}' của chỉ số {indicator} lấy số.",
        "Nếu tệp ghi cột này dưới tiêu đề khác, khai báo tiêu đề đó trong "
        "'tthc_export.columns' của kế hoạch.",
    )


def _source(table: TthcTable, keys: tuple[str, ...]) -> str:
    """Where a figure comes from, for the change list: "dòng 'Tổng cộng', ô C20"."""
    cells = [table.at(table.totals, key) for key in keys]
    refs = ", ".join(c.ref for c in cells if c is not None)
    where = f", ô {refs}" if refs else " (cchc cộng các dòng)"
    return f"dòng '{table.totals.name}'{where}"
