"""A Windows clerk's files and console, as far as they can be reproduced on Linux.

Folders and file names with spaces and Vietnamese letters, files saved with CRLF line
endings, a console whose code page cannot print Vietnamese, a Python without SIGHUP. The
guide's section "Windows: đã kiểm tra gì" lists these and what could not be tested here.
"""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_cli import interrupts
from tests.helpers import PLANS, ROOT, run_cli

QUARTER = ROOT / "progress" / "phu-lien-2024" / "2024-Q1.yaml"
REPORT = ("report", "--quarter", "2024-Q1", "--date", "2024-03-04")


MISSPELT = ("  province:", "  provnce:")  # line 7 of the shipped plan


def _unit(
    root: Path, plan_name: str, *, crlf: bool = False, edit: tuple[str, str] | None = None
) -> Path:
    """The shipped plan (named plan_name) and its quý I progress under root/plans and
    root/progress, as the clerk keeps them."""
    plan_text = (PLANS / "phu-lien-2024.yaml").read_text(encoding="utf-8")
    if edit:
        old, new = edit
        assert old in plan_text
        plan_text = plan_text.replace(old, new, 1)
    progress_text = QUARTER.read_text(encoding="utf-8").replace(
        'plan: "../../plans/phu-lien-2024.yaml"', f'plan: "../../plans/{plan_name}"'
    )
    plan = root / "plans" / plan_name
    quarter = root / "progress" / plan.stem / "2024-Q1.yaml"
    for path, text in ((plan, plan_text), (quarter, progress_text)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    return plan


def _report_bytes(root: Path, plan: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.chdir(root)
    result = run_cli(*REPORT, plan.relative_to(root), "-o", "bao-cao.docx")
    assert result.exit_code == 0, result.stderr
    return (root / "bao-cao.docx").read_bytes()


def test_folders_and_names_with_spaces_and_vietnamese_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_root = tmp_path / "plain"
    plain = _unit(plain_root, "phu-lien-2024.yaml")
    root = tmp_path / "Ủy ban nhân dân phường" / "Cải cách hành chính 2024"
    plan = _unit(root, "Kế hoạch CCHC Phù Liễn 2024.yaml")
    monkeypatch.chdir(root)

    checked = run_cli("validate", "plans", "progress")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert "2 tệp, 0 lỗi, 0 cảnh báo" in checked.stdout

    # The default output path is made from the plan's name; -o may name a new folder.
    result = run_cli(*REPORT, plan)
    assert result.exit_code == 0, result.stderr
    written = root / "reports" / "2024" / "Kế hoạch CCHC Phù Liễn 2024-2024-quy-1.docx"
    assert written.is_file()
    other = run_cli(*REPORT, plan, "-o", "Báo cáo gửi Sở/báo cáo quý I.docx")
    assert other.exit_code == 0, other.stderr
    assert "Báo cáo gửi Sở/báo cáo quý I.docx" in other.stdout

    # Where the files are does not change the report.
    assert written.read_bytes() == _report_bytes(plain_root, plain, monkeypatch)


def test_files_saved_with_crlf_line_endings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lf = _report_bytes(tmp_path / "lf", _unit(tmp_path / "lf", "p.yaml"), monkeypatch)
    crlf_root = tmp_path / "crlf"
    crlf_plan = _unit(crlf_root, "p.yaml", crlf=True)
    assert b"\r\n" in crlf_plan.read_bytes()
    checked = run_cli("validate", crlf_root / "plans", crlf_root / "progress")
    assert checked.exit_code == 0, checked.stdout
    assert _report_bytes(crlf_root, crlf_plan, monkeypatch) == lf


def test_problems_in_crlf_files_are_at_the_same_line_and_column(tmp_path: Path) -> None:
    found = {}
    for ending in ("lf", "crlf"):
        plan = _unit(tmp_path / ending, "p.yaml", crlf=ending == "crlf", edit=MISSPELT)
        result = run_cli("validate", "-f", "json", plan)
        assert result.exit_code == 1
        found[ending] = result.stdout.replace(str(tmp_path / ending), "")
    assert found["lf"] == found["crlf"]
    assert '"line": 7' in found["crlf"] and '"code": "E204"' in found["crlf"]


def test_without_sighup_the_other_signals_are_still_handled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Windows' signal module has SIGINT and SIGTERM but no SIGHUP.
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.delattr(signal, "SIGHUP")
    try:
        for number in saved:
            signal.signal(number, signal.SIG_DFL)
        interrupts.install()
        assert all(signal.getsignal(s) == interrupts._on_signal for s in saved)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--version"], ["validate", "PLAN"]])
def test_output_is_utf8_whatever_the_console_code_page(args: list[str], tmp_path: Path) -> None:
    # A Windows console or a redirection may give Python a legacy code page (cp1252, the
    # OEM page): Vietnamese could not be printed in it; cchc writes UTF-8 instead.
    plan = _unit(tmp_path, "p.yaml", edit=MISSPELT)
    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli", *[str(plan) if a == "PLAN" else a for a in args]],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"},
        timeout=60,
        check=False,
    )
    text = (done.stdout + done.stderr).decode("utf-8")
    if args == ["--version"]:
        assert done.returncode == 0 and "lược đồ tệp kế hoạch và tiến độ" in text
    else:
        assert done.returncode == 1 and "lỗi E204 Khóa 'provnce' không hợp lệ" in text


def test_no_posix_only_program_is_run() -> None:
    # The one program cchc starts is git, for `cchc diff --rev`, with a Vietnamese
    # message when it is missing (tests/cli/test_diff.py); nothing else shells out.
    users = sorted(
        p.relative_to(ROOT / "src").as_posix()
        for p in (ROOT / "src").rglob("*.py")
        if "subprocess" in p.read_text(encoding="utf-8")
    )
    assert users == ["cchc_cli/diff/sources.py"]


def _opens_text_without_encoding(node: ast.Call) -> bool:
    """A call that reads or writes text in the platform's encoding (ANSI on Windows)."""
    func = node.func
    if isinstance(func, ast.Name):
        name, args = func.id, node.args[1:]  # open(path, mode)
    elif isinstance(func, ast.Attribute) and not (
        isinstance(func.value, ast.Name) and func.value.id == "os"
    ):
        name, args = func.attr, node.args  # path.open(mode), path.read_text()
        if name == "open" and args and not isinstance(args[0], ast.Constant):
            return False  # zipfile's archive.open(member): bytes
    else:
        return False
    if name not in ("open", "read_text", "write_text"):
        return False
    keywords = {k.arg: k.value for k in node.keywords}
    mode = keywords.get("mode", args[0] if args and name == "open" else None)
    binary = isinstance(mode, ast.Constant) and "b" in str(mode.value)
    return not binary and "encoding" not in keywords


@pytest.mark.slow  # reads every source file
def test_text_files_are_opened_as_utf8() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {ast.unparse(node)}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _opens_text_without_encoding(node)
    ]
    assert found == []
