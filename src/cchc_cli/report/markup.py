"""The report body markup: a small, safe subset of Markdown shared by --format md and docx.

Blocks: ``#``/``##``/``###`` headings, paragraphs separated by blank lines (a line that
starts with ``- `` also starts one; ``+`` and ``*`` do not), pipe tables (header,
separator, rows) and directive comments ``<!-- name args -->``. Inline: ``**bold**``,
``*italic*``, a backslash escape before any ASCII punctuation, a backslash at the end of
a line for a line break (the next line keeps its indentation) and ``<br>`` inside table
cells. Values from YAML are escaped by :func:`escape`, so any text comes out as itself
in both formats: its line breaks, the spaces that indent a line, and every ``-``, ``+``,
``*``, ``#`` or ``|`` it starts a line with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#+=>-]|\d+[.)](?=\s|$))", re.MULTILINE)
_NEWLINES = re.compile(r"\r\n|\r|\n")
PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass
class Run:
    """A piece of inline text with its emphasis; ``"\\n"`` inside becomes a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class Safe(str):
    """Text that is already markup and must not be escaped again."""

    __slots__ = ()


def escape(value: object) -> Safe:
    """``value`` as markup that renders exactly as its text, line breaks kept."""
    if isinstance(value, Safe):
        return value
    text = str(value)
    # A line break at the very end would leave a lone backslash, and the lines after it
    # are blank to the parser anyway: trailing white space that holds a break goes.
    # (Spaces alone stay: a value may be followed by more text on its line.)
    kept = text.rstrip()
    if "\n" in text[len(kept) :] or "\r" in text[len(kept) :]:
        text = kept
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)
    return Safe(_NEWLINES.sub("\\\\\n", text))


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def escape_cell(value: object) -> Safe:
    """``value`` for a pipe-table cell: as :func:`escape`, line breaks as ``<br>``."""
    return Safe(escape(value).replace("\\\n", "<br>"))


@dataclass
class Heading:
    level: int
    runs: list[Run]


@dataclass
class Paragraph:
    runs: list[Run]


@dataclass
class Table:
    header: list[list[Run]]
    rows: list[list[list[Run]]] = field(default_factory=list)
    # Each column's alignment from the separator row: "left", "center" (":---:"), "right".
    aligns: list[str] = field(default_factory=list)


@dataclass
class Directive:
    name: str
    args: list[str]


Block = Heading | Paragraph | Table | Directive

_DIRECTIVE = re.compile(r"<!--\s*([\w-]+)((?:\s+[\w-]+)*)\s*-->")
_HEADING = re.compile(r"(#{1,3})\s+(.*)")
_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")


def parse(text: str) -> list[Block]:
    """The blocks of a markup text, in order."""
    blocks: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(Paragraph(inline("\n".join(lines))))
            lines.clear()

    rows = _NEWLINES.split(text)
    index = 0
    while index < len(rows):
        line = rows[index]
        stripped = line.strip()
        if not stripped:
            flush()
        elif match := _DIRECTIVE.fullmatch(stripped):
            flush()
            blocks.append(Directive(match.group(1), match.group(2).split()))
        elif (match := _HEADING.fullmatch(stripped)) and not lines:
            blocks.append(Heading(len(match.group(1)), inline(match.group(2))))
        elif stripped.startswith("|") and not lines:
            end = index
            while end < len(rows) and rows[end].strip().startswith("|"):
                end += 1
            blocks.append(_table([r.strip() for r in rows[index:end]]))
            index = end
            continue
        else:
            if stripped.startswith("- "):
                flush()
            # After a line break the clerk typed, the next line keeps its indentation,
            # as a table cell does; other lines are the template's, aligned at will.
            lines.append(line.rstrip() if lines and ends_in_break(lines[-1]) else stripped)
        index += 1
    flush()
    return blocks


def ends_in_break(line: str) -> bool:
    """Whether a markup line ends in a line break: an odd run of backslashes at its end
    (the last one escapes the newline; an even run is escaped backslashes)."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def split_cells(row: str) -> list[str]:
    """The cells of a pipe-table row; escaped pipes stay inside their cell."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, index = [], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current.append(body[index : index + 2])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current).strip())
    return cells


def _table(rows: list[str]) -> Table:
    header = [inline(c) for c in split_cells(rows[0])]
    aligned = len(rows) > 1 and _SEPARATOR.fullmatch(rows[1])
    body = rows[2:] if aligned else rows[1:]
    aligns = [_align(c) for c in split_cells(rows[1])] if aligned else []
    return Table(header, [[inline(c) for c in split_cells(r)] for r in body], aligns)


def _align(cell: str) -> str:
    cell = cell.strip()
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    return "right" if cell.endswith(":") else "left"


_TOKEN = re.compile(r"\\\n|\\[!-/:-@\[-`{-~]|<br>|\*\*|\*|\n|[^\\<*\n]+|.", re.DOTALL)


def inline(text: str) -> list[Run]:
    """Runs of ``text``: escapes resolved, emphasis applied, hard breaks as newlines."""
    runs: list[Run] = []
    buffer: list[str] = []
    bold = italic = False

    def emit() -> None:
        if buffer:
            runs.append(Run("".join(buffer), bold, italic))
            buffer.clear()

    for token in _TOKEN.findall(text):
        if token in ("\\\n", "<br>"):
            buffer.append("\n")
        elif token == "**":
            emit()
            bold = not bold
        elif token == "*":
            emit()
            italic = not italic
        elif token == "\n":
            buffer.append(" ")
        elif len(token) == 2 and token[0] == "\\" and token[1] in PUNCTUATION:
            buffer.append(token[1])
        else:
            buffer.append(token)
    emit()
    return runs


def plain(runs: list[Run]) -> str:
    """The text of ``runs`` without emphasis."""
    return "".join(r.text for r in runs)
