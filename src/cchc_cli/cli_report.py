"""Commands `cchc report`, `cchc progress` and `cchc deadlines` (registered by register)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the reporting commands to ``app``."""
