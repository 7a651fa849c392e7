"""Test helpers: inline file trees and running the CLI through its one error handler."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from cchc_cli.cli import app, main
from cchc_cli.problems import Problem
from cchc_cli.validation import validate_paths

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLANS = ROOT / "plans"
SHARED = ROOT.parent / "shared"


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: content} under root; text is written as UTF-8."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path, env: dict[str, str | None] | None = None) -> CliResult:
    """Run `cchc ARGS` in-process exactly as the console script does, capturing output."""
    runner = CliRunner()
    with runner.isolation(env=env) as (out, err, _):
        code = main.run(app.root(), [str(a) for a in args])
        stdout, stderr = out.getvalue(), err.getvalue()
    return CliResult(code, stdout.decode("utf-8"), stderr.decode("utf-8"))


def problems_of(path: Path) -> list[Problem]:
    """Every problem `cchc validate` finds in one file (and in the plan it names)."""
    return list(validate_paths([path]).problems)
