"""The ranking of a block's units (phường apart from xã and đặc khu, as Hải Phòng ranks
them): first the share of the plan's tasks completed (hoàn thành / tổng số nhiệm vụ, as
the unit's report counts them); on a tie, the share of dossiers resolved early or on
time (shared code tthc-dung-han); then the satisfaction rate (hai-long). Each rate is
recomputed exactly (as a fraction) from the unit's counts. A unit without one of these
comes after those with it; units equal on all three share a rank (1, 2, 2, 4)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from cchc_cli.province.lines import UnitLine

# The codes that break ties in a ranking, after the share of tasks completed, and how a
# report names them next to a unit.
TIE_BREAKERS = {"tthc-dung-han": "hồ sơ đúng hạn", "hai-long": "hài lòng"}
# How many units a report names as the best and the worst of a block.
NAMED = 3
CRITERION = (
    "tỷ lệ nhiệm vụ hoàn thành trên tổng số nhiệm vụ của kế hoạch đơn vị; bằng nhau thì "
    "xét tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn, rồi mức độ hài lòng; đơn vị không "
    "có chỉ số đó xếp sau; vẫn bằng nhau thì đồng hạng"
)


@dataclass(frozen=True)
class Ranked:
    """A unit's place in its block."""

    rank: int
    line: UnitLine
    key: tuple[Fraction, ...]


def named(size: int) -> int:
    """How many units of a block of ``size`` a report names as its best, and as its worst:
    never the same unit as both."""
    return min(NAMED, size // 2) if size > 1 else size


def ratio(line: UnitLine, code: str) -> Fraction | None:
    """A unit's rate for a shared code, exactly, from its counts (None without one)."""
    figures = line.digest.figures
    result = figures.shared_result(code) if figures is not None else None
    if result is None or result.numerator is None or not result.denominator:
        return None
    return Fraction(result.numerator) / Fraction(result.denominator)


def rank_key(line: UnitLine) -> tuple[Fraction, ...]:
    """The ranking criterion as a sortable value, higher first (see the module's doc);
    a missing figure sorts below every real one (-1)."""
    tasks = line.tasks
    done = Fraction(tasks.done, tasks.total) if tasks.total else Fraction(-1)
    rest = [ratio(line, code) for code in TIE_BREAKERS]
    return (done, *(r if r is not None else Fraction(-1) for r in rest))


def collation(text: str) -> tuple[str, str]:
    """A sort key close to Vietnamese alphabetical order: letters without their marks
    first (đ as d), then the text itself."""
    folded = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)), text


def rank(lines: Iterable[UnitLine]) -> tuple[Ranked, ...]:
    """Units ranked by ``rank_key``; equal keys share a rank (1, 2, 2, 4)."""
    keyed = sorted(
        ((rank_key(line), line) for line in lines),
        key=lambda pair: (tuple(-k for k in pair[0]), collation(pair[1].digest.unit)),
    )
    ranked: list[Ranked] = []
    for position, (key, line) in enumerate(keyed, start=1):
        same = bool(ranked) and ranked[-1].key == key
        ranked.append(Ranked(ranked[-1].rank if same else position, line, key))
    return tuple(ranked)
