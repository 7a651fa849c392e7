"""Writing an output file safely: never over an existing file unless asked, never half-written.

Every file cchc writes (reports, change tables, progress templates) goes through here. The
bytes go to a temporary file in the destination's folder, are flushed to disk, then
moved into place in one step; on any failure (or Ctrl-C) the temporary file is removed
and the destination is untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from cchc_cli.problems import OutputError, display_path

_LOCKED_HINT = (
    "Tệp có thể đang mở trong Word hoặc chương trình khác, hoặc không có quyền ghi; "
    "đóng tệp hoặc chọn nơi khác bằng -o."
)


def already_exists(shown: str) -> OutputError:
    """The default refusal: the file may hold the clerk's own edits."""
    return OutputError(
        f"Tệp '{shown}' đã có; không ghi đè để giữ những chỉnh sửa đã làm trên tệp đó.",
        "Thêm --force để ghi đè, hoặc dùng -o để ghi ra tệp khác.",
    )


def write_new(
    path: Path,
    data: bytes,
    *,
    force: bool = False,
    exists: Callable[[str], OutputError] = already_exists,
) -> None:
    """Write ``data`` to ``path`` atomically; an existing file is kept unless ``force``.

    ``exists`` builds the error for a file that is already there, so each command can say
    what it protects and how to get around it.
    """
    shown = display_path(path)
    if path.is_dir():
        raise OutputError(f"'{shown}' là một thư mục, không phải tệp.", "Chỉ ra tên tệp bằng -o.")
    if path.exists() and not force:
        raise exists(shown)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OutputError(
            f"Không tạo được tệp trong thư mục '{display_path(path.parent)}': "
            f"{exc.strerror or exc}.",
            _LOCKED_HINT,
        ) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _move_into_place(temp, path, shown, force=force, exists=exists)
    except OSError as exc:
        raise OutputError(
            f"Không ghi được tệp '{shown}': {exc.strerror or exc}.", _LOCKED_HINT
        ) from exc
    finally:
        temp.unlink(missing_ok=True)


def _move_into_place(
    temp: Path, path: Path, shown: str, *, force: bool, exists: Callable[[str], OutputError]
) -> None:
    if force:
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise OutputError(f"Không ghi đè được tệp '{shown}'.", _LOCKED_HINT) from exc
        return
    try:
        # A hard link never replaces an existing file: no race with another writer.
        os.link(temp, path)
    except FileExistsError as exc:
        raise exists(shown) from exc
    except OSError:
        # File systems without hard links (some network shares): check, then move.
        if path.exists():
            raise exists(shown) from None
        os.replace(temp, path)
