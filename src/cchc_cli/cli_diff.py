"""Command `cchc diff` (registered by register)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the diff command to ``app``."""
