"""`cchc report -o x.xlsx`: the report's figures as a workbook, the same as in the .docx;
and the TTHC dossiers by field (Phụ lục III) once the quarter's statistics are imported."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests import tthc_exports as tx
from tests.helpers import PLANS, ROOT, run_cli


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLANS, tmp_path / "plans")
    shutil.copytree(ROOT / "progress", tmp_path / "progress")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _report(*extra: str) -> None:
    result = run_cli(
        "report", "-q", "2024-Q1", "plans/phu-lien-2024.yaml", "--date", "2024-03-04", *extra
    )
    assert result.exit_code == 0, result.stderr


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_the_workbook_has_the_reports_figures(unit: Path) -> None:
    _report("-o", "bc.xlsx")
    _report("-o", "bc.docx")
    book = load_workbook(unit / "bc.xlsx")
    assert book.sheetnames == ["Chỉ tiêu", "Nhiệm vụ"]  # no statistics imported: no third
    sheet = book["Chỉ tiêu"]
    assert sheet["A1"].value == "ỦY BAN NHÂN DÂN PHƯỜNG PHÙ LIỄN"
    assert any("DỮ LIỆU MẪU" in str(c.value) for c in sheet["A"] if c.value)
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "STT")
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    on_time = next(r for r in rows if "trước và đúng hạn" in r[1])
    numerator, denominator = on_time[header.index("Tử số")], on_time[header.index("Mẫu số")]
    assert (numerator, denominator) == (1252, 1264)
    assert on_time[header.index("Thực hiện")].startswith("=IF(N(")
    assert on_time[header.index("Giá trị chỉ tiêu")] == pytest.approx(0.95)
    text = _docx_text(unit / "bc.docx")
    assert "99,05%" in text and f"{numerator * 100 / denominator:.2f}".replace(".", ",") == "99,05"
    tasks = book["Nhiệm vụ"]
    assert sum(1 for r in tasks.iter_rows(values_only=True) if isinstance(r[0], int)) == 28


def test_the_same_inputs_give_the_same_workbook(unit: Path) -> None:
    _report("-o", "a.xlsx")
    _report("-o", "b.xlsx")
    assert (unit / "a.xlsx").read_bytes() == (unit / "b.xlsx").read_bytes()
    again = run_cli("report", "-q", "2024-Q1", "plans/phu-lien-2024.yaml", "-o", "a.xlsx")
    assert again.exit_code == 3  # never over an existing file without --force


def test_imported_statistics_give_the_table_by_field(unit: Path) -> None:
    (unit / "bieu06.xlsx").write_bytes(tx.build_xlsx())
    imported = run_cli("progress", "import", "bieu06.xlsx", "plans/phu-lien-2024.yaml", "--force")
    assert imported.exit_code == 0, imported.stderr
    _report("-o", "bc.docx")
    _report("-o", "bc.xlsx")
    text = _docx_text(unit / "bc.docx")
    assert "Phụ lục III" in text and "Lao động - Thương binh và Xã hội" in text
    by_field = load_workbook(unit / "bc.xlsx")["TTHC theo lĩnh vực"]
    values = list(by_field.iter_rows(values_only=True))
    total = next(r for r in values if r[1] == "Tổng cộng")
    assert total[2] == 1286 and "1.286" in text


@pytest.mark.libreoffice
def test_calc_opens_the_workbook_with_the_same_rates(unit: Path, soffice: str) -> None:
    _report("-o", "bc.xlsx")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(unit), str(unit / "bc.xlsx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    rows = list(csv.reader((unit / "bc.csv").read_text(encoding="utf-8").splitlines()))
    on_time = next(r for r in rows if "trước và đúng hạn" in (r[1] if len(r) > 1 else ""))
    assert "99.05%" in on_time
