"""`cchc report` end to end: periods, formats, paths, overwrite, determinism, folders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_cli
from tests.report_tree import KINDS, PLAN_NAME, fresh_unit, unit_tree

DATE = ("--date", "2024-12-03", "--today", "2024-11-20")


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return unit_tree(tmp_path)


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_each_kind_to_its_default_path(unit: Path, kind: str, fmt: str) -> None:
    result = run_cli("report", *KINDS[kind], "plans/hoa-binh-2024.yaml", "-f", fmt, *DATE)
    assert result.exit_code == 0, result.stdout + result.stderr
    path = Path("reports") / "2024" / f"{PLAN_NAME}-2024-{kind}.{fmt}"
    assert path.is_file()
    assert path.as_posix() in result.stdout


def test_markdown_content(unit: Path) -> None:
    result = run_cli("report", "--half", "2024-H1", "-f", "md", "-o", "r.md", *DATE)
    assert result.exit_code == 0, result.stderr
    text = Path("r.md").read_text(encoding="utf-8")
    assert "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024" in text
    assert "*Hòa Bình, ngày 03 tháng 12 năm 2024*" in text
    for heading in (
        "# I. CÔNG TÁC",
        "# II. KẾT QUẢ",
        "# III. ĐÁNH GIÁ",
        "# IV. PHƯƠNG",
        "# V. KIẾN",
    ):
        assert heading in text
    assert "## 6. Xây dựng và phát triển chính quyền điện tử, chính quyền số" in text
    assert "./." in text
    assert "\\- Lưu: VT." in text
    assert "DỮ LIỆU MẪU" in text
    # Hostile YAML text arrives escaped, not as structure.
    assert "& báo cáo \\<kết quả\\>" in text
    assert "dòng hai: # không phải tiêu đề, \\| không phải bảng, \\*không nghiêng\\*." in text
    assert "None" not in text
    # (120 + 275 + 100 + 300) / (398 + 480): recomputed from the two quarters' counts.
    assert "| 90,55%<br>" in text
    # Markdown for a reader: no layout comments, the title above the sections.
    assert "<!--" not in text
    assert text.index("# BÁO CÁO") < text.index("# I. CÔNG TÁC")


def test_bare_quarter_picks_next_due_and_accepts_plan_after_it(unit: Path) -> None:
    result = run_cli("report", "--quarter", "plans/hoa-binh-2024.yaml", "--today", "2024-08-01")
    assert result.exit_code == 0, result.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-quy-3.docx").is_file()


def test_default_plan_is_the_only_one(unit: Path) -> None:
    result = run_cli("report", "--quarter", "2024-Q1", "-f", "md", *DATE)
    assert result.exit_code == 0, result.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-quy-1.md").is_file()


def test_quarter_two_points_to_the_six_month_report(unit: Path) -> None:
    result = run_cli("report", "--quarter", "2024-Q2", *DATE)
    assert result.exit_code == 2
    assert "6 tháng" in result.stderr


def test_no_overwrite_without_force(unit: Path) -> None:
    args = ("report", "--quarter", "2024-Q1", "-o", "out.docx", *DATE)
    assert run_cli(*args).exit_code == 0
    Path("out.docx").write_bytes(b"edited")
    result = run_cli(*args)
    assert result.exit_code == 3
    assert "out.docx" in result.stderr
    assert "--force" in result.stderr
    assert Path("out.docx").read_bytes() == b"edited"
    assert run_cli(*args, "--force").exit_code == 0
    assert Path("out.docx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_same_inputs_same_bytes(unit: Path, fmt: str) -> None:
    for name in ("a", "b"):
        result = run_cli("report", "--annual", "2024", "-f", fmt, "-o", f"{name}.{fmt}", *DATE)
        assert result.exit_code == 0, result.stderr
    assert Path(f"a.{fmt}").read_bytes() == Path(f"b.{fmt}").read_bytes()


def test_missing_data_is_an_error_listing_items_then_draft(unit: Path) -> None:
    progress = Path("progress") / PLAN_NAME / "2024-Q3.yaml"
    text = progress.read_text(encoding="utf-8")
    text = text.replace("  - id: HL\n    value: 93.0\n", "  - id: HL\n")
    text = text.replace("  causes: [Hồ sơ đất đai phức tạp.]\n", "")
    progress.write_text(text, encoding="utf-8")
    result = run_cli("report", "--quarter", "2024-Q3", "-f", "md", *DATE)
    assert result.exit_code == 1
    assert "HL" in result.stdout + result.stderr
    assert "Nguyên nhân" in result.stdout + result.stderr
    assert f"{PLAN_NAME}/2024-Q3.yaml:" in result.stdout + result.stderr
    assert not Path("reports").exists()
    result = run_cli("report", "--quarter", "2024-Q3", "-f", "md", "--draft", *DATE)
    assert result.exit_code == 0, result.stderr
    assert "'…'" in result.stdout
    text = Path("reports/2024/hoa-binh-2024-2024-quy-3-du-thao.md").read_text(encoding="utf-8")
    assert "| % | từ 90% trở lên | … |" in text
    assert "## 3. Nguyên nhân\n\n- …" in text


def test_missing_quarter_file_for_six_months(unit: Path) -> None:
    (Path("progress") / PLAN_NAME / "2024-Q1.yaml").unlink()
    result = run_cli("report", "--half", "2024-H1", *DATE)
    assert result.exit_code == 1
    assert "quý I năm 2024" in result.stdout + result.stderr


def test_no_progress_at_all(unit: Path) -> None:
    shutil.rmtree("progress")
    result = run_cli("report", "--quarter", "2024-Q1", *DATE)
    assert result.exit_code == 1
    assert "cchc progress new" in result.stderr


def test_bad_format_and_date(unit: Path) -> None:
    assert run_cli("report", "--quarter", "1", "-f", "pdf").exit_code == 2
    assert run_cli("report", "--quarter", "1", "--date", "05/13/2024").exit_code == 2


@pytest.mark.parametrize(
    "parallel",
    [False, pytest.param(True, marks=pytest.mark.slow)],  # worker processes start
    ids=["one-process", "worker-processes"],
)
def test_folder_of_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool) -> None:
    # A folder of many units is shared among worker processes: the same outcome, each
    # unit's error (with its problems and exit code) brought back from its worker.
    if parallel:
        monkeypatch.setattr("cchc_cli.province.units.PARALLEL_FROM", 1)
        monkeypatch.setattr("cchc_cli.province.units.os.cpu_count", lambda: 2)
    monkeypatch.chdir(tmp_path)
    plan = unit_tree(tmp_path)
    for name in ("don-vi-a", "don-vi-b"):
        shutil.copy(plan, plan.parent / f"{name}.yaml")
        shutil.copytree(Path("progress") / PLAN_NAME, Path("progress") / name)
        for record in (Path("progress") / name).glob("*.yaml"):
            text = record.read_text(encoding="utf-8")
            record.write_text(text.replace(f"{PLAN_NAME}.yaml", f"{name}.yaml"), encoding="utf-8")
    shutil.copy(plan, plan.parent / "chua-co-tien-do.yaml")
    (plan.parent / "hong.yaml").write_text("unit: [\n", encoding="utf-8")
    result = run_cli("report", "--quarter", "2024-Q1", "plans", "-o", "out", *DATE)
    assert result.exit_code == 1  # one unit failed
    written = sorted(p.name for p in Path("out").iterdir())
    assert written == [
        "don-vi-a-2024-quy-1.docx",
        "don-vi-b-2024-quy-1.docx",
        "hoa-binh-2024-2024-quy-1.docx",
    ]
    assert "chua-co-tien-do" in result.stdout
    assert "bỏ qua" in result.stdout
    assert "hong" in result.stdout
    assert "Đã ghi 3 báo cáo; bỏ qua 1 đơn vị; lỗi 1 đơn vị." in result.stdout.replace("\n", " ")
    assert re.search(r"hong\.yaml:\d+:\d+: lỗi E103", result.stderr), "the broken plan's lines"
    # Run again: every report exists now, the one kind of failure keeps its code (3).
    (plan.parent / "hong.yaml").unlink()
    again = run_cli("report", "--quarter", "2024-Q1", "plans", "-o", "out", *DATE)
    assert again.exit_code == 3
    assert "--force" in again.stdout


def test_folder_all_good_exits_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    unit_tree(tmp_path)
    result = run_cli("report", "--quarter", "2024-Q1", "plans", "-f", "md", *DATE)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-quy-1.md").is_file()


def test_bare_quarter_at_the_end(unit: Path) -> None:
    result = run_cli("report", "plans/hoa-binh-2024.yaml", "--today", "2024-02-01", "--quarter")
    assert result.exit_code == 0, result.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-quy-1.docx").is_file()


def test_bare_quarter_before_another_option(unit: Path) -> None:
    result = run_cli("report", "-q", "-f", "md", "--today", "2024-05-20")
    assert result.exit_code == 0, result.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-6-thang.md").is_file()


def test_fresh_progress_file_lists_what_to_fill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = fresh_unit(tmp_path)
    result = run_cli("report", "--quarter", "2024-Q3", plan, "-f", "md", *DATE)
    assert result.exit_code == 1
    out = result.stdout + result.stderr
    lines = re.findall(rf"{PLAN_NAME}/2024-Q3\.yaml:(\d+):\d+: lỗi (R10\d)", out)
    assert {code for _, code in lines} >= {"R101", "R102", "R103"}
    assert all(int(line) > 1 for line, _ in lines)
    result = run_cli("report", "--quarter", "2024-Q3", plan, "-f", "md", "--draft", *DATE)
    assert result.exit_code == 0, result.stderr
    text = Path("reports/2024/hoa-binh-2024-2024-quy-3-du-thao.md").read_text(encoding="utf-8")
    assert "Bản dự thảo" in text
    assert "None" not in text
    assert "(quá hạn) (quá hạn)" not in text and "quá hạn, chưa thực hiện (quá hạn)" not in text


def test_folder_with_progress_files_inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `cchc report .` on a unit's whole folder: the progress records are not plans.
    monkeypatch.chdir(tmp_path)
    unit_tree(tmp_path)
    result = run_cli("report", "--quarter", "2024-Q1", ".", "-f", "md", *DATE)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Đã ghi 1 báo cáo; bỏ qua 0 đơn vị; lỗi 0 đơn vị." in result.stdout


def test_a_late_report_is_written_and_the_clerk_told(unit: Path) -> None:
    on_time = run_cli("report", "-q", "2024-Q1", "-f", "md", "--today", "2024-03-04")
    assert on_time.exit_code == 0, on_time.stderr
    assert "quá" not in on_time.stdout
    late = run_cli("report", "-q", "2024-Q1", "-f", "md", "--force", "--today", "2024-03-08")
    assert late.exit_code == 0, late.stderr
    assert "Lưu ý: hạn gửi báo cáo này là 05/03/2024, đã quá 3 ngày." in late.stdout


def test_the_late_note_counts_from_the_date_the_report_bears(unit: Path) -> None:
    args = ("report", "-q", "2024-Q1", "-f", "md", "--force", "--today", "2024-03-01")
    assert "đã quá 5 ngày" in run_cli(*args, "--date", "2024-03-10").stdout
    assert "quá" not in run_cli(*args, "--date", "2024-03-04").stdout


def test_a_quarter_without_a_year_means_the_plans_year(unit: Path) -> None:
    # The fixture plan covers 2024 only; in 2026 "quarter 1" still means 2024's.
    result = run_cli("report", "-q", "1", "-f", "md", "--today", "2026-11-24")
    assert result.exit_code == 0, result.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-quy-1.md").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-q", "2023-Q1"), "Báo cáo quý I năm 2023 nằm ngoài thời gian của kế hoạch (2024)."),
        (("--annual", "2025"), "Báo cáo năm 2025 nằm ngoài thời gian của kế hoạch (2024)."),
        (("-q", "2024-Q1", "--date", "0001-01-01"), "--date '0001-01-01': năm 1 nằm ngoài"),
        (("-q", "2024-Q1", "--today", "2024-02-30"), "--today '2024-02-30' không phải một ngày"),
        (("-q", "--today", "2024-12-06"), "Kế hoạch (2024) không còn kỳ báo cáo nào đến hạn"),
        (
            ("-q", "2024-Q3", "--date", "1995-01-01"),
            "Ngày báo cáo 01/01/1995 (--date) ở trước kỳ số liệu của báo cáo quý III năm 2024",
        ),
        (("-q", "--today", "2023-06-01"), "Ngày báo cáo 01/06/2023 (--today (hôm nay)) ở trước"),
    ],
)
def test_periods_and_days_outside_the_plan_are_usage_errors(
    unit: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_cli("report", *args, "-f", "md")
    assert result.exit_code == 2
    assert message in result.stderr
    assert not Path("reports").exists()


def test_a_draft_counts_the_missing_items_not_its_own_banner(unit: Path) -> None:
    complete = run_cli("report", "-q", "2024-Q1", "-f", "md", "--draft", *DATE)
    assert complete.exit_code == 0, complete.stderr
    assert "chưa có số liệu" not in complete.stdout  # nothing missing: nothing to say
    Path("reports/2024/hoa-binh-2024-2024-quy-1-du-thao.md").unlink()
    progress = Path("progress/hoa-binh-2024/2024-Q1.yaml")
    text = progress.read_text(encoding="utf-8")
    progress.write_text(text.replace("[Công tác chỉ đạo kịp thời.]", "[]"), encoding="utf-8")
    gappy = run_cli("report", "-q", "2024-Q1", "-f", "md", "--draft", *DATE)
    assert gappy.exit_code == 0, gappy.stderr
    assert "Bản dự thảo có 1 chỗ để trống, in bằng '…' (quý I: 1)" in gappy.stdout
    text = Path("reports/2024/hoa-binh-2024-2024-quy-1-du-thao.md").read_text(encoding="utf-8")
    assert '*Bản dự thảo: còn 1 chỗ "…" cần điền trước khi trình ký (quý I: 1).*' in text


def test_a_record_of_another_plan_is_refused(unit: Path) -> None:
    record = Path("progress/hoa-binh-2024/2024-Q1.yaml")
    other = Path("plans/khac-2024.yaml")
    shutil.copy(unit, other)
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("hoa-binh-2024.yaml", "khac-2024.yaml"), encoding="utf-8")
    result = run_cli("report", "-q", "2024-Q1", "plans/hoa-binh-2024.yaml", "-f", "md", *DATE)
    assert result.exit_code == 1
    assert re.search(r"2024-Q1\.yaml:\d+:\d+: lỗi E419", result.stderr), result.stderr
    assert not Path("reports").exists()


def test_a_record_named_for_another_quarter_is_refused(unit: Path) -> None:
    record = Path("progress/hoa-binh-2024/2024-Q1.yaml")
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("quarter: 2024-Q1", "quarter: 2024-Q3"), encoding="utf-8")
    result = run_cli("validate", record)
    assert result.exit_code == 1
    assert "E418 Tệp tên 2024-Q1.yaml nhưng ghi quarter: 2024-Q3." in result.stdout


def test_a_record_saved_as_yml_is_found(unit: Path) -> None:
    record = Path("progress/hoa-binh-2024/2024-Q1.yaml")
    record.rename(record.with_suffix(".yml"))
    result = run_cli("report", "-q", "2024-Q1", "-f", "md", *DATE)
    assert result.exit_code == 0, result.stderr
    again = run_cli("progress", "new", "-q", "2024-Q1")
    assert again.exit_code == 3 and "2024-Q1.yml" in again.stderr


def test_a_progress_file_given_as_the_plan_is_said_to_be_one(unit: Path) -> None:
    result = run_cli("report", "-q", "2024-Q1", "progress/hoa-binh-2024/2024-Q1.yaml", *DATE)
    assert result.exit_code == 1
    assert "E113 Đây là tệp tiến độ (có 'quarter:'), không phải tệp kế hoạch." in result.stderr
    assert result.stderr.count(" lỗi ") == 1


def test_the_output_name_chooses_the_format(unit: Path) -> None:
    result = run_cli("report", "-q", "2024-Q1", "-o", "bao-cao.md", *DATE)
    assert result.exit_code == 0, result.stderr
    assert Path("bao-cao.md").read_text(encoding="utf-8").startswith("**ỦY BAN NHÂN DÂN")
    clash = run_cli("report", "-q", "2024-Q1", "-f", "docx", "-o", "khac.md", *DATE)
    assert clash.exit_code == 2 and "đuôi .md nhưng định dạng là docx" in clash.stderr
    assert not Path("khac.md").exists()


def test_a_draft_line_ending_in_a_gap_gets_no_extra_full_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = fresh_unit(tmp_path)
    result = run_cli("report", "-q", "2024-Q3", plan, "--draft", "-f", "md", *DATE)
    assert result.exit_code == 0, result.stderr
    text = Path("reports/2024/hoa-binh-2024-2024-quy-3-du-thao.md").read_text(encoding="utf-8")
    assert "…" in text and "…." not in text
    # A task with neither status nor result: "…" in both cells, never a status for a result.
    assert re.search(r"^\| 1 \| .* \| … \| … \|$", text, flags=re.MULTILINE)
    # The counts add up: tasks without a status are counted as such, not dropped; a count
    # of zero is left out.
    assert "Thực hiện 2 nhiệm vụ công tác chỉ đạo, điều hành: chưa ghi tình trạng 2 (…)." in text
    assert "hoàn thành 0" not in text


def test_a_folder_run_skips_units_that_owe_no_such_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    unit_tree(tmp_path)
    shutil.copy(ROOT / "plans" / "hai-phong-2018.yaml", "plans")  # another year
    (tmp_path / "rieng").mkdir()
    result = run_cli("report", "--quarter", "2024-Q1", "plans", "-o", "rieng", *DATE)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "bỏ qua" in result.stdout and "hai-phong-2018" in result.stdout
    assert "kế hoạch (2018)." in result.stdout
    assert [p.name for p in Path("rieng").iterdir()] == ["hoa-binh-2024-2024-quy-1.docx"]


def test_a_folder_run_with_a_wrong_period_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    unit_tree(tmp_path)
    shutil.copy(ROOT / "plans" / "hai-phong-2018.yaml", "plans")
    result = run_cli("report", "--quarter", "2", "plans", "--today", "2024-05-01")
    assert result.exit_code == 2
    assert result.stderr.count("Lỗi:") == 1 and "--half H1" in result.stderr
    assert not Path("reports").exists()


def test_a_period_option_does_not_swallow_the_plan_or_another_option(unit: Path) -> None:
    half = run_cli("report", "--half", "plans/hoa-binh-2024.yaml", "-f", "md", *DATE)
    assert half.exit_code == 0, half.stderr
    assert Path("reports/2024/hoa-binh-2024-2024-6-thang.md").is_file()
    swallowed = run_cli("report", "--annual", "--draft", "plans/hoa-binh-2024.yaml")
    assert swallowed.exit_code == 2
    assert "Tùy chọn --annual cần một giá trị, không phải '--draft'." in swallowed.stderr


def test_evidence_and_results_keep_one_punctuation_mark(unit: Path) -> None:
    record = Path("progress/hoa-binh-2024/2024-Q1.yaml")
    text = record.read_text(encoding="utf-8")
    assert "evidence:" in text
    text = text.replace(
        "evidence: [", 'evidence: ["Báo cáo số 21/BC-UBND.", "Công văn số 5/UBND;", ', 1
    )
    record.write_text(text, encoding="utf-8")
    result = run_cli("report", "-q", "2024-Q1", "-f", "md", *DATE)
    assert result.exit_code == 0, result.stderr
    out = Path("reports/2024/hoa-binh-2024-2024-quy-1.md").read_text(encoding="utf-8")
    # In Phụ lục I, the documents on a labelled line after the result, without the mark
    # typed after each.
    assert "<br>Văn bản: Báo cáo số 21/BC-UBND; Công văn số 5/UBND; " in out
    assert ".;" not in out and ";;" not in out


def test_a_folder_as_output_receives_the_report_under_its_name(unit: Path) -> None:
    result = run_cli("report", "-q", "2024-Q1", "-o", "gui-quan/", *DATE)
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in Path("gui-quan").iterdir()] == ["hoa-binh-2024-2024-quy-1.docx"]
    Path("co-san").mkdir()
    again = run_cli("report", "-q", "2024-Q1", "-o", "co-san", "-f", "md", *DATE)
    assert again.exit_code == 0, again.stderr
    assert [p.name for p in Path("co-san").iterdir()] == ["hoa-binh-2024-2024-quy-1.md"]


@pytest.mark.parametrize(
    ("name", "said"),
    [("bc.txt", "đuôi .txt"), ("bc", "không có đuôi"), ("bc.docx.bak", "đuôi .bak")],
)
def test_an_output_name_of_another_kind_is_refused(unit: Path, name: str, said: str) -> None:
    result = run_cli("report", "-q", "2024-Q1", "-o", name, *DATE)
    assert result.exit_code == 2 and said in result.stderr
    assert "ví dụ bc.docx;" in result.stderr
    assert not Path(name).exists()
