"""Hostile and broken spreadsheets end in a clear, located Vietnamese error, quickly."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cchc_cli.load.shape import load_model
from cchc_cli.load.spreadsheet import Limits, Uncomputed, read_spreadsheet
from cchc_cli.model.plan import Plan
from cchc_cli.problems import Problem, Severity
from cchc_cli.tthc.importer import TthcImport, import_tthc
from tests import tthc_exports as tx
from tests.helpers import PLANS

# Every hostile file must be refused well within this (the real figure is milliseconds
# for most; the row limit reads 10,000 rows first).
QUICK = 5.0


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_model(PLANS / "phu-lien-2024.yaml", Plan)
    assert loaded.model is not None
    return loaded.model


def timed_import(raw: bytes, name: str, plan: Plan, **kwargs: Any) -> TthcImport:
    start = time.perf_counter()
    result = import_tthc(raw, name, plan, **kwargs)
    assert time.perf_counter() - start < QUICK
    return result


def only(result: TthcImport, code: str) -> Problem:
    found = [p for p in result.problems if p.code == code]
    assert found, [f"{p.code} {p.message}" for p in result.problems]
    return found[0]


def errors(result: TthcImport) -> list[str]:
    return [p.code for p in result.problems if p.severity is Severity.ERROR]


def edited(edit: Callable[[Any, dict[str, int]], None], export: tx.Export = tx.Export()) -> bytes:
    return tx.build_xlsx(export, edit)


# ----------------------------------------------------------------- not a spreadsheet


def test_legacy_xls_is_refused(plan: Plan) -> None:
    raw = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000 + "Workbook".encode("utf-16-le")
    result = timed_import(raw, "bieu06.xls", plan)
    problem = only(result, "E502")
    assert ".xls" in problem.message and "lưu lại dạng Excel Workbook (.xlsx)" in problem.hint
    assert not result.ok


def test_password_protected_workbook_is_refused(plan: Plan) -> None:
    raw = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000 + "EncryptionInfo".encode("utf-16-le")
    problem = only(timed_import(raw, "bieu06.xlsx", plan), "E503")
    assert "mật khẩu" in problem.message


def test_xlsx_that_is_not_a_zip_is_refused(plan: Plan) -> None:
    problem = only(timed_import(b"STT;Linh vuc\n1;2\n", "bieu06.xlsx", plan), "E504")
    assert "không phải tệp nén zip" in problem.message


def test_html_page_saved_as_xls_is_named(plan: Plan) -> None:
    raw = "<html><body><table><tr><td>Lĩnh vực</td></tr></table></body></html>".encode()
    problem = only(timed_import(raw, "bieu06.xls", plan), "E504")
    assert "trang web (HTML)" in problem.message


def test_broken_zip_is_refused(plan: Plan) -> None:
    raw = tx.build_xlsx()[:-200]
    assert only(timed_import(raw, "bieu06.xlsx", plan), "E504").message.startswith("Tệp .xlsx")


def test_unknown_format_is_refused(plan: Plan) -> None:
    problem = only(timed_import(b"%PDF-1.7 ...", "bieu06.pdf", plan), "E501")
    assert "'.pdf'" in problem.message


# ----------------------------------------------------------------------------- bombs


def test_zip_bomb_is_refused_from_the_zip_directory(plan: Plan) -> None:
    raw = tx.replace_part(tx.build_xlsx(), "xl/theme/theme1.xml", b"<a/>" + b" " * (4 << 20))
    result = timed_import(raw, "bieu06.xlsx", plan)
    problem = only(result, "E505")
    assert "xl/theme/theme1.xml" in problem.message and "lần" in problem.message
    assert result.table is None


def test_total_unpacked_size_is_capped() -> None:
    problems = tx_problems()
    limits = Limits(max_unpacked=10_000)
    assert read_spreadsheet(tx.build_xlsx(), "a.xlsx", problems, limits=limits) is None
    assert [p.code for p in problems.items] == ["E505"]
    assert "giải nén ra" in problems.items[0].message


def test_too_many_parts_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(1_001):
            archive.writestr(f"x/{n}.xml", "<a/>")
    problems = tx_problems()
    assert read_spreadsheet(buffer.getvalue(), "a.xlsx", problems) is None
    assert "1.001 phần" in problems.items[0].message


def test_oversized_file_is_refused_before_reading(plan: Plan) -> None:
    problem = only(timed_import(b"PK\x03\x04" + b"\0" * (21 << 20), "a.xlsx", plan), "E505")
    assert "quá lớn" in problem.message


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    + b"]>"
)


def test_xml_bomb_is_refused_before_openpyxl_parses(plan: Plan) -> None:
    raw = tx.build_xlsx()
    sheet = tx.read_part(raw, tx.SHEET)
    raw = tx.replace_part(
        raw, tx.SHEET, BILLION_LAUGHS + sheet.replace("Hộ tịch".encode(), b"&lol9;")
    )
    problem = only(timed_import(raw, "bieu06.xlsx", plan), "E506")
    assert tx.SHEET in problem.message and "bom XML" in problem.message


def test_openpyxl_parses_with_defusedxml() -> None:
    # The second line of defence, if a DTD ever got past the prolog check.
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.slow
def test_a_million_rows_stop_at_the_row_limit(plan: Plan) -> None:
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="n"><v>1</v></c></row>' % (n, n) for n in range(1, 1_000_001)
    )
    raw = tx.build_xlsx()
    sheet = tx.read_part(raw, tx.SHEET)
    head, _, rest = sheet.partition(b"<sheetData>")
    _, _, tail = rest.partition(b"</sheetData>")
    raw = tx.replace_part(raw, tx.SHEET, head + b"<sheetData>" + rows + b"</sheetData>" + tail)
    result = timed_import(raw, "bieu06.xlsx", plan)
    problem = only(result, "E508")
    assert "quá 10.000 dòng" in problem.message and problem.line == 10_001


# ---------------------------------------------------------------------------- cells


def test_formula_imports_its_cached_value(plan: Plan) -> None:
    def formula(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(where["last"], 3, "=SUM(C11:C16)")

    raw = edited(formula)
    row = tx_row_of(raw)
    xml = tx.read_part(raw, tx.SHEET).replace(
        f'<c r="C{row}"><f>SUM(C11:C16)</f><v></v></c>'.encode(),
        f'<c r="C{row}"><f>SUM(C11:C16)</f><v>1286</v></c>'.encode(),
    )
    result = timed_import(tx.replace_part(raw, tx.SHEET, xml), "bieu06.xlsx", plan)
    assert result.ok, [p.message for p in result.problems]
    assert result.table is not None and result.table.value(result.table.totals, "tiep-nhan") == 1286


def tx_row_of(raw: bytes) -> int:
    book = openpyxl.load_workbook(io.BytesIO(raw))
    sheet = book.active
    assert sheet is not None
    return next(r for r in range(1, 40) if sheet.cell(r, 1).value == "Tổng cộng")


def test_formula_without_cached_value_is_an_error_at_its_cell(plan: Plan) -> None:
    def formula(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(where["first"], 3, "=D11+E11+F11")

    result = timed_import(edited(formula), "bieu06.xlsx", plan)
    problem = only(result, "E519")
    assert problem.line == 11 and problem.column == 3
    assert "ô C11" in problem.message and "=D11+E11+F11" in problem.message
    assert not result.ok


def test_uncomputed_formula_reads_as_such() -> None:
    def formula(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(where["first"], 3, "=1+1")

    book = read_spreadsheet(edited(formula), "a.xlsx", tx_problems())
    assert book is not None
    row = next(r for r in book.sheets[0].rows if r.number == 11)
    assert row.get(3) == Uncomputed("=1+1")


def test_merged_cells_across_data_are_an_error(plan: Plan) -> None:
    def merge(sheet: Any, where: dict[str, int]) -> None:
        sheet.merge_cells(start_row=12, start_column=3, end_row=13, end_column=3)

    problem = only(timed_import(edited(merge), "bieu06.xlsx", plan), "E514")
    assert "C12:C13" in problem.message and (problem.line, problem.column) == (12, 3)


def test_hidden_rows_are_read_and_named(plan: Plan) -> None:
    def hide(sheet: Any, where: dict[str, int]) -> None:
        sheet.row_dimensions[13].hidden = True

    result = timed_import(edited(hide), "bieu06.xlsx", plan)
    assert result.ok
    problem = only(result, "W528")
    assert "dòng 13" in problem.message and "vẫn được tính" in problem.message
    assert result.table is not None and any(r.hidden for r in result.table.rows)


def test_hidden_sheet_is_not_read(plan: Plan) -> None:
    raw = tx.build_xlsx(tx.Export(extra_sheets=("Nháp",)))
    book = openpyxl.load_workbook(io.BytesIO(raw))
    book.move_sheet("Nháp", offset=-1)
    book["Nháp"].sheet_state = "hidden"
    result = timed_import(tx.save(book), "bieu06.xlsx", plan)
    assert result.ok
    assert "Trang ẩn 'Nháp' không được đọc" in only(result, "W527").message


def test_only_sheet_hidden_is_read(plan: Plan) -> None:
    # openpyxl refuses to write this; Excel does not, and neither do scripts.
    raw = tx.build_xlsx()
    workbook = tx.read_part(raw, "xl/workbook.xml").replace(
        b'state="visible" r:id', b'state="hidden" r:id'
    )
    result = timed_import(tx.replace_part(raw, "xl/workbook.xml", workbook), "bieu06.xlsx", plan)
    assert result.ok
    assert "vẫn đọc" in only(result, "W527").message


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        (-5, "E516", "số âm (-5)"),
        ("-5", "E516", "số âm (-5)"),
        (12.5, "E517", "số lẻ (12,5)"),
        ("12,5", "E517", "số lẻ (12,5)"),
        (datetime(2024, 1, 5), "E518", "ngày tháng"),
        ("mười", "E515", "'mười'"),
    ],
)
def test_bad_counts_are_errors_at_their_cell(plan: Plan, value: Any, code: str, words: str) -> None:
    def put(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(where["first"] + 2, 8, value)

    result = timed_import(edited(put), "bieu06.xlsx", plan)
    problem = only(result, code)
    assert (problem.line, problem.column) == (13, 8)
    assert "Trang 'Biểu 06', ô H13 (cột 'Số hồ sơ đã giải quyết / Trước hạn')" in problem.message
    assert words in problem.message
    assert not result.ok


def test_numbers_stored_as_text_with_thousands_dots_are_read(plan: Plan) -> None:
    result = timed_import(tx.build_xlsx(tx.PROVINCE), "bieu06.xlsx", plan)
    assert result.ok
    assert result.table is not None and result.table.value(result.table.totals, "tiep-nhan") == 1286


def test_empty_sheet_is_refused(plan: Plan) -> None:
    book = openpyxl.Workbook()
    problem = only(timed_import(tx.save(book), "bieu06.xlsx", plan), "E509")
    assert "không có ô nào có nội dung" in problem.message


# ------------------------------------------------------------------------------ CSV


def test_csv_in_windows_1258_is_refused(plan: Plan) -> None:
    raw = tx.build_csv(bom=False).decode("utf-8").encode("cp1258", errors="replace")
    problem = only(timed_import(raw, "bieu06.csv", plan), "E507")
    assert problem.line == 1 and "không phải UTF-8" in problem.message
    assert "CSV UTF-8" in problem.hint


def test_csv_in_tcvn3_is_refused(plan: Plan) -> None:
    # "Lĩnh vực" typed with a .VnTime font: the TCVN3 bytes, read as Latin-1.
    raw = "STT,LÜnh vùc\n1,Hé tÞch\n".encode("latin-1")
    problem = only(timed_import(raw, "bieu06.csv", plan), "E507")
    assert "TCVN3" in problem.message


def test_csv_in_utf16_is_refused(plan: Plan) -> None:
    raw = tx.build_csv(bom=False).decode("utf-8").encode("utf-16")
    assert "UTF-16" in only(timed_import(raw, "bieu06.csv", plan), "E507").message


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_utf8_with_or_without_bom_is_read(plan: Plan, bom: bool, delimiter: str) -> None:
    raw = tx.build_csv(delimiter=delimiter, bom=bom)
    result = timed_import(raw, "bieu06.csv", plan)
    assert result.ok, [p.message for p in result.problems]
    assert result.table is not None and result.table.sheet is None


def test_csv_cell_locations_are_lines_and_fields(plan: Plan) -> None:
    text = tx.build_csv().decode("utf-8-sig").replace(",1286,", ",1286x,", 1)
    result = timed_import(text.encode(), "bieu06.csv", plan)
    problem = only(result, "E515")
    assert problem.message.startswith("Dòng 17, cột C")
    assert (problem.line, problem.column) == (17, 3)


def tx_problems() -> Any:
    from cchc_cli.problems import ProblemList

    return ProblemList("a.xlsx")


def test_nothing_is_written(tmp_path: Path, plan: Plan) -> None:
    # The core reads bytes and returns values: no file appears anywhere.
    before = set(tmp_path.iterdir())
    timed_import(tx.build_xlsx(), "bieu06.xlsx", plan)
    assert set(tmp_path.iterdir()) == before
