"""The error tree: every error a user can cause, each with its documented exit code.

The command layer has one handler (cli/main.py) that prints these and exits with their
code; nothing else prints an error.
"""

from __future__ import annotations

import errno
import signal
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
    129: "dừng vì cửa sổ dòng lệnh bị đóng (SIGHUP); tệp đang ghi dở được xóa",
    130: "dừng theo yêu cầu (Ctrl-C); tệp đang ghi dở được xóa",
    141: "nơi nhận kết quả đã đóng (ví dụ | head): phần còn lại bị bỏ",
    143: "dừng vì bị yêu cầu kết thúc (SIGTERM); tệp đang ghi dở được xóa",
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


class Terminated(BaseException):
    """The process was told to end by a signal other than Ctrl-C (SIGTERM, SIGHUP).

    A BaseException, as KeyboardInterrupt is: no ``except Exception`` on the way up may
    take it for an error of the input; the handler exits with 128 + the signal number.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return str(self.signum)


def stopped_message(exc: KeyboardInterrupt | Terminated) -> tuple[str, int]:
    """The one line said when cchc is stopped by Ctrl-C or a signal, and its exit code."""
    if isinstance(exc, Terminated):
        return f"Đã dừng: nhận tín hiệu {exc.name}; không để lại tệp ghi dở.", exc.exit_code
    return "Đã dừng theo yêu cầu (Ctrl-C).", 130


# What an operating-system error on a path means, in the clerk's words (strerror is
# English on most systems); the command adds the path and what to do.
_OS_REASONS = {
    errno.ENOENT: "không có tệp hay thư mục đó",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EISDIR: "đó là một thư mục, không phải tệp",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.ELOOP: "các liên kết tượng trưng (symlink) trỏ vòng quanh nhau",
    errno.ENOSPC: "đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.EEXIST: "một phần của đường dẫn là tệp, không phải thư mục",
}
_OS_REASONS.update(
    {getattr(errno, name): "đĩa đã đầy" for name in ("EDQUOT",) if hasattr(errno, name)}
)


def os_reason(exc: OSError) -> str:
    """Why an operating-system call on a path failed, in Vietnamese."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is None:
        reason = f"lỗi của hệ thống (chi tiết: {exc.strerror or exc})"
    return reason


def input_path_error(shown: str, exc: OSError) -> UsageError:
    """An input path (a plan, a folder, a progress folder) the system cannot open: exit 2."""
    hint = _INPUT_HINTS.get(exc.errno or 0, "Kiểm tra đường dẫn và quyền truy cập.")
    return UsageError(f"Không đọc được '{shown}': {os_reason(exc)}.", hint)


_INPUT_HINTS = {
    errno.ENAMETOOLONG: "Đổi tên tệp hoặc thư mục cho ngắn hơn, hoặc chuyển tới thư mục gần gốc hơn.",
    errno.ELOOP: "Sửa hoặc xóa liên kết tượng trưng đó, rồi chỉ ra tệp thật.",
    errno.EACCES: "Kiểm tra quyền đọc tệp và thư mục (hoặc chạy bằng tài khoản có quyền).",
    errno.EPERM: "Kiểm tra quyền đọc tệp và thư mục (hoặc chạy bằng tài khoản có quyền).",
    errno.ENOTDIR: "Kiểm tra đường dẫn: trước dấu '/' phải là một thư mục.",
}
