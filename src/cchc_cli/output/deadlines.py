"""The year's reporting calendar as a table for a terminal (`cchc deadlines`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.vietnamese import date_short, days_left

if TYPE_CHECKING:
    from rich.table import Table

    from cchc_cli.deadlines import Deadline


def remaining(row: Deadline) -> str:
    """ "còn 12 ngày", "hôm nay", "quá hạn 3 ngày", or "đã lập" once written; a draft
    alone does not count as written: "còn 12 ngày" over "có dự thảo" (two lines, so the
    table still fits an 80-column console)."""
    if row.written:
        return "đã lập"
    left = days_left(row.days_left)
    return f"{left}\ncó dự thảo" if row.drafted else left


def deadline_table(rows: list[Deadline], title: str) -> Table:
    """The rows as a rich table; the next report due is in bold."""
    from rich import box
    from rich.table import Table

    # Compact, without vertical rules, so the table fits an 80-column Windows console.
    table = Table(
        title=title,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
    )
    for header in ("Kỳ báo cáo", "Kỳ số liệu", "Ngày chốt", "Hạn gửi", "Còn lại"):
        table.add_column(header, overflow="fold")  # a narrow console wraps, never cuts
    upcoming = [r for r in rows if r.days_left >= 0 and not r.written]
    next_row = min(upcoming, key=lambda r: r.days_left) if upcoming else None
    for row in rows:
        dates = row.dates
        cutoff = date_short(dates.cutoff) + ("*" if dates.estimated else "")
        style = "bold" if row is next_row else ("red" if row.overdue else None)
        table.add_row(
            row.period.label,
            f"{date_short(dates.window_start)} – {date_short(dates.window_end)}",
            cutoff,
            date_short(dates.send_before),
            remaining(row),
            style=style,
        )
    if any(r.dates.estimated for r in rows):
        table.caption = "* Số liệu sau ngày chốt đến hết kỳ số liệu là ước thực hiện."
    return table
