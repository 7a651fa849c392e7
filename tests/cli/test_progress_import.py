"""`cchc progress import`: from the one-stop system's export to the quarter file, no retyping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import tthc_exports as tx
from tests.helpers import PLANS, ROOT, problems_of, run_cli


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLANS, tmp_path / "plans")
    (tmp_path / "bieu06.xlsx").write_bytes(tx.build_xlsx())
    monkeypatch.chdir(tmp_path)
    return tmp_path


QUARTER_FILE = Path("progress/phu-lien-2024/2024-Q1.yaml")


def _import(*extra: str) -> tuple[int, str, str]:
    result = run_cli("progress", "import", "bieu06.xlsx", "plans/phu-lien-2024.yaml", *extra)
    return result.exit_code, result.stdout, result.stderr


def test_a_new_quarter_file_gets_the_counts_and_the_table(unit: Path) -> None:
    code, out, _ = _import()
    assert code == 0
    assert "TTHC-DUNG-HAN · Số hồ sơ tiếp nhận (received): ~ → 1.286" in out
    assert "Đã tạo progress/phu-lien-2024/2024-Q1.yaml: 8 số liệu" in out
    text = QUARTER_FILE.read_text(encoding="utf-8")
    assert "received: 1286" in text and 'name: "Đất đai"' in text
    assert [p for p in problems_of(QUARTER_FILE) if p.severity.value == "error"] == []
    again = _import()
    assert again[0] == 0 and "Không có gì thay đổi" in again[1]
    assert QUARTER_FILE.read_text(encoding="utf-8") == text


def test_a_typed_value_is_never_replaced_without_force(unit: Path) -> None:
    QUARTER_FILE.parent.mkdir(parents=True)
    sample = (ROOT / "progress" / "phu-lien-2024" / "2024-Q1.yaml").read_text(encoding="utf-8")
    typed = sample.replace("received: 1286", "received: 1280", 1)
    assert typed != sample
    QUARTER_FILE.write_text(typed, encoding="utf-8")
    code, _, err = _import()
    assert code == 1 and "E541" in err and "1.280" in err
    assert QUARTER_FILE.read_text(encoding="utf-8") == typed
    forced = _import("--force")
    assert forced[0] == 0 and "(received): 1.280 → 1.286" in forced[1]
    assert "received: 1286" in QUARTER_FILE.read_text(encoding="utf-8")


def test_dry_run_writes_nothing(unit: Path) -> None:
    code, out, _ = _import("--dry-run")
    assert code == 0 and "chưa ghi gì (--dry-run)" in out
    assert not QUARTER_FILE.exists()


def test_a_broken_export_writes_nothing(unit: Path) -> None:
    def break_row(sheet: object, where: dict[str, int]) -> None:
        sheet.cell(12, 8, 171)  # type: ignore[attr-defined]

    (unit / "bieu06.xlsx").write_bytes(tx.build_xlsx(edit=break_row))
    code, _, err = _import()
    assert code == 1 and "E521" in err and "ô G12" in err
    assert not QUARTER_FILE.exists()
    assert not any(p.name.endswith(".tmp") for p in unit.rglob("*"))


def test_a_csv_export_and_a_given_quarter(unit: Path) -> None:
    (unit / "bieu06.csv").write_bytes(tx.build_csv())
    result = run_cli(
        "progress", "import", "bieu06.csv", "plans/phu-lien-2024.yaml", "--quarter", "2024-Q1"
    )
    assert result.exit_code == 0, result.stderr
    assert "received: 1286" in QUARTER_FILE.read_text(encoding="utf-8")


def test_an_export_of_another_quarter_is_refused(unit: Path) -> None:
    result = run_cli(
        "progress", "import", "bieu06.xlsx", "plans/phu-lien-2024.yaml", "--quarter", "2024-Q3"
    )
    assert result.exit_code == 1 and "E523" in result.stderr


def test_a_missing_export_is_a_usage_error(unit: Path) -> None:
    result = run_cli("progress", "import", "khong-co.xlsx", "plans/phu-lien-2024.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("Lỗi: Không tìm thấy tệp thống kê 'khong-co.xlsx'.")
