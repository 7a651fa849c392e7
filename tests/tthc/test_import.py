"""Importing realistic Biểu 06 exports: columns by header, totals, equations, period, unit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.codes import CODES
from cchc_cli.load.shape import load_model
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import Quarter
from cchc_cli.problems import Problem, Severity
from cchc_cli.tthc.importer import TthcImport, import_tthc
from tests import tthc_exports as tx
from tests.helpers import FIXTURES, ROOT, run_cli, write_tree

# The shipped plan as these tests were written against it (see the fixture's header).
PHU_LIEN = FIXTURES / "tthc" / "phu-lien-2024.yaml"
SAMPLE = {"received": 1286, "resolved": 1264, "early": 402, "on_time": 850, "late": 12}


def load_plan(path: Path = PHU_LIEN) -> Plan:
    loaded = load_model(path, Plan)
    assert loaded.model is not None, loaded.problems
    return loaded.model


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def codes(result: TthcImport, severity: Severity | None = None) -> list[str]:
    return [p.code for p in result.problems if severity is None or p.severity is severity]


def first(result: TthcImport, code: str) -> Problem:
    found = [p for p in result.problems if p.code == code]
    assert found, [f"{p.code} {p.message}" for p in result.problems]
    return found[0]


def counts(result: TthcImport, indicator: str) -> dict[str, int]:
    assert result.figures is not None, [p.message for p in result.problems]
    return {c.count: c.value for c in result.figures.of(indicator)}


EXPORTS = {
    "standard.xlsx": tx.build_xlsx,
    "province.xlsx": lambda: tx.build_xlsx(tx.PROVINCE),
    "standard.csv": tx.build_csv,
    "province.csv": lambda: tx.build_csv(tx.PROVINCE, delimiter=";"),
}


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_gives_the_plans_counts(plan: Plan, name: str) -> None:
    result = import_tthc(EXPORTS[name](), name, plan, Quarter(2024, 1))
    assert codes(result, Severity.ERROR) == []
    assert counts(result, "TTHC-DUNG-HAN") == SAMPLE
    assert counts(result, "TTHC-THEO-DOI") == {"received": 1286}
    assert result.figures is not None
    assert result.figures.indicators == ("TTHC-THEO-DOI", "TTHC-DUNG-HAN")


def test_columns_are_found_by_header_not_position(plan: Plan) -> None:
    result = import_tthc(tx.build_xlsx(tx.PROVINCE), "p.xlsx", plan)
    assert result.table is not None
    keys = [c.key for c in result.table.columns]
    assert keys[:4] == ["tiep-nhan", "ky-truoc", "truc-tuyen", "truc-tiep"]
    assert result.table.columns[3].title == "Số hồ sơ tiếp nhận / Trực tiếp và qua dịch vụ BCCI"


def test_provincial_extras_are_kept_or_ignored_with_a_note(plan: Plan) -> None:
    result = import_tthc(tx.build_xlsx(tx.PROVINCE), "p.xlsx", plan)
    assert result.table is not None
    extras = [c.title for c in result.table.columns if not c.key]
    assert extras == [
        "Số hồ sơ đã giải quyết / Quá hạn có thư xin lỗi",
        "Hồ sơ trả lại",
        "Thanh toán trực tuyến",
    ]
    notes = [p.message for p in result.problems if p.code == "W529"]
    assert any("'Ghi chú'" in n and "bỏ qua" in n for n in notes)
    assert any("'Hồ sơ trả lại'" in n and "giữ lại" in n for n in notes)


def test_rows_are_the_fields_with_their_names(plan: Plan) -> None:
    result = import_tthc(tx.build_xlsx(), "a.xlsx", plan)
    assert result.table is not None
    assert [r.name for r in result.table.rows] == [name for name, _ in tx.FIELDS]
    land = result.table.rows[2]
    assert result.table.value(land, "qua-han") == 12 and land.row == 13
    assert result.table.totals_printed and result.table.totals.name == "Tổng cộng"


@pytest.mark.parametrize("where", ["top", "bottom", None])
def test_totals_at_the_top_the_bottom_or_summed(plan: Plan, where: str | None) -> None:
    result = import_tthc(tx.build_xlsx(replace(tx.Export(), totals=where)), "a.xlsx", plan)
    assert counts(result, "TTHC-DUNG-HAN") == SAMPLE
    assert result.table is not None and result.table.totals_printed is (where is not None)


def test_totals_must_equal_the_sum_of_the_rows(plan: Plan) -> None:
    def wrong_total(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(where["last"], 3, 1290)
        sheet.cell(where["last"], 5, 748)  # keeps the row's own equation true

    result = import_tthc(tx.build_xlsx(edit=wrong_total), "a.xlsx", plan)
    problem = first(result, "E522")
    assert problem.path == "a.xlsx" and (problem.line, problem.column) == (17, 3)
    assert "Trang 'Biểu 06', ô C17 (cột 'Số hồ sơ nhận giải quyết / Tổng số')" in problem.message
    assert "ghi 1.290 nhưng cộng 6 dòng lĩnh vực được 1.286" in problem.message
    assert not result.ok


def test_two_totals_rows_are_an_error(plan: Plan) -> None:
    def second_total(sheet: Any, where: dict[str, int]) -> None:
        for column in range(1, 16):
            sheet.cell(where["last"] + 1, column, sheet.cell(where["last"], column).value)

    result = import_tthc(tx.build_xlsx(edit=second_total), "a.xlsx", plan)
    problem = first(result, "E520")
    assert problem.line == 18 and not result.ok


def test_a_row_without_a_field_name_is_noted(plan: Plan) -> None:
    def nameless(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(where["first"], 2).value = None

    result = import_tthc(tx.build_xlsx(edit=nameless), "a.xlsx", plan)
    assert first(result, "W531").line == 11


def test_a_row_breaking_an_equation_names_both_sides_and_cells(plan: Plan) -> None:
    def break_row(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(12, 8, 171)  # Chứng thực, trước hạn: 170 → 171

    result = import_tthc(tx.build_xlsx(edit=break_row), "a.xlsx", plan)
    messages = [p.message for p in result.problems if p.code == "E521"]
    assert (
        "Trang 'Biểu 06', ô G12, dòng 'Chứng thực': đã giải quyết = trước hạn + đúng hạn + "
        "quá hạn không đúng: 526 (ô G12) ≠ 171 + 356 + 0 = 527 (ô H12, I12, J12)."
    ) in messages
    located = next(p for p in result.problems if p.code == "E521")
    assert (located.line, located.column) == (12, 7)
    assert "E522" in codes(result)  # and the totals no longer add up


def test_all_four_equations_are_checked(plan: Plan) -> None:
    def break_all(sheet: Any, where: dict[str, int]) -> None:
        sheet.cell(11, 4, 181)  # trực tuyến
        sheet.cell(11, 12, 5)  # trong hạn
        sheet.cell(11, 7, 423)  # đã giải quyết

    result = import_tthc(
        tx.build_xlsx(edit=break_all, export=replace(tx.Export(), totals=None)), "a.xlsx", plan
    )
    words = {
        p.message.split(": ")[1].split(" không đúng")[0]
        for p in result.problems
        if p.code == "E521"
    }
    assert len(words) == 4


def test_missing_columns_skip_their_equations_with_a_note(plan: Plan) -> None:
    export = replace(tx.Export(), columns=tx.STANDARD_COLUMNS[:3] + tx.STANDARD_COLUMNS[4:])
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan)
    note = first(result, "W530")
    assert "'Từ kỳ trước' (Số hồ sơ nhận giải quyết)" in note.message
    assert result.ok  # the plan needs no 'ky-truoc'


def test_period_must_be_the_quarters_window(plan: Plan) -> None:
    export = replace(tx.Export(), period=(date(2024, 1, 1), date(2024, 3, 31)))
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan, Quarter(2024, 1))
    problem = first(result, "E523")
    assert "kỳ 01/01/2024 – 31/03/2024" in problem.message
    assert "kỳ số liệu quý I/2024 là 15/12/2023 – 14/03/2024" in problem.message
    assert (problem.line, problem.column) == (5, 1)
    assert not result.ok


def test_six_month_export_is_not_a_quarter(plan: Plan) -> None:
    export = replace(tx.Export(), period=(date(2023, 12, 15), date(2024, 6, 14)))
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan, Quarter(2024, 2))
    assert "E523" in codes(result)


def test_export_ending_at_the_cutoff_is_a_note(plan: Plan) -> None:
    export = replace(tx.Export(), period=(date(2023, 12, 15), date(2024, 2, 29)))
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan, Quarter(2024, 1))
    assert result.ok
    assert "đến ngày 29/02/2024" in first(result, "W525").message


def test_quarter_is_found_from_the_period(plan: Plan) -> None:
    export = replace(tx.Export(), period=(date(2024, 6, 15), date(2024, 9, 14)))
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan)
    assert result.quarter == Quarter(2024, 3) and result.ok


def test_no_period_is_a_note_or_an_error_without_quarter(plan: Plan) -> None:
    raw = tx.build_xlsx(replace(tx.Export(), period=None))
    assert first(import_tthc(raw, "a.xlsx", plan, Quarter(2024, 1)), "W524")
    assert (
        "Không xác định được tệp thuộc quý nào"
        in first(import_tthc(raw, "a.xlsx", plan), "E523").message
    )


def test_another_units_export_is_named(plan: Plan) -> None:
    export = replace(tx.Export(), unit="Ủy ban nhân dân phường Ngọc Sơn")
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan)
    assert "Ủy ban nhân dân phường Ngọc Sơn" in first(result, "W526").message


def test_no_table_is_said(plan: Plan) -> None:
    result = import_tthc(tx.build_xlsx(edit=lambda s, w: s.delete_rows(8, 2)), "a.xlsx", plan)
    assert "Không tìm thấy bảng thống kê TTHC" in first(result, "E510").message


def test_two_tables_need_the_plans_sheet(plan: Plan, tmp_path: Path) -> None:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(tx.build_xlsx()))
    book.copy_worksheet(book["Biểu 06"]).title = "Quý trước"
    raw = tx.save(book)
    assert "'Biểu 06', 'Quý trước'" in first(import_tthc(raw, "a.xlsx", plan), "E513").message
    chosen = with_export(tmp_path, "tthc_export:\n  sheet: biểu 06\n")
    assert import_tthc(raw, "a.xlsx", chosen).ok
    missing = with_export(tmp_path, "tthc_export:\n  sheet: Tổng hợp\n")
    assert "Không có trang 'Tổng hợp'" in first(import_tthc(raw, "a.xlsx", missing), "E513").message


def with_export(tmp_path: Path, block: str, counts: dict[str, str] | None = None) -> Plan:
    """The Phù Liễn plan with a tthc_export block and counts mapped otherwise."""
    text = PHU_LIEN.read_text(encoding="utf-8")
    for old, new in (counts or {}).items():
        assert old in text
        text = text.replace(old, new)
    text = text.replace("\nreporting:", "\n" + block + "reporting:", 1)
    write_tree(tmp_path, {"plan.yaml": text})
    return load_plan(tmp_path / "plan.yaml")


def test_a_unit_declares_headers_its_export_words_otherwise(tmp_path: Path) -> None:
    # This unit's system calls the in-person column "Nộp tại Bộ phận Một cửa", and the
    # plan feeds a count from the province's "Thanh toán trực tuyến" column.
    columns = list(tx.STANDARD_COLUMNS)
    columns[2] = tx.Column(tx.RECEIVED, "Nộp tại Bộ phận Một cửa", lambda f: f["truc-tiep"])
    columns.append(tx.Column(None, "Thanh toán trực tuyến", lambda f: f["truc-tuyen"] // 2))
    raw = tx.build_xlsx(replace(tx.Export(), columns=tuple(columns)))
    plan = load_plan()
    assert "W530" in codes(import_tthc(raw, "a.xlsx", plan))  # no in-person column found
    mapped = with_export(
        tmp_path,
        "tthc_export:\n  columns:\n"
        "    - {id: truc-tiep, header: 'Số hồ sơ nhận giải quyết / Nộp tại  Bộ phận\n      một cửa'}\n"
        "    - {id: thanh-toan, header: THANH TOÁN TRỰC TUYẾN}\n",
        {
            '{id: satisfied, label: "Số lượt đánh giá hài lòng", part_of: rated}': '{id: satisfied, label: "Số lượt đánh giá hài lòng", part_of: rated, tthc_column: thanh-toan}'
        },
    )
    result = import_tthc(raw, "a.xlsx", mapped)
    assert codes(result) == []
    assert counts(result, "TTHC-HAI-LONG") == {"satisfied": 256}


def test_a_count_may_add_columns_up(tmp_path: Path) -> None:
    plan = with_export(
        tmp_path,
        "",
        {"tthc_column: truoc-han}": "tthc_column: [truoc-han, dung-han]}"},
    )
    result = import_tthc(tx.build_xlsx(), "a.xlsx", plan)
    assert counts(result, "TTHC-DUNG-HAN")["early"] == 1252


def test_a_column_the_plan_needs_but_the_export_lacks(plan: Plan) -> None:
    export = replace(tx.Export(), columns=tx.STANDARD_COLUMNS[:7] + tx.STANDARD_COLUMNS[8:])
    result = import_tthc(tx.build_xlsx(export), "a.xlsx", plan)
    problem = first(result, "E511")
    assert "'qua-han'" in problem.message and "'late' của chỉ số TTHC-DUNG-HAN" in problem.message
    assert not result.ok


def test_two_columns_read_as_one(plan: Plan) -> None:
    columns = (*tx.STANDARD_COLUMNS, tx.Column(tx.RESOLVED, "Trễ hạn", lambda f: f["qua-han"]))
    raw = tx.build_xlsx(replace(tx.Export(), columns=columns))
    problem = first(import_tthc(raw, "a.xlsx", plan), "E512")
    assert "'qua-han'" in problem.message and "Trễ hạn" in problem.message


def test_plan_validation_flags_unknown_columns(tmp_path: Path) -> None:
    text = PHU_LIEN.read_text(encoding="utf-8").replace(
        "tthc_column: qua-han}", "tthc_column: qua-hn}"
    )
    write_tree(tmp_path, {"plan.yaml": text})
    result = run_cli("validate", "-f", "json", tmp_path / "plan.yaml")
    assert result.exit_code == 1
    assert '"code": "E540"' in result.stdout and "qua-han" in result.stdout


def test_every_import_code_is_in_the_catalogue_and_used() -> None:
    import re

    sources = "".join(
        p.read_text(encoding="utf-8")
        for folder in ("load", "tthc")
        for p in (ROOT / "src" / "cchc_cli" / folder).glob("*.py")
    )
    used = set(re.findall(r'"([EW]5\d\d)"', sources))
    declared = {code for code in CODES if code[1] == "5"} - {"E540", "E543"}  # plan checks
    assert used - {"E540"} == declared


def test_the_sample_export_agrees_with_the_shipped_quarter_file() -> None:
    # The exporter's comment says so; an import into the shipped quý I file is no conflict.
    import yaml

    from tests.helpers import ROOT
    from tests.tthc_exports import totals

    shipped = yaml.safe_load(
        (ROOT / "progress" / "phu-lien-2024" / "2024-Q1.yaml").read_text(encoding="utf-8")
    )
    (entry,) = [i for i in shipped["indicators"] if i["id"] == "TTHC-DUNG-HAN"]
    made = totals()
    counts = entry["counts"]
    assert (made["tiep-nhan"], made["ky-truoc"]) == (counts["received"], counts["carried_over"])
    assert (made["da-giai-quyet"], made["qua-han"]) == (counts["resolved"], counts["late"])
