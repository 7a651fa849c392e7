"""The diff's writers: text for a terminal, Markdown for a pull request, JSON, Word."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_cli.output import lazy

# Format name → writer; `cchc diff --format` is built from these keys.
FORMATS: dict[str, Callable[[Any], Any]] = {
    "text": lazy("cchc_cli.output.diff.text", "render_text"),
    "markdown": lazy("cchc_cli.output.diff.markdown", "render_markdown"),
    "json": lazy("cchc_cli.output.diff.json", "render_json"),
    "docx": lazy("cchc_cli.output.diff.docx", "render_docx"),
}
# The file endings that choose each format for `-o`.
ENDINGS = {"text": ("txt",), "markdown": ("md",), "json": ("json",), "docx": ("docx",)}
