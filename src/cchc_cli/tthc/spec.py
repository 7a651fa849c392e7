"""What a plan says about reading its unit's export: the sheet, the column map, the feeds."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.model.plan import Plan
from cchc_cli.tthc.columns import BY_ID, normalise_header


@dataclass(frozen=True, slots=True)
class DeclaredColumn:
    """A column of the plan's map (``tthc_export.columns``): an id and its header path."""

    id: str
    header: str
    parts: tuple[str, ...]

    def matches(self, path: tuple[str, ...]) -> bool:
        """The whole header path, or its last parts ("Quá hạn có thư xin lỗi" alone)."""
        size = len(self.parts)
        return 0 < size <= len(path) and path[-size:] == self.parts


@dataclass(frozen=True, slots=True)
class Feed:
    """One count of one indicator and the columns whose totals it takes, added up."""

    indicator: str
    count: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class ExportSpec:
    """The plan's part of an import: sheet, column map and which count each column feeds."""

    sheet: str | None = None
    columns: tuple[DeclaredColumn, ...] = ()
    feeds: tuple[Feed, ...] = ()

    @property
    def wanted(self) -> frozenset[str]:
        """Every column id some count takes its figure from."""
        return frozenset(c for feed in self.feeds for c in feed.columns)

    @classmethod
    def from_plan(cls, plan: Plan) -> ExportSpec:
        export = plan.tthc_export
        declared = tuple(
            DeclaredColumn(c.id, c.header, header_path(c.header))
            for c in (export.columns if export else [])
        )
        feeds = tuple(
            Feed(indicator.id, count.id, tuple(count.tthc_column))
            for indicator in plan.indicators
            for count in indicator.counts
            if count.tthc_column
        )
        return cls(export.sheet if export else None, declared, feeds)


def header_path(text: str) -> tuple[str, ...]:
    """'Nhóm / Cột' as normalised parts; a part left empty is dropped."""
    parts = (normalise_header(part) for part in text.split("/"))
    return tuple(part for part in parts if part)


def known_columns(spec: ExportSpec) -> frozenset[str]:
    """The column ids a count may name: Biểu 06's and those of the plan's map."""
    return frozenset(BY_ID) | {c.id for c in spec.columns}
