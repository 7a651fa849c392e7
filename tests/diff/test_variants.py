"""Variants with ground truth: every intended change found, by kind, and nothing else.

Each folder of tests/fixtures/diff/variants holds new.yaml, truth.yaml and old.yaml (or a
truth.yaml naming the old plan); see tests/diff_truth.py for the kinds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.diff.changes import ItemChange, PlanDiff, Status
from cchc_cli.diff.compare import diff_plans
from cchc_cli.diff.edits import EditKind, Rewording
from cchc_cli.diff.sources import load_file
from tests.diff_signature import without_kept_words
from tests.diff_truth import claims, load_truth, score
from tests.helpers import FIXTURES

VARIANTS = FIXTURES / "diff" / "variants"
FOLDERS = sorted(p for p in VARIANTS.iterdir() if p.is_dir())


def _diff(folder: Path, *, reverse: bool = False) -> PlanDiff:
    old_path, _ = load_truth(folder)
    old = load_file(old_path or folder / "old.yaml").plan
    new = load_file(folder / "new.yaml").plan
    return diff_plans(new, old) if reverse else diff_plans(old, new)


def _task(diff: PlanDiff, old_id: str | None, new_id: str | None) -> ItemChange:
    (found,) = [t for t in diff.tasks if (t.old_id, t.new_id) == (old_id, new_id)]
    return found


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_every_intended_change_is_found_and_nothing_else(folder: Path) -> None:
    _, truth = load_truth(folder)
    result = score(_diff(folder), truth)
    missed = "\n".join(f"  missed: {c} {c.text}" for c in result.missed)
    wrong = "\n".join(f"  not intended: {c}" for c in result.wrong)
    assert not (result.missed or result.wrong), f"{result}\n{missed}\n{wrong}"


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_the_reversed_comparison_is_the_mirror(folder: Path) -> None:
    forward, backward = _diff(folder), _diff(folder, reverse=True)
    assert without_kept_words(backward) == without_kept_words(forward.reversed())


def test_every_kind_of_change_has_a_variant() -> None:
    kinds = {kind for folder in FOLDERS for claim in load_truth(folder)[1] for kind in claim.kinds}
    assert kinds >= {
        "added", "removed", "changed", "moved", "renumbered", "id-reused", "minor", "rewritten",
        "number", "typo", "variant", "case", "punctuation", "words", "value",
        "lead", "partners", "due", "output", "target", "target:nâng", "target:đổi",
    }  # fmt: skip


def test_the_realistic_variant_has_every_kind_and_scores_fully() -> None:
    folder = VARIANTS / "year-over-year"
    _, truth = load_truth(folder)
    result = score(_diff(folder), truth)
    assert len(truth) >= 50
    assert str(result).startswith(f"found {len(truth)} of {len(truth)} intended changes")
    assert result.claimed == len(truth) == result.right


def test_a_move_says_both_areas_and_both_ids() -> None:
    moved = _task(_diff(VARIANTS / "moved"), "CQS-02", "TTHC-03")
    assert (moved.old_area, moved.new_area) == ("chinh-quyen-so", "tthc")
    assert moved.moved and moved.renamed and moved.matched_by == "similarity"
    assert moved.rewording is Rewording.MINOR and moved.similarity is not None
    assert [(e.kind, e.old, e.new) for e in moved.edits] == [
        (EditKind.WORDS, "Tiếp tục duy", "Duy")
    ]


def test_an_id_given_to_another_task_is_a_removal_and_an_addition_both_saying_so() -> None:
    diff = _diff(VARIANTS / "id-reused")
    removed, added = _task(diff, "BM-01", None), _task(diff, None, "BM-01")
    assert removed.status is Status.REMOVED and added.status is Status.ADDED
    assert removed.old_id_reuse == added.new_id_reuse
    reuse = removed.old_id_reuse
    assert reuse is not None and reuse.id == "BM-01"
    assert (reuse.old_item_became, reuse.new_item_was) == (None, None)


def test_a_renumbering_keeps_both_ids_where_the_old_id_names_another_task() -> None:
    diff = _diff(VARIANTS / "renumbered-reused")
    renumbered, added = _task(diff, "TTHC-01", "TTHC-05"), _task(diff, None, "TTHC-01")
    reuse = renumbered.old_id_reuse
    assert reuse is not None and reuse == added.new_id_reuse
    # The old TTHC-01 is now TTHC-05; the new TTHC-01 was not in the old plan.
    assert (reuse.old_item_became, reuse.new_item_was) == ("TTHC-05", None)
    swapped = _diff(VARIANTS / "renumbered")
    one = _task(swapped, "TCC-01", "TCC-02")
    assert one.old_id_reuse is not None and one.new_id_reuse is not None
    assert (one.old_id_reuse.old_item_became, one.old_id_reuse.new_item_was) == ("TCC-02", "TCC-02")
    bare = _task(swapped, "CD-02", "CD-05")
    assert bare.renamed and not bare.words and not bare.fields and not bare.id_reused


def test_a_rewritten_task_is_flagged_for_both_versions_in_full() -> None:
    rewritten = _task(_diff(VARIANTS / "rewritten"), "TTHC-02", "TTHC-02")
    assert rewritten.rewritten and rewritten.matched_by == "id"
    assert rewritten.similarity is not None and 0.35 <= rewritten.similarity < 0.6


def test_spelling_case_and_punctuation_are_not_rewordings() -> None:
    diff = _diff(VARIANTS / "spelling")
    kinds = {t.old_id: {e.kind for e in t.edits} for t in diff.tasks}
    assert kinds == {
        "CD-02": {EditKind.VARIANT},
        "CQS-01": {EditKind.VARIANT},
        "BM-02": {EditKind.CASE},
        "TC-01": {EditKind.PUNCTUATION},
    }
    assert all(t.rewording is Rewording.NONE for t in diff.tasks)


def test_counts_count_each_changed_item_once() -> None:
    diff = _diff(VARIANTS / "year-over-year")
    _, truth = load_truth(VARIANTS / "year-over-year")
    assert diff.change_count == len(claims(diff)) == len(truth)


def test_reformatting_is_no_change() -> None:
    assert _diff(VARIANTS / "reformatted").empty
