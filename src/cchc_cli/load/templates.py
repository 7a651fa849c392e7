"""A plan's own templates folder (``templates:``): where it is, and whether it may be used.

A plan from a pull request must not point a reviewer's ``cchc report`` at files
elsewhere on their machine: the folder lies inside the plan's git repository (or,
outside one, the plan's own folder), and no template in it is a link out of it. The
report's sandbox (report/sandbox.py) enforces the same for every file it reads.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePath

from cchc_cli.errors import os_reason

MAX_FOLDER_ENTRIES = 2_000  # a templates folder holds a few files; a scan stops here


def repository_of(plan_file: Path) -> Path:
    """The git repository a plan file lives in (its top folder), else the plan's folder."""
    folder = plan_file.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def plan_templates_problem(plan_file: Path, setting: str) -> tuple[str, str] | None:
    """What keeps a plan's ``templates:`` folder from being used, as (message, hint), or
    None. The folder must lie inside the plan's repository (or, outside one, the plan's
    own folder): a plan from a pull request may not point a reviewer's report at files
    elsewhere on their machine; and no template in it may be a link out of it."""
    hint = (
        "Ghi 'templates:' là một thư mục tương đối với tệp kế hoạch, nằm trong cùng kho "
        "(hoặc cùng thư mục) với kế hoạch, ví dụ templates: mau-bao-cao."
    )
    if PurePath(setting).is_absolute() or setting.startswith(("/", "\\")):
        return f"Thư mục mẫu '{setting}' là đường dẫn tuyệt đối.", hint
    root = repository_of(plan_file)
    folder = plan_file.parent / setting
    try:
        resolved = folder.resolve(strict=True)
    except FileNotFoundError:
        return f"Không có thư mục mẫu '{setting}' (tính từ thư mục của kế hoạch).", hint
    except (OSError, RuntimeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "liên kết trỏ vòng"
        return f"Không mở được thư mục mẫu '{setting}': {reason}.", hint
    if not resolved.is_relative_to(root):
        where = "kho chứa kế hoạch" if (root / ".git").exists() else "thư mục của kế hoạch"
        return f"Thư mục mẫu '{setting}' nằm ngoài {where} ('{root.as_posix()}').", hint
    if not resolved.is_dir():
        return f"'{setting}' là một tệp, không phải thư mục mẫu.", hint
    outside = _first_escape(resolved)
    if outside is not None:
        return (
            f"Trong thư mục mẫu '{setting}', '{outside}' là liên kết trỏ ra ngoài thư mục "
            "hoặc không phải tệp thường; báo cáo sẽ không đọc nó.",
            "Thay liên kết bằng chính tệp mẫu, đặt trong thư mục mẫu.",
        )
    return None


def _first_escape(root: Path) -> str | None:
    seen = 0
    for folder, subfolders, files in os.walk(root):
        for name in sorted([*subfolders, *files]):
            seen += 1
            if seen > MAX_FOLDER_ENTRIES:
                return None
            path = Path(folder) / name
            shown = path.relative_to(root).as_posix()
            try:
                real = path.resolve(strict=True)
                mode = real.stat().st_mode
            except (OSError, RuntimeError):
                return shown
            if not real.is_relative_to(root) or not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                return shown
    return None
