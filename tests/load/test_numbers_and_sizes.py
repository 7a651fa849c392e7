"""Figures that are no number (NaN, infinity), figures quoted as typed, size limits that
agree with each other: each refused at its line with a documented code, never exit 70."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from cchc_cli.load import shape
from cchc_cli.load.yaml import MAX_BYTES, MAX_EXPANDED, load_bytes
from cchc_cli.problems import ProblemList
from tests.helpers import FIXTURES, run_cli
from tests.report_tree import unit_tree

DATE = ("--date", "2024-03-05")
NOT_NUMBERS = ["NaN", "nan", ".NaN", ".nan", '".NaN"', "'nan'", "inf", ".inf", "-.inf"]
NOT_NUMBERS += ['"-Infinity"', "+Infinity", "1e999", '"1e999"', "-1E400"]


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return unit_tree(tmp_path, quarters=(1,))


def _set_value(unit: Path, indicator_value: str, typed: str) -> int:
    """Write ``typed`` as the value the Q1 record gives, return its line."""
    record = unit.parent.parent / "progress" / unit.stem / "2024-Q1.yaml"
    lines = record.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line == f"    value: {indicator_value}")
    lines[number] = f"    value: {typed}"
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


@pytest.mark.parametrize("typed", NOT_NUMBERS)
@pytest.mark.parametrize("indicator", ["96.5", "4"], ids=["percentage", "count"])
def test_nan_and_infinity_are_refused_at_their_line(unit: Path, indicator: str, typed: str) -> None:
    line = _set_value(unit, indicator, typed)
    checked = run_cli("validate", "progress/")
    assert checked.exit_code == 1, checked.stdout + checked.stderr
    assert re.search(rf"2024-Q1\.yaml:{line}:\d+: lỗi E202 ", checked.stdout), checked.stdout
    assert "không phải một số cụ thể" in checked.stdout
    report = run_cli("report", "-q", "2024-Q1", "-o", "r.docx", *DATE)
    assert report.exit_code == 1, report.stderr
    assert f"2024-Q1.yaml:{line}:" in report.stderr and "Lỗi nội bộ" not in report.stderr
    assert not Path("r.docx").exists()


@pytest.mark.parametrize("typed", [".nan", "'NaN'", ".inf", "-Infinity", "1e999"])
def test_a_plans_target_and_baseline_refuse_them_too(unit: Path, typed: str) -> None:
    text = unit.read_text(encoding="utf-8")
    target = "target: {direction: at_least, value: 90, every_period: true}"
    assert target in text, "the satisfaction target this test edits"
    text = text.replace(
        target,
        f"target: {{direction: at_least, value: {typed}, every_period: true}}\n"
        f"    baseline: {{year: 2023, value: {typed}}}",
    )
    unit.write_text(text, encoding="utf-8")
    checked = run_cli("validate", unit)
    assert checked.exit_code == 1
    assert checked.stdout.count("không phải một số cụ thể") == 2, checked.stdout
    assert ".target.value" in checked.stdout and ".baseline.value" in checked.stdout
    assert run_cli("report", "-q", "2024-Q1", "-o", "r.md", *DATE).exit_code == 1


@pytest.mark.parametrize("typed", ["100.0001", "100.00010", "-0.5", "1000"])
def test_a_figure_out_of_range_is_quoted_as_typed(unit: Path, typed: str) -> None:
    line = _set_value(unit, "96.5", typed)
    checked = run_cli("validate", "progress/")
    assert f"2024-Q1.yaml:{line}:12: lỗi E412 Chỉ số HL: {typed}% nằm ngoài" in checked.stdout


def test_a_target_out_of_range_is_quoted_as_typed(unit: Path) -> None:
    text = unit.read_text(encoding="utf-8")
    assert "value: 90, every_period" in text, "the HL target this test edits"
    unit.write_text(text.replace("value: 90,", "value: 100.0001,"), encoding="utf-8")
    checked = run_cli("validate", unit)
    assert "Chỉ tiêu 100.0001% của HL nằm ngoài khoảng 0–100." in checked.stdout


def test_the_typed_spelling_of_numbers_is_kept() -> None:
    problems = ProblemList("t.yaml")
    document = load_bytes(b"a: 95.50\nb: +5\nc: 7\nd: [1.0, '2.5']\n", problems)
    assert document is not None
    assert [document.as_typed(p) for p in [("a",), ("b",), ("c",), ("d", 0), ("d", 1)]] == [
        "95.50",
        "+5",
        "7",
        "1.0",
        "2.5",
    ]


# --- Sizes ----------------------------------------------------------------------------


def _big_plan(tasks: int) -> bytes:
    base = (FIXTURES / "report" / "plans" / "hoa-binh-2024.yaml").read_text(encoding="utf-8")
    head, rest = base.split("tasks:\n", 1)
    body = "".join(
        f'  - {{id: T-{n:05d}, area: tthc, content: "Nhiệm vụ số {n}: rà soát, công khai thủ '
        f'tục hành chính tại bộ phận một cửa", lead: vp-tk, partners: [tp-ht, tc-kt], '
        f"due: 2024-Q2}}\n"
        for n in range(tasks)
    )
    return (head + "tasks:\n" + body + rest).encode("utf-8")


@pytest.mark.slow
def test_a_large_plan_within_the_size_limit_is_read_whatever_its_number_of_values(
    tmp_path: Path,
) -> None:
    raw = _big_plan(10_000)
    assert 1_400_000 < len(raw) < MAX_BYTES  # about 1.5 MB, 10,000 tasks, no alias
    path = tmp_path / "lon.yaml"
    path.write_bytes(raw)
    checked = run_cli("validate", path)
    assert checked.exit_code == 0, checked.stdout[-2000:]
    assert "E110" not in checked.stdout and "bí danh" not in checked.stdout


def test_aliases_are_still_bounded_and_named_as_the_cause() -> None:
    bomb = (FIXTURES / "plans" / "invalid" / "billion-laughs.yaml").read_bytes()
    problems = ProblemList("t.yaml")
    started = time.process_time()
    assert load_bytes(bomb, problems) is None
    assert time.process_time() - started < 5
    (problem,) = problems.items
    assert problem.code == "E110" and "bí danh" in problem.message
    assert f"{MAX_EXPANDED:,}".replace(",", ".") in problem.message


@pytest.mark.slow
def test_many_broken_entries_list_the_first_ones_and_the_count(tmp_path: Path) -> None:
    path = tmp_path / "nhieu-loi.yaml"
    path.write_text("tasks: [" + ", ".join(["{}"] * 100_000) + "]\n", encoding="utf-8")
    started = time.monotonic()
    checked = run_cli("validate", "-f", "json", path)
    assert time.monotonic() - started < 60
    assert checked.exit_code == 1
    assert checked.stdout.count('"code": "E2') <= shape.MAX_SHAPE_PROBLEMS + 1
    assert "lỗi cấu trúc; chỉ liệt kê 500 lỗi" in checked.stdout
