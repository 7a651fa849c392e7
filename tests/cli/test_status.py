"""`cchc status`: before the deadline, who can make their report and what the others miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import PLANS, run_cli
from tests.province_sample import sample_province


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[object]]:
    folder = tmp_path_factory.mktemp("tinh")
    return folder, sample_province().make_province(folder, units=40, seed=7)


def _status(folder: Path, *extra: str) -> tuple[int, dict[str, object]]:
    result = run_cli(
        "status", folder / "plans", "--progress-dir", folder / "progress", "--annual", "2024",
        "-f", "json", *extra,
    )  # fmt: skip
    return result.exit_code, json.loads(result.stdout)


def test_a_ready_unit_exits_0() -> None:
    result = run_cli(
        "status", PLANS / "phu-lien-2024.yaml", "-q", "2024-Q1", "--today", "2024-03-01"
    )
    assert result.exit_code == 0
    assert "phường Phù Liễn" in result.stdout and "sẵn sàng" in result.stdout
    assert "còn 4 ngày" in result.stdout


@pytest.mark.slow
def test_every_unit_is_where_the_generator_put_it(province: tuple[Path, list[object]]) -> None:
    folder, units = province
    code, found = _status(folder, "--today", "2024-12-01")
    assert code == 1 and found["ready"] is False
    states = {Path(u["plan"]).stem: u["state"] for u in found["units"]}  # type: ignore[index]
    for unit in units:
        expected = (
            "invalid" if unit.broken  # type: ignore[attr-defined]
            else "skipped" if unit.other_year  # type: ignore[attr-defined]
            else "incomplete" if unit.quarters < 4 or unit.behind  # type: ignore[attr-defined]
            else "ready"
        )  # fmt: skip
        assert states[unit.slug] == expected, unit  # type: ignore[attr-defined]


@pytest.mark.slow
def test_what_is_missing_is_located(province: tuple[Path, list[object]]) -> None:
    folder, units = province
    _, found = _status(folder, "--today", "2024-12-01")
    behind = next(
        u
        for u in units
        if u.behind and u.quarters == 4 and not (u.broken or u.other_year)  # type: ignore[attr-defined]
    )
    entry = next(u for u in found["units"] if Path(u["plan"]).stem == behind.slug)  # type: ignore[attr-defined,index]
    missing = [p for p in entry["problems"] if p["code"] == "R101"]
    assert missing and all(p["path"].endswith("2024-Q4.yaml") and p["line"] > 0 for p in missing)
    assert entry["days_left"] == 4 and entry["late"] is False
    _, after = _status(folder, "--today", "2024-12-06")
    late = next(u for u in after["units"] if Path(u["plan"]).stem == behind.slug)  # type: ignore[index]
    assert late["days_left"] == -1 and late["late"] is True


@pytest.mark.slow
def test_the_table_says_what_is_missing_in_words(province: tuple[Path, list[object]]) -> None:
    folder, units = province
    result = run_cli(
        "status", folder / "plans", "--progress-dir", folder / "progress", "--annual", "2024",
        "--today", "2024-12-01",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "đơn vị phải lập báo cáo:" in result.stdout
    partial = next(u for u in units if 0 < u.quarters < 4 and not u.broken)  # type: ignore[attr-defined]
    assert f"{partial.slug}.yaml: R100" in result.stdout  # type: ignore[attr-defined]


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("status", tmp_path / "khong-co")
    assert result.exit_code == 2 and "Không tìm thấy" in result.stderr
