"""Reading the Sở Nội vụ's details (model/office.py) for the consolidated report."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.errors import InvalidInputError, UsageError
from cchc_cli.model.office import Office

# Looked for in the working folder when `cchc rollup` is not given --office.
DEFAULT_OFFICE_FILE = Path("so-noi-vu.yaml")


def load_office(path: Path) -> Office:
    """The office file at ``path``; its problems, located, as InvalidInputError."""
    from cchc_cli.load.shape import load_model

    if not path.is_file():
        raise UsageError(
            f"Không tìm thấy tệp thông tin Sở Nội vụ '{path.as_posix()}'.",
            "Kiểm tra --office, hoặc tạo tệp theo mẫu trong docs/office-fields.md.",
        )
    loaded = load_model(path, Office)
    if not loaded.ok or loaded.model is None:
        raise InvalidInputError(
            loaded.problems, f"Tệp thông tin Sở Nội vụ {loaded.shown} có lỗi; hãy sửa rồi chạy lại."
        )
    return loaded.model


def find_office(given: Path | None) -> tuple[Office, Path | None]:
    """The office file given, else ``so-noi-vu.yaml`` here when there is one, else none
    (every detail then a visible "…")."""
    if given is not None:
        return load_office(given), given
    if DEFAULT_OFFICE_FILE.is_file():
        return load_office(DEFAULT_OFFICE_FILE), DEFAULT_OFFICE_FILE
    return Office(), None
