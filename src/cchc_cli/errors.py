"""The error tree: every error a user can cause, each with its documented exit code.

The command layer has one handler (cli/main.py) that prints these and exits with their
code; nothing else prints an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_cli.problems import Problem

# Exit codes and what they mean, as the README and `--help` document them.
EXIT_CODES = {
    0: "thành công (với validate: không có lỗi; cảnh báo chỉ tính khi có --strict)",
    1: "dữ liệu đầu vào có lỗi (kế hoạch, tiến độ, thiếu số liệu cho báo cáo)",
    2: "sai cách dùng: tùy chọn, lệnh, giá trị, đường dẫn không có, kỳ ngoài kế hoạch",
    3: "không ghi được tệp kết quả (đã có tệp: dùng --force; hoặc không có quyền, hết chỗ)",
    4: "mẫu báo cáo (template) bị lỗi hoặc không được phép",
    70: "lỗi nội bộ của cchc (hãy báo lỗi)",
    130: "dừng theo yêu cầu (Ctrl-C)",
    141: "nơi nhận kết quả đã đóng (ví dụ | head): phần còn lại bị bỏ",
}


class CchcError(Exception):
    """Base of every error whose message is written for the user (in Vietnamese)."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(CchcError):
    """The command line asks for something impossible (exit code 2)."""

    exit_code = 2


class NotInPlanError(CchcError):
    """The plan has no such report: its reporting rule lacks the kind (exit code 1).

    Like PeriodOutsidePlanError, a run over a folder of plans skips such a unit."""


class PeriodOutsidePlanError(UsageError):
    """The period asked for lies outside the plan's years (exit code 2)."""


class InvalidInputError(CchcError):
    """A plan or progress file has problems (exit code 1)."""

    exit_code = 1

    def __init__(self, problems: list[Problem], message: str = "") -> None:
        super().__init__(message or "Tệp đầu vào có lỗi.")
        self.problems = problems


class InvalidComparedPlanError(InvalidInputError):
    """A plan given to `cchc diff` has problems (exit code 2: there the plans are the
    command's arguments, and 1 means "they differ")."""

    exit_code = 2


class OutputError(CchcError):
    """An output file cannot be written (exit code 3)."""

    exit_code = 3


class TemplateError(CchcError):
    """A report template is broken (exit code 4)."""

    exit_code = 4
