"""Every example file, found automatically, checked the way a user runs cchc on it.

- ``tests/fixtures/plans/valid``, ``progress/xa-mau-2024`` and the shipped plans and
  progress: no errors.
- ``tests/fixtures/{plans,progress}/invalid/*.yaml``: `cchc validate` gives exactly the
  problems the file's ``# expect: CODE@LINE …`` line names.
- ``tests/fixtures/report/invalid/<case>/``: a plan (``plan.yaml``) and its progress;
  building the report of the period named by ``# report: …`` gives exactly the problems
  the progress file's ``# expect:`` line names.

One syntax for all: ``# expect:`` in the first lines of the file, codes with the line
they are reported at. Every code of the catalogue has an example here, or is listed in
UNREACHABLE with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_cli.codes import CODES
from cchc_cli.errors import InvalidInputError
from cchc_cli.problems import Problem, Severity
from cchc_cli.validation import validate_paths
from tests.helpers import FIXTURES, PLANS, ROOT

VALID = [
    *sorted((FIXTURES / "plans" / "valid").glob("*.yaml")),
    *sorted(PLANS.glob("*.yaml")),
    *sorted((FIXTURES / "progress" / "xa-mau-2024").glob("*.yaml")),
    *sorted((ROOT / "progress").rglob("*.yaml")),
]
INVALID = sorted((FIXTURES / "plans" / "invalid").rglob("*.yaml")) + sorted(
    (FIXTURES / "progress" / "invalid").rglob("*.yaml")
)
REPORT_CASES = sorted(p for p in (FIXTURES / "report" / "invalid").iterdir() if p.is_dir())
# Fixtures are named for what they show, not 2024-Q1.yaml, and lie outside a
# progress/<plan>/ folder, and most leave sections or entries out: these codes are
# compared only where a fixture expects them.
INCIDENTAL = frozenset({"W421", "W422", "W424", "W425", "W427", "W428"})
# Codes no file in the repository can produce, and why; each is tested where named.
UNREACHABLE = {
    "E001": "a file that vanishes between being listed and being read (tests/load)",
    "E002": "a pipe or an unreadable file, which git cannot hold (tests/load)",
    "E112": "a file over 2 MiB, too large to keep in the repository (tests/load)",
}


def expected(path: Path) -> list[tuple[str, int]]:
    """The (code, line) pairs of the file's ``# expect:`` line."""
    head = path.read_bytes()[:600].decode("utf-8", "replace").splitlines()[:5]
    found = [m.group(1) for line in head if (m := re.match(r"# expect: (.+)", line))]
    assert found, f"{path.name} has no '# expect:' line in its first lines"
    return sorted((code, int(line)) for code, line in re.findall(r"(\w+)@(\d+)", found[0]))


def _compared(
    problems: list[Problem], path: Path, want: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    wanted = {code for code, _ in want}
    return sorted(
        (p.code, p.line)
        for p in problems
        if p.path.endswith(path.name) and (p.code not in INCIDENTAL or p.code in wanted)
    )


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_files_have_no_errors(path: Path) -> None:
    problems = validate_paths([path]).problems
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    # Sections not written yet (W427) are fine here; missing entries and values are not.
    assert [p.code for p in problems if p.code in ("W420", "W421", "W422", "W424", "W425")] == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_invalid_file_gives_its_expected_problems(path: Path) -> None:
    want = expected(path)
    problems = list(validate_paths([path]).problems)
    assert _compared(problems, path, want) == want
    for problem in problems:
        assert problem.message and problem.column >= 1 and problem.line >= 1
        assert problem.code in CODES


def _report_problems(case: Path) -> tuple[Path, list[Problem]]:
    from cchc_cli.cli.period_options import parse_period
    from cchc_cli.report.run import Request, prepare

    (progress,) = sorted(case.glob("progress/*/*.yaml"))[-1:]
    head = progress.read_text(encoding="utf-8").splitlines()[:5]
    (period,) = [line.removeprefix("# report: ") for line in head if line.startswith("# report: ")]
    option, _, value = period.partition(" ")
    request = Request(
        period=parse_period(
            *(value if option == f"--{o}" else None for o in ("quarter", "half", "annual"))
        ),
        progress_dir=case / "progress",
    )
    try:
        prepare(request, case / "plan.yaml", whole=True)
    except InvalidInputError as exc:
        return progress, exc.problems
    return progress, []


@pytest.mark.parametrize("case", REPORT_CASES, ids=lambda p: p.name)
def test_report_case_gives_its_expected_problems(case: Path) -> None:
    progress, problems = _report_problems(case)
    want = expected(progress)
    assert sorted((p.code, p.line) for p in problems) == want
    assert all(p.code in CODES for p in problems)


# Spreadsheet examples are built by the tests that check them (tests/tthc_exports.py
# makes real exports: title block, merged headers, totals), not kept as binary files.
BUILT_EXAMPLES = (
    *sorted((ROOT / "tests" / "tthc").glob("test_*.py")),
    ROOT / "tests" / "load" / "test_spreadsheet_hostile.py",
)


def test_every_code_has_an_example_or_a_reason() -> None:
    shown = {code for path in INVALID for code, _ in expected(path)}
    for test in BUILT_EXAMPLES:
        shown |= set(re.findall(r'"([EW]5\d\d)"', test.read_text(encoding="utf-8")))
    for case in REPORT_CASES:
        shown |= {code for code, _ in expected(sorted(case.glob("progress/*/*.yaml"))[-1])}
    assert set(CODES) - shown - set(UNREACHABLE) == set()
    assert set(UNREACHABLE) <= set(CODES)
    assert not (set(UNREACHABLE) & shown), "an unreachable code has an example after all"


def test_shipped_plans_exist_and_carry_the_schema_line() -> None:
    shipped = sorted(PLANS.glob("*.yaml"))
    assert {p.name for p in shipped} >= {
        "phu-lien-2024.yaml",
        "hai-phong-2021-2025.yaml",
        "vinh-phuc-2021-2025.yaml",
        "hai-phong-2018.yaml",
    }
    for path in shipped:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/cchc-plan.schema.json"
