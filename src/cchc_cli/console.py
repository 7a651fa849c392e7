"""Writing messages for people to the terminal, portably (Windows consoles included)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from cchc_cli.problems import CchcError

_consoles: dict[bool, Console] = {}


def console(stderr: bool = False) -> Console:
    """A rich console writing UTF-8 text, created on first use."""
    if stderr not in _consoles:
        from rich.console import Console

        stream = sys.stderr if stderr else sys.stdout
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            # A Windows console defaults to a legacy code page that cannot print Vietnamese.
            reconfigure(encoding="utf-8", errors="replace")
        _consoles[stderr] = Console(file=stream, highlight=False, soft_wrap=True)
    return _consoles[stderr]


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
