"""Plan pairs with known changes: each folder of tests/fixtures/diff/pairs holds old.yaml,
new.yaml and expected.txt (one line per change, see tests/diff_signature.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.diff.compare import diff_plans
from cchc_cli.diff.sources import load_file
from tests.diff_signature import signature, without_kept_words
from tests.helpers import FIXTURES

PAIRS = sorted(p for p in (FIXTURES / "diff" / "pairs").iterdir() if p.is_dir())


def expected(folder: Path) -> list[str]:
    text = (folder / "expected.txt").read_text(encoding="utf-8")
    return sorted(line for line in text.splitlines() if line and not line.startswith("#"))


@pytest.mark.parametrize("folder", PAIRS, ids=[p.name for p in PAIRS])
def test_pair_gives_exactly_the_expected_changes(folder: Path) -> None:
    old = load_file(folder / "old.yaml").plan
    new = load_file(folder / "new.yaml").plan
    assert signature(diff_plans(old, new)) == expected(folder)


@pytest.mark.parametrize("folder", PAIRS, ids=[p.name for p in PAIRS])
def test_pair_reversed_gives_the_reversed_changes(folder: Path) -> None:
    old = load_file(folder / "old.yaml").plan
    new = load_file(folder / "new.yaml").plan
    backward, forward = diff_plans(new, old), diff_plans(old, new)
    assert without_kept_words(backward) == without_kept_words(forward.reversed())
    assert signature(backward) != signature(forward) or forward.empty
