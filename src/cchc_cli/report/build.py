"""From a report context to document bytes, in either format."""

from __future__ import annotations

from typing import Any

import jinja2

from cchc_cli.report.context import ReportContext
from cchc_cli.report.markup import Safe
from cchc_cli.report.render import render

FORMATS = ("docx", "md")


def template_context(report: ReportContext, env: jinja2.Environment) -> dict[str, Any]:
    """What the templates see: the report as ``r`` and its rendered subject line."""
    subject = render(env, "subject.md.j2", {"r": report}).strip()
    return {"r": report, "subject": Safe(subject)}


def render_report(report: ReportContext, fmt: str, env: jinja2.Environment) -> bytes:
    """The report as .docx or Markdown bytes."""
    values = template_context(report, env)
    if fmt == "md":
        from cchc_cli.output.report.markdown import write_markdown

        return write_markdown(render(env, "report.md.j2", values))
    from cchc_cli.output.report.docx import write_docx

    body = render(env, "body.md.j2", values)
    appendices = render(env, "appendices.md.j2", values)
    return write_docx(report, values["subject"], body, appendices)
