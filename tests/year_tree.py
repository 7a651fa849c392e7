"""The fixture year (tests/fixtures/year-2024): the four reports of Phù Liễn's 2024, and
drafts of the six-month and annual reports with their later quarters missing."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import FIXTURES, PLANS, run_cli

YEAR = FIXTURES / "year-2024" / "progress"
PLAN = PLANS / "phu-lien-2024.yaml"
# Each report's option and the day it is dated (inside its sending window).
REPORTS = {
    "quy-1": (("--quarter", "2024-Q1"), "2024-03-04"),
    "6-thang": (("--half", "2024-H1"), "2024-06-04"),
    "quy-3": (("--quarter", "2024-Q3"), "2024-09-04"),
    "nam": (("--annual", "2024"), "2024-12-04"),
}
# Drafts written before the period's last quarters were recorded: the quarters they have.
DRAFTS = {"6-thang": (1,), "nam": (1, 2)}


@dataclass(frozen=True)
class Written:
    """A report written by `cchc report`, and what the command printed."""

    path: Path
    stdout: str


def write_report(kind: str, out: Path, *, quarters: tuple[int, ...] | None = None) -> Written:
    """The fixture year's report of ``kind`` at ``out`` (its ending picks the format);
    with ``quarters``, a draft from those quarters' files only."""
    progress = YEAR
    extra: tuple[str, ...] = ()
    if quarters is not None:
        progress = out.parent / f"{out.stem}-progress"
        (progress / "phu-lien-2024").mkdir(parents=True)
        for quarter in quarters:
            name = f"2024-Q{quarter}.yaml"
            text = (YEAR / "phu-lien-2024" / name).read_text(encoding="utf-8")
            # The files name their plan relative to themselves: point at the same plan.
            text = text.replace('"../../../../../plans/phu-lien-2024.yaml"', f'"{PLAN}"')
            (progress / "phu-lien-2024" / name).write_text(text, encoding="utf-8")
        extra = ("--draft",)
    option, day = REPORTS[kind]
    result = run_cli(
        "report", *option, PLAN, "--progress-dir", progress, "-o", out, "--date", day, *extra
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    return Written(out, result.stdout)


def copy_year(root: Path) -> Path:
    """The fixture year's progress folder copied under ``root`` (to be changed by a test)."""
    target = root / "progress"
    shutil.copytree(YEAR, target)
    for path in (target / "phu-lien-2024").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace('"../../../../../plans/phu-lien-2024.yaml"', f'"{PLAN}"'),
            encoding="utf-8",
        )
    return target
