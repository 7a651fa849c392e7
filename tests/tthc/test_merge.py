"""Imported counts written into a quarter's progress file: only the values concerned change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cchc_cli.load.shape import load_model
from cchc_cli.load.yaml import load_text
from cchc_cli.model.plan import Plan
from cchc_cli.model.progress import Progress, Quarter
from cchc_cli.problems import ProblemList
from cchc_cli.progress_new import progress_text
from cchc_cli.tthc.feeds import Figures
from cchc_cli.tthc.importer import import_tthc
from cchc_cli.tthc.merge import Change, merge_figures
from tests import tthc_exports as tx
from tests.helpers import FIXTURES, ROOT

SAMPLE_Q1 = ROOT / "progress" / "phu-lien-2024" / "2024-Q1.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_model(FIXTURES / "tthc" / "phu-lien-2024.yaml", Plan)
    assert loaded.model is not None
    return loaded.model


@pytest.fixture(scope="module")
def figures(plan: Plan) -> Figures:
    result = import_tthc(tx.build_xlsx(), "bieu06.xlsx", plan, Quarter(2024, 1))
    assert result.figures is not None
    return result.figures


def data(text: str) -> Any:
    document = load_text(text, ProblemList("x"))
    assert document is not None
    return document.data


def counts_of(text: str, indicator: str) -> dict[str, Any]:
    entry = next(i for i in data(text)["indicators"] if i["id"] == indicator)
    return dict(entry.get("counts") or {})


HEAD = 'plan: "../../plans/phu-lien-2024.yaml"\nquarter: 2024-Q1\n'


def test_a_fresh_file_gets_its_empty_counts_filled(plan: Plan, figures: Figures) -> None:
    text = progress_text(
        plan,
        FIXTURES / "tthc" / "phu-lien-2024.yaml",
        Path("progress/x/2024-Q1.yaml"),
        Quarter(2024, 1),
        None,
    )
    result = merge_figures(text, figures, path="2024-Q1.yaml")
    assert result.ok and result.problems == ()
    assert counts_of(result.text, "TTHC-DUNG-HAN") == {
        "received": 1286,
        "carried_over": None,  # not mapped to a column in this plan: left for the clerk
        "resolved": 1264,
        "early": 402,
        "on_time": 850,
        "late": 12,
    }
    assert counts_of(result.text, "TTHC-THEO-DOI") == {
        "received": 1286,
        "tracked": None,
        "carried_over": None,
    }
    assert Change("TTHC-DUNG-HAN", "late", None, 12) in result.changes
    assert len(result.changes) == 6
    # Only those values changed: every other line, comments included, is as it was.
    before, after = text.splitlines(), result.text.splitlines()
    assert len(before) == len(after)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert len(changed) == 6
    assert (
        "      received: ~  # Số hồ sơ tiếp nhận",
        "      received: 1286  # Số hồ sơ tiếp nhận",
    ) in changed
    Progress.model_validate(data(result.text))


def test_values_typed_equal_are_no_change(figures: Figures) -> None:
    text = SAMPLE_Q1.read_text(encoding="utf-8")
    result = merge_figures(text, figures, path="2024-Q1.yaml")
    assert result.ok and result.changes == () and result.text == text


def test_a_typed_value_is_never_overwritten_without_force(figures: Figures) -> None:
    text = HEAD + (
        "indicators:\n"
        "  - id: TTHC-DUNG-HAN\n"
        "    counts: {received: 1280, resolved: ~, early: 402, on_time: 850, late: 12}  # quý I\n"
    )
    result = merge_figures(text, figures, path="2024-Q1.yaml")
    assert not result.ok
    [conflict] = result.conflicts
    assert conflict.code == "E541"
    assert (conflict.path, conflict.line, conflict.column) == ("2024-Q1.yaml", 5, 24)
    assert conflict.message == (
        "Chỉ số TTHC-DUNG-HAN, số liệu 'received': tệp tiến độ ghi 1.280, tệp thống kê ghi "
        "1.286 (dòng 'Tổng cộng', ô C17)."
    )
    assert "received: 1280" in result.text  # the clerk's figure stays
    forced = merge_figures(text, figures, path="2024-Q1.yaml", force=True)
    assert forced.ok
    assert Change("TTHC-DUNG-HAN", "received", 1280, 1286) in forced.changes
    assert (
        "counts: {received: 1286, resolved: 1264, early: 402, on_time: 850, late: 12}  # quý I"
        in forced.text
    )


def test_missing_counts_are_inserted_in_the_plans_order(figures: Figures) -> None:
    text = HEAD + (
        "indicators:\n"
        "  - id: TTHC-DUNG-HAN\n"
        "    counts: {received: 1286, late: 12}\n"
        "  - id: TTHC-THEO-DOI  # theo dõi\n"
        "    counts:\n"
        "      tracked: 1286  # đủ\n"
    )
    result = merge_figures(text, figures, path="q.yaml")
    assert result.ok
    assert (
        "    counts: {received: 1286, resolved: 1264, early: 402, on_time: 850, late: 12}\n"
        in result.text
    )
    assert "    counts:\n      received: 1286\n      tracked: 1286  # đủ\n" in result.text


def test_block_counts_get_keys_between_their_neighbours(figures: Figures) -> None:
    text = HEAD + (
        "indicators:\n"
        "  - id: TTHC-DUNG-HAN\n"
        "    counts:\n"
        "      received: ~   # tiếp nhận\n"
        "      late:\n"
    )
    result = merge_figures(text, figures, path="q.yaml")
    assert result.text.endswith(
        "      received: 1286   # tiếp nhận\n"
        "      resolved: 1264\n"
        "      early: 402\n"
        "      on_time: 850\n"
        "      late: 12\n"
    )


def test_missing_entries_and_blocks_are_created(figures: Figures) -> None:
    text = HEAD + (
        "indicators:\n"
        "  - id: NV-KE-HOACH\n"
        "    counts: {total: 28, done: 3}\n"
        "  - id: TTHC-DUNG-HAN\n"
        "    note: Số liệu từ Hệ thống một cửa\n"
        "  - id: TTHC-HAI-LONG\n"
        "    counts: ~\n"
    )
    result = merge_figures(text, figures, path="q.yaml")
    assert result.ok
    assert result.text == HEAD + (
        "indicators:\n"
        "  - id: NV-KE-HOACH\n"
        "    counts: {total: 28, done: 3}\n"
        "  - id: TTHC-THEO-DOI\n"
        "    counts:\n"
        "      received: 1286\n"
        "  - id: TTHC-DUNG-HAN\n"
        "    counts:\n"
        "      received: 1286\n"
        "      resolved: 1264\n"
        "      early: 402\n"
        "      on_time: 850\n"
        "      late: 12\n"
        "    note: Số liệu từ Hệ thống một cửa\n"
        "  - id: TTHC-HAI-LONG\n"
        "    counts: ~\n"
    )


def test_indicators_key_is_created_before_the_narrative(figures: Figures) -> None:
    text = HEAD + "tasks: []\nnarrative:\n  direction: []\n"
    result = merge_figures(text, figures, path="q.yaml")
    assert result.text.startswith(HEAD + "tasks: []\nindicators:\n  - id: TTHC-THEO-DOI\n")
    assert result.text.endswith("narrative:\n  direction: []\n")
    for text in (HEAD + "indicators: []  # chưa có\n", HEAD + "indicators:\n"):
        made = merge_figures(text, figures, path="q.yaml")
        assert counts_of(made.text, "TTHC-DUNG-HAN")["late"] == 12
        assert len(made.changes) == 6


def test_merging_twice_changes_nothing_more(plan: Plan, figures: Figures) -> None:
    text = progress_text(
        plan,
        FIXTURES / "tthc" / "phu-lien-2024.yaml",
        Path("p/2024-Q1.yaml"),
        Quarter(2024, 1),
        None,
    )
    once = merge_figures(text, figures, path="q.yaml")
    twice = merge_figures(once.text, figures, path="q.yaml")
    assert twice.changes == () and twice.text == once.text


def test_broken_yaml_is_reported_not_edited(figures: Figures) -> None:
    text = HEAD + "indicators:\n  - id: TTHC-DUNG-HAN\n    counts: {received: 1\n"
    result = merge_figures(text, figures, path="q.yaml")
    assert not result.ok and result.text == text
    assert result.problems[0].code.startswith("E1")


def test_structures_it_cannot_edit_are_located(figures: Figures) -> None:
    text = HEAD + "indicators: [{id: TTHC-DUNG-HAN}]\n"
    result = merge_figures(text, figures, path="q.yaml")
    assert [(p.code, p.line) for p in result.problems] == [("E542", 3)]
    assert result.text == text
