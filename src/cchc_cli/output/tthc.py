"""What `cchc progress import` says it did: each count changed, then one summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.problems import display_path
from cchc_cli.vietnamese import number

if TYPE_CHECKING:
    from cchc_cli.model.plan import Plan
    from cchc_cli.tthc.apply import Applied


def _value(value: int | str | None) -> str:
    if value is None:
        return "~"
    return number(value) if isinstance(value, int) else f"'{value}'"


def changes_text(applied: Applied, plan: Plan, *, dry_run: bool = False) -> str:
    """The changes as lines for the clerk, and where they went (or would go).

    A count is named by its label in the plan, its key (what the quarter file says) after
    it: "TTHC-DUNG-HAN · Số hồ sơ tiếp nhận (received): ~ → 1.424".
    """
    result = applied.result
    labels = {(i.id, c.id): c.label for i in plan.indicators for c in i.counts}
    lines = []
    for c in applied.changes:
        label = labels.get((c.indicator, c.count))
        name = f"{label} ({c.count})" if label else c.count
        lines.append(f"  {c.indicator} · {name}: {_value(c.old)} → {_value(c.new)}")
    table = result.table
    where = []
    if result.quarter is not None:
        where.append(f"quý {result.quarter.roman}/{result.quarter.year}")
    if table is not None and table.period is not None:
        where.append(f"kỳ {table.period}")
    if table is not None and table.sheet:
        where.append(f"trang '{table.sheet}'")
    if table is not None:
        where.append(f"{number(len(table.rows))} lĩnh vực")
    shown = display_path(applied.path)
    about = f" ({', '.join(where)})" if where else ""
    if not applied.changed:
        lines.append(f"Không có gì thay đổi: {shown} đã có đúng số liệu này{about}.")
    elif dry_run:
        lines.append(f"Sẽ ghi {number(len(applied.changes))} số liệu vào {shown}{about}; "
                     "chưa ghi gì (--dry-run).")  # fmt: skip
    else:
        made = "Đã tạo" if applied.created else "Đã ghi"
        lines.append(
            f"{made} {shown}: {number(len(applied.changes))} số liệu và bảng theo lĩnh vực{about}."
        )
    return "\n".join(lines)
