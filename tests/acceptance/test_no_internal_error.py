"""No input in the test corpora ends in exit 70: every example file, valid or not, and
every report case, run the way a user runs them, end in a documented exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FIXTURES, PLANS, ROOT, run_cli

CORPUS = sorted(
    p
    for folder in (FIXTURES, PLANS, ROOT / "progress")
    for p in folder.rglob("*")
    if p.suffix in (".yaml", ".yml") and p.is_file()
)
REPORT_CASES = sorted(p for p in (FIXTURES / "report" / "invalid").iterdir() if p.is_dir())


def _clean(result: object) -> None:
    exit_code = result.exit_code  # type: ignore[attr-defined]
    output = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert exit_code in (0, 1, 2, 3, 4), output
    assert "Lỗi nội bộ" not in output and "Traceback" not in output


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_validate_ends_in_a_documented_code(path: Path) -> None:
    _clean(run_cli("validate", "--strict", path))


@pytest.mark.slow
@pytest.mark.parametrize("case", REPORT_CASES, ids=lambda p: p.name)
def test_report_ends_in_a_documented_code(case: Path, tmp_path: Path) -> None:
    (progress,) = sorted(case.glob("progress/*/*.yaml"))[-1:]
    head = progress.read_text(encoding="utf-8").splitlines()[:5]
    (period,) = [line.removeprefix("# report: ") for line in head if line.startswith("# report: ")]
    for draft in ((), ("--draft",)):
        result = run_cli(
            "report",
            *period.split(),
            case / "plan.yaml",
            "--progress-dir",
            case / "progress",
            "-o",
            tmp_path / "r.docx",
            "--force",
            "--date",
            "2024-12-05",
            *draft,
        )
        _clean(result)
