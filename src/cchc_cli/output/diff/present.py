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
from cchc_cli.diff.edits import Edit, EditKind, notable
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


def headline(kind: str, item: ItemChange) -> str:
    """ "Thêm nhiệm vụ TTHC-07"; a change names the item, then what changed in it:
    "Nhiệm vụ TTHC-01: sửa vài từ; chuyển từ lĩnh vực “Cải cách thể chế”"."""
    noun = KIND_NAMES[kind]
    notes = change_notes(kind, item)
    if item.status is not Status.CHANGED:
        title = f"{STATUS_WORDS[item.status]} {noun} {item.id}"
    else:
        title = f"{noun[:1].upper()}{noun[1:]} {item.id}"
    return f"{title}: {'; '.join(notes)}" if notes else title


def edit_note(edit: Edit) -> str:
    """ "đổi số 95% → 97%", "sửa chính tả Công → Cổng"; a mark or case change by its kind."""
    if edit.kind in (EditKind.PUNCTUATION, EditKind.CASE) or not (edit.old or edit.new):
        return edit.kind.label
    return f"{edit.kind.label} {edit.old or ABSENT} → {edit.new or ABSENT}"


def reuse_notes(kind: str, item: ItemChange) -> list[str]:
    """What a reviewer following an id must know: it names another item now, or did.

    A kept item whose id is reused was renumbered, and its "đổi mã" note already says
    which id it has now: the notes here only say what the id means in the other plan.
    """
    noun = KIND_NAMES[kind]
    notes = []
    if item.old_id_reuse is not None:
        notes.append(f"mã {item.old_id_reuse.old_spelling} nay dùng cho {noun} khác")
    if item.new_id_reuse is not None:
        reuse = item.new_id_reuse
        became = reuse.old_item_became
        notes.append(
            f"mã {reuse.new_spelling} trước đây dùng cho {noun} "
            + (f"nay mang mã {became}" if became else "đã bỏ")
        )
    return notes


def change_notes(kind: str, item: ItemChange, *, sides_shown: bool = False) -> list[str]:
    """Short notes on an item: how its text changed, moved, renumbered, id reused.

    With ``sides_shown`` (a table with old and new columns and a code column) a move
    and a renumbering are only named: the columns show from what to what.
    """
    notes = []
    if item.status is Status.CHANGED:
        if item.rewording.label:
            notes.append(item.rewording.label)
        notes += list(dict.fromkeys(edit_note(e) for e in notable(item.edits, item.rewording)))
        if item.moved:
            notes.append(
                "chuyển lĩnh vực"
                if sides_shown
                else f"chuyển từ lĩnh vực “{area_title(item.old_area)}” sang “{area_title(item.new_area)}”"
            )
        if item.renamed:
            notes.append("đổi mã" if sides_shown else f"đổi mã {item.old_id} → {item.new_id}")
    return notes + reuse_notes(kind, item)


def shows_text(item: ItemChange) -> bool:
    """Whether the item's text is shown as it stands (not word-marked): an added or
    removed item, or one whose text did not change but whose place or id did."""
    return item.status is not Status.CHANGED or (
        not item.reworded and (bool(item.fields) or item.moved or item.renamed or item.id_reused)
    )


def field_line(change: FieldChange, status: Status = Status.CHANGED) -> str:
    """E.g. "Chỉ tiêu: ≥ 90% → ≥ 95%: nâng"; just the value for an added or removed item."""
    if status is not Status.CHANGED:
        return f"{change.label}: {change.new if status is Status.ADDED else change.old}"
    text = f"{change.label}: {change.old or ABSENT} → {change.new or ABSENT}"
    return f"{text}: {change.trend.value}" if change.trend is not Trend.NONE else text


LONG_FIELD = 80  # characters: past this a field's change is read by its marked words


def marks_words(change: FieldChange) -> bool:
    """Whether a field's change is shown by its marked words (a long text such as the
    reporting rule) rather than as "old → new" (a post, a date, a target)."""
    return bool(change.words) and max(len(change.old or ""), len(change.new or "")) > LONG_FIELD


def line_title(line: LineChange) -> str:
    """ "Thêm căn cứ", "Sửa chỉ tiêu chủ yếu: đổi số 95% → 97%"."""
    title = f"{STATUS_WORDS[line.status]} {LINE_SECTIONS[line.section].lower()}"
    if line.status is not Status.CHANGED:
        return title
    notes = [line.rewording.label] if line.rewording.label else []
    notes += dict.fromkeys(edit_note(e) for e in notable(line.edits, line.rewording))
    return f"{title}: {'; '.join(notes)}" if notes else title


def years_note(diff: PlanDiff) -> str:
    """Why "2024-Q1" and "2025-Q1" are not a change between two yearly plans."""
    if not diff.year_shift:
        return ""
    return (
        f"Thời hạn và các năm nêu trong nhiệm vụ, chỉ số được so theo năm kế hoạch "
        f"({diff.old.years} → {diff.new.years}): cùng một thời điểm của năm kế hoạch "
        f"không tính là thay đổi."
    )
