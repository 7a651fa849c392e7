"""Which format to write: the one asked for, else the one the output file's name says."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cchc_cli.problems import UsageError


def choose_format(
    given: str | None, output: Path | None, by_suffix: Mapping[str, str], default: str
) -> str:
    """``given``, or the format of ``output``'s ending, or ``default``.

    A Word file named .md (or Markdown named .docx) would not open where the clerk
    double-clicks it, so an ending that names another format than ``given`` is refused.
    """
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    implied = by_suffix.get(suffix)
    if given is None:
        return implied or default
    if implied is not None and implied != given:
        raise UsageError(
            f"Tệp '{output}' có đuôi .{suffix} nhưng định dạng là {given}.",
            f"Bỏ --format để theo đuôi tệp, hoặc đổi đuôi tệp cho khớp với {given}.",
        )
    return given
