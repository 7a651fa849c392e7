"""Checks of meaning, beyond shape: one small named function per problem code.

A check is registered with its code in an explicit table (checks/plan.py,
checks/progress.py); it receives a ``Located`` bound to that code, so it can report
nothing else. Its docstring is its user documentation (`cchc validate --list-checks`);
codes.py holds the code's title, cause and remedy.
"""

from __future__ import annotations

import dataclasses
import pathlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cchc_cli.problems import Problem, Severity

if TYPE_CHECKING:
    from cchc_cli.load.yaml import Document

F = TypeVar("F", bound=Callable[..., Iterable[Problem]])
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """What a check needs to place its problems: the file's name, its node positions,
    and the code the check reports."""

    shown: str
    document: Document
    code: str = ""
    file: pathlib.Path | None = None  # the file on disk, for checks of what it names beside it

    def bound(self, code: str) -> Located:
        """The same file, for a check that reports ``code``."""
        return dataclasses.replace(self, code=code)

    def problem(self, path: Path, message: str, hint: str = "", code: str = "") -> Problem:
        """A problem at the value ``path`` names (or its nearest located parent)."""
        code = code or self.code
        mark = self.document.mark_for(path)
        return Problem(self.shown, mark.line, mark.column, code, Severity.of(code), message, hint)


@dataclass(frozen=True)
class Check(Generic[F]):
    """A check with its code and a name for people; its docstring documents it."""

    code: str
    name: str
    function: F

    @property
    def doc(self) -> str:
        return " ".join((self.function.__doc__ or "").split())


def run(checks: Iterable[Check[Any]], at: Located, *values: Any) -> list[Problem]:
    """Every check's problems about ``values``, in file order."""
    found = [p for check in checks for p in check.function(*values, at.bound(check.code))]
    return sorted(found, key=Problem.sort_key)
