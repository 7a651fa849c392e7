"""`cchc rollup`'s writers (the workbook and the consolidated report) and what it prints."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli.output import lazy
from cchc_cli.problems import display_path
from cchc_cli.vietnamese import number

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cchc_cli.province.report import RollupReport

# Format name → writer; `cchc rollup --format` is built from these keys. The workbook is
# written from the report's context, the Word document from its rendered templates.
FORMATS: dict[str, Callable[[Any], bytes]] = {
    "xlsx": lazy("cchc_cli.output.rollup_xlsx", "write_xlsx"),
    "docx": lazy("cchc_cli.output.rollup_docx", "write_docx"),
}
ENDINGS = {"xlsx": ("xlsx",), "docx": ("docx",)}
RENDERED = frozenset({"docx"})
# Units not covered named in the terminal; the workbook lists them all.
NAMED = 10


def summary(report: RollupReport, written: Sequence[Path]) -> RenderableType:
    """What was written, how many units the totals cover, and the units left out."""
    from rich.console import Group
    from rich.text import Text

    rollup = report.rollup
    lines = [Text(f"Đã ghi {display_path(path)}") for path in written]
    counts = (
        f"Tổng hợp {report.period.name}: {number(report.covered)}/{number(report.due)} đơn vị "
        "phải báo cáo đủ số liệu và được cộng vào tổng"
    )
    parts = []
    if report.incomplete:
        parts.append(f"{number(report.incomplete)} chưa đủ số liệu")
    if report.invalid:
        parts.append(f"{number(report.invalid)} có tệp lỗi")
    if report.filed_late:
        parts.append(f"{number(report.filed_late)} gửi sau hạn")
    if report.skipped:
        parts.append(f"{number(report.skipped)} đơn vị không tổng hợp")
    lines.append(Text(counts + (f"; {', '.join(parts)}." if parts else ".")))
    left_out = [
        line for line in rollup.lines if not line.covered and line.standing != "không tổng hợp"
    ]
    for line in left_out[:NAMED]:
        found = line.digest
        why = f"{line.standing}" + (f": {found.reason}" if found.reason else "")
        lines.append(Text(f"  {found.unit} ({found.plan}): {why}", style="yellow"))
    if len(left_out) > NAMED:
        lines.append(
            Text(
                f"  … và {number(len(left_out) - NAMED)} đơn vị nữa: xem trang 'Chưa đủ, gửi sau hạn' "
                "của bảng tính, hoặc cchc status",
                style="dim",
            )
        )
    if report.gaps:
        what = ", ".join(report.office_gaps) if report.office_gaps else ""
        lines.append(
            Text(
                f"Báo cáo tổng hợp là bản dự thảo: còn {number(report.gaps)} chỗ '…' "
                + (f"(thông tin của cơ quan: {what}; " if what else "(")
                + "phần đánh giá, kiến nghị) để điền trước khi trình ký.",
                style="yellow",
            )
        )
    if report.sample:
        lines.append(Text("Số liệu có DỮ LIỆU MẪU: không dùng để gửi báo cáo.", style="yellow"))
    return Group(*lines)
