"""A unit created mid-year (the 2025 reform, domain.md §8): its plan starts on 01/7/2025.

tests/fixtures/mid-year-2025: phường An Biên's plan for the second half of 2025 and its
quý III and quý IV progress. Its first data window starts on its first day; quarters
before it have no report, no progress file, no deadline.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cchc_cli.load.plan import load_plan_or_raise
from cchc_cli.model.plan import ReportKind
from cchc_cli.periods import Period, first_window_start, quarter_window
from tests.helpers import FIXTURES, run_cli

ROOT = FIXTURES / "mid-year-2025"
PLAN = ROOT / "plans" / "an-bien-2025.yaml"
PROGRESS = ROOT / "progress"


def report(*args: str | Path) -> tuple[int, str]:
    out = Path(str(args[-1]))
    result = run_cli("report", *args[:-1], PLAN, "--progress-dir", PROGRESS, "-f", "md", "-o", out)
    text = out.read_text(encoding="utf-8") if out.is_file() else ""
    return result.exit_code, text + result.stdout + result.stderr


def test_the_first_window_starts_on_the_plans_first_day() -> None:
    plan = load_plan_or_raise(PLAN)
    assert first_window_start(plan) == date(2025, 7, 1)
    assert quarter_window(plan, 2025, 3) == (date(2025, 7, 1), date(2025, 9, 14))
    assert quarter_window(plan, 2025, 4) == (date(2025, 9, 15), date(2025, 12, 14))
    assert Period(ReportKind.YEAR, 2025).quarters_of(plan) == (3, 4)
    year = Period(ReportKind.YEAR, 2025).schedule(plan)
    assert (year.window_start, year.window_end) == (date(2025, 7, 1), date(2025, 12, 14))


def test_deadlines_list_only_the_reports_owed() -> None:
    result = run_cli("deadlines", PLAN, "--today", "2025-07-20")
    assert result.exit_code == 0, result.stderr
    assert "Quý III/2025  01/07/2025 – 14/09/2025" in result.stdout
    assert "Năm 2025      01/07/2025 – 14/12/2025" in result.stdout
    assert "Quý I/2025" not in result.stdout and "6 tháng/2025" not in result.stdout


@pytest.mark.parametrize("option", [("--quarter", "2025-Q1"), ("--half", "2025-H1")])
def test_a_report_before_the_start_is_refused(tmp_path: Path, option: tuple[str, str]) -> None:
    code, said = report(*option, "--date", "2025-06-04", tmp_path / "r.md")
    assert code == 2
    assert "bắt đầu từ ngày 01/07/2025" in said
    assert not (tmp_path / "r.md").exists()


def test_the_annual_report_covers_the_half_year(tmp_path: Path) -> None:
    code, text = report("--annual", "2025", "--date", "2025-12-04", tmp_path / "r.md")
    assert code == 0, text
    assert "Số liệu báo cáo tính từ ngày 01/07/2025 đến ngày 14/12/2025" in text
    # Two quarters, no missing quý I or quý II: each task's work under its quarter.
    assert "Quý III: lập danh mục 46 văn bản" in text and "quý I:" not in text.lower()
    # Dossiers handed over by the old communes are counted once, from quý III.
    assert "Số hồ sơ tiếp nhận: 4.400" in text  # 2.150 + 2.320 − 70


def test_progress_new_refuses_a_quarter_before_the_start(tmp_path: Path) -> None:
    early = run_cli("progress", "new", "-q", "2025-Q2", PLAN, "--progress-dir", tmp_path)
    assert early.exit_code == 2 and "01/07/2025" in early.stderr
    first = run_cli("progress", "new", "-q", "2025-Q3", PLAN, "--progress-dir", tmp_path)
    assert first.exit_code == 0, first.stderr
    text = (tmp_path / "an-bien-2025" / "2025-Q3.yaml").read_text(encoding="utf-8")
    assert "# Kỳ số liệu: 01/07/2025 – 14/09/2025." in text


def test_a_record_for_a_quarter_before_the_start_is_an_error(tmp_path: Path) -> None:
    shutil.copytree(ROOT, tmp_path / "u")
    early = tmp_path / "u" / "progress" / "an-bien-2025" / "2025-Q2.yaml"
    text = (PROGRESS / "an-bien-2025" / "2025-Q3.yaml").read_text(encoding="utf-8")
    early.write_text(text.replace("quarter: 2025-Q3", "quarter: 2025-Q2"), encoding="utf-8")
    result = run_cli("validate", early)
    assert result.exit_code == 1
    assert "E403" in result.stdout and "01/07/2025" in result.stdout


def test_an_estimate_is_said_the_same_way_in_body_and_appendix(tmp_path: Path) -> None:
    # CQS-01 was finished on 10/9/2025, after the quý III cut-off (31/8): an estimate.
    code, text = report("--quarter", "2025-Q3", "--date", "2025-09-04", tmp_path / "r.md")
    assert code == 0, text
    assert "| hoàn thành (ước thực hiện)<br>10/09/2025 |" in text
    assert "chính quyền số: hoàn thành 1 (trong đó 1 nhiệm vụ ước thực hiện)." in text
    # With the tasks in the body too, the task says it the same way there.
    shutil.copytree(ROOT, tmp_path / "u")
    plan = tmp_path / "u" / "plans" / "an-bien-2025.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "reporting:\n", "reporting:\n  tasks_in_body: true\n"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "in-body.md"
    result = run_cli(
        "report", "-q", "2025-Q3", plan, "--progress-dir", tmp_path / "u" / "progress",
        "-f", "md", "-o", out, "--date", "2025-09-04",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    body = out.read_text(encoding="utf-8").split("**Nơi nhận:**")[0]
    assert (
        "a) Chuyển đổi tài khoản, dữ liệu hồ sơ của các xã, phường cũ lên hệ thống của "
        "phường: hoàn thành (ước thực hiện) ngày 10/09/2025; chuyển 12.400 hồ sơ điện tử"
    ) in body
    assert (
        "Kết quả thực hiện 1 nhiệm vụ công tác chỉ đạo, điều hành (hoàn thành 1), cụ thể:" in body
    )
