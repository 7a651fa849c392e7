"""The columns of Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP) and how headers name them.

The circular's table has thirteen columns under two header rows: STT, Lĩnh vực, then
three groups of counts (nhận giải quyết, đã giải quyết, đang giải quyết). Provinces
reword the headers and add columns, so a column is found by its header text, normalised
(``normalise_header``), never by its position. Each count column has a stable id, used
by plans (``tthc_column`` of a count) and by the equations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Whitespace (line breaks inside merged header cells, no-break spaces) and punctuation
# that headers use interchangeably: "Trực tiếp, dịch vụ bưu chính" and "Trực tiếp - dịch
# vụ bưu chính" are one header.
_SEPARATORS = re.compile(r"[\s,;:.()\[\]{}/\\\-–—_*+\"'“”‘’`]+")


def normalise_header(text: str) -> str:
    """A header's text for comparison: NFKC, case-folded, punctuation and runs of spaces
    or line breaks made one space."""
    spaced = _SEPARATORS.sub(" ", text)
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", spaced).casefold())
    return " ".join(_SEPARATORS.sub(" ", folded).split())


@dataclass(frozen=True, slots=True)
class StandardColumn:
    """A count column of Biểu 06 ("cột số liệu"), with the headers that mean it."""

    id: str
    number: int
    group: str
    label: str
    aliases: frozenset[str]
    prefixes: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """E.g. "Số hồ sơ đã giải quyết – Quá hạn" (cột 10)."""
        return f"{self.group} – {self.label} (cột {self.number})"

    def matches(self, label: str) -> bool:
        return label in self.aliases or label.startswith(self.prefixes)


RECEIVED = "Số hồ sơ nhận giải quyết"
RESOLVED = "Số hồ sơ đã giải quyết"
PENDING = "Số hồ sơ đang giải quyết"
_TOTAL = frozenset({"tổng số", "tổng", "tổng cộng", "cộng", "tổng số hồ sơ"})
_LATE = frozenset({"quá hạn", "trễ hạn", "trễ hẹn"})
# Header rows that only announce a split ("Trong đó": online, in person…).
_FILLERS = frozenset({"trong đó", "chia ra", "bao gồm", "gồm"})


def _words(*texts: str) -> frozenset[str]:
    return frozenset(normalise_header(t) for t in texts)


STANDARD: tuple[StandardColumn, ...] = (
    StandardColumn("tiep-nhan", 3, RECEIVED, "Tổng số", _TOTAL),
    StandardColumn("truc-tuyen", 4, RECEIVED, "Trực tuyến", _words("Trực tuyến", "Nộp trực tuyến")),
    StandardColumn(
        "truc-tiep",
        5,
        RECEIVED,
        "Trực tiếp, dịch vụ bưu chính",
        _words("Dịch vụ bưu chính", "Dịch vụ BCCI", "Bưu chính công ích"),
        # "Trực tiếp, dịch vụ bưu chính", "Trực tiếp và qua dịch vụ BCCI", "Trực tiếp".
        ("trực tiếp",),
    ),
    StandardColumn(
        "ky-truoc",
        6,
        RECEIVED,
        "Từ kỳ trước",
        _words("Từ kỳ trước", "Kỳ trước chuyển sang", "Tồn kỳ trước chuyển sang"),
    ),
    StandardColumn("da-giai-quyet", 7, RESOLVED, "Tổng số", _TOTAL),
    StandardColumn("truoc-han", 8, RESOLVED, "Trước hạn", _words("Trước hạn", "Sớm hạn")),
    StandardColumn("dung-han", 9, RESOLVED, "Đúng hạn", _words("Đúng hạn")),
    StandardColumn("qua-han", 10, RESOLVED, "Quá hạn", _LATE),
    StandardColumn("dang-giai-quyet", 11, PENDING, "Tổng số", _TOTAL),
    StandardColumn(
        "trong-han", 12, PENDING, "Trong hạn", _words("Trong hạn", "Chưa đến hạn", "Còn hạn")
    ),
    StandardColumn("dang-qua-han", 13, PENDING, "Quá hạn", _LATE),
)
BY_ID = {column.id: column for column in STANDARD}
STANDARD_IDS = tuple(BY_ID)

# Headers of the two columns that are not counts.
NUMBER_HEADERS = _words("STT", "TT", "Số thứ tự")
FIELD_HEADERS = _words("Lĩnh vực", "Tên lĩnh vực", "Lĩnh vực giải quyết", "Lĩnh vực TTHC")
# Labels of a totals row ("dòng tổng cộng").
TOTAL_ROW_LABELS = _words("Tổng cộng", "Tổng số", "Tổng", "Cộng", "Tổng cộng toàn đơn vị")


def group_of(header: str) -> str | None:
    """Which group a normalised group header names, if any."""
    words = header.split()
    if "đang giải quyết" in header or "chưa giải quyết" in header:
        return PENDING
    if "nhận" in words:
        return RECEIVED
    if "giải quyết" in header:
        return RESOLVED
    return None


def standard_column(path: Sequence[str]) -> StandardColumn | None:
    """The Biểu 06 column a header path (normalised, group first) names, if any.

    A header under a third row is the standard column only when that row says "tổng
    số"; "Trực tuyến / Toàn trình" is a provincial extra.
    """
    path = [part for part in path if part not in _FILLERS]
    if len(path) < 2:
        return None
    group = group_of(path[0])
    if group is None or any(part not in _TOTAL for part in path[2:]):
        return None
    for column in STANDARD:
        if column.group == group and column.matches(path[1]):
            return column
    return None


def is_field_header(header: str) -> bool:
    """Whether a normalised header is the "Lĩnh vực" column's."""
    return header in FIELD_HEADERS


def is_number_header(header: str) -> bool:
    """Whether a normalised header is the "STT" column's."""
    return header in NUMBER_HEADERS


def is_total_label(text: str) -> bool:
    """Whether a row's label makes it the totals row ("Tổng cộng", "Tổng số")."""
    return normalise_header(text) in TOTAL_ROW_LABELS
