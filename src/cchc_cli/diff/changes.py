"""What changed between two plans, as plain values the writers render.

Every value here can be turned the other way round (``reversed``): comparing NEW with OLD
gives exactly the reverse of comparing OLD with NEW, which the property tests check.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from cchc_cli.diff.wording import WordOp, reverse_words
from cchc_cli.model.areas import AREAS, Programme


class Status(enum.StrEnum):
    """Whether an item was added, removed or kept with changes ("thêm", "bỏ", "sửa")."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"

    def reversed(self) -> Status:
        return {
            Status.ADDED: Status.REMOVED,
            Status.REMOVED: Status.ADDED,
            Status.CHANGED: Status.CHANGED,
        }[self]


class Trend(enum.StrEnum):
    """How a target moved: raised (harder to reach), lowered, or changed otherwise."""

    NONE = ""
    RAISED = "nâng"
    LOWERED = "hạ"
    CHANGED = "đổi"

    def reversed(self) -> Trend:
        if self is Trend.RAISED:
            return Trend.LOWERED
        if self is Trend.LOWERED:
            return Trend.RAISED
        return self


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field with its old and new value as shown to a reader (None: absent)."""

    key: str
    label: str
    old: str | None
    new: str | None
    trend: Trend = Trend.NONE

    def reversed(self) -> FieldChange:
        return replace(self, old=self.new, new=self.old, trend=self.trend.reversed())


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A task or indicator added, removed or changed; areas are NQ 76 codes."""

    status: Status
    old_id: str | None
    new_id: str | None
    old_area: str | None
    new_area: str | None
    old_text: str | None
    new_text: str | None
    matched_by: str | None = None
    similarity: float | None = None
    words: tuple[WordOp, ...] = ()
    fields: tuple[FieldChange, ...] = ()

    @property
    def area(self) -> str:
        """The area the change is listed under: where the item is now, or was."""
        return self.new_area or self.old_area or ""

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""

    @property
    def moved(self) -> bool:
        return self.status is Status.CHANGED and self.old_area != self.new_area

    @property
    def reworded(self) -> bool:
        return any(op != "=" for op, _ in self.words)

    @property
    def renamed(self) -> bool:
        return self.status is Status.CHANGED and self.old_id != self.new_id

    def reversed(self) -> ItemChange:
        return ItemChange(
            self.status.reversed(),
            self.new_id,
            self.old_id,
            self.new_area,
            self.old_area,
            self.new_text,
            self.old_text,
            self.matched_by,
            self.similarity,
            reverse_words(self.words),
            tuple(f.reversed() for f in self.fields),
        )


@dataclass(frozen=True, slots=True)
class LineChange:
    """A line of a text list (legal basis, recipient, key target) added or removed."""

    section: str
    status: Status
    text: str

    def reversed(self) -> LineChange:
        return replace(self, status=self.status.reversed())


@dataclass(frozen=True, slots=True)
class PlanSide:
    """How one compared plan is named in the output."""

    path: str
    unit: str
    title: str
    number: str
    years: str
    programme: str


@dataclass(frozen=True)
class PlanDiff:
    """Everything that differs between two plans."""

    old: PlanSide
    new: PlanSide
    general: tuple[FieldChange, ...] = ()
    lines: tuple[LineChange, ...] = ()
    tasks: tuple[ItemChange, ...] = ()
    indicators: tuple[ItemChange, ...] = ()
    year_shift: int = 0

    @property
    def empty(self) -> bool:
        return not (self.general or self.lines or self.tasks or self.indicators)

    @property
    def change_count(self) -> int:
        return len(self.general) + len(self.lines) + len(self.tasks) + len(self.indicators)

    def area_counts(self) -> dict[str, int]:
        """Changed tasks and indicators per NQ 76 area (all areas, in programme order)."""
        counts = dict.fromkeys(AREA_ORDER, 0)
        for item in (*self.tasks, *self.indicators):
            counts[item.area] = counts.get(item.area, 0) + 1
        return counts

    def reversed(self) -> PlanDiff:
        return PlanDiff(
            self.new,
            self.old,
            tuple(f.reversed() for f in self.general),
            tuple(line.reversed() for line in self.lines),
            tuple(t.reversed() for t in self.tasks),
            tuple(i.reversed() for i in self.indicators),
            -self.year_shift,
        )


@dataclass(frozen=True)
class DiffReport:
    """The comparisons of one run: one pair for two files, one per unit for two folders."""

    pairs: tuple[PlanDiff, ...]
    unpaired_old: tuple[str, ...] = field(default=())
    unpaired_new: tuple[str, ...] = field(default=())

    @property
    def differs(self) -> bool:
        return bool(self.unpaired_old or self.unpaired_new) or any(
            not pair.empty for pair in self.pairs
        )


AREA_ORDER = tuple(area.code for area in AREAS[Programme.NQ76])
AREA_TITLES = {area.code: area.title for area in AREAS[Programme.NQ76]}


def area_rank(code: str | None) -> int:
    return AREA_ORDER.index(code) if code in AREA_ORDER else len(AREA_ORDER)
