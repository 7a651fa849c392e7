"""Helpers for report tests: a unit's plan and progress copied into a working folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import FIXTURES

REPORT_FIXTURES = FIXTURES / "report"
PLAN_NAME = "hoa-binh-2024"
KINDS = {
    "quy-1": ("--quarter", "2024-Q1"),
    "6-thang": ("--half", "2024-H1"),
    "quy-3": ("--quarter", "2024-Q3"),
    "nam": ("--annual", "2024"),
}


def unit_tree(root: Path, quarters: tuple[int, ...] = (1, 2, 3, 4)) -> Path:
    """plans/hoa-binh-2024.yaml and progress/hoa-binh-2024/2024-Q<n>.yaml under ``root``."""
    (root / "plans").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPORT_FIXTURES / "plans" / f"{PLAN_NAME}.yaml", root / "plans")
    target = root / "progress" / PLAN_NAME
    target.mkdir(parents=True, exist_ok=True)
    for quarter in quarters:
        name = f"2024-Q{quarter}.yaml"
        shutil.copy(REPORT_FIXTURES / "progress" / PLAN_NAME / name, target / name)
    return root / "plans" / f"{PLAN_NAME}.yaml"


def fresh_unit(root: Path, quarter: str = "2024-Q3") -> Path:
    """A unit whose only progress file is the one `cchc progress new` just made."""
    from tests.helpers import run_cli

    plan = unit_tree(root, quarters=())
    made = run_cli("progress", "new", "--quarter", quarter, plan)
    assert made.exit_code == 0, made.stderr
    return plan
