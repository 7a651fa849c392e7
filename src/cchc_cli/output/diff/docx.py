"""The diff as a Word change table in the official layout, for a clerk to attach.

Set out as an appendix (Nghị định 30/2020, Phụ lục I): "Phụ lục", the title in upper
case, an italic "(Kèm theo …)" line, then a summary table and one change table per reform
area, landscape for the width. Removed words are struck through, added words underlined.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cchc_cli.diff.changes import DiffReport, ItemChange, PlanDiff, Status
from cchc_cli.diff.wording import WordOp
from cchc_cli.output.diff.present import (
    ABSENT,
    GENERAL_TITLE,
    KIND_NAMES,
    STATUS_WORDS,
    area_rows,
    area_title,
    change_notes,
    line_title,
    marks_words,
    numbered_areas,
    years_note,
)
from cchc_cli.vietnamese import roman


def _marked(ops: tuple[WordOp, ...], keep: str) -> list[Any]:
    """One side of changed words as runs: the kept words and those of side ``keep``
    ("-" the old text, removed words struck through; "+" the new, added underlined)."""
    from cchc_cli.report.markup import Run

    runs: list[Any] = []
    for op, words in ops:
        if op not in ("=", keep):
            continue
        if runs and words.startswith(" "):
            runs.append(Run(" "))
        runs.append(Run(words.lstrip(" "), extra=_MARKS.get(op, {})))
    return runs


def _both(ops: tuple[WordOp, ...]) -> list[Any]:
    """The changed words in reading order: removed struck through, added underlined."""
    from cchc_cli.report.markup import Run

    runs = []
    for index, (op, words) in enumerate(ops):
        if words.startswith(" ") and index:
            runs.append(Run(" "))
        runs.append(Run(words.lstrip(" "), extra=_MARKS.get(op, {})))
    return runs


_MARKS = {"-": {"strike": True}, "+": {"underline": True}}


def _apply_extra(table: Any, rows: list[list[Any]]) -> None:
    """Strike and underline the runs that ask for it (the layout sets bold/italic only)."""
    for number, row in enumerate(rows, start=1):
        cells = table.rows[number].cells
        for column, runs in enumerate(row):
            if isinstance(runs, str):
                continue
            # With an STT column first, the row's values start at the table's second cell.
            offset = len(cells) - len(row)
            paragraph_runs = [r for p in cells[column + offset].paragraphs for r in p.runs]
            for piece, run in zip(runs, paragraph_runs, strict=False):
                run.font.strike = bool(piece.extra.get("strike"))
                run.font.underline = bool(piece.extra.get("underline"))


def _change_word(kind: str, item: ItemChange) -> str:
    word = f"{STATUS_WORDS[item.status]} {KIND_NAMES[kind]}"
    notes = change_notes(kind, item, sides_shown=True)
    return word + ("\n" + "\n".join(notes) if notes else "")


def _fields(item: ItemChange, side: str) -> str:
    # What stood before and stands after: the area of a move, a rewritten text in full,
    # then each changed field (a renumbering shows in the code column).
    shown = []
    if item.moved:
        shown.append(f"Lĩnh vực: {area_title(item.old_area if side == 'old' else item.new_area)}")
    if item.rewritten and side == "old":
        shown.append(f"Nội dung: {item.old_text}")
    for change in item.fields:
        value = change.old if side == "old" else change.new
        if value is not None:
            note = f" ({change.trend.value})" if side == "new" and change.trend.value else ""
            shown.append(f"{change.label}: {value}{note}")
    return "\n".join(shown)


def _content(item: ItemChange) -> Any:
    from cchc_cli.report.markup import Run

    if item.status is Status.CHANGED and item.reworded and not item.rewritten:
        return _both(item.words)
    return [Run(item.new_text or item.old_text or "")]


# Landscape A4 between the decree's margins, less the STT column: as wide as the
# count and general tables.
_TABLE_CM = 24.0
_CM_PER_CHAR = 0.27  # an upper-case letter or dash in Times New Roman 12 pt, measured


def _area_table(doc: Any, items: list[tuple[str, ItemChange]], code_cm: float) -> None:
    from cchc_cli.output.docx.layout import Column, add_table

    side = 4.4
    columns = [
        Column("Mã", code_cm, "center"),
        Column("Nội dung", _TABLE_CM - code_cm - 3.6 - 2 * side, "justify"),
        Column("Thay đổi", 3.6),
        Column("Kế hoạch cũ", side),
        Column("Kế hoạch mới", side),
    ]
    rows: list[list[Any]] = []
    for kind, item in items:
        code = item.id if not item.renamed else f"{item.old_id} →\n{item.new_id}"
        rows.append(
            [
                code,
                _content(item),
                _change_word(kind, item),
                _fields(item, "old"),
                _fields(item, "new"),
            ]
        )
    table = add_table(doc, columns, rows, stt=True, size=12)
    _apply_extra(table, rows)


def _code_width(diff: PlanDiff) -> float:
    """Wide enough for the plans' longest code on one line (TTHC-DUNG-HAN)."""
    codes = [i.old_id or "" for i in (*diff.tasks, *diff.indicators)]
    codes += [i.new_id or "" for i in (*diff.tasks, *diff.indicators)]
    longest = max((len(c) for c in codes), default=4)
    return round(max(2.0, longest * _CM_PER_CHAR + 0.6), 2)  # + cell padding


def _summary(doc: Any, diff: PlanDiff) -> None:
    from cchc_cli.output.docx.layout import Column, add_table

    columns = [
        Column("Lĩnh vực", 14.4),
        Column("Thêm", 2.4, "center"),
        Column("Bỏ", 2.4, "center"),
        Column("Sửa", 2.4, "center"),
        Column("Cộng", 2.4, "center"),
    ]
    rows = [
        [r.title, str(r.added), str(r.removed), str(r.changed), str(r.total)]
        for r in area_rows(diff)
    ]
    add_table(doc, columns, rows, stt=True, size=12)


def _general(doc: Any, diff: PlanDiff) -> None:
    from cchc_cli.output.docx.layout import Column, add_table

    columns = [Column("Nội dung", 6.0), Column("Kế hoạch cũ", 9.0), Column("Kế hoạch mới", 9.0)]
    rows: list[list[Any]] = []
    for f in diff.general:
        if marks_words(f):
            rows.append([f.label, _marked(f.words, "-"), _marked(f.words, "+")])
        else:
            rows.append([f.label, f.old or ABSENT, f.new or ABSENT])
    for line in diff.lines:
        title = line_title(line)
        if line.status is Status.CHANGED and not line.rewritten:
            rows.append([title, _marked(line.words, "-"), _marked(line.words, "+")])
        elif line.status is Status.CHANGED:
            rows.append([title, line.old_text or "", line.new_text or ""])
        else:
            removed = line.status is Status.REMOVED
            old, new = (line.text, ABSENT) if removed else (ABSENT, line.text)
            rows.append([title, old, new])
    table = add_table(doc, columns, rows, stt=True, size=12)
    _apply_extra(table, rows)


def _pair(doc: Any, diff: PlanDiff) -> None:
    from cchc_cli.output.docx.layout import add_body_paragraph, add_heading
    from cchc_cli.output.docx.ooxml import add_text

    add_text(doc, "Phụ lục", bold=True, align="center", after_pt=0)
    add_text(doc, _title(diff), bold=True, align="center", after_pt=0)
    add_text(
        doc,
        f"(Kèm theo văn bản số       ngày      tháng      năm       của {diff.new.unit})",
        italic=True,
        align="center",
        after_pt=12,
    )
    for label, side in (("Kế hoạch cũ", diff.old), ("Kế hoạch mới", diff.new)):
        add_body_paragraph(doc, f"{label}: {side.title}, số {side.number}.")
    if note := years_note(diff):
        add_body_paragraph(doc, note, italic=True)
    if diff.empty:
        add_body_paragraph(doc, "Không có thay đổi.")
        return
    add_heading(doc, "I. SỐ THAY ĐỔI THEO LĨNH VỰC")
    _summary(doc, diff)
    add_body_paragraph(doc, f"Tổng cộng: {diff.change_count} thay đổi.", before_pt=6, after_pt=12)
    number = 1
    if diff.general or diff.lines:
        number += 1
        add_heading(doc, f"{_roman(number)}. {GENERAL_TITLE.upper()}")
        _general(doc, diff)
        add_text(doc, "", size=6, after_pt=0)
    code_cm = _code_width(diff)
    for _code, area, items in numbered_areas(diff):
        number += 1
        add_heading(doc, f"{_roman(number)}. {area.upper()}")
        _area_table(doc, items, code_cm)
        add_text(doc, "", size=6, after_pt=0)


def _roman(number: int) -> str:
    return roman(number)


def _title(diff: PlanDiff) -> str:
    if diff.old.years == diff.new.years:
        return f"SO SÁNH HAI PHIÊN BẢN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {diff.new.years}"
    return f"SO SÁNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {diff.old.years} VÀ NĂM {diff.new.years}"


def render_docx(report: DiffReport) -> bytes:
    """The .docx bytes: one appendix per compared pair, then the unpaired plans."""
    from cchc_cli.output.docx.layout import (
        add_body_paragraph,
        add_heading,
        new_document,
        start_appendix_section,
    )
    from cchc_cli.output.docx.ooxml import save_bytes, set_page

    doc = new_document()
    set_page(doc.sections[0], landscape=True)
    for index, pair in enumerate(report.pairs):
        if index:
            start_appendix_section(doc, landscape=True)
        _pair(doc, pair)
    unpaired = [("cũ", n) for n in report.unpaired_old] + [("mới", n) for n in report.unpaired_new]
    if unpaired:
        add_heading(doc, "Kế hoạch không có cặp để so sánh")
        for side, name in unpaired:
            add_body_paragraph(doc, f"- Chỉ có ở thư mục {side}: {name}")
    if not report.pairs and not unpaired:
        add_body_paragraph(doc, "Không có kế hoạch nào để so sánh.")
    # A fixed date: the same comparison gives the same bytes.
    return save_bytes(doc, when=datetime(2000, 1, 1))
