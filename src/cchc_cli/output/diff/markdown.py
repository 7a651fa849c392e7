"""The diff as Markdown, for a pull-request comment."""

from __future__ import annotations

import re

from cchc_cli.diff.changes import DiffReport, ItemChange, PlanDiff, Status
from cchc_cli.output.diff.present import (
    GENERAL_TITLE,
    area_rows,
    field_line,
    headline,
    line_title,
    numbered_areas,
    years_note,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape(text: str) -> str:
    """User text that Markdown shows as written (no accidental emphasis or tables)."""
    return _SPECIAL.sub(r"\\\1", text)


_MARKS = {"-": ("~~", "~~", "<del>", "</del>"), "+": ("**", "**", "<ins>", "</ins>")}


def _flanked(text: str, before: str, after: str) -> bool:
    """Whether ``**text**`` between ``before`` and ``after`` is emphasis in CommonMark."""
    opens = text[0].isalnum() or not before or not before[-1].isalnum()
    closes = text[-1].isalnum() or not after or not after[0].isalnum()
    return opens and closes


def _words(item: ItemChange) -> str:
    out = ""
    ops = item.words
    for index, (op, words) in enumerate(ops):
        text = escape(words.lstrip(" "))
        out += " " if words.startswith(" ") else ""
        if op == "=" or not text:
            out += text
            continue
        after = ops[index + 1][1] if index + 1 < len(ops) else ""
        start, end, html_start, html_end = _MARKS[op]
        if not _flanked(text, out, after):
            start, end = html_start, html_end
        out += f"{start}{text}{end}"
    return out


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
    if item.reworded:
        lines.append(f"  - {_words(item)}")
    elif item.status is not Status.CHANGED or item.fields or item.moved:
        lines.append(f"  - {escape(item.new_text or item.old_text or '')}")
    lines += [f"  - {escape(field_line(f, item.status))}" for f in item.fields]
    return lines


def _general(diff: PlanDiff) -> list[str]:
    if not (diff.general or diff.lines):
        return []
    lines = ["", f"### {GENERAL_TITLE}", ""]
    lines += [f"- {escape(field_line(f))}" for f in diff.general]
    lines += [f"- **{escape(line_title(line))}**: {escape(line.text)}" for line in diff.lines]
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
