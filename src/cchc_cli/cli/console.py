"""Writing messages for people to the terminal, portably (Windows consoles included)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from cchc_cli.errors import CchcError
    from cchc_cli.problems import Problem

_consoles: dict[bool, Console] = {}


def console(stderr: bool = False) -> Console:
    """A rich console writing UTF-8 text, created on first use."""
    if stderr not in _consoles:
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:
                # rich exits with status 1 here, which would hide the command's verdict;
                # the command decides instead (see cli.run and cchc validate).
                quiet_stdout()
                raise BrokenPipeError

        # No fixed file: rich looks up sys.stdout/sys.stderr at each write, so output
        # follows any redirection (test runners included). No emoji codes: ":100:" in a
        # location or a clerk's text must stay as typed.
        _consoles[stderr] = _Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)
    return _consoles[stderr]


def use_utf8_streams() -> None:
    """Make stdout and stderr UTF-8: a Windows console's legacy code page cannot print Vietnamese.

    A stream closed by the caller (``cchc schema >&-``) is None in Python: what would go
    there goes nowhere, as when the reader of a pipe stops early.
    """
    import os

    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8", errors="replace")


def write_stdout(text: str) -> None:
    """Write UTF-8 text to standard output whatever the console's code page."""
    stream = sys.stdout
    if hasattr(stream, "buffer"):
        stream.buffer.write(text.encode("utf-8"))
        stream.flush()
    else:  # a test runner's text stream
        stream.write(text)


def emit(value: object, *, stderr: bool = False) -> None:
    """Print a writer's result: text as it is, a rich renderable through the console."""
    if isinstance(value, str) and not stderr:
        write_stdout(value)
    else:
        console(stderr=stderr).print(value, end="" if _ends_line(value) else "\n")


def _ends_line(value: object) -> bool:
    plain = value if isinstance(value, str) else getattr(value, "plain", None)
    return isinstance(plain, str) and plain.endswith("\n")


def print_problems(problems: Sequence[Problem]) -> None:
    """Problems found outside `cchc validate` (a report refused, a plan not diffed).

    They go to stderr: there stdout is the command's own output (a diff, a Markdown
    report), which a redirection must not mix with diagnostics.
    """
    from cchc_cli.output.problems import text
    from cchc_cli.validation import Outcome

    emit(text(Outcome(files=(), problems=problems)), stderr=True)


def print_error(exc: CchcError) -> None:
    """An error written for the user: message, then what to do."""
    err = console(stderr=True)
    err.print(f"[bold red]Lỗi:[/] {_escape(exc.message)}")
    if exc.hint:
        err.print(f"  [dim]→[/] {_escape(exc.hint)}")


def print_internal_error(exc: BaseException) -> None:
    """A bug in cchc itself: say so plainly, with one line to report."""
    err = console(stderr=True)
    err.print(
        "[bold red]Lỗi nội bộ của cchc[/] (không phải lỗi của tệp của bạn): "
        f"{_escape(type(exc).__name__)}: {_escape(str(exc))}"
    )
    err.print("  [dim]→[/] Hãy báo lỗi này kèm lệnh đã chạy và tệp đầu vào.")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def quiet_stdout() -> None:
    """After the reader of a pipe went away: send the rest, and the final flush, nowhere."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # a test runner's stream has no file descriptor
        pass
    finally:
        os.close(devnull)


@contextlib.contextmanager
def reader_may_stop() -> Iterator[None]:
    """Output that its reader may stop reading early (`cchc validate | head`): the rest
    goes nowhere, and the command's verdict, decided before, stands."""
    try:
        yield
    except BrokenPipeError:
        quiet_stdout()
