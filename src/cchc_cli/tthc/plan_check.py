"""The plan's side of an import, checked with the plan (`cchc validate`): every
``tthc_column`` names a Biểu 06 column or one of the plan's ``tthc_export.columns``."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.loading import Located
from cchc_cli.model.plan import Plan
from cchc_cli.problems import Problem, did_you_mean
from cchc_cli.tthc.columns import STANDARD_IDS
from cchc_cli.tthc.spec import ExportSpec, known_columns


def tthc_columns_known(plan: Plan, at: Located) -> Iterator[Problem]:
    """Mỗi số liệu lấy từ bảng thống kê TTHC (tthc_column) chỉ một cột của Biểu số
    06/VPCP/KSTT hoặc một cột khai báo trong tthc_export.columns; mã cột khai báo không
    trùng nhau."""
    spec = ExportSpec.from_plan(plan)
    known = sorted(known_columns(spec))
    for i, indicator in enumerate(plan.indicators):
        for c, count in enumerate(indicator.counts):
            for n, key in enumerate(count.tthc_column):
                if key in known:
                    continue
                where = ("indicators", i, "counts", c, "tthc_column")
                yield at.problem(
                    (*where, n) if len(count.tthc_column) > 1 else where,
                    "E540",
                    f"Số liệu '{count.id}' của chỉ số {indicator.id} lấy từ cột '{key}', không "
                    "phải cột của Biểu 06 hay cột khai báo trong tthc_export.columns.",
                    did_you_mean(key, known) or "Các cột của Biểu 06: " + ", ".join(STANDARD_IDS),
                )
    seen: set[str] = set()
    for n, column in enumerate(spec.columns):
        if column.id in seen:
            yield at.problem(
                ("tthc_export", "columns", n, "id"),
                "E540",
                f"Mã cột '{column.id}' được khai báo hai lần trong tthc_export.columns.",
                "Mỗi cột khai báo một lần.",
            )
        seen.add(column.id)
