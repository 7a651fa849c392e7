"""`cchc rollup` on a generated province: the workbook's figures against a recomputation
from the units' own files, the units left out and why, and the outputs' safety."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from tests.helpers import ROOT, run_cli, write_tree
from tests.province_sample import sample_province

# Each test runs cchc rollup over a folder of units (seconds): slow, as the other folder runs.
pytestmark = pytest.mark.slow

OFFICE = ROOT / "docs" / "examples" / "so-noi-vu-hai-phong.yaml"
DATES = ("--annual", "2024", "--today", "2024-12-06", "--date", "2024-12-10")
XLSX, DOCX = "tong-hop-2024-nam.xlsx", "tong-hop-2024-nam.docx"


@dataclass(frozen=True)
class Province:
    folder: Path
    units: list[Any]
    out: Path
    stdout: str
    code: int

    def covered(self) -> list[Any]:
        """The units whose report can be made, as the generator made them."""
        return [
            u
            for u in self.units
            if not (u.broken or u.other_year or u.other_programme)
            and u.quarters == 4
            and not u.behind
        ]


def rollup(folder: Path, *extra: str | Path) -> Any:
    return run_cli(
        "rollup", folder / "plans", "--progress-dir", folder / "progress", *DATES, *extra
    )


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Province:
    folder = tmp_path_factory.mktemp("tinh")
    units = sample_province().make_province(folder, units=40, seed=11)
    out = folder / "out"
    result = rollup(folder, "-o", f"{out}/", "--office", OFFICE)
    assert result.exit_code in (0, 1), result.stderr
    return Province(folder, units, out, result.stdout, result.exit_code)


def _quarters(folder: Path, slug: str) -> list[dict[str, Any]]:
    loaded = []
    for quarter in range(1, 5):
        text = (folder / "progress" / slug / f"2024-Q{quarter}.yaml").read_text(encoding="utf-8")
        loaded.append(yaml.safe_load(text))
    return loaded


def _counts(data: dict[str, Any], indicator: str) -> dict[str, int]:
    entry = next(e for e in data["indicators"] if e["id"] == indicator)
    return dict(entry["counts"])


def expected(folder: Path, slug: str) -> dict[str, float]:
    """A unit's year recomputed from its quarter files alone (read with PyYAML)."""
    quarters = _quarters(folder, slug)
    statuses = [t["status"] for t in quarters[-1]["tasks"]]
    on_time = [_counts(q, "TTHC-DUNG-HAN") for q in quarters]
    happy = [_counts(q, "TTHC-HAI-LONG") for q in quarters]
    return {
        "total": len(statuses),
        "done": statuses.count("hoàn thành"),
        "in_progress": statuses.count("đang thực hiện"),
        "not_started": statuses.count("chưa thực hiện"),
        "on_time": sum(c["early"] + c["on_time"] for c in on_time),
        "resolved": sum(c["resolved"] for c in on_time),
        "satisfied": sum(c["satisfied"] for c in happy),
        "rated": sum(c["rated"] for c in happy),
    }


def sheet_rows(path: Path, name: str) -> tuple[list[str], list[list[Any]]]:
    """A sheet's header and rows as stored (formulas as their text)."""
    header, body, _ = sheet_table(path, name)
    return header, body


def sheet_table(path: Path, name: str) -> tuple[list[str], list[list[Any]], int]:
    """As sheet_rows, and the sheet's row number of the first row under the header."""
    book = load_workbook(io.BytesIO(path.read_bytes()))
    rows = [list(r) for r in book[name].iter_rows(values_only=True)]
    start = next(n for n, r in enumerate(rows) if r and r[0] in ("STT", "Khối"))
    header = [str(c) for c in rows[start]]
    body = []
    for row in rows[start + 1 :]:
        if not any(c is not None for c in row):
            break
        body.append(row)
    return header, body, start + 2


def test_it_writes_the_workbook_and_the_report_and_says_what_the_totals_cover(
    province: Province,
) -> None:
    assert (province.out / XLSX).is_file() and (province.out / DOCX).is_file()
    covered = len(province.covered())
    due = sum(not (u.other_year or u.other_programme) for u in province.units)
    assert f"{covered}/{due} đơn vị phải báo cáo đủ số liệu" in province.stdout
    assert province.code == (0 if covered == due else 1)
    assert "DỮ LIỆU MẪU" in province.stdout


def test_each_unit_s_line_is_what_its_files_say(province: Province) -> None:
    header, rows = sheet_rows(province.out / XLSX, "Các đơn vị")
    by_plan = {row[header.index("Tệp kế hoạch")]: row for row in rows if row[0] is not None}
    on_time = header.index("Hồ sơ trước và đúng hạn: tử số")
    for unit in province.covered():
        row = next(r for plan, r in by_plan.items() if str(plan).endswith(f"/{unit.slug}.yaml"))
        want = expected(province.folder, unit.slug)
        assert row[header.index("Tình hình báo cáo")] == "đủ số liệu"
        tasks = [row[header.index(h)] for h in ("Số nhiệm vụ kế hoạch", "Hoàn thành")]
        assert tasks == [want["total"], want["done"]], unit.slug
        assert row[header.index("Đang thực hiện")] == want["in_progress"]
        assert [row[on_time], row[on_time + 1]] == [want["on_time"], want["resolved"]]
        assert str(row[on_time + 2]).startswith("=IF(")  # the rate, a formula of the two
    for unit in province.units:
        if unit in province.covered() or unit.other_year or unit.other_programme:
            continue
        row = next(r for plan, r in by_plan.items() if str(plan).endswith(f"/{unit.slug}.yaml"))
        assert row[header.index("Hoàn thành")] is None  # left out of every total
        assert row[header.index("Tình hình báo cáo")] in ("chưa đủ số liệu", "tệp có lỗi")


def test_totals_are_sums_of_the_rows_in_the_sheet(province: Province) -> None:
    header, rows, first = sheet_table(province.out / XLSX, "Các đơn vị")
    labels = [row[1] for row in rows]
    total = rows[labels.index("Tổng cộng")]
    done = header.index("Hoàn thành")
    letter = "J"  # the column of "Hoàn thành"
    assert done == 9
    subtotals = [n for n, label in enumerate(labels) if str(label).startswith("Cộng ")]
    assert len(subtotals) == 2
    assert total[done] == "=SUM(" + ",".join(f"{letter}{n + first}" for n in subtotals) + ")"
    block = f"=SUM({letter}{first}:{letter}{subtotals[0] + first - 1})"
    assert rows[subtotals[0]][done] == block
    assert (
        rows[subtotals[0]][done + 3]
        == f'=IF(N(I{subtotals[0] + first})=0,"",J{subtotals[0] + first}/I{subtotals[0] + first})'
    )


@pytest.mark.libreoffice
def test_libreoffice_computes_totals_that_match_a_recomputation(
    province: Province, soffice: str, tmp_path: Path
) -> None:
    import csv
    import subprocess

    source = tmp_path / "bang.xlsx"
    shutil.copy(province.out / XLSX, source)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    sheets = {
        p.stem.removeprefix("bang-"): list(csv.reader(p.read_text(encoding="utf-8").splitlines()))
        for p in tmp_path.glob("bang-*.csv")
    }
    units = sheets["Các đơn vị"]
    start = next(n for n, row in enumerate(units) if row and row[0] == "STT")
    header = units[start]
    total = next(row for row in units if len(row) > 1 and row[1] == "Tổng cộng")
    wanted = [expected(province.folder, u.slug) for u in province.covered()]

    def cell(name: str) -> float:
        text = total[header.index(name)]  # a percentage keeps its sign: "99.52…%"
        return float(text.rstrip("%")) / 100 if text.endswith("%") else float(text)

    assert cell("Số nhiệm vụ kế hoạch") == sum(w["total"] for w in wanted)
    assert cell("Hoàn thành") == sum(w["done"] for w in wanted)
    assert cell("Hồ sơ trước và đúng hạn: tử số") == sum(w["on_time"] for w in wanted)
    assert cell("Hồ sơ trước và đúng hạn: mẫu số") == sum(w["resolved"] for w in wanted)
    rate = cell("Hồ sơ trước và đúng hạn: tỷ lệ")
    expected_rate = sum(w["on_time"] for w in wanted) / sum(w["resolved"] for w in wanted)
    assert rate == pytest.approx(expected_rate, abs=1e-9)
    done_rate = cell("Tỷ lệ hoàn thành")
    assert done_rate == pytest.approx(cell("Hoàn thành") / cell("Số nhiệm vụ kế hoạch"))
    # The table by field: received over the year, the carried-over dossiers counted once.
    tthc = sheets["TTHC theo lĩnh vực"]
    received = next(row for row in tthc if len(row) > 1 and row[1] == "Tổng cộng")[2]
    with_table = [u for u in province.covered() if u.tthc]
    want = 0
    for unit in with_table:
        quarters = _quarters(province.folder, unit.slug)
        tables = [q["tthc_table"]["totals"] for q in quarters]
        want += sum(t[0] for t in tables) - sum(t[3] for t in tables[1:])
    assert float(received) == want


def test_units_left_out_are_listed_with_why(province: Province) -> None:
    _, missing = sheet_rows(province.out / XLSX, "Chưa đủ, gửi sau hạn")
    listed = {str(row[3]).rsplit("/", 1)[-1]: row for row in missing}
    for unit in province.units:
        name = f"{unit.slug}.yaml"
        if unit.broken:
            assert listed[name][4] == "tệp có lỗi" and "E303" in str(listed[name][8])
        elif unit.other_year or unit.other_programme:
            assert name not in listed
        elif unit.quarters < 4 or unit.behind:
            assert listed[name][4] == "chưa đủ số liệu" and listed[name][7]
    _, skipped = sheet_rows(province.out / XLSX, "Không tổng hợp")
    reasons = {str(row[2]).rsplit("/", 1)[-1]: str(row[3]) for row in skipped}
    for unit in province.units:
        if unit.other_programme:
            assert "30c" in reasons[f"{unit.slug}.yaml"]
        if unit.other_year:
            assert "2023" in reasons[f"{unit.slug}.yaml"]


def test_existing_outputs_are_kept_unless_forced(province: Province, tmp_path: Path) -> None:
    out = tmp_path / "ra"
    first = rollup(province.folder, "-o", f"{out}/")
    assert first.exit_code in (0, 1), first.stderr
    (out / XLSX).write_bytes(b"edited")
    again = rollup(province.folder, "-o", f"{out}/")
    assert again.exit_code == 3 and "--force" in again.stderr
    assert (out / XLSX).read_bytes() == b"edited"
    forced = rollup(province.folder, "-o", f"{out}/", "--force")
    assert forced.exit_code in (0, 1) and (out / XLSX).read_bytes() != b"edited"


def test_the_same_inputs_give_the_same_bytes(province: Province, tmp_path: Path) -> None:
    out = tmp_path / "lan-2"
    result = rollup(province.folder, "-o", f"{out}/", "--office", OFFICE)
    assert result.exit_code == province.code
    for name in (XLSX, DOCX):
        assert (out / name).read_bytes() == (province.out / name).read_bytes(), name


def test_one_file_by_its_ending_or_format(province: Province, tmp_path: Path) -> None:
    only = rollup(province.folder, "-o", tmp_path / "bao-cao.docx")
    assert only.exit_code in (0, 1) and [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]
    sheet = rollup(province.folder, "-f", "xlsx", "-o", f"{tmp_path / 'bang'}/")
    assert [p.name for p in (tmp_path / "bang").iterdir()] == [XLSX], sheet.stderr
    wrong = rollup(province.folder, "-o", tmp_path / "bao-cao.md")
    assert wrong.exit_code == 2 and ".xlsx" in wrong.stderr


def test_the_vietnamese_name_runs_the_same_command(province: Province, tmp_path: Path) -> None:
    result = run_cli(
        "tong-hop", province.folder / "plans", "--progress-dir", province.folder / "progress",
        *DATES, "-f", "xlsx", "-o", f"{tmp_path}/",
    )  # fmt: skip
    assert result.exit_code == province.code and (tmp_path / XLSX).is_file()


def test_without_office_details_the_report_shows_what_is_missing(
    province: Province, tmp_path: Path
) -> None:
    result = rollup(province.folder, "-f", "docx", "-o", f"{tmp_path}/")
    assert "còn 12 chỗ '…'" in result.stdout and "tên cơ quan" in result.stdout
    doc = Document(str(tmp_path / DOCX))
    left = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert left == ["…", "…", "Số:      /…"]


def test_office_file_problems_are_located(province: Province, tmp_path: Path) -> None:
    bad = write_tree(tmp_path, {"so.yaml": 'name: "Sở Nội vụ"\nsignr:\n  title: "GIÁM ĐỐC"\n'})
    result = rollup(province.folder, "--office", bad / "so.yaml", "-o", f"{tmp_path}/ra/")
    assert result.exit_code == 1 and "so.yaml:2" in result.stderr and "signer" in result.stderr
    assert not (tmp_path / "ra").exists()
    missing = rollup(province.folder, "--office", tmp_path / "khong-co.yaml")
    assert missing.exit_code == 2


def test_the_office_s_own_templates(province: Province, tmp_path: Path) -> None:
    own = write_tree(
        tmp_path / "mau",
        {"tong-hop-subject.md.j2": "Tổng hợp riêng {{ r.period.name }} ({{ r.covered }} đơn vị)\n"},
    )
    result = rollup(province.folder, "--templates", own, "-f", "docx", "-o", f"{tmp_path}/ra/")
    assert result.exit_code == province.code, result.stderr
    texts = [p.text for p in Document(str(tmp_path / "ra" / DOCX)).paragraphs]
    assert any(t.startswith("Tổng hợp riêng năm 2024 (") for t in texts)
    (own / "tong-hop-subject.md.j2").write_text("{{ r.khong_co }}\n", encoding="utf-8")
    broken = rollup(province.folder, "--templates", own, "-f", "docx", "-o", f"{tmp_path}/ra2/")
    assert broken.exit_code == 4 and "tong-hop-subject.md.j2:1" in broken.stderr
    assert not (tmp_path / "ra2").exists()
