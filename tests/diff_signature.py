"""A diff written as one short line per change, for fixtures to state what they expect."""

from __future__ import annotations

from cchc_cli.diff.changes import ItemChange, PlanDiff


def _item(kind: str, item: ItemChange) -> str:
    parts = [kind, item.status.value, f"{item.old_id or '-'}>{item.new_id or '-'}"]
    if item.reworded:
        parts.append("reworded")
    if item.moved:
        parts.append(f"moved:{item.old_area}>{item.new_area}")
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
