"""One `cchc diff` run as a pure function: paths in, a DiffReport out."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.diff.changes import DiffReport
from cchc_cli.diff.compare import diff_plans
from cchc_cli.diff.sources import Source, load_file, load_folder, pair_by_unit, read_revision
from cchc_cli.errors import InvalidComparedPlanError, InvalidInputError, UsageError
from cchc_cli.problems import display_path


def _compare(old: Source, new: Source) -> DiffReport:
    return DiffReport((diff_plans(old.plan, new.plan, old.name, new.name),))


def _load_both(old: Path, new: Path) -> tuple[Source, Source]:
    """Both plans, with the problems of both when either is invalid."""
    problems = []
    sources = []
    for path in (old, new):
        try:
            sources.append(load_file(path))
        except InvalidInputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidComparedPlanError(problems, "Kế hoạch có lỗi; không so sánh được.")
    return sources[0], sources[1]


def diff_paths(old: Path, new: Path) -> DiffReport:
    """Two plan files, or two folders whose plans are paired by unit."""
    for path in (old, new):
        if not path.exists():
            raise UsageError(f"Không tìm thấy '{path}'.", "Kiểm tra đường dẫn tệp hoặc thư mục.")
    if old.is_dir() != new.is_dir():
        raise UsageError(
            "Cần hai tệp kế hoạch hoặc hai thư mục kế hoạch, không lẫn tệp với thư mục.",
            "Ví dụ: cchc diff plans-2024/ plans-2025/.",
        )
    if not old.is_dir():
        return _compare(*_load_both(old, new))
    olds, news = _load_folders(old, new)
    pairs, lonely_old, lonely_new = pair_by_unit(olds, news)
    return DiffReport(
        tuple(diff_plans(a.plan, b.plan, a.name, b.name) for a, b in pairs),
        tuple(s.name for s in lonely_old),
        tuple(s.name for s in lonely_new),
    )


def _load_folders(old: Path, new: Path) -> tuple[list[Source], list[Source]]:
    problems = []
    found: list[list[Source]] = []
    for folder in (old, new):
        try:
            found.append(load_folder(folder))
        except InvalidInputError as exc:
            problems.extend(exc.problems)
            found.append([])
    if problems:
        raise InvalidComparedPlanError(problems, "Có kế hoạch bị lỗi; không so sánh được.")
    return found[0], found[1]


def diff_revision(revision: str, path: Path) -> DiffReport:
    """The plan at ``path`` against its version at git ``revision`` (old) ."""
    if path.is_dir():
        raise UsageError(
            "--rev so sánh một tệp kế hoạch, không phải thư mục.",
            "Ví dụ: cchc diff --rev HEAD~1 plans/phu-lien-2024.yaml.",
        )
    if not path.exists():
        raise UsageError(f"Không tìm thấy '{path}'.", "Kiểm tra đường dẫn tệp kế hoạch.")
    raw, shown = read_revision(path, revision)
    problems = []
    sources = []
    for name, data in ((shown, raw), (display_path(path), None)):
        try:
            sources.append(load_file(path, raw=data, shown=name))
        except InvalidInputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidComparedPlanError(problems, "Kế hoạch có lỗi; không so sánh được.")
    return _compare(sources[0], sources[1])
