"""Low-level Word (OOXML) building blocks: fonts, runs, paragraphs, page, deterministic save.

The official layout on top of these is :mod:`cchc_cli.output.docx.layout`, which re-exports them.
"""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from cchc_cli.output.package import repack
from cchc_cli.report.markup import Run

FONT = "Times New Roman"
LANGUAGE = "vi-VN"  # proofing language of all text
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 14

Doc = Any  # python-docx ships no type information
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


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
    _proof_in_vietnamese(styles)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Table Grid",):
        if name in [s.name for s in doc.styles]:
            set_fonts(doc.styles[name].element)


def _proof_in_vietnamese(styles: Any) -> None:
    # The default template marks all text en-US: Word would underline every Vietnamese
    # word in red when the clerk opens the report to edit it.
    langs = list(styles.iter(qn("w:lang")))
    if not langs:
        rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is None:
            return
        langs = [OxmlElement("w:lang")]
        rpr.append(langs[0])
    for lang in langs:
        lang.set(qn("w:val"), LANGUAGE)


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


def base_document() -> Doc:
    """An empty A4 document with the decree's margins and fonts, no theme fonts."""
    doc = Document()
    _drop_template_leftovers(doc)
    _clean_styles(doc)
    set_page(doc.sections[0])
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


def make_element(tag: str, **attrs: str | int) -> Any:
    """A new ``w:`` element with its ``w:`` attributes."""
    made = OxmlElement(tag)
    for key, value in attrs.items():
        made.set(qn(f"w:{key}"), str(value))
    return made


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
            rpr.append(make_element(tag) if flag else make_element(tag, val=0))
    half_points = round(size * 2)
    rpr.append(make_element("w:sz", val=half_points))
    rpr.append(make_element("w:szCs", val=half_points))
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
    """Append ``runs`` to ``paragraph``; "\\n" becomes a line break, "\\t" a tab."""
    element = paragraph._p
    for piece in runs:
        run = OxmlElement("w:r")
        run.append(copy.deepcopy(_run_properties(size, piece.bold, piece.italic)))
        for index, line in enumerate(piece.text.split("\n")):
            if index:
                run.append(OxmlElement("w:br"))
            for number, chunk in enumerate(line.split("\t")):
                if number:
                    run.append(OxmlElement("w:tab"))
                for part, words in enumerate(_CODE_HYPHEN.split(chunk)):
                    if part:
                        run.append(OxmlElement("w:noBreakHyphen"))
                    if words:
                        text = OxmlElement("w:t")
                        text.text = words
                        text.set(_XML_SPACE, "preserve")
                        run.append(text)
        element.append(run)
    return paragraph


# The hyphen inside a document number or code ("19/QĐ-UBND", "62-KL/TW", "CQS-01",
# "2021-2025") never ends a line: Word's non-breaking hyphen keeps the code whole.
_CODE_HYPHEN = re.compile(r"(?<=[0-9A-ZĐ])-(?=[0-9A-ZĐ])")


_JUSTIFY = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_XML_SPACE = qn("xml:space")


@functools.cache
def _paragraph_properties(
    align: str, *, first_line_cm: float, before_pt: float, after_pt: float, line: float, keep: bool
) -> Any:
    ppr = OxmlElement("w:pPr")
    if keep:
        ppr.append(make_element("w:keepNext"))
    ppr.append(make_element("w:widowControl"))
    spacing = make_element(
        "w:spacing",
        before=round(before_pt * 20),
        after=round(after_pt * 20),
        line=round(line * 240),
        lineRule="auto",
    )
    ppr.append(spacing)
    if first_line_cm:
        ppr.append(make_element("w:ind", firstLine=round(Cm(first_line_cm) / 635)))
    ppr.append(make_element("w:jc", val=_JUSTIFY[align]))
    return ppr


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
    ppr = _paragraph_properties(
        align,
        first_line_cm=first_line_cm,
        before_pt=before_pt,
        after_pt=after_pt,
        line=line_spacing,
        keep=keep_with_next,
    )
    element.insert(0, copy.deepcopy(ppr))
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
