"""The province's workbook (.xlsx): every unit's figures, totals by block and for the
province, the units missing or late, the rankings, and the TTHC table by field.

Counts are numbers; every rate is a formula of its counts in the same row, and every
subtotal and total a SUM of the rows above it, so the totals are recomputed from summed
counts, never averaged from percentages, and stay right when a reader corrects a figure.
A unit that is not covered (its report cannot be made) has no figures in the table: it
counts in no total, and its line says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cchc_cli.model.plan import Measure
from cchc_cli.model.shared import SHARED
from cchc_cli.output.xlsx import Column, Ratio, Sheet, Sum, workbook_bytes
from cchc_cli.province.lines import Standing, UnitLine
from cchc_cli.province.report import RollupReport
from cchc_cli.province.rollup import Rollup, SharedTotal
from cchc_cli.province.tthc import TITLES
from cchc_cli.vietnamese import date_short, days_left, number

SAMPLE_LINE = "DỮ LIỆU MẪU: số liệu minh họa của các đơn vị giả định, không dùng để gửi báo cáo."
BASE = (
    Column("STT", 6, "count"),
    Column("Đơn vị", 24),
    Column("Khối", 16),
    Column("Tệp kế hoạch", 24),
    Column("Tình hình báo cáo", 16),
    Column("Hạn gửi", 12),
    Column("Tệp tiến độ sửa lần cuối", 13),
    Column("Gửi đúng hạn", 9),
    Column("Số nhiệm vụ kế hoạch", 11, "count"),
    Column("Hoàn thành", 11, "count"),
    Column("Đang thực hiện", 11, "count"),
    Column("Chưa thực hiện", 11, "count"),
    Column("Tỷ lệ hoàn thành", 11, "percent"),
    Column("Xếp hạng trong khối", 9, "count"),
)
TOTAL_COLUMN, DONE_COLUMN = 8, 9


def write_xlsx(report: RollupReport) -> bytes:
    """The workbook's bytes; the same roll-up gives the same bytes."""
    rollup = report.rollup
    title = _title(report)
    sheets = [
        _units(rollup, title),
        _missing(rollup, title),
        _ranking(rollup, title),
        _tthc(rollup, title),
        _skipped(rollup, title),
    ]
    return workbook_bytes(sheets, title=title[0])


def _title(report: RollupReport) -> tuple[str, ...]:
    rollup = report.rollup
    lines = [
        f"TỔNG HỢP KẾT QUẢ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ "
        f"{rollup.period.name.upper()}",
        f"{' '.join(report.parent_lines)} – {' '.join(report.body_lines)}",
        f"Tổng hợp {number(len(rollup.covered))} trong {number(rollup.due)} đơn vị phải báo "
        f"cáo (đơn vị đủ số liệu); ngày tổng hợp {date_short(report.date)}.",
    ]
    if rollup.sample:
        lines.append(SAMPLE_LINE)
    return tuple(lines)


def _shared_columns(rollup: Rollup) -> list[Column]:
    columns = []
    for total in rollup.shared:
        name = total.indicator.short
        if total.indicator.measure is Measure.RATE:
            columns += [
                Column(f"{name}: tử số", 11, "count"),
                Column(f"{name}: mẫu số", 11, "count"),
                Column(f"{name}: tỷ lệ", 11, "percent"),
            ]
        else:
            columns.append(Column(f"{name}: {total.indicator.unit or 'giá trị'}", 11, "decimal"))
        columns.append(Column(f"{name}: đánh giá", 12))
    return columns


def _shared_cells(line: UnitLine, rollup: Rollup, start: int) -> list[Any]:
    cells: list[Any] = []
    figures = line.digest.figures
    for total in rollup.shared:
        result = figures.shared_result(total.indicator.code) if figures is not None else None
        rate = total.indicator.measure is Measure.RATE
        if result is None:
            cells += [None, None, None, None] if rate else [None, None]
        elif rate:
            at = start + len(cells)
            cells += [result.numerator, result.denominator, Ratio(at, at + 1), result.verdict]
        else:
            cells += [result.value, result.verdict]
    return cells


def _total_cells(
    totals: Sequence[SharedTotal], rows: tuple[tuple[int, int], ...], start: int
) -> list[Any]:
    cells: list[Any] = []
    for total in totals:
        verdict = f"{number(total.achieved)}/{number(total.judged)} đạt" if total.judged else ""
        if total.indicator.measure is Measure.RATE:
            at = start + len(cells)
            cells += [Sum(rows), Sum(rows), Ratio(at, at + 1), verdict]
        else:
            cells += [Sum(rows), verdict]
    return cells


def _unit_row(number_: int, line: UnitLine, rollup: Rollup) -> tuple[Any, ...]:
    found = line.digest
    covered = line.covered and found.figures is not None
    tasks = found.figures.tasks if covered and found.figures is not None else None
    on_time = "" if line.on_time is None else ("có" if line.on_time else "không")
    cells: list[Any] = [
        number_,
        found.unit,
        found.block,
        found.plan,
        line.standing,
        date_short(found.send_before) if found.send_before else "",
        date_short(found.filed_on) if found.filed_on else "",
        on_time,
        tasks.total if tasks else None,
        tasks.done if tasks else None,
        tasks.in_progress if tasks else None,
        tasks.not_started if tasks else None,
        Ratio(DONE_COLUMN, TOTAL_COLUMN) if tasks else None,
        line.rank,
    ]
    return (*cells, *_shared_cells(line, rollup, len(cells)))


def _units(rollup: Rollup, title: tuple[str, ...]) -> Sheet:
    columns = (*BASE, *_shared_columns(rollup))
    rows: list[tuple[Any, ...]] = []
    bold: set[int] = set()
    subtotals: list[tuple[int, int]] = []
    count = 0
    for block in rollup.blocks:
        lines = [
            line
            for line in rollup.lines
            if line.digest.block == block.name and line.standing != Standing.SKIPPED
        ]
        if not lines:
            continue
        first = len(rows)
        for line in lines:
            count += 1
            rows.append(_unit_row(count, line, rollup))
        span = ((first, len(rows) - 1),)
        rows.append(_subtotal(f"Cộng {block.name.lower()}", span, block.shared))
        bold.add(len(rows) - 1)
        subtotals.append((len(rows) - 1, len(rows) - 1))
    rows.append(_subtotal("Tổng cộng", tuple(subtotals), rollup.shared))
    bold.add(len(rows) - 1)
    notes = [
        "Tỷ lệ và tổng được tính trong bảng từ số liệu (tổng các đơn vị), không lấy trung "
        "bình các tỷ lệ. Chỉ đơn vị đủ số liệu có số liệu trong bảng và được cộng.",
        "Gửi đúng hạn: tệp tiến độ của kỳ được sửa lần cuối không sau hạn gửi (theo ngày sửa tệp).",
        "Xếp hạng trong khối: " + rollup.criterion + ".",
    ]
    notes += [
        f"{t.indicator.short} (mã {t.indicator.code}): "
        f"{t.indicator.title}; đánh giá như báo cáo của đơn vị, theo chỉ tiêu của đơn vị."
        for t in rollup.shared
    ]
    return Sheet("Các đơn vị", columns, tuple(rows), title, tuple(notes), frozenset(bold))


def _subtotal(
    label: str, rows: tuple[tuple[int, int], ...], shared: Sequence[SharedTotal]
) -> tuple[Any, ...]:
    cells: list[Any] = [None, label, "", "", "", "", "", ""]
    cells += [Sum(rows), Sum(rows), Sum(rows), Sum(rows), Ratio(DONE_COLUMN, TOTAL_COLUMN), None]
    return (*cells, *_total_cells(shared, rows, len(cells)))


def _missing(rollup: Rollup, title: tuple[str, ...]) -> Sheet:
    from cchc_cli.output.status import summary
    from cchc_cli.province.status import of_digest

    columns = (
        Column("STT", 6, "count"),
        Column("Đơn vị", 24),
        Column("Khối", 16),
        Column("Tệp kế hoạch", 24),
        Column("Tình hình báo cáo", 16),
        Column("Hạn gửi", 12),
        Column("Thời hạn", 16),
        Column("Còn thiếu", 30),
        Column("Chi tiết (tệp:dòng)", 70),
    )
    rows = []
    for n, line in enumerate(rollup.missing_or_late, start=1):
        found = line.digest
        status = of_digest(found, rollup.today)
        rows.append(
            (
                n,
                found.unit,
                found.block,
                found.plan,
                "đủ số liệu, gửi sau hạn" if line.covered else line.standing,
                date_short(found.send_before) if found.send_before else "",
                _timing(line),
                "" if line.covered else summary(status),
                "\n".join(_details(line)),
            )
        )
    notes = (
        "Gửi sau hạn: đơn vị đủ số liệu nhưng tệp tiến độ của kỳ được sửa lần cuối sau hạn gửi.",
        "Chưa đủ số liệu, tệp có lỗi: báo cáo của đơn vị chưa lập được (cchc status chỉ rõ "
        "còn thiếu gì); đơn vị không được cộng vào tổng.",
    )
    return Sheet("Chưa đủ, gửi sau hạn", columns, tuple(rows), title, notes)


def _timing(line: UnitLine) -> str:
    found = line.digest
    if line.covered:
        if found.filed_on and found.send_before:
            return f"sửa lần cuối {date_short(found.filed_on)}"
        return ""
    return "" if line.days_left is None else days_left(line.days_left)


DETAILS = 5


def _details(line: UnitLine) -> list[str]:
    found = line.digest
    said = [
        f"{p.path}:{p.line}: {p.code} {p.message}" if p.line else f"{p.path}: {p.code} {p.message}"
        for p in found.problems[:DETAILS]
    ]
    if len(found.problems) > DETAILS:
        said.append(
            f"… và {number(len(found.problems) - DETAILS)} mục nữa: cchc status {found.plan}"
        )
    if found.reason and not found.problems:
        said.append(found.reason)
    return said


def _ranking(rollup: Rollup, title: tuple[str, ...]) -> Sheet:
    columns = [
        Column("Khối", 16),
        Column("Hạng", 7, "count"),
        Column("Đơn vị", 24),
        Column("Số nhiệm vụ kế hoạch", 11, "count"),
        Column("Hoàn thành", 11, "count"),
        Column("Tỷ lệ hoàn thành", 11, "percent"),
    ]
    codes = [code for code in ("tthc-dung-han", "hai-long") if code in rollup.codes]
    for code in codes:
        short = SHARED[code].short
        columns += [
            Column(f"{short}: tử số", 11, "count"),
            Column(f"{short}: mẫu số", 11, "count"),
            Column(f"{short}: tỷ lệ", 11, "percent"),
        ]
    rows = []
    for block in rollup.blocks:
        for ranked in block.ranking:
            line = ranked.line
            tasks = line.tasks
            cells: list[Any] = [
                block.name,
                ranked.rank,
                line.digest.unit,
                tasks.total,
                tasks.done,
                Ratio(4, 3),
            ]
            figures = line.digest.figures
            for code in codes:
                result = figures.shared_result(code) if figures is not None else None
                at = len(cells)
                if result is None:
                    cells += [None, None, None]
                else:
                    cells += [result.numerator, result.denominator, Ratio(at, at + 1)]
            rows.append(tuple(cells))
    notes = (
        "Xếp hạng từng khối (phường riêng; xã, đặc khu riêng), chỉ các đơn vị đủ số liệu: "
        + rollup.criterion
        + ".",
    )
    return Sheet("Xếp hạng", tuple(columns), tuple(rows), title, notes)


def _tthc(rollup: Rollup, title: tuple[str, ...]) -> Sheet:
    columns = (
        Column("STT", 6, "count"),
        Column("Lĩnh vực", 30),
        *(Column(heading, 12, "count") for heading in TITLES),
    )
    table = rollup.tthc
    rows: list[tuple[Any, ...]] = []
    notes: list[str] = []
    if table is None:
        notes.append(
            "Không đơn vị đủ số liệu nào có bảng thống kê TTHC theo lĩnh vực (Biểu số "
            "06/VPCP/KSTT, nhập bằng cchc progress import) cho mọi quý của kỳ."
        )
    else:
        for n, (name, counts) in enumerate(table.fields, start=1):
            rows.append((n, name, *counts))
        span = ((0, len(rows) - 1),) if rows else ()
        rows.append((None, "Tổng cộng", *(Sum(span) for _ in TITLES)))
        notes.append(
            f"Cộng bảng Biểu số 06/VPCP/KSTT của {number(table.units)} đơn vị đủ số liệu "
            "có bảng cho mọi quý của kỳ; 6 tháng, năm: hồ sơ kỳ trước chuyển sang lấy của quý "
            "đầu kỳ, hồ sơ đang giải quyết lấy của quý cuối kỳ."
        )
    notes += [
        f"{line.digest.unit} ({line.digest.plan}): {note}." for line, note in rollup.tthc_notes
    ]
    bold = frozenset({len(rows) - 1}) if table is not None else frozenset()
    return Sheet("TTHC theo lĩnh vực", columns, tuple(rows), title, tuple(notes), bold)


def _skipped(rollup: Rollup, title: tuple[str, ...]) -> Sheet:
    columns = (
        Column("STT", 6, "count"),
        Column("Đơn vị", 24),
        Column("Tệp kế hoạch", 24),
        Column("Lý do không tổng hợp", 70),
    )
    rows = tuple(
        (n, line.digest.unit, line.digest.plan, line.reason)
        for n, line in enumerate(rollup.skipped, start=1)
    )
    notes = ("Đơn vị của năm hoặc chương trình khác, hoặc không phải lập báo cáo kỳ này.",)
    return Sheet("Không tổng hợp", columns, rows, title, notes)
