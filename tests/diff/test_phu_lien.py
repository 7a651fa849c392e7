"""`cchc diff` on the shipped plans: Phù Liễn 2024 → its 2025 version, Hải Phòng 2018 → 2021-2025."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_cli.diff.compare import diff_plans
from cchc_cli.diff.sources import load_file
from tests.diff_signature import signature
from tests.helpers import FIXTURES, PLANS, ROOT, run_cli

PHU_LIEN_2024 = PLANS / "phu-lien-2024.yaml"
PHU_LIEN_2025 = FIXTURES / "diff" / "phu-lien-2025.yaml"
HAI_PHONG_2018 = PLANS / "hai-phong-2018.yaml"
HAI_PHONG_2021 = PLANS / "hai-phong-2021-2025.yaml"


def _expected(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(line for line in lines if line and not line.startswith("#"))


def test_phu_lien_2025_gives_exactly_the_changes_it_was_written_with() -> None:
    diff = diff_plans(load_file(PHU_LIEN_2024).plan, load_file(PHU_LIEN_2025).plan)
    assert signature(diff) == _expected(FIXTURES / "diff" / "phu-lien-2025.expected.txt")


def test_phu_lien_2025_is_a_valid_plan() -> None:
    result = run_cli("validate", PHU_LIEN_2025)
    assert result.exit_code == 0 and "0 lỗi, 0 cảnh báo" in result.stdout


def test_phu_lien_json_counts_per_area() -> None:
    result = run_cli("diff", "-f", "json", "--exit-code", PHU_LIEN_2024, PHU_LIEN_2025)
    assert result.exit_code == 1
    (pair,) = json.loads(result.stdout)["comparisons"]
    totals = {row["area"]: row["total"] for row in pair["summary"]["areas"]}
    # The key target edited from 95% to 97% is one change, not a removal and an addition.
    assert totals == {
        "chung": 8,
        "chi-dao": 1,
        "the-che": 1,
        "tthc": 5,
        "to-chuc-bo-may": 2,
        "cong-vu": 0,
        "tai-chinh-cong": 0,
        "chinh-quyen-so": 1,
    }
    assert pair["summary"]["tasks"] == {
        "added": 2,
        "removed": 1,
        "changed": 5,
        "reworded": 3,
        "moved": 1,
        "rewritten": 0,
        "renumbered": 1,
        "id_reused": 0,
    }
    renumbered = next(t for t in pair["tasks"] if t["new_id"] == "TTHC-08")
    assert renumbered["old_id"] == "TTHC-01" and renumbered["matched_by"] == "similarity"
    assert {"op": "+", "text": " trực tuyến toàn trình"} in renumbered["words"]


def test_hai_phong_2018_compares_in_nq76_areas() -> None:
    old, new = load_file(HAI_PHONG_2018).plan, load_file(HAI_PHONG_2021).plan
    diff = diff_plans(old, new)
    areas = {item.area for item in (*diff.tasks, *diff.indicators)}
    assert areas and not areas & {"can-bo", "hien-dai-hoa"}
    modern = [i.id for i in (*old.tasks, *old.indicators) if i.area == "hien-dai-hoa"]
    assert modern, "the 2018 plan has items under hiện đại hóa hành chính"
    for item_id in modern:
        (change,) = [c for c in (*diff.tasks, *diff.indicators) if c.old_id == item_id]
        assert change.old_area == "chinh-quyen-so"
    # Both plans have a TTHC-01 about different things: not paired as one reworded task.
    assert not [c for c in diff.tasks if c.old_id == "TTHC-01" and c.new_id == "TTHC-01"]
    assert {f.key for f in diff.general} >= {"programme", "years", "issued.number"}


def test_every_shipped_plan_compared_with_itself_is_unchanged() -> None:
    for plan in sorted(PLANS.glob("*.yaml")):
        assert run_cli("diff", "--exit-code", plan, plan).exit_code == 0, plan


def test_the_documented_examples_are_the_current_output() -> None:
    # docs/diff.md, or README.md once the section is merged there.
    sources = [ROOT / "docs" / "diff.md", ROOT / "README.md"]
    docs = "".join(p.read_text(encoding="utf-8") for p in sources if p.exists())
    for fmt in ("text", "markdown"):
        result = run_cli("diff", "-f", fmt, PHU_LIEN_2024, PHU_LIEN_2025, env={"COLUMNS": "80"})
        assert result.stdout.rstrip("\n") in docs, f"the cchc diff docs show an old {fmt} example"
