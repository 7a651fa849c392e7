"""From a report context to its rendered texts: the wording, from the templates."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from cchc_cli.report.context import ReportContext
from cchc_cli.report.markup import Safe
from cchc_cli.report.render import render
from cchc_cli.report.rows import mid_sentence


@dataclass(frozen=True)
class RenderedReport:
    """A report's context and its templates rendered to markup, ready for a writer:
    the Word writer lays out ``subject``, ``body`` and ``appendices``; the Markdown
    writer takes ``whole``."""

    context: ReportContext
    subject: str
    body: str = ""
    appendices: str = ""
    whole: str = ""


def render_texts(report: ReportContext, env: jinja2.Environment, whole: bool) -> RenderedReport:
    """Render the templates: the whole report (for Markdown) or its parts (for Word)."""
    # The report's own filter: a clerk's text continuing a sentence ("…: quận chưa …"),
    # its titles and names of bodies keeping their capital ("Phòng Nội vụ quận …").
    env.filters.setdefault("mid_sentence", mid_sentence)
    subject = Safe(render(env, "subject.md.j2", {"r": report}).strip())
    values = {"r": report, "subject": subject}
    if whole:
        return RenderedReport(report, subject, whole=render(env, "report.md.j2", values))
    body = render(env, "body.md.j2", values)
    return RenderedReport(report, subject, body, render(env, "appendices.md.j2", values))
