"""Workbooks as a clerk opens them: figures as numbers, ratios as formulas, text as text."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cchc_cli.output.xlsx import Column, Ratio, Sheet, workbook_bytes

SHEET = Sheet(
    "Chỉ số",
    (
        Column("STT", 5, "count"),
        Column("Nội dung", 40),
        Column("Đúng hạn", 10, "count"),
        Column("Tiếp nhận", 10, "count"),
        Column("Tỷ lệ", 10, "percent"),
        Column("Hài lòng", 10, "percent"),
    ),
    (
        (1, '=HYPERLINK("http://x")', 955, 1000, Ratio(2, 3), 96.5),
        (2, "+15% hồ sơ trực tuyến", 0, 0, Ratio(2, 3), None),
        (3, "-5 hồ sơ quá hạn", 1286, 1290, Ratio(2, 3), 100),
    ),
    title=("ỦY BAN NHÂN DÂN PHƯỜNG PHÙ LIỄN", "Kỳ số liệu: 15/12/2023 – 14/03/2024"),
    notes=("DỮ LIỆU MẪU",),
)


def test_same_sheets_same_bytes() -> None:
    assert workbook_bytes([SHEET], title="t") == workbook_bytes([SHEET], title="t")


def test_cells_keep_their_kind() -> None:
    book = load_workbook(io.BytesIO(workbook_bytes([SHEET])))
    ws = book["Chỉ số"]
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN PHƯỜNG PHÙ LIỄN" and ws["A1"].font.bold
    header = [c.value for c in ws[4]]
    assert header == ["STT", "Nội dung", "Đúng hạn", "Tiếp nhận", "Tỷ lệ", "Hài lòng"]
    first = ws[5]
    # The clerk's text that looks like a formula is stored as text, marked as such.
    assert first[1].value == '=HYPERLINK("http://x")' and first[1].data_type == "s"
    assert first[1].quotePrefix
    assert ws["B6"].data_type == "s" and ws["B7"].value == "-5 hồ sơ quá hạn"
    assert first[2].value == 955 and first[2].number_format == "#,##0"
    assert first[4].value == '=IF(N(D5)=0,"",C5/D5)' and first[4].number_format == "0.00%"
    assert first[5].value == pytest.approx(0.965)
    assert all(c.font.name == "Times New Roman" for row in ws.iter_rows() for c in row if c.value)
    assert ws.freeze_panes == "A5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9


@pytest.mark.libreoffice
def test_libreoffice_calc_computes_the_ratios(soffice: str, tmp_path: Path) -> None:
    source = tmp_path / "bang.xlsx"
    source.write_bytes(workbook_bytes([SHEET]))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    rows = list(csv.reader((tmp_path / "bang.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["ỦY BAN NHÂN DÂN PHƯỜNG PHÙ LIỄN", "", "", "", "", ""]
    assert rows[4][1:5] == ['=HYPERLINK("http://x")', "955", "1,000", "95.50%"]
    assert rows[5][1] == "+15% hồ sơ trực tuyến" and rows[5][4] == ""
    assert rows[6][4] == "99.69%"
