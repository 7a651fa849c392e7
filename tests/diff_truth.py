"""Ground truth for diff variants: every intended change, by kind, and what a diff claims.

A ``truth.yaml`` lists each intended change once:

    old: plans/phu-lien-2024.yaml      # optional: the old plan, from the repository root
    changes:
      - {task: CD-01, kinds: [minor]}                    # same id in both plans
      - {task: TTHC-01 > TTHC-08, kinds: [renumbered, minor, id-reused]}
      - {task: BM-04 > -, kinds: [removed]}              # "-": not in that plan
      - {indicator: TTHC-DUNG-HAN, kinds: [target, "target:nâng"]}
      - {field: reporting.source, kinds: [number]}
      - {line: targets, text: "đạt trên 97%", kinds: [changed, number]}

Kinds of a task or indicator: ``added``, ``removed``, ``renumbered``, ``moved``,
``id-reused``, ``minor`` ("sửa vài từ") or ``rewritten`` ("viết lại"), the kinds of its
other text edits (``number``, ``typo``, ``variant``, ``case``, ``punctuation``; for a
rewritten text only ``number``, see ``edits.notable``), and for a
changed item each changed field (``lead``, ``due``, ``target``, …), with ``key:trend``
and ``key:edit`` for a field's trend and non-word edits. Kinds of a general field: its
edit kinds (``words`` for changed words), or ``value`` when one plan has none. Kinds of a
line: ``added``, ``removed`` or ``changed``, its rewording and edit kinds; ``text`` is
part of the line (old or new) that tells it apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cchc_cli.diff.changes import FieldChange, ItemChange, LineChange, PlanDiff, Status
from cchc_cli.diff.edits import Edit, EditKind, Rewording, notable


@dataclass(frozen=True)
class Claim:
    """One change: which part of the plan, which thing in it, and its kinds."""

    part: str
    ident: str
    kinds: frozenset[str]
    text: str = ""

    def __str__(self) -> str:
        return f"{self.part} {self.ident}: {', '.join(sorted(self.kinds))}"


def _edit_kinds(edits: tuple[Edit, ...], rewording: Rewording = Rewording.NONE) -> set[str]:
    return {e.kind.value for e in notable(edits, rewording)}


def _rewording(rewording: Rewording) -> set[str]:
    return {rewording.value} if rewording is not Rewording.NONE else set()


def _field_kinds(field: FieldChange) -> set[str]:
    kinds = {field.key}
    if field.trend.value:
        kinds.add(f"{field.key}:{field.trend.value}")
    kinds |= {f"{field.key}:{kind}" for kind in _edit_kinds(field.edits)}
    return kinds


def item_kinds(item: ItemChange) -> frozenset[str]:
    kinds: set[str] = set()
    if item.status is not Status.CHANGED:
        kinds.add(item.status.value)
    if item.renamed:
        kinds.add("renumbered")
    if item.moved:
        kinds.add("moved")
    if item.id_reused:
        kinds.add("id-reused")
    kinds |= _rewording(item.rewording) | _edit_kinds(item.edits, item.rewording)
    if item.status is Status.CHANGED:
        for field in item.fields:
            kinds |= _field_kinds(field)
    return frozenset(kinds)


def _ident(old: str | None, new: str | None) -> str:
    return old if old == new and old else f"{old or '-'} > {new or '-'}"


def claims(diff: PlanDiff) -> list[Claim]:
    """What ``diff`` says changed, one claim per change."""
    found = []
    for part, items in (("task", diff.tasks), ("indicator", diff.indicators)):
        found += [Claim(part, _ident(i.old_id, i.new_id), item_kinds(i)) for i in items]
    for field in diff.general:
        kinds = _edit_kinds(field.edits)
        if any(e.kind is EditKind.WORDS for e in field.edits):
            kinds.add("words")
        found.append(Claim("field", field.key, frozenset(kinds or {"value"})))
    found += [_line(line) for line in diff.lines]
    return found


def _line(line: LineChange) -> Claim:
    kinds = {line.status.value} | _rewording(line.rewording)
    kinds |= _edit_kinds(line.edits, line.rewording)
    text = f"{line.old_text or ''}\n{line.new_text or ''}"
    return Claim("line", line.section, frozenset(kinds), text)


def _truth_claim(entry: dict[str, Any]) -> Claim:
    kinds = frozenset(entry["kinds"])
    for part in ("task", "indicator"):
        if part in entry:
            old, _, new = (s.strip() for s in str(entry[part]).partition(">"))
            ident = _ident(None if old == "-" else old, None if new == "-" else new or old)
            return Claim(part, ident, kinds)
    if "field" in entry:
        return Claim("field", entry["field"], kinds)
    return Claim("line", entry["line"], kinds, entry.get("text", ""))


def load_truth(folder: Path) -> tuple[Path | None, list[Claim]]:
    """The old plan named by ``truth.yaml`` (None: ``old.yaml`` beside it) and its changes."""
    data = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8")) or {}
    root = Path(__file__).resolve().parent.parent
    old = root / data["old"] if "old" in data else None
    return old, [_truth_claim(entry) for entry in data.get("changes") or []]


def _same(truth: Claim, claim: Claim) -> bool:
    if (truth.part, truth.ident, truth.kinds) != (claim.part, claim.ident, claim.kinds):
        return False
    return truth.part != "line" or truth.text in claim.text


@dataclass(frozen=True)
class Score:
    """A diff against the truth: intended changes missed, claims that are none of them."""

    missed: list[Claim]
    wrong: list[Claim]
    truth: int
    claimed: int

    @property
    def right(self) -> int:
        return self.claimed - len(self.wrong)

    def __str__(self) -> str:
        found = self.truth - len(self.missed)
        return (
            f"found {found} of {self.truth} intended changes (recall {found / self.truth:.0%}), "
            f"{self.right} of {self.claimed} claims right (precision {self.right / self.claimed:.0%})"
        )


def score(diff: PlanDiff, truth: list[Claim]) -> Score:
    """Each intended change matched to one claim, kinds included."""
    made = claims(diff)
    unmatched = list(made)
    missed = []
    for intended in truth:
        hit = next((c for c in unmatched if _same(intended, c)), None)
        if hit is None:
            missed.append(intended)
        else:
            unmatched.remove(hit)
    return Score(missed, unmatched, len(truth), len(made))
