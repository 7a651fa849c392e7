"""The imported table kept in the quarter's progress file (``tthc_table:``), by field.

The clerk's figures are edited in place by tthc.merge; this block is the tool's own, so
it is written whole: replaced at each import, appended the first time. The report shows
the table by field from it, and workbooks add it up, without the export at hand.
"""

from __future__ import annotations

import json
import re

from cchc_cli.tthc.result import TthcTable

KEY = "tthc_table"
_TOP_KEY = re.compile(r"^\S")  # anything at column 0 ends the block


def _text(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any text, quotes and colons included.
    return json.dumps(value, ensure_ascii=False)


def _numbers(values: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def table_block(table: TthcTable, source: str) -> str:
    """The ``tthc_table:`` block for ``table``, read from the file shown as ``source``."""
    lines = [
        f"{KEY}:  # bảng thống kê TTHC theo lĩnh vực, do cchc progress import ghi; đừng sửa tay",
        f"  source: {_text(source)}",
    ]
    if table.sheet:
        lines.append(f"  sheet: {_text(table.sheet)}")
    if table.period is not None:
        lines.append(f"  period_start: {table.period.start.isoformat()}")
        lines.append(f"  period_end: {table.period.end.isoformat()}")
    lines.append("  columns:")
    lines += [f"    - {{key: {_text(c.key)}, title: {_text(c.title)}}}" for c in table.columns]
    lines.append("  fields:" + ("" if table.rows else " []"))
    lines += [
        f"    - {{name: {_text(row.name)}, counts: {_numbers(row.counts)}}}" for row in table.rows
    ]
    lines.append(f"  totals: {_numbers(table.totals.counts)}")
    return "\n".join(lines) + "\n"


def with_table(text: str, block: str) -> str:
    """``text`` with its ``tthc_table:`` block replaced by ``block``, or ``block`` added."""
    lines = text.splitlines(keepends=True)
    start = next((n for n, line in enumerate(lines) if line.startswith(f"{KEY}:")), None)
    if start is None:
        ending = "" if not text or text.endswith("\n") else "\n"
        return text + ending + block
    end = start + 1
    while end < len(lines) and not _TOP_KEY.match(lines[end]):
        end += 1
    return "".join([*lines[:start], block, *lines[end:]])
