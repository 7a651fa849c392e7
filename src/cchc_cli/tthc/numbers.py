"""A count of dossiers read from one cell: a whole number, never negative, never a date.

Exports store numbers as numbers or as text, Vietnamese style: "1.286" and "1 286" are
1286. A comma is the Vietnamese decimal mark, so "12,5" is refused (a count has no
fraction), and so is "1,286": it reads 1,286 in Vietnamese, 1286 in English.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from cchc_cli.load.spreadsheet import CellValue, Uncomputed

# Far above any commune's figures, as for progress files (model.progress.MAX_FIGURE).
MAX_COUNT = 10**12

_DIGITS = re.compile(r"\d+")
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SPACED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+")
_NEGATIVE = re.compile(r"[-−–]\s*\d[\d., \u00a0\u202f\u2009]*")
_FRACTION = re.compile(r"\d[\d. \u00a0\u202f\u2009]*,\d+")
_ERRORS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a cell is not a count: a problem code, a message and what to do."""

    code: str
    message: str
    hint: str


def parse_count(value: CellValue) -> int | Refusal | None:
    """The count in a cell; None for an empty cell; a Refusal for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _not_a_number(str(value).upper())
    if isinstance(value, int):
        return _whole(value, str(value))
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (date, time, timedelta)):
        return Refusal(
            "E518",
            "ô có định dạng ngày tháng, không phải số hồ sơ",
            "Định dạng lại ô thành Số (Number) và kiểm tra giá trị; số hồ sơ không phải ngày.",
        )
    if isinstance(value, Uncomputed):
        return Refusal(
            "E519",
            f"ô là công thức {value.formula} chưa có giá trị tính sẵn",
            "Mở tệp bằng Excel hoặc LibreOffice Calc, để chương trình tính rồi lưu lại; "
            "cchc không tự tính công thức.",
        )
    return _text(value)


def _whole(value: int, shown: str) -> int | Refusal:
    if value < 0:
        return Refusal("E516", f"số âm ({shown})", "Số hồ sơ không thể âm; sửa lại số liệu.")
    if value > MAX_COUNT:
        return _not_a_number(shown, "số quá lớn")
    return value


def _float(value: float) -> int | Refusal:
    if not math.isfinite(value):
        return _not_a_number(str(value))
    if not value.is_integer():
        return _fraction(f"{value:g}".replace(".", ","))
    return _whole(int(value), f"{value:g}")


def _text(value: str) -> int | Refusal:
    text = value.strip()
    if _DIGITS.fullmatch(text):
        return _whole(int(text), text)
    if _DOTTED.fullmatch(text):
        return _whole(int(text.replace(".", "")), text)
    if _SPACED.fullmatch(text):
        return _whole(int(re.sub(r"\D", "", text)), text)
    if _NEGATIVE.fullmatch(text):
        return Refusal("E516", f"số âm ({text})", "Số hồ sơ không thể âm; sửa lại số liệu.")
    if _FRACTION.fullmatch(text):
        return _fraction(text)
    if text.startswith("="):
        return Refusal(
            "E519",
            f"ô chứa công thức dạng chữ ({text}) thay vì số",
            "Ghi số hồ sơ, không ghi công thức; cchc không tự tính công thức.",
        )
    if text.upper() in _ERRORS:
        return _not_a_number(text, "ô báo lỗi công thức")
    return _not_a_number(text)


def _fraction(shown: str) -> Refusal:
    return Refusal(
        "E517",
        f"số lẻ ({shown}), số hồ sơ phải là số nguyên",
        "Dấu phẩy là dấu thập phân: nếu là hàng nghìn, ghi 1.286 hoặc 1286.",
    )


def _not_a_number(shown: str, why: str = "không phải một số hồ sơ") -> Refusal:
    return Refusal(
        "E515",
        f"'{shown}': {why}",
        "Ghi một số nguyên không âm, ví dụ 1286 hoặc 1.286; ô trống được tính là 0.",
    )
