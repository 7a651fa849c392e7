"""Writers: a finished value in, text or bytes (or a rich renderable for a terminal) out.

Writers never print and never decide; the command layer picks one from a registry and
puts its result where it belongs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy(module: str, function: str) -> Callable[[Any], Any]:
    """A writer imported when first used, so that a registry costs nothing to read
    (python-docx takes a tenth of a second to import)."""

    def write(value: Any) -> Any:
        return getattr(importlib.import_module(module), function)(value)

    write.__name__ = function
    return write


def plain(renderable: Any, width: int = 100) -> str:
    """A rich renderable as plain text without colours, for a file."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, highlight=False, soft_wrap=True, emoji=False
    )
    console.print(renderable)
    return buffer.getvalue()
