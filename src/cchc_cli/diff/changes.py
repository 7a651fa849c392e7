"""What changed between two plans, as plain values the writers render.

Every value here can be turned the other way round (``reversed``): comparing NEW with OLD
gives exactly the reverse of comparing OLD with NEW, which the property tests check.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from cchc_cli.diff.edits import Edit, Rewording, TextChange, text_change
from cchc_cli.diff.wording import WordOp, prepare, reverse_words
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


def _reversed_edits(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    return tuple(edit.reversed() for edit in edits)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field with its old and new value as shown to a reader (None: absent).

    When both values are there, ``words`` and ``edits`` say what changed in them
    (``wording.word_changes``, ``edits.Edit``): "05/12/2024" → "05/12/2025" is one
    number, not two long sentences to compare by eye.
    """

    key: str
    label: str
    old: str | None
    new: str | None
    trend: Trend = Trend.NONE
    words: tuple[WordOp, ...] = ()
    edits: tuple[Edit, ...] = ()

    def reversed(self) -> FieldChange:
        return replace(
            self,
            old=self.new,
            new=self.old,
            trend=self.trend.reversed(),
            words=reverse_words(self.words),
            edits=_reversed_edits(self.edits),
        )


def field_change(
    key: str, label: str, old: str | None, new: str | None, trend: Trend = Trend.NONE
) -> FieldChange:
    """A field change with its changed words when the field has a value in both plans."""
    if old is None or new is None:
        return FieldChange(key, label, old, new, trend)
    change = text_change(prepare(old), prepare(new))
    if change is None:
        return FieldChange(key, label, old, new, trend)
    return FieldChange(key, label, old, new, trend, change.words, change.edits)


@dataclass(frozen=True, slots=True)
class IdReuse:
    """One id naming an item in the old plan and another in the new ("mã dùng lại").

    ``old_item_became`` is the new id of the old plan's item (None: it was removed);
    ``new_item_was`` the old id of the new plan's item (None: it was added). Writers say
    "mã BM-02 nay dùng cho nhiệm vụ khác" on the one, "trước đây dùng cho …" on the other.
    """

    old_spelling: str
    new_spelling: str
    old_item_became: str | None
    new_item_was: str | None

    @property
    def id(self) -> str:
        return self.new_spelling

    def reversed(self) -> IdReuse:
        return IdReuse(
            self.new_spelling, self.old_spelling, self.new_item_was, self.old_item_became
        )


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A task or indicator added, removed or changed; areas are NQ 76 codes.

    A changed text has ``words`` (reading order), ``edits`` (one per run of changed
    words, with its kind), ``similarity`` (share of words kept, 0..1) and ``rewording``
    ("sửa vài từ", "viết lại", or none when only numbers, spelling or marks changed).
    ``old_id_reuse`` is set when the item's old id names another item in the new plan,
    ``new_id_reuse`` when its new id named another item in the old plan.
    """

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
    edits: tuple[Edit, ...] = ()
    rewording: Rewording = Rewording.NONE
    old_id_reuse: IdReuse | None = None
    new_id_reuse: IdReuse | None = None

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
        """Renumbered: kept under another id (ids compare without case)."""
        return (
            self.status is Status.CHANGED
            and (self.old_id or "").casefold() != (self.new_id or "").casefold()
        )

    @property
    def rewritten(self) -> bool:
        """Too little kept for word marks to read: show the two versions in full."""
        return self.rewording is Rewording.REWRITTEN

    @property
    def id_reused(self) -> bool:
        return self.old_id_reuse is not None or self.new_id_reuse is not None

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
            _reversed_edits(self.edits),
            self.rewording,
            self.new_id_reuse.reversed() if self.new_id_reuse else None,
            self.old_id_reuse.reversed() if self.old_id_reuse else None,
        )


@dataclass(frozen=True, slots=True)
class LineChange:
    """A line of a text list (legal basis, recipient, key target) added, removed or edited.

    ``text`` is the line as it is now (as it was, when removed). An edited line
    (``Status.CHANGED``) has both texts and, as an item does, ``words``, ``edits``,
    ``similarity`` and ``rewording``: "95% → 97%" in a key target is one changed line.
    """

    section: str
    status: Status
    text: str
    old_text: str | None = None
    new_text: str | None = None
    similarity: float | None = None
    words: tuple[WordOp, ...] = ()
    edits: tuple[Edit, ...] = ()
    rewording: Rewording = Rewording.NONE

    @property
    def rewritten(self) -> bool:
        return self.rewording is Rewording.REWRITTEN

    def reversed(self) -> LineChange:
        return LineChange(
            self.section,
            self.status.reversed(),
            self.old_text if self.status is Status.CHANGED and self.old_text else self.text,
            self.new_text,
            self.old_text,
            self.similarity,
            reverse_words(self.words),
            _reversed_edits(self.edits),
            self.rewording,
        )


def edited_line(section: str, old: str, new: str, change: TextChange) -> LineChange:
    """A line of ``section`` edited from ``old`` to ``new``."""
    return LineChange(
        section,
        Status.CHANGED,
        new,
        old,
        new,
        change.similarity,
        change.words,
        change.edits,
        change.rewording,
    )


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
