"""The report as Markdown (``--format md``), for review in a pull request."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_cli.report.build import RenderedReport

_BLANKS = re.compile(r"\n{3,}")
# Layout directives (<!-- center -->, <!-- appendix landscape -->) are for the Word
# writer; a Markdown reader would see them as stray comments.
_DIRECTIVE = re.compile(r"^[ \t]*<!--\s*[\w-]+(?:\s+[\w-]+)*\s*-->[ \t]*$", re.MULTILINE)


def write_markdown(rendered: RenderedReport) -> bytes:
    """The rendered ``report.md.j2`` as UTF-8 bytes: layout directives dropped, tidy blank
    lines, LF endings."""
    text = _DIRECTIVE.sub("", rendered.whole.replace("\r\n", "\n"))
    tidy = _BLANKS.sub("\n\n", text).strip() + "\n"
    return tidy.encode("utf-8")
