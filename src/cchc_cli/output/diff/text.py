"""The diff for a terminal: rich text grouped by reform area, in Vietnamese."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.diff.changes import DiffReport, FieldChange, ItemChange, PlanDiff, Status
from cchc_cli.diff.wording import WordOp
from cchc_cli.output.diff.present import (
    GENERAL_TITLE,
    STATUS_MARKS,
    area_rows,
    field_line,
    headline,
    line_title,
    marks_words,
    numbered_areas,
    shows_text,
    years_note,
)

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

STYLES = {Status.ADDED: "green", Status.REMOVED: "red", Status.CHANGED: "yellow"}
WORD_STYLES = {"=": "", "-": "red strike", "+": "green underline"}
# Marks as in `git diff --word-diff`, so the change reads without colours too (CI logs).
WORD_MARKS = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}


def _text(*parts: tuple[str, str]) -> Text:
    from rich.text import Text

    text = Text()
    for content, style in parts:
        text.append(content, style=style)
    return text


def _summary(diff: PlanDiff) -> RenderableType:
    from rich.table import Table

    table = Table(title="Số thay đổi theo lĩnh vực", title_justify="left", box=None)
    for name in ("Lĩnh vực", "Thêm", "Bỏ", "Sửa", "Cộng"):
        numeric = name != "Lĩnh vực"
        table.add_column(name, justify="right" if numeric else "left", no_wrap=numeric)
    for row in area_rows(diff):
        style = "" if row.total else "dim"
        cells = (row.added, row.removed, row.changed, row.total)
        table.add_row(row.title, *(str(n) for n in cells), style=style)
    table.add_row("Tổng cộng", "", "", "", str(diff.change_count), style="bold")
    return table


def _words(ops: tuple[WordOp, ...], indent: str = "      ") -> Text:
    parts: list[tuple[str, str]] = [(indent, "")]
    for op, words in ops:
        before, after = WORD_MARKS[op]
        if words.startswith(" "):
            parts.append((" ", ""))
        parts.append((before + words.lstrip(" ") + after, WORD_STYLES[op]))
    return _text(*parts)


def _texts(
    old: str | None, new: str | None, ops: tuple[WordOp, ...], rewritten: bool, indent: str
) -> list[RenderableType]:
    """A changed text: both versions in full when rewritten, else the word marks."""
    if rewritten:
        return [
            _text((f"{indent}Cũ:  ", "dim"), (old or "", "red")),
            _text((f"{indent}Mới: ", "dim"), (new or "", "green")),
        ]
    return [_words(ops, indent)]


def _item(kind: str, item: ItemChange) -> list[RenderableType]:
    style = STYLES[item.status]
    head = _text(
        (f"  {STATUS_MARKS[item.status]} ", style), (headline(kind, item), f"bold {style}")
    )
    lines: list[RenderableType] = [head]
    if item.status is Status.CHANGED and item.reworded:
        lines += _texts(item.old_text, item.new_text, item.words, item.rewritten, "      ")
    elif shows_text(item):
        lines.append(_text(("      " + (item.new_text or item.old_text or ""), "")))
    lines += [_text(("      " + field_line(f, item.status), "")) for f in item.fields]
    return lines


def _field(change: FieldChange) -> list[RenderableType]:
    head = _text(("  ~ ", "yellow"), (field_line(change), ""))
    if not marks_words(change):
        return [head]
    # A long text (the reporting rule): its words marked, not two sentences side by side.
    return [_text(("  ~ ", "yellow"), (f"{change.label}:", "bold")), _words(change.words)]


def _general(diff: PlanDiff) -> list[RenderableType]:
    if not (diff.general or diff.lines):
        return []
    out: list[RenderableType] = [_text(("", "")), _text((GENERAL_TITLE, "bold underline"))]
    for change in diff.general:
        out += _field(change)
    for line in diff.lines:
        mark = STATUS_MARKS[line.status]
        title = (f"  {mark} ", STYLES[line.status]), (f"{line_title(line)}", "bold")
        if line.status is Status.CHANGED:
            out.append(_text(*title))
            out += _texts(line.old_text, line.new_text, line.words, line.rewritten, "      ")
        else:
            out.append(_text(*title, (": " + line.text, "")))
    return out


def _pair(diff: PlanDiff) -> list[RenderableType]:
    out: list[RenderableType] = [
        _text(("So sánh kế hoạch", "bold")),
        _text(("  Cũ:  ", "dim"), (f"{diff.old.path} — {diff.old.title} ({diff.old.number})", "")),
        _text(("  Mới: ", "dim"), (f"{diff.new.path} — {diff.new.title} ({diff.new.number})", "")),
    ]
    if note := years_note(diff):
        out.append(_text(("  " + note, "dim")))
    if diff.empty:
        out.append(_text(("Không có thay đổi.", "green")))
        return out
    out += [_text(("", "")), _summary(diff), *_general(diff)]
    for number, (_code, title, items) in enumerate(numbered_areas(diff), start=1):
        out += [_text(("", "")), _text((f"{number}. {title}", "bold underline"))]
        for kind, item in items:
            out += _item(kind, item)
    return out


def renderables(report: DiffReport) -> list[RenderableType]:
    """What `cchc diff` prints: each comparison, then the plans left unpaired."""
    out: list[RenderableType] = []
    for index, pair in enumerate(report.pairs):
        if index:
            out += [_text(("", "")), _text(("─" * 60, "dim"))]
        out += _pair(pair)
    for label, names in (("cũ", report.unpaired_old), ("mới", report.unpaired_new)):
        if names:
            out += [_text(("", "")), _text((f"Kế hoạch chỉ có ở thư mục {label}:", "bold"))]
            out += [_text((f"  {name}", "")) for name in names]
    if not report.pairs and not report.differs:
        out.append(_text(("Không có kế hoạch nào để so sánh.", "yellow")))
    return out


def render_text(report: DiffReport) -> RenderableType:
    """The diff for a terminal, in colour; output.plain() makes it a file's text."""
    from rich.console import Group

    return Group(*renderables(report))


def plain_text(report: DiffReport, width: int = 100) -> str:
    """The text output without colours, for a file."""
    from cchc_cli.output import plain

    return plain(render_text(report), width)
