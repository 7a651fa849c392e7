"""The report as Markdown (``--format md``), for review in a pull request."""

from __future__ import annotations

import re

_BLANKS = re.compile(r"\n{3,}")


def write_markdown(text: str) -> bytes:
    """The rendered ``report.md.j2`` as UTF-8 bytes with tidy blank lines and LF endings."""
    tidy = _BLANKS.sub("\n\n", text.replace("\r\n", "\n")).strip() + "\n"
    return tidy.encode("utf-8")
