"""`cchc validate` as a pure function: files in, an Outcome of every problem out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.load.files import expand_paths
from cchc_cli.load.plan import PlanCache, plan_problems
from cchc_cli.load.progress import load_progress_with_plan
from cchc_cli.load.shape import read_document
from cchc_cli.model.progress import is_progress_document
from cchc_cli.problems import Problem, Severity, display_path


@dataclass(frozen=True)
class Outcome:
    """What a validation run found: the files read and every problem in them."""

    files: Sequence[str]
    problems: Sequence[Problem]
    strict: bool = False  # --strict: a warning makes its file invalid too

    def failing(self, problem: Problem) -> bool:
        """Whether ``problem`` makes its file invalid in this run."""
        return problem.severity is Severity.ERROR or self.strict

    @property
    def valid(self) -> bool:
        return not any(self.failing(p) for p in self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def validate_paths(paths: list[Path], *, strict: bool = False) -> Outcome:
    """Validate files and folders (their *.yaml and *.yml files, recursively).

    Each file is read once and each plan loaded once, however many progress files name
    it; a plan's problems are reported once, under the plan's own name.
    """
    files = expand_paths(paths)
    plans = PlanCache()
    reported: set[Path] = set()
    problems: list[Problem] = []
    for path in files:
        found, named_plan = _validate_file(path, plans)
        problems.extend(found)
        reported.add(path.resolve())
        if named_plan is not None and named_plan.resolve() not in reported:
            # A progress file's plan outside the files given: its problems still matter.
            reported.add(named_plan.resolve())
            problems.extend(plans.load(named_plan).problems)
    return Outcome(files=[display_path(p) for p in files], problems=problems, strict=strict)


def _validate_file(path: Path, plans: PlanCache) -> tuple[list[Problem], Path | None]:
    """The problems of one plan or progress file, and the plan a progress file names."""
    problems, document = read_document(path)
    if document is None:
        return problems.items, None
    if is_progress_document(document.data):
        checked = load_progress_with_plan(path, document, problems, plans=plans)
        named = checked.plan.path if checked.plan is not None else None
        return checked.loaded.problems, named
    return plan_problems(plans, path, document, problems), None
