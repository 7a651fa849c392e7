"""Official document layout of Nghị định 30/2020/NĐ-CP (Phụ lục I) as python-docx primitives.

Used by the report writer and by ``cchc diff --format docx``. Typical use::

    doc = new_document()
    add_header(doc, Header(body_lines=["ỦY BAN NHÂN DÂN", "PHƯỜNG PHÙ LIỄN"],
                           number_line="Số:      /BC-UBND",
                           place_date="Phù Liễn, ngày 05 tháng 3 năm 2024"))
    add_title(doc, "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024")
    add_body_paragraph(doc, "Nội dung …")
    add_closing(doc, Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"),
                ["Ủy ban nhân dân quận Kiến An"], archive="VT")
    start_appendix_section(doc, landscape=True)
    add_table(doc, [Column("Nội dung", 9.0)], [["…"]], stt=True)
    data = save_bytes(doc, when=datetime(2024, 3, 5))   # byte-identical for equal input

Every run carries Times New Roman in all four ``w:rFonts`` slots and the styles carry no
theme fonts, so Word and LibreOffice never substitute a font.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from cchc_cli.output.docx.ooxml import (
    Doc,
    add_runs,
    add_text,
    base_document,
    format_paragraph,
    make_element,
    set_page,
    style_run,
    text_width_cm,
)
from cchc_cli.report.markup import Run

FIRST_LINE_INDENT_CM = 1.27
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Header:
    """The two-column header ("phần đầu văn bản"); left: issuing body, right: national title."""

    body_lines: Sequence[str]
    number_line: str
    place_date: str
    parent_lines: Sequence[str] = ()
    national_title: str = NATIONAL_TITLE
    motto: str = MOTTO


@dataclass(frozen=True)
class Signature:
    """The signature block ("quyền hạn, chức vụ, họ tên người ký")."""

    authority: str
    title: str
    name: str = ""
    deputy_of: str = ""


@dataclass(frozen=True)
class Column:
    """A table column: heading, width in cm and alignment of its cells."""

    title: str
    width_cm: float
    align: str = "left"  # left, center, right, justify


def new_document(*, page_numbers: bool = True) -> Doc:
    """An empty A4 document with the decree's margins, fonts and page numbering."""
    doc = base_document()
    if page_numbers:
        add_page_numbers(doc.sections[0])
    return doc


def add_body_paragraph(doc: Doc, text: str | Sequence[Run], **style: Any) -> Any:
    """A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after."""
    style.setdefault("first_line_cm", FIRST_LINE_INDENT_CM)
    return add_text(doc, text, **style)


def add_heading(doc: Doc, text: str | Sequence[Run], *, italic: bool = False) -> Any:
    """A bold section heading ("I. …", "1. …") in body layout, kept with what follows.

    Aligned left, not justified: a two-line heading in capitals would be stretched.
    """
    runs = [Run(text, True, italic)] if isinstance(text, str) else list(text)
    for run in runs:
        run.bold = True
    return add_body_paragraph(doc, runs, keep_with_next=True, align="left")


def add_rule(container: Any, length_cm: float, width_cm: float) -> Any:
    """A centred horizontal rule ``length_cm`` long in a box ``width_cm`` wide."""
    paragraph = container.add_paragraph()
    margin = max((width_cm - length_cm) / 2, 0)
    fmt = format_paragraph(paragraph, align="center", before_pt=3, after_pt=0, line_spacing=1.0)
    fmt.paragraph_format.left_indent = Cm(margin)
    fmt.paragraph_format.right_indent = Cm(margin)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"
    )
    # The rule paragraph itself must be thin: a tiny empty run sets its height.
    style_run(paragraph.add_run(""), size=2)
    paragraph.paragraph_format.line_spacing = Pt(2)
    return paragraph


def _borderless(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _fixed_widths(table: Any, widths_cm: Sequence[float]) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    # Straight on the XML: python-docx's column and cell accessors rebuild the grid each time.
    tbl = table._tbl
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths_cm, strict=True):
        grid_col.w = Cm(width)
    for tr in tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths_cm, strict=True):
            tc.width = Cm(width)


def layout_table(doc: Doc, widths_cm: Sequence[float]) -> Any:
    """A borderless one-row table for side-by-side blocks (header, signature)."""
    table = doc.add_table(rows=1, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(table)
    _fixed_widths(table, widths_cm)
    # A signature never starts on one page and ends on the next.
    _keep_whole(table.rows[0]._tr)
    for cell in table.rows[0].cells:
        cell._tc.remove(cell.paragraphs[0]._p)
    return table


def _centre(cell: Any, text: str, size: float, bold: bool = False, italic: bool = False) -> Any:
    return add_text(
        cell, text, size=size, bold=bold, italic=italic, align="center", after_pt=0, line_spacing=1
    )


def add_header(doc: Doc, header: Header) -> Any:
    """The header table: issuing body and number left; national title, motto, date right."""
    width = text_width_cm(doc.sections[-1])
    left_w = round(width * 0.42, 2)
    table = layout_table(doc, [left_w, round(width - left_w, 2)])
    left, right = table.rows[0].cells
    for line in header.parent_lines:
        _centre(left, line.upper(), 13)
    for line in header.body_lines:
        _centre(left, line.upper(), 13, bold=True)
    add_rule(left, left_w / 3, left_w)
    add_text(left, header.number_line, size=13, align="center", before_pt=6, after_pt=0)
    _centre(right, header.national_title, 12, bold=True)
    _centre(right, header.motto, 13, bold=True)
    add_rule(right, min(6.0, width - left_w - 0.4), width - left_w)
    add_text(
        right, header.place_date, size=13, italic=True, align="center", before_pt=6, after_pt=0
    )
    return table


def add_title(doc: Doc, type_name: str, subject: str) -> None:
    """Type name ("BÁO CÁO") and subject line, centred and bold, with a short rule under."""
    add_text(doc, type_name, size=14, bold=True, align="center", before_pt=18, after_pt=0)
    add_text(doc, subject, size=14, bold=True, align="center", after_pt=0)
    add_rule(doc, 3.0, text_width_cm(doc.sections[-1]))
    add_text(doc, "", size=6, after_pt=0)


def add_closing(
    doc: Doc, signature: Signature, recipients: Sequence[str], *, archive: str = "VT"
) -> Any:
    """Recipients ("Nơi nhận:") left and the signature block right, level with each other."""
    width = text_width_cm(doc.sections[-1])
    # Kept with the table, as the body's last paragraph is kept with it: "./." never
    # ends a page that the signature does not share.
    add_text(doc, "", size=6, after_pt=0, keep_with_next=True)
    left_w = round(width * 0.45, 2)
    table = layout_table(doc, [left_w, round(width - left_w, 2)])
    left, right = table.rows[0].cells
    add_text(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", after_pt=0)
    lines = [f"- {r.rstrip(';.')};" for r in recipients] + [f"- Lưu: {archive}."]
    for line in lines:
        add_text(left, line, size=11, align="left", after_pt=0, line_spacing=1)
    # A deputy signs on behalf of the head: "KT. CHỦ TỊCH" sits between the two lines.
    for line in (signature.authority, signature.deputy_of, signature.title):
        if line:
            _centre(right, line.upper(), 14, bold=True)
    for _ in range(4):
        _centre(right, "", 14)
    _centre(right, signature.name or "", 14, bold=True)
    return table


def add_page_numbers(section: Any, size: float = 13) -> None:
    """Page number centred in the top margin, hidden on the section's first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    format_paragraph(paragraph, align="center", after_pt=0)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1")):
        run = style_run(paragraph.add_run(), size=size)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            run.text = text
    end = style_run(paragraph.add_run(), size=size)
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "end")
    end._r.append(fld)


def start_appendix_section(doc: Doc, *, landscape: bool = False) -> Any:
    """A new section on a new page for an appendix; page numbers continue in its header."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _shrink_break_paragraph(doc.paragraphs[-1])
    set_page(section, landscape=landscape)
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    for run in list(paragraph.runs):
        paragraph._p.remove(run._r)
    add_page_numbers(section)
    section.different_first_page_header_footer = False
    return section


def _shrink_break_paragraph(paragraph: Any) -> None:
    # The paragraph that ends a section must not spill onto a page of its own after a
    # table that fills the page: make it 1 pt high.
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(
        make_element("w:spacing", before=0, after=0, line=20, lineRule="exact"),
        "w:ind",
        "w:jc",
        "w:rPr",
        "w:sectPr",
    )
    rpr = OxmlElement("w:rPr")
    rpr.append(make_element("w:sz", val=2))
    rpr.append(make_element("w:szCs", val=2))
    ppr.insert_element_before(rpr, "w:sectPr")


def _repeat_header(tr: Any) -> None:
    trpr = tr.get_or_add_trPr()
    _keep_whole(tr)
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def _span_from_second(tr: Any, widths_cm: Sequence[float]) -> None:
    # Straight on the XML, as _fixed_widths: python-docx's cell merge rebuilds the whole
    # grid for each cell it looks up.
    first, *rest = tr.tc_lst[1:]
    for tc in rest:
        tr.remove(tc)
    first.grid_span = len(widths_cm) - 1
    first.width = Cm(sum(widths_cm[1:]))


def _keep_whole(tr: Any) -> None:
    # A task cut in two by a page break reads as two rows; Word and LibreOffice still split
    # a row taller than a whole page, so nothing is ever lost.
    tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


_QUARTER_SPACE = re.compile(r"(?<=[qQ]uý) (?=[IVX]+\b)")


def _fill(
    cell: Any,
    runs: Sequence[Run],
    align: str,
    size: float,
    *,
    bold: bool = False,
    keep: bool = False,
) -> None:
    paragraph = cell.paragraphs[0]
    # In a narrow column "quý I" never ends a line before its number: "hoàn thành (quý I)".
    runs = [Run(_QUARTER_SPACE.sub("\u00a0", r.text), bold or r.bold, r.italic) for r in runs]
    add_runs(paragraph, runs, size=size)
    format_paragraph(
        paragraph, align=align, before_pt=2, after_pt=2, line_spacing=1, keep_with_next=keep
    )


def add_table(
    doc: Doc,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str | Sequence[Run]]],
    *,
    stt: bool = True,
    size: float = 12,
    stt_title: str = "STT",
    split_rows: Collection[int] = (),
    groups: Collection[int] = (),
) -> Any:
    """A bordered data table, header row repeated on every page, with an STT column first.

    ``split_rows``: indices in ``rows`` of tall rows that may break across pages (the
    header repeats), so no page is left half empty; every other row stays whole. ``groups``: indices in ``rows`` of
    group rows ("I | CẢI CÁCH THỂ CHẾ", given as two cells, without an STT added), whose
    second cell spans the rest of the row, bold, kept on the page of the row after it.
    """
    cols = ([Column(stt_title, 1.2, "center")] if stt else []) + list(columns)
    table = doc.add_table(rows=1 + len(rows), cols=len(cols))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, [c.width_cm for c in cols])
    trs = table._tbl.tr_lst
    # A group row: its number in the first column, its title across all the others.
    for index in groups:
        if len(cols) > 2:
            _span_from_second(trs[index + 1], [c.width_cm for c in cols])
    _repeat_header(trs[0])
    for tc, column in zip(trs[0].tc_lst, cols, strict=True):
        _fill(_Cell(tc, table), [Run(column.title)], "center", size, bold=True)
    for number, (tr, row) in enumerate(zip(trs[1:], rows, strict=True), start=1):
        if number - 1 in groups:
            _keep_whole(tr)
            runs_of = [[Run(v)] if isinstance(v, str) else list(v) for v in row]
            for tc, runs, align in zip(tr.tc_lst, runs_of, (cols[0].align, "left"), strict=False):
                _fill(_Cell(tc, table), runs, align, size, bold=True, keep=True)
            continue
        values = ([str(number)] if stt else []) + list(row)
        runs_of = [[Run(v)] if isinstance(v, str) else list(v) for v in values]
        if number - 1 not in split_rows:
            _keep_whole(tr)
        for tc, column, runs in zip(tr.tc_lst, cols, runs_of, strict=True):
            _fill(_Cell(tc, table), runs, column.align, size)
    return table
