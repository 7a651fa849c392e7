"""The four equations every Biểu 06 export satisfies, checked on each row and the totals.

- tiếp nhận = trực tuyến + trực tiếp, dịch vụ bưu chính + từ kỳ trước;
- đã giải quyết = trước hạn + đúng hạn + quá hạn;
- đang giải quyết = trong hạn + quá hạn;
- tiếp nhận = đã giải quyết + đang giải quyết.

A failure (E521) names the file, the sheet and cell of the whole, and both sides with
their cells. An equation whose columns the export lacks is not checked (W530).
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.problems import Mark, ProblemList
from cchc_cli.tthc.columns import BY_ID
from cchc_cli.tthc.result import FieldRow, TthcTable
from cchc_cli.vietnamese import number

# Past this many failures of one equation, the rest are counted in one line.
MAX_REPORTED = 20


@dataclass(frozen=True, slots=True)
class Equation:
    """whole = sum of parts, in Biểu 06 column ids."""

    whole: str
    parts: tuple[str, ...]
    words: str

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.whole, *self.parts)


EQUATIONS = (
    Equation(
        "tiep-nhan",
        ("truc-tuyen", "truc-tiep", "ky-truoc"),
        "tiếp nhận = trực tuyến + trực tiếp, dịch vụ bưu chính + từ kỳ trước",
    ),
    Equation(
        "da-giai-quyet",
        ("truoc-han", "dung-han", "qua-han"),
        "đã giải quyết = trước hạn + đúng hạn + quá hạn",
    ),
    Equation(
        "dang-giai-quyet",
        ("trong-han", "dang-qua-han"),
        "đang giải quyết = trong hạn + quá hạn",
    ),
    Equation(
        "tiep-nhan",
        ("da-giai-quyet", "dang-giai-quyet"),
        "tiếp nhận = đã giải quyết + đang giải quyết",
    ),
)


def check_equations(table: TthcTable, problems: ProblemList) -> None:
    """Every equation on every field row and on the totals."""
    for equation in EQUATIONS:
        missing = [c for c in equation.columns if table.position(c) is None]
        if missing:
            names = ", ".join(f"'{BY_ID[c].label}' ({BY_ID[c].group})" for c in missing)
            problems.add(
                Mark(table.header_line, 1),
                "W530",
                f"Không kiểm tra được '{equation.words}': tệp không có cột {names}.",
                "Nếu tệp có cột đó dưới tiêu đề khác, khai báo trong 'tthc_export.columns' "
                "của kế hoạch.",
            )
            continue
        failures = [row for row in (*table.rows, table.totals) if _fails(table, row, equation)]
        for row in failures[:MAX_REPORTED]:
            _report(table, row, equation, problems)
        if len(failures) > MAX_REPORTED:
            problems.add(
                Mark(table.header_line, 1),
                "E521",
                f"'{equation.words}' còn sai ở {len(failures) - MAX_REPORTED} dòng khác.",
                "Xuất lại bảng thống kê từ Hệ thống một cửa.",
            )


def _value(table: TthcTable, row: FieldRow, key: str) -> int:
    value = table.value(row, key)
    assert value is not None  # the equation's columns were checked present
    return value


def _fails(table: TthcTable, row: FieldRow, equation: Equation) -> bool:
    parts = sum(_value(table, row, c) for c in equation.parts)
    return _value(table, row, equation.whole) != parts


def _report(table: TthcTable, row: FieldRow, equation: Equation, problems: ProblemList) -> None:
    whole = _value(table, row, equation.whole)
    parts = [_value(table, row, c) for c in equation.parts]
    at = table.at(row, equation.whole)
    cells = [table.at(row, c) for c in equation.parts]
    right = " + ".join(number(v) for v in parts)
    if at is None:
        where, mark = f"Dòng '{row.name}'", Mark(table.header_line, 1)
        left_cell = right_cells = ""
    else:
        where, mark = f"{at.describe(start=True)}, dòng '{row.name}'", at.mark
        left_cell = f" (ô {at.ref})"
        right_cells = " (ô " + ", ".join(c.ref for c in cells if c is not None) + ")"
    problems.add(
        mark,
        "E521",
        f"{where}: {equation.words} không đúng: {number(whole)}{left_cell} ≠ {right} = "
        f"{number(sum(parts))}{right_cells}.",
        "Kiểm tra lại số liệu của dòng này trên Hệ thống một cửa rồi xuất lại tệp; cchc "
        "không tự sửa số liệu.",
    )
