"""Generate a province of SAMPLE units, for trying `cchc status` and `cchc rollup`.

Each unit is a copy of the shipped Phù Liễn plan under an invented name ("Phường Mẫu
001", "Xã Mẫu 002", …, never a real unit's) with the year of sample progress in
tests/fixtures/year-2024, varied: its TTHC figures scaled, some tasks behind (no status
yet) or not finished, some quarters not filed yet, a few units with an error in their
plan, a few of another year or of the older programme (NQ 30c). Most units carry the
one-stop statistics table by field (Biểu 06, as `cchc progress import` writes it), made
to agree with their TTHC figures. Each quarter file is dated (its modification time) a
few days before the report it closes is due, or after it for the units filed late.
Every file says it is sample data (`sample: true`, a "DỮ LIỆU MẪU" header).

Usage: .venv/bin/python scripts/sample-province.py OUTDIR [--units 114] [--seed 1]
Writes OUTDIR/plans/<unit>.yaml and OUTDIR/progress/<unit>/2024-Qn.yaml.
"""

from __future__ import annotations

import argparse
import copy
import functools
import os
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
    undone: int = 0  # tasks finished in quý IV in the source, left "đang thực hiện"
    late: bool = False  # its last quarter file dated after the report's send date
    tthc: bool = False  # its quarter files carry the statistics table by field
    other_programme: bool = False  # a plan of NQ 30c's areas


# The fields (lĩnh vực) of a sample statistics table, and their shares of the dossiers.
FIELDS = (
    ("Hộ tịch", 0.34),
    ("Chứng thực", 0.28),
    ("Đất đai", 0.12),
    ("Xây dựng", 0.06),
    ("Bảo trợ xã hội", 0.1),
    ("Người có công", 0.04),
    ("Lao động, việc làm", 0.06),
)
# The report each quarter's file closes is sent before these days (the shipped plan's).
SEND_BEFORE = {1: (3, 5), 2: (6, 5), 3: (9, 5), 4: (12, 5)}
# NQ 76 areas of the shipped plan and the NQ 30c areas that stand for them.
OLD_AREAS = {"cong-vu": "can-bo", "chinh-quyen-so": "hien-dai-hoa"}


def _kinds(count: int) -> list[str]:
    total = sum(n for _, n in KINDS)
    kinds: list[str] = []
    for kind, share in KINDS:
        kinds += [kind] * max(1, round(count * share / total))
    return (kinds * (count // len(kinds) + 1))[:count] if len(kinds) < count else kinds[:count]


def _slug(kind: str, number: int) -> str:
    plain = {"phường": "phuong", "xã": "xa", "đặc khu": "dac-khu"}[kind]
    return f"{plain}-mau-{number:04d}"


def _plan_text(kind: str, name: str, year: int, broken: bool, old: bool = False) -> str:
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace("Phù Liễn", name)
    text = re.sub(r'(\n  kind: )"?phường"?', rf'\1"{kind}"', text, count=1)
    if year != 2024:
        text = text.replace("2024", str(year))
    if broken:
        text = text.replace("lead: vp-tk", "lead: vp-tkk", 1)  # E303 at its line
    if old:
        text = text.replace("programme: nq76", "programme: nq30c", 1)
        for new, older in OLD_AREAS.items():
            text = text.replace(f"area: {new}\n", f"area: {older}\n")
    return HEADER + text


def _scale_counts(
    indicators: list[dict[str, object]], factor: float, carried: int | None = None
) -> int | None:
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
        if isinstance(counts.get("carried_over"), int) and isinstance(counts.get("received"), int):
            counts["carried_over"] = min(
                int(counts["carried_over"] * factor), int(counts["received"])
            )
        if all(isinstance(counts.get(k), int) for k in ("early", "on_time", "late", "resolved")):
            # Biểu 06: đã giải quyết = trước hạn + đúng hạn + quá hạn, in the unit's figures too.
            counts["resolved"] = int(counts["early"]) + int(counts["on_time"]) + int(counts["late"])
            counts["received"] = max(int(counts["received"]), int(counts["resolved"]))
    pending = None
    for entry in indicators:
        counts = entry.get("counts")
        if entry.get("id") != "TTHC-DUNG-HAN" or not isinstance(counts, dict):
            continue
        if carried is not None:
            # What was pending at the end of the quarter before is carried over into this one.
            new = int(counts["received"]) - int(counts["carried_over"])
            counts["carried_over"] = carried
            counts["received"] = max(new + carried, int(counts["resolved"]))
        pending = int(counts["received"]) - int(counts["resolved"])
    received = {
        str(e.get("id")): e["counts"].get("received")
        for e in indicators
        if isinstance(e.get("counts"), dict)
    }
    for entry in indicators:
        counts = entry.get("counts")
        if entry.get("id") == "TTHC-THEO-DOI" and isinstance(counts, dict):
            # One count of dossiers received for both indicators, as the one-stop system has.
            total = received.get("TTHC-DUNG-HAN")
            if isinstance(total, int):
                counts["received"] = total
                counts["tracked"] = min(int(counts.get("tracked") or 0), total) or total
                counts["carried_over"] = min(int(counts.get("carried_over") or 0), total)
    return pending


def _split(total: int, shares: list[float]) -> list[int]:
    """``total`` in whole parts by ``shares``, the rounding left to the largest part."""
    parts = [int(total * share) for share in shares]
    parts[shares.index(max(shares))] += total - sum(parts)
    return parts


def _tthc_table(indicators: list[dict[str, Any]], quarter: int, year: int) -> dict[str, Any] | None:
    """The Biểu 06 table by field that agrees with the quarter's TTHC-DUNG-HAN figures."""
    entry = next((e for e in indicators if e.get("id") == "TTHC-DUNG-HAN"), None)
    counts = entry.get("counts") if entry else None
    if not isinstance(counts, dict):
        return None
    received, carried = int(counts["received"]), int(counts["carried_over"])
    early, on_time, late = int(counts["early"]), int(counts["on_time"]), int(counts["late"])
    pending = received - early - on_time - late
    if pending < 0 or carried > received:
        return None
    shares = [share for _, share in FIELDS]
    outcomes = [_split(n, shares) for n in (early, on_time, late, pending)]
    got = [sum(parts) for parts in zip(*outcomes, strict=True)]
    carried_parts = _split(
        carried, [g / received if received else s for g, s in zip(got, shares, strict=True)]
    )
    rows = []
    for index, (name, _) in enumerate(FIELDS):
        e, o, lt, p = (parts[index] for parts in outcomes)
        total = e + o + lt + p
        k = min(carried_parts[index], total)
        online = round((total - k) * 0.55)
        direct = total - k - online
        rows.append(
            {"name": name, "counts": [total, online, direct, k, e + o + lt, e, o, lt, p, p, 0]}
        )
    totals = [sum(row["counts"][i] for row in rows) for i in range(11)]
    start, end = _quarter_dates(year, quarter)
    return {
        "source": f"bieu-06-{year}-quy-{quarter}.xlsx",
        "sheet": "Biểu 06",
        "period_start": start,
        "period_end": end,
        "columns": [{"key": key, "title": title} for key, title in COLUMNS],
        "fields": rows,
        "totals": totals,
    }


COLUMNS = (
    ("tiep-nhan", "Số hồ sơ nhận giải quyết / Tổng số"),
    ("truc-tuyen", "Số hồ sơ nhận giải quyết / Trực tuyến"),
    ("truc-tiep", "Số hồ sơ nhận giải quyết / Trực tiếp, dịch vụ bưu chính"),
    ("ky-truoc", "Số hồ sơ nhận giải quyết / Từ kỳ trước"),
    ("da-giai-quyet", "Số hồ sơ đã giải quyết / Tổng số"),
    ("truoc-han", "Số hồ sơ đã giải quyết / Trước hạn"),
    ("dung-han", "Số hồ sơ đã giải quyết / Đúng hạn"),
    ("qua-han", "Số hồ sơ đã giải quyết / Quá hạn"),
    ("dang-giai-quyet", "Số hồ sơ đang giải quyết / Tổng số"),
    ("trong-han", "Số hồ sơ đang giải quyết / Trong hạn"),
    ("dang-qua-han", "Số hồ sơ đang giải quyết / Quá hạn"),
)


def _quarter_dates(year: int, quarter: int) -> tuple[date, date]:
    # Nghị định 09/2019 windows, as the shipped plan uses them.
    ends = {1: (3, 14), 2: (6, 14), 3: (9, 14), 4: (12, 14)}
    month, day = ends[quarter]
    end = date(year, month, day)
    if quarter == 1:
        return date(year - 1, 12, 15), end
    before = ends[quarter - 1]
    return date(year, before[0], before[1]) + timedelta(days=1), end


@functools.cache
def _quarter_data(quarter: int) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (YEAR / f"2024-Q{quarter}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


@dataclass(frozen=True)
class Variation:
    """How one unit's progress differs from the source year's."""

    behind: int = 0
    factor: float = 1.0
    undone: int = 0
    tthc: bool = False
    old: bool = False


def _progress_text(  # noqa: PLR0917 - one unit's settings, passed on
    quarter: int,
    name: str,
    slug: str,
    year: int,
    rng: random.Random,
    how: Variation,
    carried: int | None = None,
) -> tuple[str, int | None]:
    """A quarter file's text, and the dossiers it leaves pending for the next quarter."""
    data = copy.deepcopy(_quarter_data(quarter))
    data["plan"] = f"../../plans/{slug}.yaml"
    data["quarter"] = f"{year}-Q{quarter}"
    data["sample"] = True
    pending = _scale_counts(data.get("indicators", []), how.factor, carried)
    open_tasks = [t for t in data.get("tasks", []) if t.get("status") == "đang thực hiện"]
    for task in rng.sample(open_tasks, min(how.behind, len(open_tasks))):
        task["status"] = None  # not filled in yet: the report cannot be made
    if quarter == 4 and how.undone:
        start = _quarter_dates(2024, 4)[0]
        done_now = [
            t
            for t in data.get("tasks", [])
            if t.get("status") == "hoàn thành"
            and isinstance(t.get("completed_on"), date)
            and t["completed_on"] >= start
        ]
        for task in rng.sample(done_now, min(how.undone, len(done_now))):
            task["status"] = "đang thực hiện"  # its result says what was done so far
            task.pop("completed_on", None)
    if how.tthc:
        table = _tthc_table(data.get("indicators", []), quarter, 2024)
        if table is not None:
            data["tthc_table"] = table
    if how.old:
        areas = data.get("narrative", {}).get("areas", {})
        for new, older in OLD_AREAS.items():
            if new in areas:
                areas[older] = areas.pop(new)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    text = text.replace("Phù Liễn", name)
    if year != 2024:
        text = text.replace("2024", str(year))
    return HEADER + text, pending


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
        old = 0.06 <= roll < 0.07
        quarters = 4 if rng.random() < 0.8 else rng.randint(0, 3)
        behind = 0 if rng.random() < 0.75 else rng.randint(1, 4)
        factor = round(rng.uniform(0.3, 2.5), 2)
        undone = rng.choice((0, 0, 0, 1, 1, 2, 3, 5))
        late = rng.random() < 0.08
        tthc = rng.random() < 0.7
        year = 2023 if other_year else 2024
        plans = folder / "plans"
        plans.mkdir(parents=True, exist_ok=True)
        (plans / f"{slug}.yaml").write_text(
            _plan_text(kind, name, year, broken, old), encoding="utf-8", newline="\n"
        )
        progress = folder / "progress" / slug
        how = Variation(behind, factor, undone, tthc, old)
        carried = None
        for quarter in range(1, quarters + 1):
            progress.mkdir(parents=True, exist_ok=True)
            text, carried = _progress_text(quarter, name, slug, year, rng, how, carried)
            path = progress / f"{year}-Q{quarter}.yaml"
            path.write_text(text, encoding="utf-8", newline="\n")
            _date_file(path, year, quarter, rng, late=late and quarter == quarters)
        made.append(
            Unit(
                slug,
                kind,
                name,
                quarters,
                behind,
                broken,
                other_year,
                factor,
                undone,
                late,
                tthc,
                old,
            )
        )
    return made


def _date_file(path: Path, year: int, quarter: int, rng: random.Random, *, late: bool) -> None:
    """Date the file a few days before its report is due, or a few days after (late)."""
    month, day = SEND_BEFORE[quarter]
    due = datetime(year, month, day, 9, 0)
    shift = timedelta(days=rng.randint(1, 10)) if late else -timedelta(days=rng.randint(1, 12))
    stamp = (due + shift).timestamp()
    os.utime(path, (stamp, stamp))


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
