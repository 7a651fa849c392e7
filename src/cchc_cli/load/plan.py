"""Finding and loading plan files with every check applied."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.checks.plan import check_plan
from cchc_cli.errors import InvalidInputError, UsageError
from cchc_cli.load.files import path_kind, resolved
from cchc_cli.load.shape import Loaded, read_document, validate_document
from cchc_cli.load.yaml import Document
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import is_progress_document
from cchc_cli.problems import Mark, Problem, ProblemList


def load_plan(path: Path, raw: bytes | None = None) -> Loaded[Plan]:
    """Load a plan and run all semantic checks; problems are collected, never raised.

    A progress file given where a plan is wanted is said to be one (E113), instead of
    being checked as a plan it was never meant to be.
    """
    problems, document = read_document(path, raw)
    if document is None:
        return Loaded(path, problems.path, None, None, problems.items)
    return plan_from_document(path, document, problems)


def plan_from_document(path: Path, document: Document, problems: ProblemList) -> Loaded[Plan]:
    """A plan from a document already read (E113 when it is a progress file)."""
    if is_progress_document(document.data):
        problems.add(
            Mark(1, 1),
            "E113",
            "Đây là tệp tiến độ (có 'quarter:'), không phải tệp kế hoạch.",
            "Chỉ ra tệp kế hoạch, ví dụ plans/phu-lien-2024.yaml; tệp tiến độ ghi kế hoạch "
            "của nó ở khóa 'plan:'.",
        )
        return Loaded(path, problems.path, None, document, problems.items)
    return validate_document(path, document, Plan, check_plan, problems)


class PlanCache:
    """Plans loaded in one run, each once: progress files of a unit share its plan."""

    def __init__(self) -> None:
        self._loaded: dict[Path, Loaded[Plan]] = {}

    def load(self, path: Path) -> Loaded[Plan]:
        key = resolved(path)
        if key not in self._loaded:
            self._loaded[key] = load_plan(path)
        return self._loaded[key]

    def add(self, loaded: Loaded[Plan]) -> None:
        self._loaded[resolved(loaded.path)] = loaded


def plan_problems(
    plans: PlanCache, path: Path, document: Document, problems: ProblemList
) -> list[Problem]:
    """A plan's problems, from a document already read; remembered in ``plans``."""
    loaded = plan_from_document(path, document, problems)
    plans.add(loaded)
    return loaded.problems


def load_plan_or_raise(path: Path) -> Plan:
    """The plan at ``path``, or InvalidInputError carrying all its problems.

    A path that does not exist is a usage error (exit 2), as for every command."""
    if path_kind(path) is None:
        raise UsageError(f"Không tìm thấy '{path}'.", "Kiểm tra đường dẫn tệp kế hoạch.")
    loaded = load_plan(path)
    if not loaded.ok or loaded.model is None:
        raise InvalidInputError(
            loaded.problems, f"Kế hoạch {loaded.shown} có lỗi; hãy sửa rồi chạy lại."
        )
    return loaded.model
