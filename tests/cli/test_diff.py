"""`cchc diff` through the real command line: formats, exit codes, folders, git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, PLANS, run_cli, write_tree

PAIRS = FIXTURES / "diff" / "pairs"
OLD, NEW = PAIRS / "moved" / "old.yaml", PAIRS / "moved" / "new.yaml"
BROKEN = FIXTURES / "plans" / "invalid" / "unknown-key-typo.yaml"


def test_same_plan_exits_0_with_exit_code_and_says_no_change() -> None:
    result = run_cli("diff", "--exit-code", OLD, OLD)
    assert result.exit_code == 0
    assert "Không có thay đổi." in result.stdout


def test_differences_exit_1_only_with_exit_code() -> None:
    assert run_cli("diff", "--exit-code", OLD, NEW).exit_code == 1
    assert run_cli("diff", OLD, NEW).exit_code == 0


def test_text_groups_by_area_with_counts_first() -> None:
    out = run_cli("diff", OLD, NEW).stdout
    assert out.index("Số thay đổi theo lĩnh vực") < out.index("1. Cải cách thủ tục hành chính")
    assert "chuyển từ lĩnh vực “Cải cách chế độ công vụ”" in out
    assert "Chủ trì: Công chức Văn phòng - Thống kê → Công chức Tư pháp - Hộ tịch" in out


def test_text_marks_reworded_words_without_colours() -> None:
    out = run_cli(
        "diff", PAIRS / "renumbered" / "old.yaml", PAIRS / "renumbered" / "new.yaml"
    ).stdout
    assert "Nhiệm vụ TC-05: sửa vài từ; đổi mã TC-01 → TC-05" in out
    assert "Rà soát{+, hệ thống hóa+} văn bản QPPL" in out


def test_markdown_marks_words_and_escapes_user_text() -> None:
    result = run_cli(
        "diff", "-f", "markdown", PAIRS / "targets" / "old.yaml", PAIRS / "targets" / "new.yaml"
    )
    assert "| Cải cách thủ tục hành chính | 0 | 0 | 3 | 3 |" in result.stdout
    assert "Chỉ tiêu: ≥ 90% → ≥ 95%: nâng" in result.stdout
    renumbered = run_cli(
        "diff",
        "-f",
        "markdown",
        PAIRS / "renumbered" / "old.yaml",
        PAIRS / "renumbered" / "new.yaml",
    )
    assert "Số hóa kết quả giải quyết TTHC <ins>còn hiệu lực</ins>" in renumbered.stdout
    assert "mã CQS-01 trước đây dùng cho nhiệm vụ nay mang mã CQS-02" in renumbered.stdout
    assert "Rà soát<ins>, hệ thống hóa</ins> văn bản QPPL" in renumbered.stdout


def test_json_is_one_object_with_stable_order() -> None:
    first = run_cli("diff", "-f", "json", OLD, NEW)
    again = run_cli("diff", "-f", "json", OLD, NEW)
    assert first.stdout == again.stdout
    report = json.loads(first.stdout)
    assert report["version"] == 2 and report["differs"] is True
    (pair,) = report["comparisons"]
    moved = [t for t in pair["tasks"] if t["moved"]]
    assert {(t["old_area"], t["new_area"]) for t in moved} == {
        ("cong-vu", "to-chuc-bo-may"),
        ("tai-chinh-cong", "chinh-quyen-so"),
    }
    areas = {row["area"]: row["total"] for row in pair["summary"]["areas"]}
    assert areas["tthc"] == 1 and sum(areas.values()) == pair["summary"]["changes"]


def test_invalid_plan_prints_validate_diagnostics_and_exits_2() -> None:
    result = run_cli("diff", "-f", "json", OLD, BROKEN)
    assert result.exit_code == 2
    # Diagnostics on stderr: `cchc diff ... > thay-doi.json` must not capture them.
    assert "unknown-key-typo.yaml:6:3: lỗi E204" in result.stderr
    assert result.stdout == ""


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("diff", OLD).exit_code == 2
    assert run_cli("diff", OLD, tmp_path).exit_code == 2
    assert run_cli("diff", OLD, tmp_path / "missing.yaml").exit_code == 2
    docx = run_cli("diff", "-f", "docx", OLD, NEW)
    assert docx.exit_code == 2 and "-o" in docx.stderr


def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "thay-doi"  # no ending: the format is -f's
    assert run_cli("diff", "-f", "markdown", "-o", target, OLD, NEW).exit_code == 0
    first = target.read_text(encoding="utf-8")
    assert first.startswith("## So sánh kế hoạch")
    refused = run_cli("diff", "-f", "json", "-o", target, OLD, NEW)
    assert refused.exit_code == 3 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == first
    assert run_cli("diff", "-f", "json", "-o", target, "--force", OLD, NEW).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["differs"] is True
    assert [p.name for p in tmp_path.iterdir()] == ["thay-doi"]


def _unit(name: str, year: int, lead: str = "vp-tk") -> str:
    return (
        OLD.read_text(encoding="utf-8")
        .replace("An Dương", name)
        .replace("lead: tp-ht, due: 2025-Q2", f"lead: {lead}, due: {year}-Q2")
        .replace("2025", str(year))
    )


def test_folders_pair_plans_by_unit_and_list_the_unpaired(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "old/a.yaml": _unit("An Dương", 2024),
            "old/b.yaml": _unit("Bạch Đằng", 2024),
            "new/x.yaml": _unit("An  Dương", 2025, lead="vp-tk"),
            "new/y.yaml": _unit("Cát Hải", 2025),
        },
    )
    result = run_cli("diff", "-f", "json", "--exit-code", tmp_path / "old", tmp_path / "new")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (pair,) = report["comparisons"]
    assert Path(pair["old"]["path"]).name == "a.yaml" and Path(pair["new"]["path"]).name == "x.yaml"
    # A year on, with every date shifted by that year, no task changed.
    assert pair["tasks"] == [] and pair["year_shift"] == 1
    assert {f["key"] for f in pair["general"]} == {"issued.date", "issued.title", "years"}
    assert [Path(p).name for p in report["unpaired_old"]] == ["b.yaml"]
    assert [Path(p).name for p in report["unpaired_new"]] == ["y.yaml"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed for --rev tests")

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.com")
    git("config", "user.name", "Test")
    write_tree(tmp_path, {"plans/ke-hoach.yaml": OLD.read_text(encoding="utf-8")})
    git("add", "plans/ke-hoach.yaml")
    git("commit", "-q", "-m", "first")
    (tmp_path / "plans" / "ke-hoach.yaml").write_text(
        NEW.read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tmp_path


def test_rev_compares_with_the_committed_version(repo: Path) -> None:
    plan = repo / "plans" / "ke-hoach.yaml"
    result = run_cli("diff", "--rev", "HEAD", "-f", "json", "--exit-code", plan)
    assert result.exit_code == 1, result.stderr
    (pair,) = json.loads(result.stdout)["comparisons"]
    assert pair["old"]["path"].endswith("ke-hoach.yaml@HEAD")
    assert len(pair["tasks"]) == 3


def test_rev_errors_are_explained(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    plan = repo / "plans" / "ke-hoach.yaml"
    missing_rev = run_cli("diff", "--rev", "v9.9", plan)
    assert missing_rev.exit_code == 2 and "Không có phiên bản 'v9.9'" in missing_rev.stderr
    write_tree(repo, {"plans/moi.yaml": NEW.read_text(encoding="utf-8")})
    not_there = run_cli("diff", "--rev", "HEAD", repo / "plans" / "moi.yaml")
    assert not_there.exit_code == 2 and "không có ở phiên bản 'HEAD'" in not_there.stderr
    outside = tmp_path_factory.mktemp("no-repo") / "ke-hoach.yaml"
    outside.write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    no_repo = run_cli("diff", "--rev", "HEAD", outside)
    assert no_repo.exit_code == 2 and "không nằm trong một kho git" in no_repo.stderr
    assert run_cli("diff", "--rev", "--help", plan).exit_code == 2


def test_rev_without_git_is_explained(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin-here"))
    result = run_cli("diff", "--rev", "HEAD", repo / "plans" / "ke-hoach.yaml")
    assert result.exit_code == 2 and "Không tìm thấy chương trình git" in result.stderr


def test_rev_invalid_old_version_is_reported_with_its_revision(repo: Path) -> None:
    plan = repo / "plans" / "ke-hoach.yaml"
    plan.write_text(BROKEN.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(
        ["git", "-C", str(repo), "commit", "-qam", "broken"], check=True, capture_output=True
    )
    plan.write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("diff", "--rev", "HEAD", plan)
    assert result.exit_code == 2
    assert "ke-hoach.yaml@HEAD:6:3: lỗi E204" in result.stderr


def test_folders_in_markdown_list_the_unpaired_and_empty_folders_say_so(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"old/a.yaml": _unit("An Dương", 2024), "new/b.yaml": _unit("Cát Hải", 2025)}
    )
    result = run_cli("diff", "-f", "markdown", tmp_path / "old", tmp_path / "new")
    assert "### Kế hoạch chỉ có ở thư mục cũ" in result.stdout
    assert "a.yaml`" in result.stdout and "b.yaml`" in result.stdout
    (tmp_path / "e1").mkdir()
    (tmp_path / "e2").mkdir()
    empty = run_cli("diff", "--exit-code", tmp_path / "e1", tmp_path / "e2")
    assert empty.exit_code == 0 and "Không có kế hoạch nào để so sánh." in empty.stdout


def test_an_invalid_plan_in_a_folder_stops_the_comparison(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"old/a.yaml": _unit("An Dương", 2024), "new/a.yaml": BROKEN.read_text(encoding="utf-8")},
    )
    result = run_cli("diff", tmp_path / "old", tmp_path / "new")
    assert result.exit_code == 2
    assert "a.yaml:6:3: lỗi E204" in result.stderr and result.stdout == ""


def test_text_to_a_file_is_plain_text(tmp_path: Path) -> None:
    target = tmp_path / "thay-doi.txt"
    renumbered = PAIRS / "renumbered"
    assert (
        run_cli("diff", "-o", target, renumbered / "old.yaml", renumbered / "new.yaml").exit_code
        == 0
    )
    text = target.read_text(encoding="utf-8")
    assert "Rà soát{+, hệ thống hóa+} văn bản QPPL" in text and "\x1b[" not in text


def test_the_output_name_chooses_the_format(tmp_path: Path) -> None:
    word = tmp_path / "thay-doi.docx"
    assert run_cli("diff", "-o", word, OLD, NEW).exit_code == 0
    assert word.read_bytes()[:2] == b"PK"  # a Word package, not text named .docx
    data = tmp_path / "thay-doi.json"
    assert run_cli("diff", "-o", data, OLD, NEW).exit_code == 0
    assert json.loads(data.read_text(encoding="utf-8"))["differs"] is True
    clash = run_cli("diff", "-f", "text", "-o", tmp_path / "x.docx", OLD, NEW)
    assert clash.exit_code == 2 and "đuôi .docx nhưng định dạng là text" in clash.stderr
    assert not (tmp_path / "x.docx").exists()


def test_the_output_is_never_one_of_the_plans(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_bytes(NEW.read_bytes())
    result = run_cli("diff", "-f", "markdown", "-o", new, "--force", OLD, new)
    assert result.exit_code == 2 and "đuôi .yaml" in result.stderr  # a plan's name is no output
    assert new.read_bytes() == NEW.read_bytes()
    renamed = tmp_path / "moi.md"
    renamed.write_bytes(NEW.read_bytes())
    again = run_cli("diff", "-o", renamed, "--force", OLD, renamed)  # a plan named .md
    assert again.exit_code == 2 and "chính là một tệp đầu vào" in again.stderr
    assert renamed.read_bytes() == NEW.read_bytes()


def test_output_names_diff_cannot_write_are_refused(tmp_path: Path) -> None:
    folder = run_cli("diff", "-o", f"{tmp_path}/thu-muc/", OLD, NEW)
    assert folder.exit_code == 2 and "là một thư mục" in folder.stderr
    pdf = run_cli("diff", "-o", tmp_path / "x.pdf", OLD, NEW)
    assert pdf.exit_code == 2 and "đuôi .pdf" in pdf.stderr
    assert list(tmp_path.iterdir()) == []


def test_purposes_and_duties_are_compared(tmp_path: Path) -> None:
    text = (PLANS / "phu-lien-2024.yaml").read_text(encoding="utf-8")
    assert "Đáp ứng yêu cầu phục vụ" in text and "đề đơn đốc" in text
    edited = text.replace("Đáp ứng yêu cầu phục vụ", "Đáp ứng tốt yêu cầu phục vụ", 1)
    edited = edited.replace("đề đơn đốc", "đôn đốc", 1)
    new = tmp_path / "moi.yaml"
    new.write_text(edited, encoding="utf-8")
    result = run_cli("diff", "--exit-code", "-f", "json", PLANS / "phu-lien-2024.yaml", new)
    assert result.exit_code == 1
    (comparison,) = json.loads(result.stdout)["comparisons"]
    # Each line edited is one change, not a removal and an addition.
    sections = sorted((line["section"], line["status"]) for line in comparison["lines"])
    assert sections == [("duties", "changed"), ("purposes", "changed")]
