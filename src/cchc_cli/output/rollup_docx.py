"""The Sở Nội vụ's consolidated report as an official .docx (Nghị định 30/2020 layout).

The layout is the unit reports' (output/docx/layout.py, and the block writer of
output/report/docx.py that lays out the rendered templates); only the header, the
signature and the recipients are the office's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cchc_cli.output.docx import ooxml as ox
from cchc_cli.output.report.docx import official_document
from cchc_cli.province.report import RenderedRollup


def write_docx(rendered: RenderedRollup) -> bytes:
    """The .docx bytes; the same roll-up, details and date give the same bytes."""
    report = rendered.context
    doc = official_document(report, report.date, rendered)
    _keep_table_ends_together(doc)
    _widen_numbers(doc)
    day = report.date
    return ox.save_bytes(
        doc, when=datetime(day.year, day.month, day.day), author=report.office_name
    )


# Rows an appendix table keeps together at its end: a page never holds its last row and
# its total alone.
KEPT_ROWS = 3


def _keep_table_ends_together(doc: Any) -> None:
    """The last rows of each appendix table kept with the next, so a table that breaks
    across pages carries a few rows onto its last page, not one."""
    for table in doc.tables[2:]:  # the header and signature tables are layout, not data
        rows = table.rows
        last = len(rows) - 1
        for row in rows[max(last - KEPT_ROWS, 1) : last]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


# Times New Roman 12 pt: about this much of a column per digit, plus the cell's padding.
_CM_PER_DIGIT, _PADDING_CM = 0.21, 0.5


def _widen_numbers(doc: Any) -> None:
    """A numbers column wide enough for its largest number: a province's appendix runs
    to thousands of rows, and "1187" must not break into "118" and "7". The room is
    taken from the widest column; the table keeps its width."""
    from docx.shared import Cm, Emu

    for table in doc.tables[2:]:
        tbl = table._tbl
        grid = tbl.tblGrid.gridCol_lst
        digits = max((len(row.cells[0].text.strip()) for row in table.rows), default=0)
        needed = Cm(digits * _CM_PER_DIGIT + _PADDING_CM)
        widths = [int(col.w) for col in grid]
        if len(widths) < 2 or widths[0] >= needed:
            continue
        more = int(needed) - widths[0]
        widest = max(range(1, len(widths)), key=lambda i: widths[i])
        widths[0] += more
        widths[widest] -= more
        for col, width in zip(grid, widths, strict=True):
            col.w = Emu(width)
        for tr in tbl.tr_lst:
            at = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                tc.width = Emu(sum(widths[at : at + span]))
                at += span
