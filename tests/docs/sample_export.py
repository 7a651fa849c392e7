"""The sample Biểu 06 export the user guide imports: docs/vi-du/bieu-06-2024-quy-2.xlsx.

The quý II 2024 statistics of phường Phù Liễn as the one-stop system would export them,
with the figures of the year-2024 sample progress (tests/fixtures/year-2024): 1.424
dossiers received (640 online, 24 carried over), 1.396 resolved (489 early, 899 on
time, 8 late). Marked as sample data. Rewrite it with `.venv/bin/python -m
tests.docs.sample_export`; a test checks the shipped file holds these values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from openpyxl.worksheet.worksheet import Worksheet

from tests import tthc_exports as tx
from tests.helpers import ROOT

PATH = ROOT / "docs" / "vi-du" / "bieu-06-2024-quy-2.xlsx"
SAMPLE = "DỮ LIỆU MẪU: số liệu giả định để thử cchc, không phải số liệu thật"

# (online, direct, carried over, early, on time, late, pending overdue) per field.
FIELDS = (
    ("Hộ tịch", tx.figures(220, 250, 4, 180, 290, 0, 0)),
    ("Chứng thực", tx.figures(170, 390, 0, 190, 370, 0, 0)),
    ("Đất đai", tx.figures(50, 60, 16, 15, 88, 8, 3)),
    ("Lao động - Thương binh và Xã hội", tx.figures(90, 30, 2, 40, 80, 0, 0)),
    ("Tư pháp", tx.figures(40, 10, 2, 20, 30, 0, 0)),
    ("Xây dựng", tx.figures(70, 20, 0, 44, 41, 0, 0)),
)
EXPORT = replace(tx.Export(), period=(date(2024, 3, 15), date(2024, 6, 14)), fields=FIELDS)


def _mark(sheet: Worksheet, where: dict[str, int]) -> None:
    sheet.cell(3, 9, SAMPLE)


def build() -> bytes:
    return tx.build_xlsx(EXPORT, edit=_mark)


if __name__ == "__main__":
    PATH.parent.mkdir(parents=True, exist_ok=True)
    PATH.write_bytes(build())
    print(f"wrote {PATH.relative_to(ROOT).as_posix()}")
