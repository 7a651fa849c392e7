"""The summary of a run over a folder of units: how many reports, and who has none and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.problems import display_path

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cchc_cli.report.run import FolderOutcome


def folder_summary(outcome: FolderOutcome) -> RenderableType:
    """A line of counts, then a table of the units skipped or failed with the reason."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    counts = Text(
        f"Đã ghi {len(outcome.written)} báo cáo; bỏ qua {len(outcome.skipped)} đơn vị; "
        f"lỗi {len(outcome.failed)} đơn vị."
    )
    if not (outcome.skipped or outcome.failed):
        return counts
    table = Table(title="Đơn vị không có báo cáo", title_justify="left")
    table.add_column("Kế hoạch", overflow="fold")
    table.add_column("Kết quả")
    table.add_column("Lý do và cách xử lý", overflow="fold")
    for path, reason in outcome.skipped:
        table.add_row(Text(display_path(path)), "bỏ qua", Text(reason))
    for path, exc in outcome.failed:
        why = f"{exc.message} → {exc.hint}" if exc.hint else exc.message
        table.add_row(Text(display_path(path)), "lỗi", Text(why))
    return Group(counts, table)
