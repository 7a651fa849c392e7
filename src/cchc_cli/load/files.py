"""Where cchc finds its files: the default folders, plan files in folders, reading bytes.

Layout: plans in ``plans/``, each quarter's progress in ``progress/<plan file
stem>/<YYYY>-Q<n>.yaml``, reports written to ``reports/<YYYY>/``.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from cchc_cli.errors import UsageError, input_path_error, os_reason
from cchc_cli.load.yaml import MAX_BYTES, too_large
from cchc_cli.model.progress import is_progress_document
from cchc_cli.problems import Mark, ProblemList, display_path

DEFAULT_PLANS_DIR = Path("plans")
DEFAULT_PROGRESS_DIR = Path("progress")
DEFAULT_REPORTS_DIR = Path("reports")
YAML_SUFFIXES = (".yaml", ".yml")


def read_bytes(path: Path, problems: ProblemList) -> bytes | None:
    """The file's bytes, or a problem saying why it cannot be read.

    Only regular files are opened (a pipe or a device would block or never end), and no
    more than MAX_BYTES + 1 bytes are read, so a huge file costs no memory or time.
    """
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            problems.add(
                Mark(0, 0),
                "E002",
                "Đây không phải tệp thường (có thể là ống dẫn hoặc thiết bị).",
                "Chỉ ra một tệp .yaml trên đĩa.",
            )
            return None
        size = path.stat().st_size
        if size > MAX_BYTES:
            too_large(size, problems)
            return None
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            too_large(len(data), problems)
            return None
        return data
    except FileNotFoundError:
        problems.add(Mark(0, 0), "E001", "Không tìm thấy tệp.", "Kiểm tra lại đường dẫn.")
    except IsADirectoryError:
        problems.add(Mark(0, 0), "E001", "Đây là thư mục, không phải tệp.", "Chỉ ra một tệp .yaml.")
    except PermissionError:
        problems.add(Mark(0, 0), "E002", "Không có quyền đọc tệp.", "Kiểm tra quyền truy cập tệp.")
    except OSError as exc:
        problems.add(
            Mark(0, 0),
            "E002",
            f"Không đọc được tệp: {os_reason(exc)}.",
            "Kiểm tra đường dẫn, quyền truy cập, và tệp có bị chương trình khác khóa không.",
        )
    return None


def path_kind(path: Path) -> str | None:
    """ "dir", "file" (or anything else that is not a folder), or None when nothing is
    there. A path the system refuses to look at (a name too long, a loop of symbolic
    links, a file where a folder should be, no permission) is a usage error (exit 2)
    saying so, never a crash."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise input_path_error(display_path(path), exc) from exc
    return "dir" if stat.S_ISDIR(mode) else "file"


def resolved(path: Path) -> Path:
    """``path`` with its links followed, to tell two names of one file apart; a path in a
    loop of links (which Python 3.11 answers with RuntimeError) stands for itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: the name is its own identity
        return Path(os.path.abspath(path))


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
        kind = path_kind(path)
        if kind == "dir":
            result.extend(yaml_files(path))
        elif kind == "file":
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
        key = resolved(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def default_plan(folder: Path = DEFAULT_PLANS_DIR) -> Path:
    """The single plan in ``folder``; a usage error when there are none or several."""
    if path_kind(folder) != "dir":
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


def read_input(path: Path, what: str, limit: int) -> bytes:
    """The bytes of an input file named on the command line, at most ``limit`` + 1 of
    them (the reader says what is too large); a path that cannot be read is a usage
    error (exit 2) naming it."""
    shown = path.as_posix()
    try:
        if not path.exists():
            raise UsageError(f"Không tìm thấy {what} '{shown}'.", "Kiểm tra đường dẫn tệp.")
        if path.is_dir():
            raise UsageError(f"'{shown}' là thư mục, cần {what}.", "Chỉ ra một tệp.")
        if not path.is_file():
            raise UsageError(
                f"'{shown}' không phải tệp thường (có thể là ống dẫn hoặc thiết bị).",
                "Chỉ ra một tệp trên đĩa.",
            )
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except PermissionError:
        raise UsageError(f"Không có quyền đọc '{shown}'.", "Kiểm tra quyền truy cập tệp.") from None
    except OSError as exc:
        raise UsageError(
            f"Không đọc được '{shown}' (chi tiết của hệ thống: {exc.strerror or exc}).",
            "Kiểm tra tệp còn trên đĩa và không bị chương trình khác khóa.",
        ) from None


def is_progress_file(path: Path) -> bool:
    """Whether a YAML file in a folder of plans is a progress record.

    Told by its top-level keys (model.progress.is_progress_document), read from the head
    of the file only, so that a folder of large plans is not parsed twice.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(4000).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    keys = dict.fromkeys(re.findall(r"(?m)^([a-z_]+)\s*:", head), True)
    return is_progress_document(keys)
