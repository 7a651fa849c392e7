"""The diff as a Word change table in the official layout, for a clerk to attach.

Set out as an appendix (Nghị định 30/2020, Phụ lục I): "Phụ lục", the title in upper
case, an italic "(Kèm theo …)" line, then a summary table and one change table per reform
area, landscape for the width. Removed words are struck through, added words underlined.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cchc_cli.diff.changes import DiffReport, ItemChange, PlanDiff, Status
from cchc_cli.diff.general import LINE_SECTIONS
from cchc_cli.output.diff.present import (
    ABSENT,
    GENERAL_TITLE,
    KIND_NAMES,
    STATUS_WORDS,
    area_rows,
    change_notes,
    numbered_areas,
    years_note,
)
from cchc_cli.vietnamese import roman


def _runs(item: ItemChange) -> list[Any]:
    """The item's text as runs: removed words struck through, added words underlined."""
    from cchc_cli.report.markup import Run

    if not item.reworded:
        return [Run(item.new_text or item.old_text or "")]
    runs = []
    for index, (op, words) in enumerate(item.words):
        text = words.lstrip(" ")
        if words.startswith(" ") and index:
            runs.append(Run(" "))
        runs.append(Run(text, extra=_MARKS.get(op, {})))
    return runs


_MARKS = {"-": {"strike": True}, "+": {"underline": True}}


def _apply_extra(table: Any, column: int, rows: list[list[Any]]) -> None:
    """Strike and underline the runs that ask for it (officialdoc sets bold/italic only)."""
    for number, row in enumerate(rows, start=1):
        runs = row[column - 1]
        if isinstance(runs, str):
            continue
        cell_runs = table.rows[number].cells[column].paragraphs[0].runs
        for piece, run in zip(runs, cell_runs, strict=False):
            run.font.strike = bool(piece.extra.get("strike"))
            run.font.underline = bool(piece.extra.get("underline"))


def _change_word(kind: str, item: ItemChange) -> str:
    word = f"{STATUS_WORDS[item.status]} {KIND_NAMES[kind]}"
    notes = change_notes(item)
    return word + ("\n" + "\n".join(notes) if notes else "")


def _fields(item: ItemChange, side: str) -> str:
    shown = []
    for change in item.fields:
        value = change.old if side == "old" else change.new
        if value is not None:
            note = f" ({change.trend.value})" if side == "new" and change.trend.value else ""
            shown.append(f"{change.label}: {value}{note}")
    return "\n".join(shown)


def _area_table(doc: Any, items: list[tuple[str, ItemChange]]) -> None:
    from cchc_cli.output.docx.layout import Column, add_table

    columns = [
        # Wide enough for a code such as MOT-CUA-DIEN-TU on one line.
        Column("Mã", 3.6, "center"),
        Column("Nội dung", 8.4, "justify"),
        Column("Thay đổi", 3.6),
        Column("Kế hoạch cũ", 4.2),
        Column("Kế hoạch mới", 4.2),
    ]
    rows: list[list[Any]] = []
    for kind, item in items:
        code = item.id if not item.renamed else f"{item.old_id} → {item.new_id}"
        rows.append(
            [
                code,
                _runs(item),
                _change_word(kind, item),
                _fields(item, "old"),
                _fields(item, "new"),
            ]
        )
    table = add_table(doc, columns, rows, stt=True, size=12)
    _apply_extra(table, 2, rows)


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

    columns = [Column("Nội dung", 8.0), Column("Kế hoạch cũ", 8.0), Column("Kế hoạch mới", 8.0)]
    rows = [[f.label, f.old or ABSENT, f.new or ABSENT] for f in diff.general]
    for line in diff.lines:
        section = LINE_SECTIONS[line.section]
        old, new = (line.text, "") if line.status is Status.REMOVED else ("", line.text)
        rows.append([f"{section} ({STATUS_WORDS[line.status].lower()})", old, new])
    add_table(doc, columns, rows, stt=True, size=12)


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
    for _code, area, items in numbered_areas(diff):
        number += 1
        add_heading(doc, f"{_roman(number)}. {area.upper()}")
        _area_table(doc, items)
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
