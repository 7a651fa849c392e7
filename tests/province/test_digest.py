"""A unit's digest is what its own report says: status says ready exactly when `cchc
report` can make the report, and a rolled-up unit's figures are its report's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from tests.helpers import run_cli
from tests.province_sample import sample_province


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tinh")
    sample_province().make_province(folder, units=24, seed=2)
    return folder


@pytest.mark.slow
def test_status_is_ready_exactly_when_the_report_can_be_made(province: Path) -> None:
    common = ("--annual", "2024", "--progress-dir", province / "progress", "--today", "2024-12-01")
    status = run_cli("status", province / "plans", *common, "-f", "json")
    ready = {
        Path(u["plan"]).stem for u in json.loads(status.stdout)["units"] if u["state"] == "ready"
    }
    out = province / "bao-cao"
    run_cli("report", province / "plans", *common, "-o", f"{out}/", "--date", "2024-12-05")
    written = {p.name.removesuffix("-2024-nam.docx") for p in out.glob("*.docx")}
    assert ready and written == ready


@pytest.mark.slow
def test_a_unit_s_shared_figures_are_those_of_its_report(province: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    common = ("--annual", "2024", "--progress-dir", province / "progress", "--today", "2024-12-01")
    made = run_cli("rollup", province / "plans", *common, "-f", "xlsx", "-o", f"{tmp_path}/")
    assert made.exit_code in (0, 1), made.stderr
    rows = list(load_workbook(tmp_path / "tong-hop-2024-nam.xlsx")["Các đơn vị"].values)
    start = next(n for n, r in enumerate(rows) if r[0] == "STT")
    header = list(rows[start])
    row = next(r for r in rows[start + 1 :] if r[4] == "đủ số liệu")
    plan = Path(str(row[3]))  # as shown: absolute, the province being outside the work folder
    report = tmp_path / "bao-cao.docx"
    done = run_cli("report", plan, *common, "-o", report, "--date", "2024-12-05")
    assert done.exit_code == 0, done.stderr
    verdicts = {
        r.cells[1].text: r.cells[5].text for t in Document(str(report)).tables[2:] for r in t.rows
    }
    on_time = verdicts[
        next(k for k in verdicts if k.startswith("Tỷ lệ hồ sơ thủ tục hành chính (TTHC)"))
    ]
    assert row[header.index("Hồ sơ trước và đúng hạn: đánh giá")] == on_time
