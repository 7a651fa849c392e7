"""Indicator targets as a reader sees them ("≥ 95%") and which way a change went."""

from __future__ import annotations

from cchc_cli import vietnamese
from cchc_cli.diff.changes import Trend
from cchc_cli.model.plan import Target
from cchc_cli.model.types import Direction

_STRICT = {Direction.ABOVE, Direction.BELOW}


def number(value: float) -> str:
    """95.5 → "95,5"; 19630 → "19.630": as typed, up to four decimals."""
    return vietnamese.number(value, decimals=4)


def show_target(target: Target | None, unit: str | None) -> str | None:
    """E.g. "≥ 95%", "≤ 3 ngày", "Duy trì thứ hạng"; None when there is no target."""
    if target is None:
        return None
    parts = []
    if target.value is not None:
        amount = number(target.value)
        if unit == "%":
            amount += "%"
        elif unit:
            amount += f" {unit}"
        parts.append(f"{target.direction.symbol} {amount}" if target.direction else amount)
    if target.text:
        parts.append(target.text)
    return "; ".join(parts) or None


def trend(old: Target | None, new: Target | None, same_unit: bool) -> Trend:
    """Raised when the new target is harder to reach; "đổi" when that cannot be said.

    For "không quá"/"dưới" targets a lower value is harder, so it is raised.
    """
    if old == new and same_unit:
        return Trend.NONE
    if old is None or new is None or not same_unit:
        return Trend.CHANGED
    if old.value is None or new.value is None or old.direction is None or new.direction is None:
        return Trend.CHANGED
    higher = old.direction.higher_is_better
    if higher != new.direction.higher_is_better:
        return Trend.CHANGED
    if old.value != new.value:
        return Trend.RAISED if (new.value > old.value) == higher else Trend.LOWERED
    if Direction.EXACTLY in (old.direction, new.direction):
        return Trend.CHANGED
    # Same value, one bound strict: "trên 95%" is harder than "từ 95% trở lên".
    return Trend.RAISED if new.direction in _STRICT else Trend.LOWERED
