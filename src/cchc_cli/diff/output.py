"""Writing an output file whole or not at all, never over an existing file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cchc_cli.problems import OutputError


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    if path.is_dir():
        raise OutputError(f"'{path}' là một thư mục.", "Chỉ ra tên tệp, ví dụ: thay-doi.docx.")
    if path.exists() and not force:
        raise OutputError(f"Tệp '{path}' đã có.", "Thêm --force để ghi đè, hoặc chọn tên khác.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Không có thư mục '{folder}'.", "Tạo thư mục trước hoặc chọn nơi khác.")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except PermissionError:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(
            f"Không ghi được '{path}': không có quyền hoặc tệp đang mở.",
            "Đóng tệp trong Word/LibreOffice rồi chạy lại.",
        ) from None
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"Không ghi được '{path}': {exc.strerror}.") from None
