"""Writing an output file safely: never over an existing file unless asked, never half-written.

Every file cchc writes (reports, change tables, progress templates) goes through here. The
bytes go to a temporary file in the destination's folder, are flushed to disk, then
moved into place in one step; on any failure the temporary file is removed and the
destination is untouched. A signal (Ctrl-C, SIGTERM, SIGHUP) that arrives meanwhile is
acted on once the temporary file is gone, so none is ever left behind. The new file gets the permissions any other program
would give it (the user's umask), or keeps those of the file it replaces.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from cchc_cli.errors import OutputError, UsageError, os_reason
from cchc_cli.interrupts import held
from cchc_cli.problems import display_path

_IN_USE_HINT = (
    "Tệp có thể đang mở trong Word hoặc chương trình khác (đóng tệp rồi chạy lại), hoặc "
    "bạn không có quyền ghi vào thư mục đó (ghi ra nơi khác)."
)
_ELSEWHERE_HINT = "Chọn nơi ghi khác, hoặc sửa đường dẫn."

# What to do about each operating-system error (errors.os_reason says what it is).
_HINTS = {
    errno.EACCES: _IN_USE_HINT,
    errno.EPERM: _IN_USE_HINT,
    errno.EBUSY: _IN_USE_HINT,
    errno.EEXIST: _ELSEWHERE_HINT,
    errno.ENOTDIR: _ELSEWHERE_HINT,
    errno.ENOENT: _ELSEWHERE_HINT,
    errno.ENOSPC: "Giải phóng chỗ trên đĩa hoặc ghi ra nơi khác.",
    errno.EROFS: _ELSEWHERE_HINT,
    errno.ENAMETOOLONG: "Chọn tên ngắn hơn, hoặc một thư mục gần gốc hơn.",
    errno.ELOOP: "Sửa hoặc xóa liên kết tượng trưng đó, hoặc ghi ra nơi khác.",
}


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
    inputs: Iterable[Path] = (),
) -> None:
    """Write ``data`` to ``path`` atomically; an existing file is kept unless ``force``.

    ``exists`` builds the error for a file that is already there, so each command can say
    what it protects and how to get around it. ``inputs`` (the files the output was made
    from) are never written over, not even with ``force``.
    """
    shown = _shown(path)
    try:
        there = os.path.lexists(path)
        if there and any(_same_file(path, source) for source in inputs):
            raise UsageError(
                f"Tệp ra '{shown}' chính là một tệp đầu vào; ghi vào đó sẽ làm mất dữ liệu.",
                "Chọn tên tệp khác cho -o.",
            )
        if path.is_dir():
            raise OutputError(f"'{shown}' là một thư mục, không phải tệp.", "Chỉ ra tên tệp.")
        if there and not force:
            raise (
                _dangling(path, shown) if path.is_symlink() and not path.exists() else exists(shown)
            )
        mode = _mode_for(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(f"Không tạo được tệp '{shown}'", _real_cause(path.parent, exc)) from exc
    with held():  # a signal now waits until the temporary file is gone
        _write_through_temporary(path, data, shown, mode, force=force, exists=exists)


def _write_through_temporary(
    path: Path,
    data: bytes,
    shown: str,
    mode: int,
    *,
    force: bool,
    exists: Callable[[str], OutputError],
) -> None:
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise _failed(f"Không tạo được tệp '{shown}'", exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        _move_into_place(temp, path, shown, force=force, exists=exists)
    except OSError as exc:
        raise _failed(f"Không ghi được tệp '{shown}'", exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def _real_cause(folder: Path, exc: OSError) -> OSError:
    # mkdir says "exists" for a folder name taken by a file, and for a loop of links.
    if exc.errno == errno.EEXIST:
        try:
            os.stat(folder)
        except OSError as cause:
            return cause
    return exc


def _shown(path: Path) -> str:
    # The name the clerk gave, not where a symbolic link leads: the message is about it.
    try:
        folder = display_path(path.parent)
    except (OSError, RuntimeError):  # a loop of links in the folder's path
        return path.as_posix()
    return path.name if folder in ("", ".") else f"{folder}/{path.name}"


def _dangling(path: Path, shown: str) -> OutputError:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return OutputError(
        f"'{shown}' là một liên kết tượng trưng (symlink) trỏ tới '{target}', nơi không có "
        "tệp nào; không ghi qua liên kết đó.",
        "Xóa liên kết hoặc chọn tên tệp khác cho -o; --force thay liên kết bằng tệp báo cáo.",
    )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def _mode_for(path: Path) -> int:
    # mkstemp makes a private (0600) file: colleagues on a shared folder could not open
    # the report. Keep the replaced file's permissions, else what the umask allows.
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _failed(what: str, exc: OSError) -> OutputError:
    denied = exc.errno in (errno.EACCES, errno.EPERM)
    reason = "không có quyền ghi vào đó" if denied else os_reason(exc)
    return OutputError(f"{what}: {reason}.", _HINTS.get(exc.errno or 0, _IN_USE_HINT))


def _move_into_place(
    temp: Path, path: Path, shown: str, *, force: bool, exists: Callable[[str], OutputError]
) -> None:
    if force:
        os.replace(temp, path)
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
