"""Every documented exit code, each produced the way a user meets it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.errors import EXIT_CODES
from tests.helpers import FIXTURES, PLANS, run_cli, write_tree

PLAN = PLANS / "phu-lien-2024.yaml"


def test_0_1_2_3_4(tmp_path: Path) -> None:
    assert run_cli("validate", PLAN).exit_code == 0
    assert run_cli("validate", FIXTURES / "plans" / "invalid" / "duplicate-key.yaml").exit_code == 1
    assert run_cli("validate", "--no-such-option").exit_code == 2
    out = write_tree(tmp_path, {"r.md": "đã có"}) / "r.md"
    written = run_cli("report", "-q", "2024-Q1", PLAN, "-o", out, "--date", "2024-03-04")
    assert written.exit_code == 3 and "--force" in written.stderr
    broken = write_tree(tmp_path, {"mau/subject.md.j2": "{{ r.khong_co }}"}) / "mau"
    template = run_cli(
        "report", "-q", "2024-Q1", PLAN, "-o", tmp_path / "x.md", "--templates", broken
    )
    assert template.exit_code == 4 and "subject.md.j2" in template.stderr


def _raising(exc: BaseException) -> object:
    def run(*args: object, **kwargs: object) -> object:
        raise exc

    return run


def test_70_is_a_bug_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cchc_cli.validation.validate_paths", _raising(RuntimeError("hỏng")))
    result = run_cli("validate", PLAN)
    assert result.exit_code == 70
    assert "Lỗi nội bộ của cchc" in result.stderr and "RuntimeError: hỏng" in result.stderr
    assert "Traceback" not in result.stderr


def test_130_after_ctrl_c_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cchc_cli.validation.validate_paths", _raising(KeyboardInterrupt()))
    result = run_cli("validate", PLAN)
    assert result.exit_code == 130
    assert "Đã dừng theo yêu cầu (Ctrl-C)." in result.stderr


@pytest.mark.parametrize("signal", [KeyboardInterrupt(), "SIGTERM"])
def test_a_library_error_raised_while_a_signal_unwinds_is_still_the_signal(
    monkeypatch: pytest.MonkeyPatch, signal: object
) -> None:
    # As zipfile does when Ctrl-C comes while python-docx writes a part: its cleanup
    # raises its own error, the interrupt only as that error's context.
    from cchc_cli.errors import Terminated

    stop = Terminated(15) if signal == "SIGTERM" else signal
    assert isinstance(stop, BaseException)

    def cleanup_fails(*args: object, **kwargs: object) -> object:
        try:
            raise stop
        finally:
            raise ValueError("Can't close the ZIP file while there is an open writing handle")

    monkeypatch.setattr("cchc_cli.validation.validate_paths", cleanup_fails)
    result = run_cli("validate", PLAN)
    assert result.exit_code == (130 if signal != "SIGTERM" else 143)
    assert "Đã dừng" in result.stderr
    assert "Lỗi nội bộ" not in result.stderr and "ZIP" not in result.stderr


def test_141_when_the_reader_of_the_output_goes_away(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cchc_cli.diff.run.diff_paths", _raising(BrokenPipeError()))
    result = run_cli("diff", PLAN, PLAN)
    assert result.exit_code == 141
    assert result.stderr == ""


def test_every_code_is_documented_in_the_readme() -> None:
    readme = (PLANS.parent / "README.md").read_text(encoding="utf-8")
    for code in EXIT_CODES:
        assert f"| {code} |" in readme, code


@pytest.mark.parametrize(("signum", "code"), [(15, 143), (1, 129)])
def test_129_and_143_after_sigterm_or_sighup(
    monkeypatch: pytest.MonkeyPatch, signum: int, code: int
) -> None:
    from cchc_cli.errors import Terminated

    monkeypatch.setattr("cchc_cli.validation.validate_paths", _raising(Terminated(signum)))
    result = run_cli("validate", PLAN)
    assert result.exit_code == code and code in EXIT_CODES
    assert "Đã dừng: nhận tín hiệu SIG" in result.stderr
    assert "Traceback" not in result.stderr
