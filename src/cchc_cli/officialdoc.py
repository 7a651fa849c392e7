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

import copy
import functools
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 14
FIRST_LINE_INDENT_CM = 1.27
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

Doc = Any  # python-docx ships no type information
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


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


@dataclass
class Run:
    """A piece of inline text with its emphasis; ``"\\n"`` inside becomes a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def set_fonts(rpr_parent: Any) -> None:
    """Set Times New Roman in every font slot of an element's ``w:rPr``; drop theme fonts."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)


def _clean_styles(doc: Doc) -> None:
    # python-docx's default template points every style at theme fonts (Calibri/Cambria);
    # strip them everywhere and name Times New Roman explicitly.
    styles = doc.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for slot in _THEME_SLOTS:
            fonts.attrib.pop(qn(slot), None)
        for slot in _FONT_SLOTS:
            fonts.set(qn(slot), FONT)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None and rpr.find(qn("w:rFonts")) is None:
            fonts = OxmlElement("w:rFonts")
            for slot in _FONT_SLOTS:
                fonts.set(qn(slot), FONT)
            rpr.insert(0, fonts)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Table Grid",):
        if name in [s.name for s in doc.styles]:
            set_fonts(doc.styles[name].element)


def set_page(section: Any, *, landscape: bool = False) -> None:
    """A4 with the decree's margins, portrait or landscape."""
    width, height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def text_width_cm(section: Any) -> float:
    """Width between the margins of ``section``, in cm."""
    return float((section.page_width - section.left_margin - section.right_margin) / 360000)


def new_document(*, page_numbers: bool = True) -> Doc:
    """An empty A4 document with the decree's margins, fonts and page numbering."""
    doc = Document()
    _drop_template_leftovers(doc)
    _clean_styles(doc)
    section = doc.sections[0]
    set_page(section)
    if page_numbers:
        add_page_numbers(section)
    _do_not_expand_line_breaks(doc)
    return doc


def _do_not_expand_line_breaks(doc: Doc) -> None:
    # A justified line that ends in a manual line break must not be stretched.
    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


_LEFTOVERS = ("/metadata/thumbnail", "/relationships/stylesWithEffects")


def _drop_template_leftovers(doc: Doc) -> None:
    # The default template's thumbnail shows another document, and stylesWithEffects is a
    # second copy of the styles with theme fonts: neither belongs in our output.
    for rels in (doc.part.package.rels, doc.part.rels):
        for rel_id in [k for k, r in rels.items() if r.reltype.endswith(_LEFTOVERS)]:
            del rels[rel_id]


def _element(tag: str, **attrs: str | int) -> Any:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


@functools.cache
def _run_properties(size: float, bold: bool, italic: bool) -> Any:
    # Built once per style and copied: python-docx's property setters are slow for
    # thousands of runs (114 reports in one call).
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)
    rpr.append(fonts)
    for flag, tags in ((bold, ("w:b", "w:bCs")), (italic, ("w:i", "w:iCs"))):
        for tag in tags:
            rpr.append(_element(tag) if flag else _element(tag, val=0))
    half_points = round(size * 2)
    rpr.append(_element("w:sz", val=half_points))
    rpr.append(_element("w:szCs", val=half_points))
    return rpr


def style_run(run: Any, *, size: float = BODY_PT, bold: bool = False, italic: bool = False) -> Any:
    """Give ``run`` the document font in all four slots, its size and emphasis."""
    element = run._r
    old = element.find(qn("w:rPr"))
    if old is not None:
        element.remove(old)
    element.insert(0, copy.deepcopy(_run_properties(size, bold, italic)))
    return run


def add_runs(paragraph: Any, runs: Sequence[Run], *, size: float = BODY_PT) -> Any:
    """Append ``runs`` to ``paragraph``; line breaks inside a run's text become ``w:br``."""
    for piece in runs:
        lines = piece.text.split("\n")
        for index, line in enumerate(lines):
            run = style_run(
                paragraph.add_run(line), size=size, bold=piece.bold, italic=piece.italic
            )
            if index < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
    return paragraph


_JUSTIFY = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def format_paragraph(
    paragraph: Any,
    *,
    align: str = "justify",
    first_line_cm: float = 0.0,
    before_pt: float = 0,
    after_pt: float = 6,
    line_spacing: float = 1.15,
    keep_with_next: bool = False,
) -> Any:
    """Paragraph layout: alignment, first-line indent, spacing (replaces any earlier one)."""
    element = paragraph._p
    old = element.find(qn("w:pPr"))
    if old is not None:
        element.remove(old)
    ppr = OxmlElement("w:pPr")
    if keep_with_next:
        ppr.append(_element("w:keepNext"))
    ppr.append(_element("w:widowControl"))
    ppr.append(
        _element(
            "w:spacing",
            before=round(before_pt * 20),
            after=round(after_pt * 20),
            line=round(line_spacing * 240),
            lineRule="auto",
        )
    )
    if first_line_cm:
        ppr.append(_element("w:ind", firstLine=round(Cm(first_line_cm) / 635)))
    ppr.append(_element("w:jc", val=_JUSTIFY[align]))
    element.insert(0, ppr)
    return paragraph


def add_text(
    container: Any,
    text: str | Sequence[Run],
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    **layout: Any,
) -> Any:
    """A paragraph of ``text`` (or runs) in ``container`` (document, cell, header)."""
    runs = [Run(text, bold, italic)] if isinstance(text, str) else list(text)
    paragraph = container.add_paragraph()
    add_runs(paragraph, runs, size=size)
    return format_paragraph(paragraph, **layout)


def add_body_paragraph(doc: Doc, text: str | Sequence[Run], **style: Any) -> Any:
    """A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after."""
    style.setdefault("first_line_cm", FIRST_LINE_INDENT_CM)
    return add_text(doc, text, **style)


def add_heading(doc: Doc, text: str | Sequence[Run], *, italic: bool = False) -> Any:
    """A bold section heading ("I. …", "1. …") in body layout, kept with what follows."""
    runs = [Run(text, True, italic)] if isinstance(text, str) else list(text)
    for run in runs:
        run.bold = True
    return add_body_paragraph(doc, runs, keep_with_next=True)


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
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)


def layout_table(doc: Doc, widths_cm: Sequence[float]) -> Any:
    """A borderless one-row table for side-by-side blocks (header, signature)."""
    table = doc.add_table(rows=1, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(table)
    _fixed_widths(table, widths_cm)
    # Side-by-side blocks stay whole: a signature never starts on one page and ends on the next.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
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
    add_text(doc, "", size=6, after_pt=0)
    left_w = round(width * 0.45, 2)
    table = layout_table(doc, [left_w, round(width - left_w, 2)])
    left, right = table.rows[0].cells
    add_text(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", after_pt=0)
    lines = [f"- {r.rstrip(';.')};" for r in recipients] + [f"- Lưu: {archive}."]
    for line in lines:
        add_text(left, line, size=11, align="left", after_pt=0, line_spacing=1)
    if signature.deputy_of:
        _centre(right, signature.authority.upper(), 14, bold=True)
        _centre(right, signature.deputy_of.upper(), 14, bold=True)
    else:
        _centre(right, signature.authority.upper(), 14, bold=True)
    _centre(right, signature.title.upper(), 14, bold=True)
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
        _element("w:spacing", before=0, after=0, line=20, lineRule="exact"),
        "w:ind",
        "w:jc",
        "w:rPr",
        "w:sectPr",
    )
    rpr = OxmlElement("w:rPr")
    rpr.append(_element("w:sz", val=2))
    rpr.append(_element("w:szCs", val=2))
    ppr.insert_element_before(rpr, "w:sectPr")


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)


def _fill(cell: Any, runs: Sequence[Run], align: str, size: float, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if bold:
        runs = [Run(r.text, True, r.italic) for r in runs]
    add_runs(paragraph, runs, size=size)
    format_paragraph(paragraph, align=align, before_pt=2, after_pt=2, line_spacing=1)


def add_table(
    doc: Doc,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str | Sequence[Run]]],
    *,
    stt: bool = True,
    size: float = 12,
    stt_title: str = "STT",
) -> Any:
    """A bordered data table, header row repeated on every page, with an STT column first."""
    cols = ([Column(stt_title, 1.2, "center")] if stt else []) + list(columns)
    table = doc.add_table(rows=1 + len(rows), cols=len(cols))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, [c.width_cm for c in cols])
    header = table.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, cols, strict=True):
        _fill(cell, [Run(column.title)], "center", size, bold=True)
    for number, row in enumerate(rows, start=1):
        # A row never breaks across pages: a reader must see a task's status beside it.
        table.rows[number]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = table.rows[number].cells
        values = ([str(number)] if stt else []) + list(row)
        for cell, column, value in zip(cells, cols, values, strict=True):
            runs = [Run(value)] if isinstance(value, str) else list(value)
            _fill(cell, runs, column.align, size)
    return table


_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def save_bytes(doc: Doc, *, when: datetime, author: str = "") -> bytes:
    """The document as .docx bytes, identical for identical content.

    Core properties are fixed from ``when`` (created, modified, last printed; revision 1)
    and the zip is re-packed with fixed timestamps and a fixed entry order.
    """
    props = doc.core_properties
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    props.author = props.last_modified_by = author
    props.comments = ""
    raw = io.BytesIO()
    doc.save(raw)
    return repack(raw.getvalue())


def repack(data: bytes) -> bytes:
    """Re-write a zip with fixed timestamps and permissions, keeping its entry order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(item.filename), compresslevel=6)
    return out.getvalue()
