"""The report as Markdown (``--format md``), for review in a pull request."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_cli.report.build import RenderedReport

_BLANKS = re.compile(r"\n{3,}")


def write_markdown(rendered: RenderedReport) -> bytes:
    """The rendered ``report.md.j2`` as UTF-8 bytes with tidy blank lines and LF endings."""
    text = rendered.whole
    tidy = _BLANKS.sub("\n\n", text.replace("\r\n", "\n")).strip() + "\n"
    return tidy.encode("utf-8")
