"""Problems as text, JSON, GitHub annotations or SARIF: a registry that also builds `--format`."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import quote

from cchc_cli.problems import Problem, Severity

if TYPE_CHECKING:
    from rich.text import Text

    from cchc_cli.validation import Outcome

JSON_FORMAT_VERSION = 1


def text(outcome: Outcome) -> Text:
    """For people: one line per problem (file:line:column), its hint, then a summary."""
    from rich.text import Text

    out = Text()
    for p in sorted(outcome.problems, key=Problem.sort_key):
        colour = "red" if p.severity is Severity.ERROR else "yellow"
        where = f"{p.path}:{p.line}:{p.column}" if p.line else p.path
        out.append(where, style="bold").append(": ")
        out.append(f"{p.severity.label} {p.code}", style=colour).append(f" {p.message}\n")
        if p.hint:
            out.append(f"    → {p.hint}\n", style="dim")
    if outcome.files:
        # A progress file's plan may be reported too: it counts as a file read.
        read = {*outcome.files, *(p.path for p in outcome.problems)}
        bad = len({p.path for p in outcome.problems if outcome.failing(p)})
        summary = (
            f"{len(read)} tệp, {outcome.errors} lỗi, {outcome.warnings} cảnh báo"
            f" ({len(read) - bad} tệp hợp lệ).\n"
        )
        style = "red" if outcome.errors else ("yellow" if outcome.warnings else "green")
        out.append(summary, style=style)
    return out


def json_text(outcome: Outcome) -> str:
    """One JSON object (its fields are documented in the README)."""
    by_file = {name: [0, 0] for name in outcome.files}
    for p in outcome.problems:
        counts = by_file.setdefault(p.path, [0, 0])
        counts[0 if p.severity is Severity.ERROR else 1] += 1
    document = {
        "version": JSON_FORMAT_VERSION,
        "valid": outcome.valid,
        "summary": {
            "files": len(by_file),
            "errors": outcome.errors,
            "warnings": outcome.warnings,
        },
        "files": [
            {
                "path": name,
                "valid": errors == 0 and not (outcome.strict and warnings),
                "errors": errors,
                "warnings": warnings,
            }
            for name, (errors, warnings) in by_file.items()
        ],
        "problems": [p.as_dict() for p in sorted(outcome.problems, key=Problem.sort_key)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github(outcome: Outcome) -> str:
    """GitHub Actions workflow commands: an annotation on each problem's line."""
    lines = []
    for p in sorted(outcome.problems, key=Problem.sort_key):
        level = "error" if p.severity is Severity.ERROR else "warning"
        props = [f"file={_github_escape(p.path, True)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_github_escape(p.code, True)}")
        body = p.message + (f" → {p.hint}" if p.hint else "")
        lines.append(f"::{level} {','.join(props)}::{_github_escape(body)}\n")
    lines.append(f"{len(outcome.files)} tệp, {outcome.errors} lỗi, {outcome.warnings} cảnh báo.\n")
    return "".join(lines)


def sarif(outcome: Outcome) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    from cchc_cli import __version__

    results = []
    for p in sorted(outcome.problems, key=Problem.sort_key):
        region = {"startLine": p.line, "startColumn": p.column} if p.line else {}
        # A URI reference: spaces, ':' and Vietnamese letters percent-encoded, '/' kept.
        uri = quote(p.path.replace("\\", "/"), safe="/")
        location: dict[str, object] = {"artifactLocation": {"uri": uri}}
        if region:
            location["region"] = region
        results.append(
            {
                "ruleId": p.code,
                "level": "error" if p.severity is Severity.ERROR else "warning",
                "message": {"text": p.message + (f" {p.hint}" if p.hint else "")},
                "locations": [{"physicalLocation": location}],
            }
        )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "cchc", "version": __version__}}, "results": results}
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Format name → writer; `cchc validate --format` is built from these keys.
FORMATS: dict[str, Callable[[Outcome], str | Text]] = {
    "text": text,
    "json": json_text,
    "github": github,
    "sarif": sarif,
}


# Format name → file endings that imply it (`cchc validate -o`); GitHub annotations are
# read from a workflow's output only.
ENDINGS: dict[str, tuple[str, ...]] = {
    "text": ("txt",),
    "json": ("json",),
    "github": (),
    "sarif": ("sarif",),
}


def default_format() -> str:
    """GitHub annotations inside a GitHub Actions run, text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
