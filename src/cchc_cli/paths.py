"""Where cchc looks for its files and writes its reports, by default.

Plans in ``plans/``; each quarter's progress in ``progress/<plan file stem>/<YYYY>-Q<n>.yaml``
(e.g. ``progress/phu-lien-2024/2024-Q1.yaml`` for ``plans/phu-lien-2024.yaml``);
reports in ``reports/<YYYY>/<plan file stem>-<period>.<ext>``. Kept free of heavy
imports: the command line reads these defaults while it starts.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_PLANS_DIR = Path("plans")
DEFAULT_PROGRESS_DIR = Path("progress")
DEFAULT_REPORTS_DIR = Path("reports")


def progress_path(progress_dir: Path, plan_path: Path, year: int, quarter: int) -> Path:
    """Where a quarter's progress record lives: <dir>/<plan stem>/<YYYY>-Q<n>.yaml."""
    return progress_dir / plan_path.stem / f"{year:04d}-Q{quarter}.yaml"


def report_path(plan_path: Path, year: int, slug: str, reports_dir: Path, ext: str) -> Path:
    """Where a report is written by default: <dir>/<YYYY>/<plan stem>-<period slug>.<ext>."""
    return reports_dir / str(year) / f"{plan_path.stem}-{slug}.{ext.lstrip('.')}"
