"""`cchc deadlines`: the year's four reports, days left, overdue, already written."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cchc_cli.deadlines import year_deadlines
from cchc_cli.errors import CchcError
from cchc_cli.load.plan import load_plan_or_raise
from cchc_cli.output.deadlines import remaining
from tests.helpers import FIXTURES, run_cli, write_tree

PLAN_PATH = FIXTURES / "progress" / "plans" / "xa-mau-2024.yaml"
PLAN = load_plan_or_raise(PLAN_PATH)


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN_PATH, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rows_days_left_and_written(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write_tree(reports, {"2024/xa-mau-2024-2024-quy-1.docx": b"PK"})
    rows = year_deadlines(PLAN, PLAN_PATH, 2024, date(2024, 6, 10), reports)
    assert [r.period.label for r in rows] == [
        "Quý I/2024",
        "6 tháng/2024",
        "Quý III/2024",
        "Năm 2024",
    ]
    assert [r.days_left for r in rows] == [-97, -5, 87, 178]
    assert [r.written for r in rows] == [True, False, False, False]
    assert [r.overdue for r in rows] == [False, True, False, False]
    assert [r.overdue for r in rows] == [False, True, False, False]
    assert [remaining(r) for r in rows] == [
        "đã lập",
        "quá hạn 5 ngày",
        "còn 87 ngày",
        "còn 178 ngày",
    ]
    assert remaining(year_deadlines(PLAN, PLAN_PATH, 2024, date(2024, 9, 5))[2]) == "hôm nay"


def test_plan_without_reports_is_an_error() -> None:
    with pytest.raises(CchcError, match="chưa khai báo kỳ báo cáo"):
        year_deadlines(PLAN.model_copy(update={"reporting": None}), PLAN_PATH, 2024, date.today())


def test_cli_table(unit: Path) -> None:
    write_tree(
        unit,
        {
            "reports/2024/xa-mau-2024-2024-quy-1.docx": b"PK",
            "reports/2024/xa-mau-2024-2024-quy-3-du-thao.docx": b"PK",
        },
    )
    result = run_cli("deadlines", "--today", "2024-06-10")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Lịch báo cáo CCHC năm 2024 – Ủy ban nhân dân xã Hòa Bình" in out
    assert "15/12/2023 – 14/03/2024" in out and "15/06/2024 – 14/09/2024" in out
    assert "20/05/2024*" in out and "05/12/2024" in out
    assert "đã lập" in out and "quá hạn 5 ngày" in out and "còn 178 ngày" in out
    assert out.count("đã lập") == 1 and "còn 87 ngày" in out and "có dự thảo" in out, (
        "a draft is no report"
    )
    assert "ước thực hiện" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_cli_year_option_and_reports_dir(unit: Path) -> None:
    write_tree(unit, {"out/2025/xa-mau-2024-2025-nam.docx": b"PK"})
    result = run_cli(
        "deadlines", "plans/xa-mau-2024.yaml", "--year", "2025", "--today", "2024-12-31",
        "--reports-dir", "out",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "05/03/2025" in result.stdout and "còn 64 ngày" in result.stdout
    assert "đã lập" in result.stdout


@pytest.mark.parametrize("plans", [{}, {"plans/a.yaml": "x: 1\n", "plans/b.yaml": "x: 1\n"}])
def test_cli_needs_exactly_one_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: dict[str, str | bytes]
) -> None:
    (tmp_path / "plans").mkdir()
    write_tree(tmp_path, plans)
    monkeypatch.chdir(tmp_path)
    result = run_cli("deadlines")
    assert result.exit_code == 2
    for name in plans:
        assert name in result.stderr


def test_cli_bad_today_and_invalid_plan(unit: Path) -> None:
    assert run_cli("deadlines", "--today", "2024-13-01").exit_code == 2
    write_tree(unit, {"bad.yaml": "unit: 1\n"})
    result = run_cli("deadlines", "bad.yaml")
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr + result.stdout


@pytest.mark.parametrize("year", ["-1", "1", "10000"])
def test_an_impossible_year_is_a_usage_error(unit: Path, year: str) -> None:
    result = run_cli("deadlines", "plans/xa-mau-2024.yaml", "--year", year)
    assert result.exit_code == 2
    assert "năm nằm ngoài 1990–2200" in result.stderr


def test_without_a_year_the_calendar_is_the_plans(unit: Path) -> None:
    result = run_cli("deadlines", "plans/xa-mau-2024.yaml", "--today", "2026-11-24")
    assert result.exit_code == 0, result.stderr
    assert "Lịch báo cáo CCHC năm 2024" in result.stdout
    assert "Kế hoạch áp dụng cho năm 2024, nên đây là lịch năm 2024." in result.stdout


def test_a_narrow_console_wraps_the_table_and_cuts_nothing(
    unit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cchc_cli.cli.console._consoles", {})  # a console of the new width
    monkeypatch.setenv("COLUMNS", "60")
    out = run_cli("deadlines", "--today", "2024-06-10").stdout
    assert "…" not in out
    assert "14/03/2024" in out and "05/12/2024" in out


@pytest.mark.parametrize(
    "args",
    [
        ("deadlines", "plans/khong-co.yaml"),
        ("progress", "new", "-q", "2024-Q1", "plans/khong-co.yaml"),
    ],
)
def test_a_plan_that_does_not_exist_is_a_usage_error(unit: Path, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert "Không tìm thấy 'plans/khong-co.yaml'." in result.stderr
