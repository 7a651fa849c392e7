"""`cchc report`: a bare `--quarter` meaning "the next report due".

Typer's bundled click has no options with an optional value, so the command class
rewrites a bare ``--quarter`` (last, or followed by another option or by the plan path)
into ``--quarter ""`` before parsing. Imported at start-up: keep it light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_cli.cli.help import Command

OPTIONAL_VALUE = ("--quarter", "-q")


def _is_value(token: str) -> bool:
    if token.startswith("-") and token != "-":
        return False
    # The plan after a bare --quarter is not its value.
    return not (token.lower().endswith((".yaml", ".yml")) or Path(token).is_dir())


def fill_optional_values(args: list[str]) -> list[str]:
    """``args`` with an empty value after each bare ``--quarter``."""
    result: list[str] = []
    for index, token in enumerate(args):
        result.append(token)
        if token == "--":
            result.extend(args[index + 1 :])
            break
        if token in OPTIONAL_VALUE:
            following = args[index + 1] if index + 1 < len(args) else None
            if following is None or not _is_value(following):
                result.append("")
    return result


class OptionalQuarterCommand(Command):
    """A typer command whose ``--quarter`` may be given without a value."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return list(super().parse_args(ctx, fill_optional_values(list(args))))
