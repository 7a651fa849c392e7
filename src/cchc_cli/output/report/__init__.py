"""The report's writers: Word (the official document), Markdown (for review), a workbook
(its figures, for the Sở Nội vụ to add up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_cli.output import lazy

# Format name → writer of a RenderedReport; `cchc report --format` is built from these.
FORMATS: dict[str, Callable[[Any], bytes]] = {
    "docx": lazy("cchc_cli.output.report.docx", "write_docx"),
    "md": lazy("cchc_cli.output.report.markdown", "write_markdown"),
    "xlsx": lazy("cchc_cli.output.report.xlsx", "write_xlsx"),
}
# The file endings that choose each format for `-o`.
ENDINGS = {"docx": ("docx",), "md": ("md",), "xlsx": ("xlsx",)}
# Formats written from the whole report rendered as one text (report.md.j2).
WHOLE = frozenset({"md"})
