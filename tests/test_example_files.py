"""Every fixture plan, found automatically: valid ones load clean, invalid ones produce
exactly the problems their `# expect:` line names (code@line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_cli.problems import Severity
from cchc_cli.validation import validate_file
from tests.helpers import FIXTURES, PLANS

VALID = sorted((FIXTURES / "plans" / "valid").glob("*.yaml"))
INVALID = sorted((FIXTURES / "plans" / "invalid").glob("*.yaml"))
SHIPPED = sorted(PLANS.glob("*.yaml"))


def expected(path: Path) -> list[tuple[str, int]]:
    head = path.read_bytes()[:400].decode("utf-8", "replace")
    match = re.search(r"# expect: (.+)", head)
    assert match, f"{path.name} has no '# expect:' line"
    return sorted((code, int(line)) for code, line in re.findall(r"(\w+)@(\d+)", match.group(1)))


@pytest.mark.parametrize("path", VALID + SHIPPED, ids=lambda p: p.name)
def test_valid_files_have_no_errors(path: Path) -> None:
    problems = validate_file(path)
    assert [p for p in problems if p.severity is Severity.ERROR] == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_file_gives_its_expected_problems(path: Path) -> None:
    problems = validate_file(path)
    assert sorted((p.code, p.line) for p in problems) == expected(path)
    for problem in problems:
        assert problem.message and problem.column >= 1
        assert problem.path.endswith(path.name)


def test_every_invalid_fixture_states_an_expectation() -> None:
    assert len(INVALID) >= 25
    for path in INVALID:
        assert expected(path), path.name


def test_shipped_plans_exist_and_carry_the_schema_line() -> None:
    assert {p.name for p in SHIPPED} >= {
        "phu-lien-2024.yaml",
        "hai-phong-2021-2025.yaml",
        "vinh-phuc-2021-2025.yaml",
        "hai-phong-2018.yaml",
    }
    for path in SHIPPED:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/cchc-plan.schema.json"
