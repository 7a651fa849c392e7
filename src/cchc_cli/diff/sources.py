"""Where compared plans come from: files, folders paired by unit, a git revision."""

from __future__ import annotations

import dataclasses
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cchc_cli import collector
from cchc_cli.diff.wording import clean
from cchc_cli.errors import InvalidInputError, UsageError
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import is_progress_document
from cchc_cli.problems import Problem, display_path


@dataclass(frozen=True)
class Source:
    """A loaded, valid plan and the name it is shown under."""

    name: str
    plan: Plan

    @property
    def unit_key(self) -> tuple[str, str]:
        """Unit kind and name, normalised: what pairs plans of two folders."""
        return (self.plan.unit.kind.value, clean(self.plan.unit.name).casefold())


def _load(
    path: Path, raw: bytes | None, shown: str, problems: list[Problem], *, in_folder: bool = False
) -> Plan | None:
    """The plan in ``raw`` (or the file), or None with its problems added to ``problems``.

    In a folder a progress file gives None and no problem: folders hold both kinds.
    """
    from cchc_cli.load.plan import load_plan

    with collector.paused():
        loaded = load_plan(path, raw=raw)
    if loaded.ok and loaded.model is not None:
        return loaded.model
    if in_folder and loaded.document is not None and is_progress_document(loaded.document.data):
        return None
    # A revision's bytes are loaded under the working file's path: name them as shown.
    problems.extend(dataclasses.replace(p, path=shown) for p in loaded.problems)
    return None


def load_file(path: Path, raw: bytes | None = None, shown: str | None = None) -> Source:
    """One plan, or InvalidInputError with every problem in it."""
    name = shown or display_path(path)
    problems: list[Problem] = []
    plan = _load(path, raw, name, problems)
    if plan is None:  # load_plan said why, a progress file given here included (E113)
        raise InvalidInputError(problems, f"Kế hoạch {name} có lỗi; không so sánh được.")
    return Source(name, plan)


def load_folder(folder: Path) -> list[Source]:
    """The plans of a folder (progress files skipped); InvalidInputError if any is invalid."""
    from cchc_cli.load.files import yaml_files

    problems: list[Problem] = []
    sources = []
    for path in yaml_files(folder):
        plan = _load(path, None, display_path(path), problems, in_folder=True)
        if plan is not None:
            sources.append(Source(display_path(path), plan))
    if problems:
        raise InvalidInputError(problems, f"Thư mục {display_path(folder)} có kế hoạch bị lỗi.")
    return sources


def pair_by_unit(
    old: list[Source], new: list[Source]
) -> tuple[list[tuple[Source, Source]], list[Source], list[Source]]:
    """Plans of the same unit paired, several per unit in order of their years."""
    by_unit: dict[tuple[str, str], tuple[list[Source], list[Source]]] = {}
    for side, sources in enumerate((old, new)):
        for source in sources:
            by_unit.setdefault(source.unit_key, ([], []))[side].append(source)
    pairs, lonely_old, lonely_new = [], [], []
    for key in sorted(by_unit):
        olds, news = (
            sorted(group, key=lambda s: (s.plan.years.start, s.name)) for group in by_unit[key]
        )
        pairs += list(zip(olds, news, strict=False))
        lonely_old += olds[len(news) :]
        lonely_new += news[len(olds) :]
    return pairs, lonely_old, lonely_new


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(
            "Không tìm thấy chương trình git để lấy phiên bản cũ của kế hoạch.",
            "Cài Git (https://git-scm.com) hoặc so sánh hai tệp: cchc diff CŨ.yaml MỚI.yaml.",
        ) from None


def read_revision(path: Path, revision: str) -> tuple[bytes, str]:
    """The bytes of ``path`` at git ``revision`` of its repository, and a display name."""
    if not revision or revision.startswith("-"):
        raise UsageError(f"Phiên bản '{revision}' không hợp lệ.", "Ví dụ: --rev HEAD~1.")
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"Không tìm thấy thư mục của '{path}'.", "Kiểm tra đường dẫn tệp.")
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise UsageError(
            f"'{display_path(path)}' không nằm trong một kho git.",
            "--rev chỉ dùng được với tệp kế hoạch được quản lý bằng git.",
        )
    root = Path(top.stdout.decode("utf-8").strip()).resolve()
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:  # a path git reports outside its own work tree (odd symlinks)
        raise UsageError(f"'{display_path(path)}' không nằm trong kho git {root}.") from None
    shown = f"{display_path(path)}@{revision}"
    found = _git(["show", f"{revision}:{relative}"], root)
    if found.returncode == 0:
        return found.stdout, shown
    known = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    if known.returncode != 0:
        raise UsageError(
            f"Không có phiên bản '{revision}' trong kho git.",
            "Xem các phiên bản bằng: git log --oneline.",
        )
    raise UsageError(
        f"Tệp '{relative}' không có ở phiên bản '{revision}'.",
        "Có thể tệp được tạo sau phiên bản đó hoặc đã đổi tên.",
    )
