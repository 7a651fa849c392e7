"""The diff as Markdown, for a pull-request comment."""

from __future__ import annotations

import re

from cchc_cli.diff.changes import DiffReport, ItemChange, PlanDiff, Status
from cchc_cli.diff.wording import WordOp
from cchc_cli.output.diff.present import (
    GENERAL_TITLE,
    area_rows,
    field_line,
    headline,
    line_title,
    marks_words,
    numbered_areas,
    shows_text,
    years_note,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape(text: str) -> str:
    """User text that Markdown shows as written (no accidental emphasis or tables)."""
    return _SPECIAL.sub(r"\\\1", text)


# Removed and added words, one way only, never bold (bold is for headlines).
_MARKS = {"-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}


def _words(ops: tuple[WordOp, ...]) -> str:
    out = ""
    for op, words in ops:
        text = escape(words.lstrip(" "))
        out += " " if words.startswith(" ") else ""
        if op == "=" or not text:
            out += text
            continue
        start, end = _MARKS[op]
        out += f"{start}{text}{end}"
    return out


def _texts(old: str | None, new: str | None, ops: tuple[WordOp, ...], rewritten: bool) -> list[str]:
    if rewritten:
        return [f"  - Cũ: {escape(old or '')}", f"  - Mới: {escape(new or '')}"]
    return [f"  - {_words(ops)}"]


def _summary(diff: PlanDiff) -> list[str]:
    lines = ["| Lĩnh vực | Thêm | Bỏ | Sửa | Cộng |", "|---|--:|--:|--:|--:|"]
    for row in area_rows(diff):
        if row.total:
            lines.append(
                f"| {row.title} | {row.added} | {row.removed} | {row.changed} | {row.total} |"
            )
    lines.append(f"| **Tổng cộng** | | | | **{diff.change_count}** |")
    return lines


def _item(kind: str, item: ItemChange) -> list[str]:
    lines = [f"- **{escape(headline(kind, item))}**"]
    if item.status is Status.CHANGED and item.reworded:
        lines += _texts(item.old_text, item.new_text, item.words, item.rewritten)
    elif shows_text(item):
        lines.append(f"  - {escape(item.new_text or item.old_text or '')}")
    lines += [f"  - {escape(field_line(f, item.status))}" for f in item.fields]
    return lines


def _general(diff: PlanDiff) -> list[str]:
    if not (diff.general or diff.lines):
        return []
    lines = ["", f"### {GENERAL_TITLE}", ""]
    for change in diff.general:
        if marks_words(change):
            lines += [f"- **{escape(change.label)}**", f"  - {_words(change.words)}"]
        else:
            lines.append(f"- {escape(field_line(change))}")
    for line in diff.lines:
        if line.status is Status.CHANGED:
            lines.append(f"- **{escape(line_title(line))}**")
            lines += _texts(line.old_text, line.new_text, line.words, line.rewritten)
        else:
            lines.append(f"- **{escape(line_title(line))}**: {escape(line.text)}")
    return lines


def _pair(diff: PlanDiff) -> list[str]:
    lines = [
        f"## So sánh kế hoạch: `{diff.old.path}` → `{diff.new.path}`",
        "",
        "| | Cũ | Mới |",
        "|---|---|---|",
        f"| Kế hoạch | {escape(diff.old.title)} | {escape(diff.new.title)} |",
        f"| Số, ký hiệu | {escape(diff.old.number)} | {escape(diff.new.number)} |",
    ]
    if note := years_note(diff):
        lines += ["", f"_{escape(note)}_"]
    if diff.empty:
        return [*lines, "", "Không có thay đổi."]
    lines += ["", "### Số thay đổi theo lĩnh vực", "", *_summary(diff), *_general(diff)]
    for number, (_code, title, items) in enumerate(numbered_areas(diff), start=1):
        lines += ["", f"### {number}. {title}", ""]
        for kind, item in items:
            lines += _item(kind, item)
    return lines


def render_markdown(report: DiffReport) -> str:
    """Every comparison of the run, then the plans left unpaired."""
    lines: list[str] = []
    for pair in report.pairs:
        if lines:
            lines += ["", "---", ""]
        lines += _pair(pair)
    for label, names in (("cũ", report.unpaired_old), ("mới", report.unpaired_new)):
        if names:
            lines += ["", f"### Kế hoạch chỉ có ở thư mục {label}", ""]
            lines += [f"- `{name}`" for name in names]
    if not lines:
        lines.append("Không có kế hoạch nào để so sánh.")
    return "\n".join(lines).lstrip("\n") + "\n"
