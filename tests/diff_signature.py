"""A diff written as one short line per change, for fixtures to state what they expect."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cchc_cli.diff.changes import FieldChange, ItemChange, LineChange, PlanDiff
from cchc_cli.diff.wording import WordOp


def _item(kind: str, item: ItemChange) -> str:
    parts = [kind, item.status.value, f"{item.old_id or '-'}>{item.new_id or '-'}"]
    if item.reworded:
        parts.append("reworded")
    if item.moved:
        parts.append(f"moved:{item.old_area}>{item.new_area}")
    if item.id_reused:
        parts.append("id-reused")
    if item.status.value == "changed":
        for field in item.fields:
            parts.append(f"{field.key}:{field.trend.value}" if field.trend.value else field.key)
    return " ".join(parts)


def signature(diff: PlanDiff) -> list[str]:
    """E.g. "task changed TC-01>TC-05 reworded", "indicator changed X>X target:nâng"."""
    lines = [f"general {f.key}: {f.old} > {f.new}" for f in diff.general]
    lines += [f"line {line.section} {line.status.value}: {line.text}" for line in diff.lines]
    lines += [_item("task", t) for t in diff.tasks]
    lines += [_item("indicator", i) for i in diff.indicators]
    return sorted(lines)


def without_kept_words(diff: PlanDiff) -> PlanDiff:
    """``diff`` with the text of unchanged words blanked.

    Unchanged words are shown as the newer plan writes them (its year, its spacing), so
    they are the one thing that differs between a diff and the reverse of its reverse.
    """

    def words(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
        return tuple((op, "" if op == "=" else "".join(t.split())) for op, t in ops)

    def blank(change: ItemChange | FieldChange | LineChange) -> Any:
        return replace(change, words=words(change.words))

    return replace(
        diff,
        general=tuple(map(blank, diff.general)),
        lines=tuple(map(blank, diff.lines)),
        tasks=tuple(map(blank, diff.tasks)),
        indicators=tuple(map(blank, diff.indicators)),
    )
