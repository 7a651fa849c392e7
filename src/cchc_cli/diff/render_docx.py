"""The diff as a Word change table (written once the official layout primitives land)."""

from __future__ import annotations

from cchc_cli.diff.changes import DiffReport
from cchc_cli.problems import UsageError


def render_docx(report: DiffReport) -> bytes:
    raise UsageError("Định dạng docx chưa sẵn sàng.")
