"""Generate a province of SAMPLE units, for trying `cchc status` and `cchc rollup`.

Each unit is a copy of the shipped Phù Liễn plan under an invented name ("Phường Mẫu
001", "Xã Mẫu 002", …, never a real unit's) with the year of sample progress in
tests/fixtures/year-2024, varied: its TTHC figures scaled, some tasks behind, some
quarters not filed yet, a few units with an error in their plan, a few of another year.
Every file says it is sample data (`sample: true`, a "DỮ LIỆU MẪU" header).

Usage: .venv/bin/python scripts/sample-province.py OUTDIR [--units 114] [--seed 1]
Writes OUTDIR/plans/<unit>.yaml and OUTDIR/progress/<unit>/2024-Qn.yaml.
"""

from __future__ import annotations

import argparse
import copy
import functools
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "phu-lien-2024.yaml"
YEAR = ROOT / "tests" / "fixtures" / "year-2024" / "progress" / "phu-lien-2024"
# Hải Phòng since 07/2025: 45 phường, 67 xã, 2 đặc khu (domain.md §7), in proportion.
KINDS = (("phường", 45), ("xã", 67), ("đặc khu", 2))
HEADER = (
    "# DỮ LIỆU MẪU do scripts/sample-province.py tạo để thử cchc status và cchc rollup;\n"
    "# đơn vị, số liệu và nội dung là giả định, KHÔNG phải của đơn vị nào có thật.\n"
)


@dataclass(frozen=True)
class Unit:
    """One generated unit and what was done to it, for tests to check against."""

    slug: str
    kind: str
    name: str
    quarters: int  # quarter files written (0–4)
    behind: int  # tasks whose status was taken back to "đang thực hiện" or left empty
    broken: bool  # an error in its plan
    other_year: bool
    scale: float


def _kinds(count: int) -> list[str]:
    total = sum(n for _, n in KINDS)
    kinds: list[str] = []
    for kind, share in KINDS:
        kinds += [kind] * max(1, round(count * share / total))
    return (kinds * (count // len(kinds) + 1))[:count] if len(kinds) < count else kinds[:count]


def _slug(kind: str, number: int) -> str:
    plain = {"phường": "phuong", "xã": "xa", "đặc khu": "dac-khu"}[kind]
    return f"{plain}-mau-{number:04d}"


def _plan_text(kind: str, name: str, year: int, broken: bool) -> str:
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("Phù Liễn", name)
    text = re.sub(r'(\n  kind: )"?phường"?', rf'\1"{kind}"', text, count=1)
    if year != 2024:
        text = text.replace("2024", str(year))
    if broken:
        text = text.replace("lead: vp-tk", "lead: vp-tkk", 1)  # E303 at its line
    return HEADER + text


def _scale_counts(indicators: list[dict[str, object]], factor: float) -> None:
    # The one-stop figures differ from unit to unit; parts never exceed their whole.
    for entry in indicators:
        counts = entry.get("counts")
        if not isinstance(counts, dict) or not str(entry.get("id", "")).startswith("TTHC"):
            continue
        for key in ("early", "on_time", "late", "satisfied", "tracked"):
            if isinstance(counts.get(key), int):
                counts[key] = int(counts[key] * factor)
        for key in ("rated", "received", "resolved"):
            if isinstance(counts.get(key), int):
                counts[key] = int(counts[key] * factor)
        if all(isinstance(counts.get(k), int) for k in ("early", "on_time", "late", "resolved")):
            parts = int(counts["early"]) + int(counts["on_time"]) + int(counts["late"])
            counts["resolved"] = max(int(counts["resolved"]), parts)
        if isinstance(counts.get("received"), int) and isinstance(counts.get("resolved"), int):
            counts["received"] = max(int(counts["received"]), int(counts["resolved"]))
        if isinstance(counts.get("tracked"), int) and isinstance(counts.get("received"), int):
            counts["tracked"] = min(int(counts["tracked"]), int(counts["received"]))
        if isinstance(counts.get("satisfied"), int) and isinstance(counts.get("rated"), int):
            counts["satisfied"] = min(int(counts["satisfied"]), int(counts["rated"]))


@functools.cache
def _quarter_data(quarter: int) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (YEAR / f"2024-Q{quarter}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


def _progress_text(  # noqa: PLR0917 - one unit's settings, passed on
    quarter: int, name: str, slug: str, year: int, rng: random.Random, behind: int, factor: float
) -> str:
    data = copy.deepcopy(_quarter_data(quarter))
    data["plan"] = f"../../plans/{slug}.yaml"
    data["quarter"] = f"{year}-Q{quarter}"
    data["sample"] = True
    _scale_counts(data.get("indicators", []), factor)
    open_tasks = [t for t in data.get("tasks", []) if t.get("status") == "đang thực hiện"]
    for task in rng.sample(open_tasks, min(behind, len(open_tasks))):
        task["status"] = None  # not filled in yet: the report cannot be made
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    text = text.replace("Phù Liễn", name)
    if year != 2024:
        text = text.replace("2024", str(year))
    return HEADER + text


def make_province(folder: Path, units: int = 114, seed: int = 1) -> list[Unit]:
    """Write ``units`` sample units under ``folder``; the same seed gives the same files."""
    rng = random.Random(seed)
    made: list[Unit] = []
    counters = {kind: 0 for kind, _ in KINDS}
    for kind in _kinds(units):
        counters[kind] += 1
        number = sum(counters.values())
        slug = _slug(kind, number)
        name = f"Mẫu {number:03d}"
        roll = rng.random()
        broken = roll < 0.03
        other_year = 0.03 <= roll < 0.06
        quarters = 4 if rng.random() < 0.8 else rng.randint(0, 3)
        behind = 0 if rng.random() < 0.75 else rng.randint(1, 4)
        factor = round(rng.uniform(0.3, 2.5), 2)
        year = 2023 if other_year else 2024
        plans = folder / "plans"
        plans.mkdir(parents=True, exist_ok=True)
        (plans / f"{slug}.yaml").write_text(
            _plan_text(kind, name, year, broken), encoding="utf-8", newline="\n"
        )
        progress = folder / "progress" / slug
        for quarter in range(1, quarters + 1):
            progress.mkdir(parents=True, exist_ok=True)
            text = _progress_text(quarter, name, slug, year, rng, behind, factor)
            (progress / f"{year}-Q{quarter}.yaml").write_text(text, encoding="utf-8", newline="\n")
        made.append(Unit(slug, kind, name, quarters, behind, broken, other_year, factor))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--units", type=int, default=114)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    made = make_province(args.folder, args.units, args.seed)
    kinds = {kind: sum(u.kind == kind for u in made) for kind, _ in KINDS}
    print(
        f"{len(made)} đơn vị mẫu ({', '.join(f'{n} {k}' for k, n in kinds.items())}) "
        f"trong {args.folder}: DỮ LIỆU MẪU, không phải đơn vị có thật."
    )


if __name__ == "__main__":
    main()
