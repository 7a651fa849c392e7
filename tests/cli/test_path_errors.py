"""Every operating-system error on a path, one class of errno at a time: a Vietnamese
message with the path, exit 2 for an input, 3 for an output (4 for a templates folder),
never exit 70."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from cchc_cli.load import files
from cchc_cli.output import safewrite
from tests.helpers import run_cli
from tests.report_tree import unit_tree

LONG = "a" * 300  # past NAME_MAX (255) on every common file system
REPORT = ("report", "-q", "2024-Q1", "--date", "2024-03-05")


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return unit_tree(tmp_path, quarters=(1,))


def _said(result: object, code: int, *words: str) -> None:
    exit_code, stderr = result.exit_code, result.stderr  # type: ignore[attr-defined]
    assert exit_code == code, stderr
    assert "Lỗi nội bộ" not in stderr and "Traceback" not in stderr
    for word in words:
        assert word in stderr, (word, stderr)


# --- A name too long (ENAMETOOLONG) ---------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("validate", f"{LONG}.yaml"),
        ("validate", f"{LONG}/"),
        (*REPORT, f"{LONG}.yaml"),
        (*REPORT, "plans/hoa-binh-2024.yaml", "--progress-dir", LONG),
        ("deadlines", f"{LONG}.yaml"),
        ("progress", "new", "-q", "2024-Q2", f"{LONG}.yaml"),
        ("diff", f"{LONG}.yaml", "plans/hoa-binh-2024.yaml"),
    ],
    ids=["validate-file", "validate-folder", "report", "progress-dir", "deadlines", "new", "diff"],
)
def test_an_input_name_too_long(unit: Path, args: tuple[str, ...]) -> None:
    _said(run_cli(*args), 2, "quá dài", "aaaa")


@pytest.mark.parametrize("output", [f"{LONG}.docx", f"{LONG}.md", f"{LONG}/"])
def test_an_output_name_too_long(unit: Path, output: str) -> None:
    _said(run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", output), 3, "quá dài", "aaaa")


def test_a_templates_folder_name_too_long(unit: Path) -> None:
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", "r.md", "--templates", LONG)
    _said(result, 4, "thư mục mẫu", "quá dài")


# --- A file where a folder should be (ENOTDIR) ----------------------------------------


def test_a_file_where_a_folder_should_be(unit: Path) -> None:
    _said(run_cli("validate", "plans/hoa-binh-2024.yaml/x.yaml"), 2, "không phải thư mục")
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", "plans/hoa-binh-2024.yaml/r.md")
    _said(result, 3, "không phải thư mục", "plans/hoa-binh-2024.yaml/r.md")


# --- No permission (EACCES) -----------------------------------------------------------


def _denied_for(name: str, monkeypatch: pytest.MonkeyPatch, module: object) -> None:
    # Tests may run as root, which no chmod stops: the system's answer is staged instead.
    real = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)).name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "stat", stat)


def test_an_input_without_permission(unit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patched:
        _denied_for("plans", patched, files.os)
        _said(run_cli("validate", "plans"), 2, "'plans'", "không có quyền truy cập")
    (unit.parent / "locked.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(Path, "open", _raise(PermissionError(errno.EACCES, "denied")))
    result = run_cli("validate", "plans/locked.yaml")
    assert result.exit_code == 1 and "E002" in result.stdout and "quyền" in result.stdout


def test_an_output_without_permission(unit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safewrite.tempfile, "mkstemp", _raise(PermissionError(13, "denied")))
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", "r.docx")
    _said(result, 3, "r.docx", "không có quyền ghi")


# --- A full disk (ENOSPC) -------------------------------------------------------------


def test_a_full_disk(unit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safewrite.os, "fsync", _raise(OSError(errno.ENOSPC, "No space")))
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", "r.docx")
    _said(result, 3, "r.docx", "đĩa đã đầy")
    assert sorted(p.name for p in unit.parent.parent.iterdir() if p.name.startswith(".")) == []


# --- A loop of symbolic links (ELOOP) -------------------------------------------------


@pytest.fixture
def loop(unit: Path) -> Path:
    (unit.parent.parent / "vong-a").symlink_to("vong-b")
    (unit.parent.parent / "vong-b").symlink_to("vong-a")
    return Path("vong-a")


def test_an_input_in_a_loop_of_links(loop: Path) -> None:
    _said(run_cli("validate", loop), 2, "vong-a", "trỏ vòng")
    _said(run_cli("validate", loop / "x.yaml"), 2, "vong-a/x.yaml", "trỏ vòng")
    _said(run_cli(*REPORT, loop / "x.yaml"), 2, "trỏ vòng")


def test_an_output_in_a_loop_of_links(loop: Path) -> None:
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", loop / "r.docx")
    _said(result, 3, "vong-a/r.docx", "trỏ vòng")


def test_a_templates_folder_in_a_loop_of_links(loop: Path) -> None:
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", "r.md", "--templates", loop)
    _said(result, 4, "vong-a", "trỏ vòng")


# --- Symbolic links that lead nowhere -------------------------------------------------


def test_an_output_that_is_a_dangling_link_is_called_one(unit: Path) -> None:
    Path("r.docx").symlink_to("khong-co/bao-cao.docx")
    result = run_cli(*REPORT, "plans/hoa-binh-2024.yaml", "-o", "r.docx")
    _said(result, 3, "'r.docx' là một liên kết", "khong-co/bao-cao.docx", "không có tệp nào")
    assert "đã có" not in result.stderr
    assert os.readlink("r.docx") == "khong-co/bao-cao.docx"  # untouched without --force


def _raise(exc: BaseException) -> object:
    def run(*args: object, **kwargs: object) -> object:
        raise exc

    return run
