"""Finding and loading progress records, cross-checked against their plan.

Default layout: ``progress/<plan file stem>/<YYYY>-Q<n>.yaml``, one file per quarter,
e.g. ``progress/phu-lien-2024/2024-Q1.yaml`` for ``plans/phu-lien-2024.yaml``. Each file
names its plan (``plan:``, relative to the file). A six-month report reads Q1 and Q2,
the annual report Q1 to Q4.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.load.shape import Loaded, Located, load_model
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import Progress
from cchc_cli.periods import Period
from cchc_cli.problems import InvalidInputError, Problem, Severity, display_path

DEFAULT_PROGRESS_DIR = Path("progress")
# How a quarter's record is named, the one name reports look for: 2024-Q1.yaml.
RECORD_NAME = re.compile(r"(\d{4})-Q([1-4])\.ya?ml", re.IGNORECASE)


def progress_path(progress_dir: Path, plan_path: Path, year: int, quarter: int) -> Path:
    """Where a quarter's progress record lives: <dir>/<plan stem>/<YYYY>-Q<n>.yaml."""
    return progress_dir / plan_path.stem / f"{year:04d}-Q{quarter}.yaml"


def existing_or_new(path: Path) -> Path:
    """``path``, or its ``.yml`` spelling when only that one exists."""
    other = path.with_suffix(".yml")
    return other if not path.exists() and other.is_file() else path


def period_progress_paths(progress_dir: Path, plan_path: Path, period: Period) -> list[Path]:
    """The quarter files a report period aggregates, in order (existing or not)."""
    return [
        existing_or_new(progress_path(progress_dir, plan_path, period.year, q))
        for q in period.quarters
    ]


def plan_path_of(path: Path, progress: Progress) -> Path:
    """The plan a progress record names, resolved against the record's folder."""
    return Path(os.path.normpath(path.parent / Path(progress.plan)))


@dataclass
class ProgressWithPlan:
    """A loaded progress record and the plan it was checked against."""

    loaded: Loaded[Progress]
    plan: Plan | None
    plan_path: Path | None


def load_progress(
    path: Path, plan: Plan | None = None, plan_path: Path | None = None
) -> Loaded[Progress]:
    """Load a progress record and cross-check it with its plan (loaded from 'plan:' if
    not given). Problems of the plan itself are included; nothing is raised.

    With ``plan_path`` (a report being built from that plan), a record whose 'plan:'
    names another plan is an error: its figures belong to another unit or year.
    """
    loaded = load_progress_with_plan(path, plan).loaded
    if plan_path is not None and loaded.model is not None and loaded.document is not None:
        named = plan_path_of(path, loaded.model)
        if named.resolve() != plan_path.resolve():
            located = Located(loaded.shown, loaded.document)
            loaded.problems.append(
                located.problem(
                    ("plan",),
                    "E419",
                    f"Tệp tiến độ ghi kế hoạch '{display_path(named)}', không phải "
                    f"'{display_path(plan_path)}' đang lập báo cáo.",
                    "Sửa khóa 'plan:' cho đúng kế hoạch, hoặc dùng --progress-dir khác.",
                )
            )
    return loaded


def load_progress_with_plan(path: Path, plan: Plan | None = None) -> ProgressWithPlan:
    """As load_progress, also returning the plan used for the cross-checks."""
    from cchc_cli.checks.progress import run_checks

    loaded = load_model(path, Progress)
    if loaded.model is None or loaded.document is None:
        return ProgressWithPlan(loaded, plan, None)
    located = Located(loaded.shown, loaded.document)
    _quarter_matches_name(path, loaded.model, located, loaded.problems)
    plan_path: Path | None = None
    if plan is None:
        plan_path = plan_path_of(path, loaded.model)
        plan = _load_named_plan(plan_path, located, loaded.problems)
        loaded.problems.extend(_placement(path, plan_path, located))
    if plan is not None:
        loaded.problems.extend(run_checks(loaded.model, plan, located))
    return ProgressWithPlan(loaded, plan, plan_path)


def _placement(path: Path, plan_path: Path, at: Located) -> list[Problem]:
    """Warnings for a record a report would not find where it is (W424–W426)."""
    found: list[Problem] = []
    named = RECORD_NAME.fullmatch(path.name)
    if named is None:
        found.append(
            at.problem(
                (),
                "W424",
                f"Tên tệp '{path.name}' không theo mẫu YYYY-Qn.yaml: báo cáo sẽ không đọc tệp này.",
                "Đổi tên tệp, ví dụ 2024-Q1.yaml (cchc progress new đặt tên sẵn).",
                Severity.WARNING,
            )
        )
    if path.parent.name != plan_path.stem:
        found.append(
            at.problem(
                ("plan",),
                "W425",
                f"Tệp nằm trong thư mục '{path.parent.name}' nhưng kế hoạch là "
                f"'{plan_path.name}': báo cáo tìm tệp tiến độ ở thư mục '{plan_path.stem}'.",
                f"Chuyển tệp vào thư mục progress/{plan_path.stem}/.",
                Severity.WARNING,
            )
        )
    twin = path.with_suffix(".yml" if path.suffix.lower() == ".yaml" else ".yaml")
    if named is not None and twin.is_file():
        found.append(
            at.problem(
                (),
                "W426",
                f"Có cả {path.stem}.yaml và {path.stem}.yml: báo cáo chỉ đọc tệp .yaml.",
                "Xóa hoặc gộp một trong hai tệp.",
                Severity.WARNING,
            )
        )
    return found


def _quarter_matches_name(
    path: Path, progress: Progress, at: Located, problems: list[Problem]
) -> None:
    # Reports find a quarter's record by its file name: a different 'quarter:' inside
    # would put one quarter's figures in another's report.
    named = RECORD_NAME.fullmatch(path.name)
    if named is None:
        return
    year, number = int(named.group(1)), int(named.group(2))
    if (year, number) != (progress.quarter.year, progress.quarter.number):
        problems.append(
            at.problem(
                ("quarter",),
                "E418",
                f"Tệp tên {path.name} nhưng ghi quarter: {progress.quarter}.",
                f"Sửa thành quarter: {year}-Q{number}, hoặc đổi tên tệp cho khớp.",
            )
        )


def _load_named_plan(plan_path: Path, at: Located, problems: list[Problem]) -> Plan | None:
    from cchc_cli.load.plan import load_plan

    if not plan_path.is_file():
        problems.append(
            at.problem(
                ("plan",),
                "E401",
                f"Không tìm thấy tệp kế hoạch '{display_path(plan_path)}'.",
                "Ghi đường dẫn kế hoạch tương đối với tệp tiến độ, ví dụ "
                "../../plans/phu-lien-2024.yaml.",
            )
        )
        return None
    plan_loaded = load_plan(plan_path)
    problems.extend(plan_loaded.problems)
    if not plan_loaded.ok:
        problems.append(
            at.problem(
                ("plan",),
                "E402",
                f"Kế hoạch {plan_loaded.shown} có lỗi nên chưa đối chiếu được tiến độ.",
                "Sửa các lỗi của kế hoạch rồi kiểm tra lại.",
            )
        )
        return None
    return plan_loaded.model


def load_progress_or_raise(path: Path, plan: Plan | None = None) -> Progress:
    """The progress record at ``path``, or InvalidInputError with all its problems."""
    loaded = load_progress(path, plan)
    if not loaded.ok or loaded.model is None:
        raise InvalidInputError(
            loaded.problems, f"Tệp tiến độ {loaded.shown} có lỗi; hãy sửa rồi chạy lại."
        )
    return loaded.model


def unfilled(loaded: Loaded[Progress]) -> list[Problem]:
    """The values the clerk has not entered yet (W420), as errors for building a report."""
    return [
        Problem(p.path, p.line, p.column, "E420", Severity.ERROR, p.message, p.hint)
        for p in loaded.problems
        if p.code == "W420"
    ]
