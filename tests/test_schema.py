"""The exported JSON Schema agrees with the model: editors flag what cchc flags."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from cchc_cli.load.yaml import load_bytes
from cchc_cli.problems import ProblemList
from cchc_cli.schema import plan_schema
from tests.helpers import FIXTURES, PLANS, ROOT

VALID = sorted((FIXTURES / "plans" / "valid").glob("*.yaml")) + sorted(PLANS.glob("*.yaml"))


def data_of(path: Path) -> Any:
    document = load_bytes(path.read_bytes(), ProblemList(path.name))
    assert document is not None
    return document.data


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = plan_schema()
    Draft202012Validator.check_schema(schema)
    # Formats checked, as check-jsonschema and editors do ("format" is only a note by default).
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_plans_satisfy_the_schema(validator: Draft202012Validator, path: Path) -> None:
    errors = [e.message for e in validator.iter_errors(data_of(path))]
    assert errors == []


@pytest.mark.parametrize(
    "name", ["unknown-key-typo", "bad-enum-programme", "unit-kind-typo", "missing-required"]
)
def test_schema_flags_shape_errors(validator: Draft202012Validator, name: str) -> None:
    data = data_of(FIXTURES / "plans" / "invalid" / f"{name}.yaml")
    assert list(validator.iter_errors(data))


def test_shipped_schema_is_valid_json_schema() -> None:
    shipped = json.loads((ROOT / "schema" / "cchc-plan.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(shipped)


def test_every_spelling_cchc_reads_passes_the_schema(validator: Draft202012Validator) -> None:
    data = data_of(PLANS / "phu-lien-2024.yaml")
    data["issued"]["date"] = "24/01/2024"
    data["tasks"][0]["due"] = "Thường xuyên"
    data["tasks"][1]["due"] = "2024-q4"
    assert [e.message for e in validator.iter_errors(data)] == []
    data["issued"]["date"] = "2024-02-30"
    assert list(validator.iter_errors(data))


def test_every_definition_is_titled_in_vietnamese() -> None:
    # Class docstrings are English: a definition without its own entry would show one to
    # the clerk in the editor and in docs/*-fields.md.
    from cchc_cli.schema import progress_schema

    for schema in (plan_schema(), progress_schema()):
        for name, definition in schema["$defs"].items():
            description = definition.get("description", "")
            assert definition.get("title") != name, f"{name} has no Vietnamese title"
            assert not any(word in description.split() for word in ("The", "A", "One", "of")), (
                f"{name}: {description}"
            )
