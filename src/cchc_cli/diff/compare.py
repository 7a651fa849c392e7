"""Comparing two plans: tasks and indicators matched and their changes listed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from cchc_cli import collector
from cchc_cli.diff.changes import (
    FieldChange,
    IdReuse,
    ItemChange,
    PlanDiff,
    PlanSide,
    Status,
    Trend,
    area_rank,
    field_change,
)
from cchc_cli.diff.edits import Rewording, TextChange, text_change
from cchc_cli.diff.general import general_changes, line_changes
from cchc_cli.diff.matching import Candidate, Match, match
from cchc_cli.diff.targets import number, show_target, trend
from cchc_cli.diff.wording import PlanYears, clean, prepare
from cchc_cli.model.areas import to_nq76
from cchc_cli.model.plan import Indicator, Plan, Task
from cchc_cli.model.types import Due

Item = TypeVar("Item", Task, Indicator)
# Fields that differ between two items; with no old item, the new item's fields.
FieldsOf = Callable[[Plan | None, Item | None, Plan, Item], list[FieldChange]]


def diff_plans(old: Plan, new: Plan, old_path: str = "", new_path: str = "") -> PlanDiff:
    """Everything that differs between ``old`` and ``new``; empty when they say the same."""
    with collector.paused():
        return _diff(old, new, old_path, new_path)


def _diff(old: Plan, new: Plan, old_path: str, new_path: str) -> PlanDiff:
    return PlanDiff(
        old=_side(old, old_path),
        new=_side(new, new_path),
        general=tuple(general_changes(old, new)),
        lines=tuple(line_changes(old, new)),
        tasks=_items(
            old,
            new,
            old=old.tasks,
            new=new.tasks,
            text=lambda t: t.content,
            fields_of=_task_fields,
        ),
        indicators=_items(
            old,
            new,
            old=old.indicators,
            new=new.indicators,
            text=lambda i: i.name,
            fields_of=_indicator_fields,
        ),
        year_shift=new.years.start - old.years.start,
    )


def _side(plan: Plan, path: str) -> PlanSide:
    return PlanSide(
        path=path,
        unit=plan.unit.full_name,
        title=plan.issued.title,
        number=plan.issued.number,
        years=str(plan.years),
        programme=plan.programme.value,
    )


def _years(plan: Plan) -> PlanYears:
    return PlanYears(plan.years.start, plan.years.end)


def _candidates(plan: Plan, items: Sequence[Item], text: Callable[[Item], str]) -> list[Candidate]:
    years = _years(plan)
    return [
        Candidate(item.id, to_nq76(plan.programme, item.area), prepare(text(item), years))
        for item in items
    ]


def _items(
    old_plan: Plan,
    new_plan: Plan,
    *,
    old: Sequence[Item],
    new: Sequence[Item],
    text: Callable[[Item], str],
    fields_of: FieldsOf[Item],
) -> tuple[ItemChange, ...]:
    old_c = _candidates(old_plan, old, text)
    new_c = _candidates(new_plan, new, text)
    matches = match(old_c, new_c)
    reuses = _id_reuses(old_c, new_c, matches)
    changes: list[ItemChange] = []
    for m in matches:
        a, b = old_c[m.old], new_c[m.new]
        fields = tuple(fields_of(old_plan, old[m.old], new_plan, new[m.new]))
        change = text_change(a.wording, b.wording)
        # A reused id is always renumbered too: the id names another item on one side.
        renamed = a.id.casefold() != b.id.casefold()
        if change or fields or renamed or a.area != b.area:
            reused = (reuses.get((0, m.old)), reuses.get((1, m.new)))
            changes.append(_matched(a, b, m, fields=fields, change=change, reused=reused))
    paired_old = {m.old for m in matches}
    paired_new = {m.new for m in matches}
    for i, c in enumerate(old_c):
        if i not in paired_old:
            described = tuple(f.reversed() for f in fields_of(None, None, old_plan, old[i]))
            changes.append(_removed(c, described, reuses.get((0, i))))
    for j, c in enumerate(new_c):
        if j not in paired_new:
            described = tuple(fields_of(None, None, new_plan, new[j]))
            changes.append(_added(c, described, reuses.get((1, j))))
    return tuple(sorted(changes, key=_order))


def _removed(c: Candidate, fields: tuple[FieldChange, ...], reuse: IdReuse | None) -> ItemChange:
    return ItemChange(
        Status.REMOVED,
        c.id,
        None,
        c.area,
        None,
        c.wording.text,
        None,
        fields=fields,
        old_id_reuse=reuse,
    )


def _added(c: Candidate, fields: tuple[FieldChange, ...], reuse: IdReuse | None) -> ItemChange:
    return ItemChange(
        Status.ADDED,
        None,
        c.id,
        None,
        c.area,
        None,
        c.wording.text,
        fields=fields,
        new_id_reuse=reuse,
    )


def _matched(
    a: Candidate,
    b: Candidate,
    m: Match,
    *,
    fields: tuple[FieldChange, ...],
    change: TextChange | None,
    reused: tuple[IdReuse | None, IdReuse | None],
) -> ItemChange:
    """The change between two matched items."""
    return ItemChange(
        Status.CHANGED,
        a.id,
        b.id,
        a.area,
        b.area,
        a.wording.text,
        b.wording.text,
        matched_by=m.how,
        similarity=change.similarity if change else None,
        words=change.words if change else (),
        fields=fields,
        edits=change.edits if change else (),
        rewording=change.rewording if change else Rewording.NONE,
        old_id_reuse=reused[0],
        new_id_reuse=reused[1],
    )


def _id_reuses(
    old: Sequence[Candidate], new: Sequence[Candidate], matches: Sequence[Match]
) -> dict[tuple[int, int], IdReuse]:
    """Ids that name one item in the old plan and another in the new, by (side, index).

    Both items carry the same ``IdReuse``: the old one's says what the new plan's item
    under that id was, the new one's what became of the old plan's item.
    """
    old_to_new = {m.old: m.new for m in matches}
    new_to_old = {m.new: m.old for m in matches}
    new_ids = {c.id.casefold(): j for j, c in enumerate(new)}
    reuses: dict[tuple[int, int], IdReuse] = {}
    for i, c in enumerate(old):
        j = new_ids.get(c.id.casefold())
        if j is None or old_to_new.get(i) == j:
            continue
        became = old_to_new.get(i)
        was = new_to_old.get(j)
        reuse = IdReuse(
            c.id,
            new[j].id,
            new[became].id if became is not None else None,
            old[was].id if was is not None else None,
        )
        reuses[(0, i)] = reuses[(1, j)] = reuse
    return reuses


def _order(item: ItemChange) -> tuple[object, ...]:
    # The same order whichever plan is old, so a reversed comparison lists alike.
    ranks = sorted((area_rank(item.old_area), area_rank(item.new_area)))
    ids = sorted((item.old_id or "", item.new_id or ""))
    texts = sorted((item.old_text or "", item.new_text or ""))
    return (ranks, ids, texts)


def _post(plan: Plan | None, post_id: str | None) -> str | None:
    if plan is None or post_id is None:
        return None
    post = plan.post(post_id)
    return clean(post.title) if post else post_id


def _relative_due(due: Due | None, plan: Plan | None) -> tuple[object, ...]:
    if due is None or plan is None:
        return ()
    start = plan.years.start
    return (due.kind, due.year - start if due.year else 0, due.month, due.quarter, due.day)


def _change(key: str, label: str, old: str | None, new: str | None) -> list[FieldChange]:
    return [] if old == new else [field_change(key, label, old, new)]


def _task_fields(
    old_plan: Plan | None, old: Task | None, new_plan: Plan, new: Task
) -> list[FieldChange]:
    changes = _change(
        "lead", "Chủ trì", _post(old_plan, old.lead if old else None), _post(new_plan, new.lead)
    )
    old_partners = sorted(filter(None, (_post(old_plan, p) for p in old.partners))) if old else []
    new_partners = sorted(filter(None, (_post(new_plan, p) for p in new.partners)))
    if old_partners != new_partners:
        changes.append(
            field_change(
                "partners",
                "Phối hợp",
                "; ".join(old_partners) or None,
                "; ".join(new_partners) or None,
            )
        )
    old_due = old.due if old else None
    if _relative_due(old_due, old_plan) != _relative_due(new.due, new_plan):
        shown = old_due.vietnamese() if old_due else None
        changes.append(field_change("due", "Thời hạn", shown, new.due.vietnamese()))
    old_output = clean(old.output) if old and old.output else None
    new_output = clean(new.output) if new.output else None
    return changes + _change("output", "Sản phẩm", old_output, new_output)


def _indicator_fields(
    old_plan: Plan | None, old: Indicator | None, new_plan: Plan, new: Indicator
) -> list[FieldChange]:
    old_unit = clean(old.unit) if old and old.unit else None
    new_unit = clean(new.unit) if new.unit else None
    changes = _change("unit", "Đơn vị tính", old_unit, new_unit)
    if old is not None:
        changes += _change("measure", "Cách đo", old.measure.value, new.measure.value)
    old_target = show_target(old.target, old_unit) if old else None
    new_target = show_target(new.target, new_unit)
    if old_target != new_target:
        direction = trend(old.target, new.target, old_unit == new_unit) if old else Trend.NONE
        changes.append(field_change("target", "Chỉ tiêu", old_target, new_target, direction))
    old_base = _baseline(old) if old else None
    return changes + _change("baseline", "Giá trị cơ sở", old_base, _baseline(new))


def _baseline(indicator: Indicator) -> str | None:
    base = indicator.baseline
    return f"{number(base.value)} (năm {base.year})" if base else None
