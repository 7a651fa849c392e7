"""The diff as one JSON object (fields documented in docs/diff.md)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from cchc_cli.diff.changes import (
    DiffReport,
    FieldChange,
    IdReuse,
    ItemChange,
    LineChange,
    PlanDiff,
    Status,
)
from cchc_cli.diff.edits import Edit, Rewording
from cchc_cli.diff.general import LINE_SECTIONS
from cchc_cli.diff.wording import WordOp
from cchc_cli.output.diff.present import area_rows, area_title

# 2: edits, rewording and id reuse added; lines carry both texts when edited.
JSON_FORMAT_VERSION = 2


def _words(words: tuple[WordOp, ...]) -> list[dict[str, str]]:
    return [{"op": op, "text": text} for op, text in words]


def _edits(edits: tuple[Edit, ...]) -> list[dict[str, str]]:
    return [
        {"kind": edit.kind.value, "label": edit.kind.label, "old": edit.old, "new": edit.new}
        for edit in edits
    ]


def _rewording(rewording: Rewording) -> str | None:
    return rewording.value or None


def _similarity(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


def _reuse(reuse: IdReuse | None) -> dict[str, str | None] | None:
    if reuse is None:
        return None
    return {
        "old_spelling": reuse.old_spelling,
        "new_spelling": reuse.new_spelling,
        "old_item_became": reuse.old_item_became,
        "new_item_was": reuse.new_item_was,
    }


def _field(change: FieldChange) -> dict[str, Any]:
    return {
        "key": change.key,
        "label": change.label,
        "old": change.old,
        "new": change.new,
        "trend": change.trend.value or None,
        "words": _words(change.words),
        "edits": _edits(change.edits),
    }


def _line(line: LineChange) -> dict[str, Any]:
    return {
        "section": line.section,
        "section_title": LINE_SECTIONS[line.section],
        "status": line.status.value,
        "text": line.text,
        "old_text": line.old_text,
        "new_text": line.new_text,
        "similarity": _similarity(line.similarity),
        "rewording": _rewording(line.rewording),
        "words": _words(line.words),
        "edits": _edits(line.edits),
    }


def _item(item: ItemChange) -> dict[str, Any]:
    return {
        "status": item.status.value,
        "id": item.id,
        "old_id": item.old_id,
        "new_id": item.new_id,
        "area": item.area,
        "area_title": area_title(item.area),
        "old_area": item.old_area,
        "new_area": item.new_area,
        "moved": item.moved,
        "renumbered": item.renamed,
        "reworded": item.reworded,
        "rewording": _rewording(item.rewording),
        "matched_by": item.matched_by,
        "similarity": _similarity(item.similarity),
        "old_text": item.old_text,
        "new_text": item.new_text,
        "words": _words(item.words),
        "edits": _edits(item.edits),
        "old_id_reuse": _reuse(item.old_id_reuse),
        "new_id_reuse": _reuse(item.new_id_reuse),
        "fields": [_field(f) for f in item.fields],
    }


def _counts(items: tuple[ItemChange, ...]) -> dict[str, int]:
    return {
        "added": sum(i.status is Status.ADDED for i in items),
        "removed": sum(i.status is Status.REMOVED for i in items),
        "changed": sum(i.status is Status.CHANGED for i in items),
        "reworded": sum(i.reworded for i in items),
        "moved": sum(i.moved for i in items),
        "rewritten": sum(i.rewritten for i in items),
        "renumbered": sum(i.renamed for i in items),
        "id_reused": sum(i.id_reused for i in items),
    }


def comparison(diff: PlanDiff) -> dict[str, Any]:
    """One compared pair of plans as JSON-ready data."""
    return {
        "old": asdict(diff.old),
        "new": asdict(diff.new),
        "differs": not diff.empty,
        "year_shift": diff.year_shift,
        "summary": {
            "changes": diff.change_count,
            "areas": [
                {
                    "area": row.code,
                    "title": row.title,
                    "added": row.added,
                    "removed": row.removed,
                    "changed": row.changed,
                    "total": row.total,
                }
                for row in area_rows(diff)
            ],
            "tasks": _counts(diff.tasks),
            "indicators": _counts(diff.indicators),
        },
        "general": [_field(f) for f in diff.general],
        "lines": [_line(line) for line in diff.lines],
        "tasks": [_item(t) for t in diff.tasks],
        "indicators": [_item(i) for i in diff.indicators],
    }


def render_json(report: DiffReport) -> str:
    """The whole run: every comparison and the plans left unpaired."""
    document = {
        "version": JSON_FORMAT_VERSION,
        "differs": report.differs,
        "comparisons": [comparison(pair) for pair in report.pairs],
        "unpaired_old": list(report.unpaired_old),
        "unpaired_new": list(report.unpaired_new),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
