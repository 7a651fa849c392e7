"""The general part of a plan diff: edited lines paired with their words, fields with theirs."""

from __future__ import annotations

from typing import Any

import yaml

from cchc_cli.diff.changes import LineChange, Status
from cchc_cli.diff.compare import diff_plans
from cchc_cli.diff.edits import EditKind
from cchc_cli.model.plan import Plan
from tests.helpers import PLANS

BASE = yaml.safe_load((PLANS / "phu-lien-2024.yaml").read_text(encoding="utf-8"))


def _plan(**changes: Any) -> Plan:
    data = yaml.safe_load(yaml.safe_dump(BASE, allow_unicode=True))
    for key, value in changes.items():
        if key == "recipients":
            data["reporting"]["recipients"] = value
        else:
            data[key] = value
    return Plan.model_validate(data)


def _lines(**changes: Any) -> list[LineChange]:
    return list(diff_plans(_plan(), _plan(**changes)).lines)


def _edited(lines: list[str], index: int, old: str, new: str) -> list[str]:
    edited = list(lines)
    assert old in edited[index]
    edited[index] = edited[index].replace(old, new)
    return edited


def test_a_key_target_edited_is_one_change_with_its_numbers() -> None:
    targets = _edited(BASE["targets"], 4, "trên 95%", "trên 97%")
    targets = _edited(targets, 4, "đạt 90%", "đạt 95%")
    (line,) = _lines(targets=targets)
    assert line.status is Status.CHANGED and line.section == "targets"
    assert [(e.kind, e.old, e.new) for e in line.edits] == [
        (EditKind.NUMBER, "95%", "97%"),
        (EditKind.NUMBER, "90%", "95%"),
    ]
    assert line.old_text == BASE["targets"][4] and line.new_text == line.text == targets[4]


def test_a_slipped_diacritic_and_a_spelling_variant_are_named() -> None:
    targets = _edited(BASE["targets"], 3, "Công Dịch vụ", "Cổng Dịch vụ")
    bases = _edited(BASE["legal_bases"], 2, "Ủy ban", "Uỷ ban")
    found = {
        (line.section, e.kind, e.old, e.new)
        for line in _lines(targets=targets, legal_bases=bases)
        for e in line.edits
    }
    assert found == {
        ("targets", EditKind.TYPO, "Công", "Cổng"),
        ("legal_bases", EditKind.VARIANT, "Ủy", "Uỷ"),
    }


def test_a_legal_basis_with_another_number_is_another_document() -> None:
    bases = _edited(
        BASE["legal_bases"], 2, "216/KH-UBND ngày 23/9/2021", "30/KH-UBND ngày 15/01/2025"
    )
    lines = _lines(legal_bases=bases)
    assert sorted(line.status.value for line in lines) == ["added", "removed"]
    dated = _edited(BASE["legal_bases"], 2, "ngày 23/9/2021", "ngày 23/09/2021")
    (line,) = _lines(legal_bases=dated)
    assert line.status is Status.CHANGED
    assert [(e.kind, e.old, e.new) for e in line.edits] == [
        (EditKind.NUMBER, "23/9/2021", "23/09/2021")
    ]


def test_another_recipient_is_not_an_edited_one() -> None:
    lines = _lines(recipients=["Ủy ban nhân dân thành phố Hải Phòng (qua Sở Nội vụ)"])
    assert sorted(line.status.value for line in lines) == ["added", "removed"]
    (line,) = _lines(recipients=["Uỷ ban nhân dân quận Kiến An (qua Phòng Nội vụ)"])
    assert line.status is Status.CHANGED


def test_a_year_in_the_reporting_rule_is_a_number_in_the_field() -> None:
    reporting = dict(BASE["reporting"])
    reporting["source"] = reporting["source"].replace("05/12/2024", "05/12/2025")
    new = _plan(reporting=reporting)
    (field,) = diff_plans(_plan(), new).general
    assert field.key == "reporting.source"
    assert [(e.kind, e.old, e.new) for e in field.edits] == [
        (EditKind.NUMBER, "05/12/2024", "05/12/2025")
    ]


def test_lines_the_other_way_are_the_reversed_lines() -> None:
    targets = _edited(BASE["targets"], 4, "trên 95%", "trên 97%")
    forward = diff_plans(_plan(), _plan(targets=targets))
    backward = diff_plans(_plan(targets=targets), _plan())
    (line,) = backward.lines
    assert line == forward.reversed().lines[0]
    assert (line.old_text, line.text) == (targets[4], BASE["targets"][4])
