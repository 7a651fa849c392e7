"""Problems found in user files, as data with a location (codes.py says what each means)."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.StrEnum):
    """How serious a problem is ("mức độ")."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "lỗi" if self is Severity.ERROR else "cảnh báo"

    @classmethod
    def of(cls, code: str) -> Severity:
        """A code's severity, told by its first letter: W a warning, E and R errors."""
        return cls.WARNING if code.startswith("W") else cls.ERROR


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one file, at a 1-based line and column (0 when unknown)."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in a source file."""

    line: int
    column: int


def display_path(path: Path) -> str:
    """A path as the user typed it or relative to the working directory."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere; too long; a loop of links
        return path.as_posix()


def did_you_mean(value: str, options: Iterable[str], cutoff: float = 0.5) -> str:
    """A "did you mean" hint for a misspelt value, or "" when nothing is close."""
    guess = difflib.get_close_matches(value, list(options), n=1, cutoff=cutoff)
    return f"Có phải ý bạn là '{guess[0]}'?" if guess else ""


# In a YAML '{ … }' a comma starts the next entry: "97,5" and "1,035" leave a key of
# digits behind. Said wherever such a key is reported.
COMMA_IN_NUMBER_HINT = (
    "Nếu đây là phần sau dấu phẩy của một số: viết 97.5 cho số thập phân và 1035 cho "
    "hàng nghìn; trong YAML dấu phẩy ngăn các mục."
)


@dataclass
class ProblemList:
    """Problems collected for one file, in the order found."""

    path: str
    items: list[Problem] = field(default_factory=list)

    def add(self, mark: Mark | None, code: str, message: str, hint: str = "") -> None:
        line, column = (mark.line, mark.column) if mark else (0, 0)
        self.items.append(Problem(self.path, line, column, code, Severity.of(code), message, hint))

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)
