"""Finding and loading plan files with every check applied."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.checks.plan import CHECKS
from cchc_cli.load.shape import Loaded, read_document, validate_document
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import is_progress_document
from cchc_cli.problems import InvalidInputError, Mark, UsageError

YAML_SUFFIXES = (".yaml", ".yml")


def load_plan(path: Path, raw: bytes | None = None) -> Loaded[Plan]:
    """Load a plan and run all semantic checks; problems are collected, never raised.

    A progress file given where a plan is wanted is said to be one (E113), instead of
    being checked as a plan it was never meant to be.
    """
    problems, document = read_document(path, raw)
    if document is None:
        return Loaded(path, problems.path, None, None, problems.items)
    if is_progress_document(document.data):
        problems.add(
            Mark(1, 1),
            "E113",
            "Đây là tệp tiến độ (có 'quarter:'), không phải tệp kế hoạch.",
            "Chỉ ra tệp kế hoạch, ví dụ plans/phu-lien-2024.yaml; tệp tiến độ ghi kế hoạch "
            "của nó ở khóa 'plan:'.",
        )
        return Loaded(path, problems.path, None, document, problems.items)
    return validate_document(path, document, Plan, [c.check for c in CHECKS], problems)


def load_plan_or_raise(path: Path) -> Plan:
    """The plan at ``path``, or InvalidInputError carrying all its problems.

    A path that does not exist is a usage error (exit 2), as for every command."""
    if not path.exists():
        raise UsageError(f"Không tìm thấy '{path}'.", "Kiểm tra đường dẫn tệp kế hoạch.")
    loaded = load_plan(path)
    if not loaded.ok or loaded.model is None:
        raise InvalidInputError(
            loaded.problems, f"Kế hoạch {loaded.shown} có lỗi; hãy sửa rồi chạy lại."
        )
    return loaded.model


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files under ``folder``, sorted, skipping hidden folders."""
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in YAML_SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given and the YAML files of folders, each once; a missing path is a usage
    error, and so is finding no file at all (a mistyped folder must not pass in CI)."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            result.extend(yaml_files(path))
        elif path.exists():
            result.append(path)
        else:
            raise UsageError(
                f"Không tìm thấy '{path}'.", "Kiểm tra đường dẫn tệp hoặc thư mục kế hoạch."
            )
    if not result:
        shown = ", ".join(f"'{p}'" for p in paths)
        raise UsageError(
            f"Không có tệp .yaml hoặc .yml nào trong {shown}.",
            "Kiểm tra đường dẫn; cchc đọc các tệp .yaml và .yml, kể cả trong thư mục con.",
        )
    seen: set[Path] = set()
    unique = []
    for path in result:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def default_plan(folder: Path = Path("plans")) -> Path:
    """The single plan in ``folder``; a usage error when there are none or several."""
    if not folder.is_dir():
        raise UsageError(
            f"Không có thư mục '{folder}' và không chỉ ra tệp kế hoạch.",
            "Chỉ ra tệp kế hoạch, ví dụ: plans/phu-lien-2024.yaml.",
        )
    found = yaml_files(folder)
    if len(found) != 1:
        listing = ", ".join(p.as_posix() for p in found) or "không có tệp nào"
        raise UsageError(
            f"Thư mục '{folder}' có {len(found)} kế hoạch ({listing}).",
            "Chỉ ra một tệp kế hoạch cụ thể.",
        )
    return found[0]
