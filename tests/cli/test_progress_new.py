"""`cchc progress new`: the pre-filled quarter file loads, fills in, carries status, never
overwrites."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cchc_cli.load.plan import load_plan_or_raise
from cchc_cli.load.progress import load_progress, load_progress_or_raise
from cchc_cli.load.yaml import load_bytes
from cchc_cli.model.progress import Quarter, TaskStatus
from cchc_cli.problems import ProblemList
from cchc_cli.progress_new import new_progress, progress_text
from tests.helpers import FIXTURES, run_cli, write_tree

SOURCE = FIXTURES / "progress"


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with plans/xa-mau-2024.yaml and an empty progress/."""
    (tmp_path / "plans").mkdir()
    shutil.copy(SOURCE / "plans" / "xa-mau-2024.yaml", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fill(text: str) -> str:
    """What a clerk does: replace every ~ value with a figure or a sentence."""
    text = re.sub(r"(\n\s+status): ~[^\n]*", r"\1: đang thực hiện", text)
    text = re.sub(r"(\n\s+result): ~[^\n]*", r'\1: "Đã làm trong quý."', text)
    text = re.sub(r"(\n\s+(?:received|resolved)): ~", r"\1: 100", text)
    text = re.sub(r"(\n\s+(?:early|on_time|late)): ~", r"\1: 10", text)
    text = re.sub(r"(\n\s+value): ~", r"\1: 95.5", text)
    text = re.sub(r"(\n\s+text): ~", r'\1: "Xếp thứ 3 & \\"khá\\""', text)
    return re.sub(r"(\n\s+[a-z_-]+): \[\]  #", r"\1: [Đã viết.]  #", text)


def test_generated_file_loads_with_only_values_to_fill(unit: Path) -> None:
    result = run_cli("progress", "new", "--quarter", "2024-Q1")
    assert result.exit_code == 0, result.stderr
    path = unit / "progress" / "xa-mau-2024" / "2024-Q1.yaml"
    assert "progress/xa-mau-2024/2024-Q1.yaml" in result.stdout
    loaded = load_progress(path)
    assert loaded.ok
    assert {p.code for p in loaded.problems} == {"W420", "W423", "W427"}
    plan = load_plan_or_raise(unit / "plans" / "xa-mau-2024.yaml")
    progress = loaded.model
    assert progress is not None and progress.quarter == Quarter(2024, 1) and not progress.sample
    assert [t.id for t in progress.tasks] == [t.id for t in plan.tasks]
    # No earlier quarter: no status is guessed, the clerk chooses one.
    assert {t.status for t in progress.tasks} == {None}
    text = path.read_text(encoding="utf-8")
    assert "status: ~  # hoàn thành / đang thực hiện / chưa thực hiện" in text
    assert [i.id for i in progress.indicators] == [i.id for i in plan.indicators]
    rate = progress.indicator("TTHC-DUNG-HAN")
    assert rate is not None
    assert rate.counts == dict.fromkeys(("received", "resolved", "early", "on_time", "late"))
    assert set(progress.narrative.areas) == {
        "the-che", "tthc", "to-chuc-bo-may", "cong-vu", "tai-chinh-cong", "chinh-quyen-so",
    }  # fmt: skip
    assert not list(path.parent.glob(".*.tmp"))


def test_comments_name_each_task_its_due_and_each_count(unit: Path) -> None:
    run_cli("progress", "new", "-q", "2024-Q1")
    text = (unit / "progress" / "xa-mau-2024" / "2024-Q1.yaml").read_text(encoding="utf-8")
    assert "# TC-01 · Rà soát, hệ thống hóa văn bản quy phạm pháp luật" in text
    assert "hạn: Quý II/2024" in text and "hạn: Thường xuyên" in text
    assert "received: ~  # Số hồ sơ tiếp nhận" in text
    assert "# Kỳ số liệu: 15/12/2023 – 14/03/2024." in text
    assert 'plan: "../../plans/xa-mau-2024.yaml"' in text


def test_filled_in_file_round_trips_without_warnings(unit: Path) -> None:
    run_cli("progress", "new", "--quarter", "I/2024")
    path = unit / "progress" / "xa-mau-2024" / "2024-Q1.yaml"
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_progress(path)
    assert loaded.ok and loaded.problems == []
    assert loaded.model is not None
    assert loaded.model.indicator("PAR").text == 'Xếp thứ 3 & "khá"'  # type: ignore[union-attr]
    assert loaded.model.indicator("HL").value == 95.5  # type: ignore[union-attr]


def test_last_known_status_is_carried_forward(unit: Path) -> None:
    shutil.copy(SOURCE / "xa-mau-2024" / "2024-Q1.yaml", unit / "q1.yaml")
    target = unit / "progress" / "xa-mau-2024" / "2024-Q1.yaml"
    target.parent.mkdir(parents=True)
    text = (unit / "q1.yaml").read_text(encoding="utf-8")
    target.write_text(text.replace("../plans/", "../../plans/"), encoding="utf-8")
    # Quý II is skipped: quý III takes the last known status, from quý I.
    result = run_cli("progress", "new", "--quarter", "2024-Q3")
    assert result.exit_code == 0, result.stderr
    q3 = load_progress(target.with_name("2024-Q3.yaml"))
    assert q3.ok, q3.problems
    progress = q3.model
    assert progress is not None
    done = progress.task("TCC-01")
    assert done is not None and done.status is TaskStatus.DONE
    assert str(done.completed_on) == "2024-02-28"
    # The earlier quarter's work is not this quarter's: no result, no document carried
    # over as a value; the earlier result is a comment, for reference.
    assert done.result is None and done.evidence == []
    text = target.with_name("2024-Q3.yaml").read_text(encoding="utf-8")
    assert "status: hoàn thành  # từ quý I, ngày 28/02/2024" in text
    assert "# quý I: Công khai dự toán ngân sách năm 2024" in text
    assert "30/QĐ-UBND" not in text
    ongoing = progress.task("TC-01")
    assert ongoing is not None
    assert ongoing.status is TaskStatus.IN_PROGRESS and ongoing.result is None
    assert progress.task("BM-01").status is TaskStatus.NOT_STARTED  # type: ignore[union-attr]
    # A finished task needs no new result; an ongoing one does (W429).
    warned = {p.message.split()[2] for p in q3.problems if p.code == "W429"}
    assert "TCC-01" not in warned and "TC-01" in warned


def test_never_overwrites(unit: Path) -> None:
    assert run_cli("progress", "new", "--quarter", "2024-Q2").exit_code == 0
    path = unit / "progress" / "xa-mau-2024" / "2024-Q2.yaml"
    path.write_text("# số liệu đã nhập\n", encoding="utf-8")
    result = run_cli("progress", "new", "--quarter", "2024-Q2")
    assert result.exit_code == 3
    assert "progress/xa-mau-2024/2024-Q2.yaml" in result.stderr
    assert "không ghi đè" in result.stderr and "Xóa tệp" in result.stderr
    assert path.read_text(encoding="utf-8") == "# số liệu đã nhập\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["2024-Q2.yaml"]


def test_progress_dir_option_and_explicit_plan(tmp_path: Path) -> None:
    plan = SOURCE / "plans" / "xa-mau-2024.yaml"
    out = tmp_path / "tien-do"
    result = run_cli(
        "progress", "new", plan, "-q", "Q4", "--progress-dir", out, "--today", "2024-05-01"
    )
    assert result.exit_code == 0, result.stderr
    path = out / "xa-mau-2024" / "2024-Q4.yaml"
    loaded = load_progress(path)
    assert loaded.ok
    assert loaded.model is not None and loaded.model.quarter == Quarter(2024, 4)


def test_bare_quarter_uses_the_window_holding_today(unit: Path) -> None:
    result = run_cli("progress", "new", "--today", "2024-06-20")
    assert result.exit_code == 0, result.stderr
    assert (unit / "progress" / "xa-mau-2024" / "2024-Q3.yaml").is_file()


@pytest.mark.parametrize("quarter", ["2025-Q1", "Q9"])
def test_quarter_outside_the_plan_or_unknown_is_a_usage_error(unit: Path, quarter: str) -> None:
    result = run_cli("progress", "new", "--quarter", quarter)
    assert result.exit_code == 2
    assert not (unit / "progress").exists()


def test_plan_folder_with_several_plans_is_a_usage_error(unit: Path) -> None:
    shutil.copy(unit / "plans" / "xa-mau-2024.yaml", unit / "plans" / "khac.yaml")
    result = run_cli("progress", "new", "--quarter", "2024-Q1")
    assert result.exit_code == 2
    assert "khac.yaml" in result.stderr and "xa-mau-2024.yaml" in result.stderr


def test_broken_previous_quarter_is_reported(unit: Path) -> None:
    write_tree(unit, {"progress/xa-mau-2024/2024-Q1.yaml": "plan: x\nquarter: 2024-Q1\ntasks: 5\n"})
    result = run_cli("progress", "new", "--quarter", "2024-Q2")
    assert result.exit_code == 1
    assert "quý trước" in result.stderr
    assert not (unit / "progress" / "xa-mau-2024" / "2024-Q2.yaml").exists()


def test_awkward_plan_text_stays_valid_yaml(tmp_path: Path) -> None:
    text = (SOURCE / "plans" / "xa-mau-2024.yaml").read_text(encoding="utf-8")
    awkward = 'content: "Rà soát: văn bản # số 1, \\"quan trọng\\" & <khẩn>\\nhai dòng"'
    text = text.replace('content: "Công khai dự toán, quyết toán ngân sách xã"', awkward)
    write_tree(tmp_path, {"plans/p.yaml": text})
    plan = load_plan_or_raise(tmp_path / "plans" / "p.yaml")
    assert "\n" in plan.task("TCC-01").content  # type: ignore[union-attr]
    out = tmp_path / "progress" / "p" / "2024-Q1.yaml"
    body = progress_text(plan, tmp_path / "plans" / "p.yaml", out, Quarter(2024, 1), None)
    problems = ProblemList("x")
    assert load_bytes(body.encode("utf-8"), problems) is not None and not problems.items
    assert '# TCC-01 · Rà soát: văn bản # số 1, "quan trọng" & <khẩn> hai dòng' in body
    new = new_progress(plan, tmp_path / "plans" / "p.yaml", Quarter(2024, 1), tmp_path / "progress")
    assert new.path == out and new.text == body
    write_tree(tmp_path, {"progress/p/2024-Q1.yaml": new.text})
    assert load_progress_or_raise(new.path).task("TCC-01") is not None


def test_generated_file_passes_the_editor_schema(unit: Path) -> None:
    import jsonschema

    from cchc_cli.schema import progress_schema

    run_cli("progress", "new", "--quarter", "2024-Q1")
    raw = (unit / "progress" / "xa-mau-2024" / "2024-Q1.yaml").read_bytes()
    document = load_bytes(raw, ProblemList("x"))
    assert document is not None
    jsonschema.Draft202012Validator(progress_schema()).validate(document.data)
