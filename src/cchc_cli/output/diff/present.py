"""Vietnamese wording shared by every diff writer, so text, Markdown and Word agree."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.diff.changes import (
    AREA_ORDER,
    AREA_TITLES,
    FieldChange,
    ItemChange,
    LineChange,
    PlanDiff,
    Status,
    Trend,
)
from cchc_cli.diff.general import LINE_SECTIONS

GENERAL = "chung"
GENERAL_TITLE = "Thông tin chung"
ABSENT = "(không có)"
KIND_NAMES = {"task": "nhiệm vụ", "indicator": "chỉ số"}
STATUS_WORDS = {Status.ADDED: "Thêm", Status.REMOVED: "Bỏ", Status.CHANGED: "Sửa"}
STATUS_MARKS = {Status.ADDED: "+", Status.REMOVED: "-", Status.CHANGED: "~"}


@dataclass(frozen=True, slots=True)
class AreaRow:
    """One line of the summary table: changes of one area (or of the general part)."""

    code: str
    title: str
    added: int
    removed: int
    changed: int

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed


def area_rows(diff: PlanDiff) -> list[AreaRow]:
    """The general part, then every NQ 76 area in programme order, zeros included."""
    rows = [_row(GENERAL, GENERAL_TITLE, [*diff.general, *diff.lines])]
    items = [*diff.tasks, *diff.indicators]
    for code in AREA_ORDER:
        rows.append(_row(code, AREA_TITLES[code], [i for i in items if i.area == code]))
    return rows


def _row(code: str, title: str, changes: list[FieldChange | LineChange | ItemChange]) -> AreaRow:
    def count(status: Status) -> int:
        return sum(
            (c.status if not isinstance(c, FieldChange) else Status.CHANGED) is status
            for c in changes
        )

    return AreaRow(code, title, count(Status.ADDED), count(Status.REMOVED), count(Status.CHANGED))


def area_title(code: str | None) -> str:
    return AREA_TITLES.get(code or "", code or "")


def numbered_areas(diff: PlanDiff) -> list[tuple[str, str, list[tuple[str, ItemChange]]]]:
    """Areas with changes, each with its title and ("task"/"indicator", change) items."""
    result = []
    for code in AREA_ORDER:
        items = [("task", t) for t in diff.tasks if t.area == code]
        items += [("indicator", i) for i in diff.indicators if i.area == code]
        if items:
            result.append((code, AREA_TITLES[code], items))
    return result


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def headline(kind: str, item: ItemChange) -> str:
    """E.g. "Sửa nhiệm vụ TTHC-01: sửa lời (82%); chuyển từ lĩnh vực Cải cách thể chế"."""
    noun = KIND_NAMES[kind]
    title = f"{STATUS_WORDS[item.status]} {noun} {item.id}"
    notes = change_notes(item)
    return f"{title}: {'; '.join(notes)}" if notes else title


def change_notes(item: ItemChange) -> list[str]:
    """Short notes on a changed item: reworded, moved, renumbered."""
    if item.status is not Status.CHANGED:
        return []
    notes = []
    if item.reworded and item.similarity is not None:
        notes.append(f"sửa lời (giống {percent(item.similarity)})")
    if item.moved:
        notes.append(f"chuyển từ lĩnh vực “{area_title(item.old_area)}”")
    if item.renamed:
        notes.append(f"đổi mã {item.old_id} → {item.new_id}")
    return notes


def field_line(change: FieldChange, status: Status = Status.CHANGED) -> str:
    """E.g. "Chỉ tiêu: ≥ 90% → ≥ 95%: nâng"; just the value for an added or removed item."""
    if status is not Status.CHANGED:
        return f"{change.label}: {change.new if status is Status.ADDED else change.old}"
    text = f"{change.label}: {change.old or ABSENT} → {change.new or ABSENT}"
    return f"{text}: {change.trend.value}" if change.trend is not Trend.NONE else text


def line_title(line: LineChange) -> str:
    return f"{STATUS_WORDS[line.status]} {LINE_SECTIONS[line.section].lower()}"


def years_note(diff: PlanDiff) -> str:
    """Why "2024-Q1" and "2025-Q1" are not a change between two yearly plans."""
    if not diff.year_shift:
        return ""
    return (
        f"Thời hạn và các năm nêu trong nhiệm vụ, chỉ số được so theo năm kế hoạch "
        f"({diff.old.years} → {diff.new.years}): cùng một thời điểm của năm kế hoạch "
        f"không tính là thay đổi."
    )
