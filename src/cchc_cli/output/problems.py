"""Output formats for problems: a registry that also feeds `--format`."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from cchc_cli.problems import Problem, Severity

JSON_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Outcome:
    """What a validation run found: the files read and every problem in them."""

    files: Sequence[str]
    problems: Sequence[Problem]
    strict: bool = False  # --strict: a warning makes its file invalid too

    def failing(self, problem: Problem) -> bool:
        """Whether ``problem`` makes its file invalid in this run."""
        return problem.severity is Severity.ERROR or self.strict

    @property
    def valid(self) -> bool:
        return not any(self.failing(p) for p in self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def _text(outcome: Outcome, *, stderr: bool = False) -> None:
    from rich.markup import escape

    from cchc_cli.cli.console import console

    out = console(stderr=stderr)
    for p in sorted(outcome.problems, key=Problem.sort_key):
        colour = "red" if p.severity is Severity.ERROR else "yellow"
        where = f"{p.path}:{p.line}:{p.column}" if p.line else p.path
        out.print(
            f"[bold]{escape(where)}[/]: [{colour}]{p.severity.label} {p.code}[/] {escape(p.message)}"
        )
        if p.hint:
            out.print(f"    [dim]→ {escape(p.hint)}[/]")
    if outcome.files:
        # A progress file's plan may be reported too: it counts as a file read.
        read = {*outcome.files, *(p.path for p in outcome.problems)}
        bad = len({p.path for p in outcome.problems if outcome.failing(p)})
        summary = (
            f"{len(read)} tệp, {outcome.errors} lỗi, {outcome.warnings} cảnh báo"
            f" ({len(read) - bad} tệp hợp lệ)."
        )
        style = "red" if outcome.errors else ("yellow" if outcome.warnings else "green")
        out.print(f"[{style}]{summary}[/]")


def _json(outcome: Outcome) -> None:
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
    write_stdout(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(outcome: Outcome) -> None:
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
    write_stdout("".join(lines))


def _sarif(outcome: Outcome) -> None:
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
    write_stdout(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def write_stdout(text: str) -> None:
    """Write UTF-8 text to standard output whatever the console's code page."""
    stream = sys.stdout
    if hasattr(stream, "buffer"):
        stream.buffer.write(text.encode("utf-8"))
        stream.flush()
    else:  # a test runner's text stream
        stream.write(text)


REPORTERS: dict[str, Callable[[Outcome], None]] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
}


def default_format() -> str:
    """GitHub annotations inside a GitHub Actions run, text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report(outcome: Outcome, fmt: str) -> None:
    REPORTERS[fmt](outcome)


def report_problems(problems: Sequence[Problem]) -> None:
    """Print problems found outside `cchc validate` (e.g. when a report is refused).

    They go to stderr: there stdout is the command's own output (a diff, a Markdown
    report), which a redirection must not mix with diagnostics.
    """
    _text(Outcome(files=(), problems=problems), stderr=True)
