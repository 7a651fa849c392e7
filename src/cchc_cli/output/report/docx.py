"""The report as an official .docx: layout in code, wording from the rendered templates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from cchc_cli.output.docx import layout as od
from cchc_cli.output.docx import ooxml as ox
from cchc_cli.report.build import RenderedReport
from cchc_cli.report.markup import (
    Block,
    Directive,
    Heading,
    Paragraph,
    Run,
    Table,
    inline,
    parse,
    plain,
)
from cchc_cli.report.rows import PLACEHOLDER
from cchc_cli.vietnamese import date_words


class Issuer(Protocol):
    """What the layout needs of a report's context (a unit's or the province's)."""

    @property
    def parent_lines(self) -> tuple[str, ...]: ...
    @property
    def body_lines(self) -> tuple[str, ...]: ...
    @property
    def document_code(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def type_name(self) -> str: ...
    @property
    def signer_authority(self) -> str: ...
    @property
    def signer_title(self) -> str: ...
    @property
    def signer_name(self) -> str: ...
    @property
    def signer_deputy_of(self) -> str: ...
    @property
    def recipients(self) -> tuple[str, ...]: ...
    @property
    def archive(self) -> str: ...


class Rendered(Protocol):
    """A report's templates, rendered to markup."""

    @property
    def subject(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def appendices(self) -> str: ...


def official_document(issuer: Issuer, day: date, rendered: Rendered) -> Any:
    """A document of the Nghị định 30 layout: header, title, body, recipients and
    signature, then the appendices. Unit reports and the province's share it."""
    doc = od.new_document()
    od.add_header(
        doc,
        od.Header(
            parent_lines=issuer.parent_lines,
            body_lines=issuer.body_lines,
            number_line=f"Số:      /{issuer.document_code}",
            place_date=f"{issuer.place}, {date_words(day)}",
        ),
    )
    od.add_title(doc, issuer.type_name, plain(inline(rendered.subject.strip())))
    write_blocks(doc, parse(rendered.body))
    if doc.paragraphs:
        # The last lines of the body go with the signature to its page.
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    signature = od.Signature(
        issuer.signer_authority, issuer.signer_title, issuer.signer_name, issuer.signer_deputy_of
    )
    od.add_closing(doc, signature, issuer.recipients, archive=issuer.archive)
    write_blocks(doc, parse(rendered.appendices))
    return doc


def write_docx(rendered: RenderedReport) -> bytes:
    """The .docx bytes of a report whose body and appendices are rendered markup."""
    report = rendered.context
    day = report.report_date
    doc = official_document(report, day, rendered)
    return ox.save_bytes(doc, when=datetime(day.year, day.month, day.day), author=report.unit_name)


def write_blocks(doc: Any, blocks: Sequence[Block]) -> None:
    """Rendered markup as paragraphs, headings and tables of the official layout.

    An appendix's title lines (its number, title, "(Kèm theo …)" line and any note before
    its table) are written as one centred paragraph, its lines broken, kept with the
    table: LibreOffice keeps only the last one or two of a chain of "keep with next"
    paragraphs before a table, and left the title of an appendix alone at a page's foot.
    """
    centre_next = False
    title: list[Run] = []  # an appendix's title lines, written when its table comes
    space_before = 0.0

    def flush(keep: bool) -> None:
        nonlocal space_before
        if title:
            ox.add_text(
                doc, title, align="center", before_pt=space_before, after_pt=6, keep_with_next=keep
            )
            title.clear()
            space_before = 0.0

    in_front_matter = False
    for block in blocks:
        if isinstance(block, Directive):
            flush(keep=False)
            if block.name == "appendix":
                if "continued" in block.args and doc.sections[-1].orientation:
                    # The next appendix follows on the same page (a landscape one): no
                    # page is left with only the last lines of the table before it.
                    space_before = 18.0
                else:
                    od.start_appendix_section(doc, landscape="landscape" in block.args)
                in_front_matter = True
            elif block.name == "center":
                centre_next = True
            elif block.name == "pagebreak":
                ox.add_text(doc, "", after_pt=0).runs[0].add_break(_page_break())
            continue
        centred = centre_next or in_front_matter
        centre_next = False
        if in_front_matter and isinstance(block, Heading | Paragraph):
            if title:
                title.append(Run("\n"))
            title += _heading_runs(block) if isinstance(block, Heading) else block.runs
        elif isinstance(block, Heading):
            _heading(doc, block, centred, before=space_before)
            space_before = 0.0
        elif isinstance(block, Paragraph):
            if centred:
                ox.add_text(doc, block.runs, align="center", after_pt=6)
            else:
                # A lead-in ("… cụ thể:") never ends a page apart from its points.
                lead_in = plain(block.runs).rstrip().endswith(":")
                od.add_body_paragraph(doc, block.runs, keep_with_next=lead_in)
        elif isinstance(block, Table):
            flush(keep=True)
            _table(doc, block)
            in_front_matter = False
    flush(keep=False)


def _page_break() -> Any:
    from docx.enum.text import WD_BREAK

    return WD_BREAK.PAGE


def _heading_runs(block: Heading) -> list[Run]:
    return [Run(r.text, True, r.italic or block.level == 3) for r in block.runs]


def _heading(doc: Any, block: Heading, centred: bool, *, before: float = 0.0) -> None:
    runs = _heading_runs(block)
    if centred:
        ox.add_text(
            doc, runs, align="center", before_pt=before, after_pt=0 if block.level == 1 else 6
        )
    else:
        od.add_heading(doc, runs)


def _table(doc: Any, block: Table) -> None:
    width = ox.text_width_cm(doc.sections[-1])
    titles = [plain(c) for c in block.header]
    groups = {n for n, row in enumerate(block.rows) if _is_group(row)}
    rows = [[row[i] if i < len(row) else [] for i in range(len(titles))] for row in block.rows]
    data = [row for n, row in enumerate(rows) if n not in groups]
    cells = [[plain(row[i]) for row in data] for i in range(len(titles))]
    widths = _widths(titles, cells, width)
    # Each column's alignment is the template's (its separator row), the same in every
    # report whatever the column holds.
    aligns = block.aligns + ["left"] * (len(titles) - len(block.aligns))
    columns = [
        od.Column(title, w, align) for title, w, align in zip(titles, widths, aligns, strict=True)
    ]
    # A row taller than a quarter of a page may break across pages: moved whole, it would
    # leave that much of a page empty (with a group row kept with it, more). A shorter one
    # moves whole, never cut after its first line.
    page = _LANDSCAPE_LINES if width > _PORTRAIT_WIDTH_CM else _PORTRAIT_LINES
    tall = {n for n, row in enumerate(rows) if n not in groups and _lines(row, widths) > page / 4}
    od.add_table(doc, columns, rows, stt=False, split_rows=tall, groups=groups)


# Lines of 12 pt text on a page between the decree's margins, and the text width of a
# portrait page: enough to tell a tall row from a short one.
_LANDSCAPE_LINES, _PORTRAIT_LINES, _PORTRAIT_WIDTH_CM = 33, 52, 17.0


def _lines(row: list[list[Run]], widths: list[float]) -> int:
    """About how many lines the tallest cell of a row takes."""
    most = 1
    for cell, width in zip(row, widths, strict=False):
        per_line = max(int((width - _PADDING_CM) / _CM_PER_CHAR), 1)
        text = plain(cell)
        most = max(most, sum(-(-len(line) // per_line) or 1 for line in text.split("\n")))
    return most


def _is_group(row: list[list[Run]]) -> bool:
    # A group row ("I | CẢI CÁCH THỂ CHẾ"): text in its first two cells only, all bold.
    if len(row) < 3 or any(plain(cell).strip() for cell in row[2:]):
        return False
    return all(
        plain(cell).strip() and all(r.bold for r in cell if r.text.strip()) for cell in row[:2]
    )


_CM_PER_CHAR = 0.21  # Times New Roman 12 pt, an average character
_PADDING_CM = 0.45
_SHORT_HEADING = 10


def _widths(titles: list[str], cells: list[list[str]], total: float) -> list[float]:
    # Every column at least as wide as its longest word, so dates and short statuses
    # never break; what is left goes to the columns holding the most text.
    def longest_word(texts: list[str]) -> int:
        return max((len(w) for t in texts for w in t.split()), default=1)

    def narrowest(title: str, column: list[str]) -> float:
        # A short heading ("Đánh giá", "Thời hạn") stays on one line, in bold; a longer
        # one ("Đơn vị tính") on two at most.
        half = -(-len(title) // 2)
        heading = (len(title) if len(title) <= _SHORT_HEADING else half) * 1.1
        return min(max(longest_word([title, *column]), heading) * _CM_PER_CHAR + _PADDING_CM, 6.0)

    minimum = [1.2 if t == "STT" else narrowest(t, c) for t, c in zip(titles, cells, strict=True)]
    if sum(minimum) > total:
        return _crowded(titles, cells, total)
    # The room a column needs is how much text its cells hold on average: the column of
    # long results gets more than the column of long task names, so rows stay short.
    weights = [
        0 if t == "STT" else _average(_room_for(x, t) for x in c)
        for t, c in zip(titles, cells, strict=True)
    ]
    room = max(total - sum(minimum), 0.0)
    spread = sum(weights) or 1
    return [round(m + room * w / spread, 2) for m, w in zip(minimum, weights, strict=True)]


def _crowded(titles: list[str], cells: list[list[str]], total: float) -> list[float]:
    # Many columns (the TTHC table by field): each column as wide as its longest value,
    # then the rest shared by how much each column's heading and cells hold, so headings
    # wrap on more lines rather than the table running off the page.
    def content(title: str, column: list[str]) -> float:
        if title == "STT":
            return 1.2
        longest = max((len(w) for t in column for w in t.split()), default=1)
        return longest * _CM_PER_CHAR + _PADDING_CM

    minimum = [content(t, c) for t, c in zip(titles, cells, strict=True)]
    weights = [
        0.0 if t == "STT" else len(t) + _average(len(x) for x in c)
        for t, c in zip(titles, cells, strict=True)
    ]
    room = max(total - sum(minimum), 0.0)
    spread = sum(weights) or 1
    return [round(m + room * w / spread, 2) for m, w in zip(minimum, weights, strict=True)]


def _average(sizes: Iterable[int]) -> float:
    found = list(sizes)
    return sum(found) / len(found) if found else 0.0


def _room_for(text: str, title: str) -> int:
    # A draft's "…" stands for a value the clerk will type: keep room for it. A status is
    # a few words ("quá hạn, đang thực hiện"); a result or a figure with its counts, more.
    if text.strip() == PLACEHOLDER:
        return _STATUS_ROOM if title in ("Tình trạng", "Đánh giá") else _VALUE_ROOM
    return len(text)


_STATUS_ROOM, _VALUE_ROOM = 16, 40
