"""The report's figures as a workbook (`cchc report -o x.xlsx`): what the Sở Nội vụ adds up.

The same figures as the Word report: the indicators (target, actual, the counts behind
a rate, the verdict), the tasks' standing, and the TTHC dossiers by field when the
quarters' statistics were imported. Rates are formulas of their counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_cli.output.xlsx import Column, Ratio, Sheet, Typed, workbook_bytes
from cchc_cli.vietnamese import date_short

if TYPE_CHECKING:
    from cchc_cli.report.build import RenderedReport
    from cchc_cli.report.context import ReportContext
    from cchc_cli.report.rows import IndicatorRow


def _title(r: ReportContext, what: str) -> tuple[str, ...]:
    lines = [
        f"{r.unit_name.upper()}",
        f"{what} {r.period.name}",
        f"Kỳ số liệu: từ ngày {date_short(r.period.window_start)} đến ngày "
        f"{date_short(r.period.window_end)}"
        + (
            f"; số liệu từ ngày {date_short(r.estimate_from)} là ước thực hiện"
            if r.estimate_from
            else ""
        ),
        f"(Kèm theo Báo cáo số      /{r.document_code} ngày {date_short(r.report_date)})",
    ]
    if r.sample:
        lines.append("DỮ LIỆU MẪU: số liệu giả định để minh họa, không phải số liệu thật.")
    if r.draft:
        lines.append("BẢN DỰ THẢO: còn mục chưa có số liệu (…).")
    return tuple(lines)


# Where "Tử số" and "Mẫu số" stand among the indicator sheet's columns (``_indicators``).
NUMERATOR_COLUMN, DENOMINATOR_COLUMN = 5, 6


def _actual(row: IndicatorRow) -> Any:
    figures = row.figures
    if figures is None or figures.value is None:
        return row.actual
    if figures.rate:
        return Ratio(NUMERATOR_COLUMN, DENOMINATOR_COLUMN)
    return Typed(figures.value, "percent" if row.unit == "%" else "decimal")


def _target(row: IndicatorRow) -> Any:
    figures = row.figures
    if figures is None or figures.target is None:
        return None
    return Typed(figures.target, "percent" if row.unit == "%" else "decimal")


def _indicators(r: ReportContext) -> Sheet:
    columns = (
        Column("STT", 6, "count"),
        Column("Chỉ tiêu", 48),
        Column("Đơn vị tính", 10),
        Column("Chỉ tiêu kế hoạch", 16),
        Column("Giá trị chỉ tiêu", 10),
        Column("Tử số", 10, "count"),
        Column("Mẫu số", 10, "count"),
        Column("Thực hiện", 18),
        Column("Đánh giá", 16),
        Column("Ghi chú", 30),
    )
    rows = []
    for row in r.indicators:
        figures = row.figures
        rate = figures if figures is not None and figures.rate else None
        numerator = rate.numerator if rate is not None else None
        denominator = rate.denominator if rate is not None else None
        rows.append(
            (
                row.stt,
                row.name,
                row.unit,
                row.target,
                _target(row),
                numerator,
                denominator,
                _actual(row),
                row.verdict,
                row.note,
            )
        )
    notes = (
        "Tỷ lệ (cột Thực hiện) được bảng tính tính lại từ Tử số và Mẫu số.",
        "Chỉ tiêu cả năm chỉ được đánh giá đạt/chưa đạt ở báo cáo năm.",
    )
    return Sheet(
        "Chỉ tiêu", columns, tuple(rows), _title(r, "Kết quả thực hiện các chỉ tiêu"), notes
    )


def _tasks(r: ReportContext) -> Sheet:
    columns = (
        Column("STT", 6, "count"),
        Column("Mã", 10),
        Column("Nhiệm vụ", 48),
        Column("Chủ trì", 24),
        Column("Thời hạn", 14),
        Column("Tình trạng", 18),
        Column("Ngày hoàn thành", 14),
    )
    rows = tuple(
        (t.stt, t.id, t.label, t.lead, t.due, t.status, t.completed or "") for t in r.tasks
    )
    summary = r.summary
    notes = (
        f"Tổng số {summary.total} nhiệm vụ: hoàn thành {summary.done}, đang thực hiện "
        f"{summary.in_progress}, chưa thực hiện {summary.not_started}.",
    )
    return Sheet("Nhiệm vụ", columns, rows, _title(r, "Tình hình thực hiện các nhiệm vụ"), notes)


def _tthc(r: ReportContext) -> Sheet | None:
    table = r.tthc
    if table is None:
        return None
    columns = (
        Column("STT", 6, "count"),
        Column("Lĩnh vực", 36),
        *(Column(c.short, 12, "count") for c in table.columns),
    )
    rows: list[tuple[Any, ...]] = [
        (n, row.name, *row.counts) for n, row in enumerate(table.rows, start=1)
    ]
    rows.append((None, "Tổng cộng", *table.totals))
    notes = ("Nguồn: Hệ thống thông tin giải quyết thủ tục hành chính (Biểu số 06/VPCP/KSTT).",)
    return Sheet(
        "TTHC theo lĩnh vực",
        columns,
        tuple(rows),
        _title(r, "Kết quả giải quyết thủ tục hành chính theo lĩnh vực"),
        notes,
        bold_rows=frozenset({len(rows) - 1}),
    )


def write_xlsx(rendered: RenderedReport) -> bytes:
    """The workbook of the report's figures."""
    r = rendered.context
    sheets = [_indicators(r), _tasks(r)]
    table = _tthc(r)
    if table is not None:
        sheets.append(table)
    return workbook_bytes(sheets, title=rendered.subject)
