"""`cchc validate` as a pure function: files in, an Outcome of every problem out."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.checks.plan import CHECKS
from cchc_cli.load.plan import expand_paths
from cchc_cli.load.shape import read_document, validate_document
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import is_progress_document
from cchc_cli.output.problems import Outcome
from cchc_cli.problems import Problem, display_path

_PLAN_CHECKS = [c.check for c in CHECKS]


def validate_file(path: Path) -> list[Problem]:
    """Every problem in one plan or progress file."""
    problems, document = read_document(path)
    if document is None:
        return problems.items
    if is_progress_document(document.data):
        from cchc_cli.load.progress import load_progress

        return load_progress(path).problems
    return validate_document(path, document, Plan, _PLAN_CHECKS, problems).problems


def validate_paths(paths: list[Path]) -> Outcome:
    """Validate files and folders (their *.yaml and *.yml files, recursively)."""
    files = expand_paths(paths)
    problems: list[Problem] = []
    for path in files:
        problems.extend(validate_file(path))
    return Outcome(files=[display_path(p) for p in files], problems=problems)
