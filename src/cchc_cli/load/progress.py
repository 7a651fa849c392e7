"""Finding and loading progress records, cross-checked against their plan.

One file per quarter where paths.progress_path puts it; each names its plan (``plan:``,
relative to the file). A six-month report reads Q1 and Q2, the annual report Q1 to Q4.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.checks import Located
from cchc_cli.errors import InvalidInputError
from cchc_cli.load.files import resolved
from cchc_cli.load.plan import PlanCache
from cchc_cli.load.shape import Loaded, load_model, validate_document
from cchc_cli.load.yaml import Document
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import Progress
from cchc_cli.paths import progress_path
from cchc_cli.periods import Period
from cchc_cli.problems import Problem, ProblemList, display_path

# How a quarter's record is named, the one name reports look for: 2024-Q1.yaml.
RECORD_NAME = re.compile(r"(\d{4})-Q([1-4])\.ya?ml", re.IGNORECASE)


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
    """A loaded progress record and the plan it was checked against (its problems are
    the plan's own, kept apart so that a run reports each plan once)."""

    loaded: Loaded[Progress]
    plan: Loaded[Plan] | None


def load_progress(
    path: Path, plan: Plan | None = None, plan_path: Path | None = None
) -> Loaded[Progress]:
    """Load a progress record and cross-check it with ``plan`` (loaded from 'plan:' if
    not given; an invalid plan is E402 here, its own problems are not repeated).

    With ``plan_path`` (a report being built from that plan), a record whose 'plan:'
    names another plan is an error: its figures belong to another unit or year.
    """
    loaded = load_progress_with_plan(path, plan=plan).loaded
    if plan_path is not None and loaded.model is not None and loaded.document is not None:
        named = plan_path_of(path, loaded.model)
        if resolved(named) != resolved(plan_path):
            loaded.problems.append(
                Located(loaded.shown, loaded.document).problem(
                    ("plan",),
                    f"Tệp tiến độ ghi kế hoạch '{display_path(named)}', không phải "
                    f"'{display_path(plan_path)}' đang lập báo cáo.",
                    "Sửa khóa 'plan:' cho đúng kế hoạch, hoặc dùng --progress-dir khác.",
                    code="E419",
                )
            )
    return loaded


def load_progress_with_plan(
    path: Path,
    document: Document | None = None,
    problems: ProblemList | None = None,
    *,
    plan: Plan | None = None,
    plans: PlanCache | None = None,
) -> ProgressWithPlan:
    """As load_progress, also returning the plan's own outcome. ``document`` (with the
    ``problems`` met reading it) saves reading a file already read; ``plans`` loads each
    plan once in a run over many files."""
    from cchc_cli.checks.progress import check_progress

    if document is None:
        loaded = load_model(path, Progress)
    else:
        loaded = validate_document(path, document, Progress, problems=problems)
    if loaded.model is None or loaded.document is None:
        return ProgressWithPlan(loaded, None)
    located = Located(loaded.shown, loaded.document)
    loaded.problems.extend(_quarter_matches_name(path, loaded.model, located))
    plan_loaded: Loaded[Plan] | None = None
    if plan is None:
        plan_path = plan_path_of(path, loaded.model)
        plan_loaded, named_problems = _load_named_plan(plan_path, located, plans or PlanCache())
        loaded.problems.extend(named_problems)
        loaded.problems.extend(_placement(path, plan_path, located))
        plan = plan_loaded.model if plan_loaded is not None and plan_loaded.ok else None
    if plan is not None:
        loaded.problems.extend(check_progress(loaded.model, plan, located))
    return ProgressWithPlan(loaded, plan_loaded)


def _placement(path: Path, plan_path: Path, at: Located) -> list[Problem]:
    """Warnings for a record a report would not find where it is (W424–W426)."""
    found: list[Problem] = []
    named = RECORD_NAME.fullmatch(path.name)
    if named is None:
        found.append(
            at.problem(
                (),
                f"Tên tệp '{path.name}' không theo mẫu YYYY-Qn.yaml: báo cáo sẽ không đọc tệp này.",
                "Đổi tên tệp, ví dụ 2024-Q1.yaml (cchc progress new đặt tên sẵn).",
                code="W424",
            )
        )
    if path.parent.name != plan_path.stem:
        found.append(
            at.problem(
                ("plan",),
                f"Tệp nằm trong thư mục '{path.parent.name}' nhưng kế hoạch là "
                f"'{plan_path.name}': báo cáo tìm tệp tiến độ ở thư mục '{plan_path.stem}'.",
                f"Chuyển tệp vào thư mục progress/{plan_path.stem}/.",
                code="W425",
            )
        )
    twin = path.with_suffix(".yml" if path.suffix.lower() == ".yaml" else ".yaml")
    if named is not None and twin.is_file():
        found.append(
            at.problem(
                (),
                f"Có cả {path.stem}.yaml và {path.stem}.yml: báo cáo chỉ đọc tệp .yaml.",
                "Xóa hoặc gộp một trong hai tệp.",
                code="W426",
            )
        )
    return found


def _quarter_matches_name(path: Path, progress: Progress, at: Located) -> list[Problem]:
    # Reports find a quarter's record by its file name: a different 'quarter:' inside
    # would put one quarter's figures in another's report.
    named = RECORD_NAME.fullmatch(path.name)
    if named is None:
        return []
    year, number = int(named.group(1)), int(named.group(2))
    if (year, number) == (progress.quarter.year, progress.quarter.number):
        return []
    return [
        at.problem(
            ("quarter",),
            f"Tệp tên {path.name} nhưng ghi quarter: {progress.quarter}.",
            f"Sửa thành quarter: {year}-Q{number}, hoặc đổi tên tệp cho khớp.",
            code="E418",
        )
    ]


def _load_named_plan(
    plan_path: Path, at: Located, plans: PlanCache
) -> tuple[Loaded[Plan] | None, list[Problem]]:
    if not plan_path.is_file():
        missing = at.problem(
            ("plan",),
            f"Không tìm thấy tệp kế hoạch '{display_path(plan_path)}'.",
            "Ghi đường dẫn kế hoạch tương đối với tệp tiến độ, ví dụ "
            "../../plans/phu-lien-2024.yaml.",
            code="E401",
        )
        return None, [missing]
    plan_loaded = plans.load(plan_path)
    if plan_loaded.ok:
        return plan_loaded, []
    invalid = at.problem(
        ("plan",),
        f"Kế hoạch {plan_loaded.shown} có lỗi nên chưa đối chiếu được tiến độ.",
        "Sửa các lỗi của kế hoạch rồi kiểm tra lại.",
        code="E402",
    )
    return plan_loaded, [invalid]


def load_progress_or_raise(path: Path, plan: Plan | None = None) -> Progress:
    """The progress record at ``path``, or InvalidInputError with all its problems."""
    loaded = load_progress(path, plan)
    if not loaded.ok or loaded.model is None:
        raise InvalidInputError(
            loaded.problems, f"Tệp tiến độ {loaded.shown} có lỗi; hãy sửa rồi chạy lại."
        )
    return loaded.model
