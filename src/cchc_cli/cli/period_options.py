"""How the command line names a period: --quarter, --half, --annual, in every usual spelling.

Accepted, case-insensitive, with or without accents and spaces:
quarters ``1``, ``Q1``, ``I``, ``quý I``, ``2024-Q1``, ``2024Q1``, ``Q1/2024``, ``I/2024``,
``1/2024``, ``quý I năm 2024``, ``2024-quy-1``; halves ``H1``, ``2024-H1``, ``H1/2024``,
``6 tháng``, ``6 tháng đầu năm 2024``, ``2024-6-thang``, ``2024``; years ``2024``,
``năm 2024``, ``2024-nam``. A spelling without a year takes this year, or the plan's
nearest year when the plan does not cover this one (periods.plan_year).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from cchc_cli.model.plan import FIRST_YEAR, LAST_YEAR, Plan, ReportKind
from cchc_cli.periods import Period, next_due, plan_year, quarter_window
from cchc_cli.problems import UsageError

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBER = r"(?P<n>iv|i{1,3}|[0-9])"
_QUARTER_PATTERNS = (
    re.compile(rf"(?P<year>\d{{4}})[-/]?q-?{_NUMBER}"),
    re.compile(rf"(?P<year>\d{{4}})[-/]{_NUMBER}"),
    re.compile(rf"q-?{_NUMBER}(?:[-/]?(?P<year>\d{{4}}))?"),
    re.compile(rf"{_NUMBER}(?:[-/](?P<year>\d{{4}}))?"),
)
_HALF_PATTERNS = (
    re.compile(r"(?P<year>\d{4})[-/]?h-?(?P<n>[0-9])"),
    re.compile(r"h-?(?P<n>[0-9])(?:[-/]?(?P<year>\d{4}))?"),
    re.compile(r"(?P<year>\d{4})"),
)
_QUARTER_HELP = "Ví dụ: --quarter 2024-Q1, --quarter I/2024 hoặc --quarter 3."


def _normalise(text: str) -> str:
    """Lower case, accents and spaces dropped, Vietnamese words made into short tokens."""
    folded = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    plain = re.sub(r"\bquy\b", "q", plain)
    plain = re.sub(r"6\s*-?\s*thang(\s*-?\s*dau)?", "h1", plain)
    plain = re.sub(r"\bnam\b", " ", plain)
    plain = re.sub(r"\s+", "", plain)
    return plain.strip("-/")


def _year(found: str | None, default: int) -> int:
    year = int(found) if found else default
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(f"Năm {year} không hợp lệ.", "Ghi năm bằng 4 chữ số, ví dụ 2024.")
    return year


def _number(token: str) -> int:
    return _ROMAN[token] if token in _ROMAN else int(token)


def _match_quarter(text: str, default: int) -> tuple[int, int]:
    """(year, quarter) from a quarter spelling; quarters outside 1–4 are usage errors."""
    plain = _normalise(text)
    for pattern in _QUARTER_PATTERNS:
        if match := pattern.fullmatch(plain):
            number = _number(match["n"])
            if not 1 <= number <= 4:
                break
            return _year(match.group("year"), default), number
    raise UsageError(f"Không hiểu quý '{text}'.", _QUARTER_HELP)


def parse_quarter_spec(text: str | None, today: date, plan: Plan | None) -> tuple[int, int]:
    """A progress quarter; empty means the quarter whose data window holds ``today``."""
    if text is None or not text.strip():
        for year in (today.year, today.year + 1):
            for quarter in (1, 2, 3, 4):
                start, end = quarter_window(plan, year, quarter)
                if start <= today <= end:
                    return year, quarter
        return today.year, (today.month - 1) // 3 + 1
    return _match_quarter(text, plan_year(plan, today))


def _quarter_period(text: str, default: int) -> Period:
    year, quarter = _match_quarter(text, default)
    if quarter == 2:
        raise UsageError(
            f"Không có báo cáo quý II riêng: báo cáo 6 tháng đầu năm {year} thay cho nó.",
            f"Dùng --half {year}-H1.",
        )
    if quarter == 4:
        raise UsageError(
            f"Không có báo cáo quý IV riêng: báo cáo năm {year} thay cho nó.",
            f"Dùng --annual {year}.",
        )
    return Period(ReportKind.Q1 if quarter == 1 else ReportKind.Q3, year)


def _half_period(text: str, default: int) -> Period:
    plain = _normalise(text)
    if not plain:
        return Period(ReportKind.H1, default)
    for pattern in _HALF_PATTERNS:
        if match := pattern.fullmatch(plain):
            year = _year(match.group("year"), default)
            half = int(match.groupdict().get("n") or 1)
            if half == 2:
                raise UsageError(
                    f"Không có báo cáo 6 tháng cuối năm: báo cáo năm {year} thay cho nó.",
                    f"Dùng --annual {year}.",
                )
            if half == 1:
                return Period(ReportKind.H1, year)
    raise UsageError(f"Không hiểu kỳ 6 tháng '{text}'.", "Ví dụ: --half 2024-H1 hoặc --half H1.")


def _annual_period(text: str, default: int) -> Period:
    plain = _normalise(text)
    if not plain:
        return Period(ReportKind.YEAR, default)
    if re.fullmatch(r"\d{4}", plain):
        return Period(ReportKind.YEAR, _year(plain, default))
    raise UsageError(f"Không hiểu năm '{text}'.", "Ví dụ: --annual 2024.")


def parse_period_spec(
    quarter: str | None,
    half: str | None,
    annual: str | None,
    today: date,
    plan: Plan | None,
) -> Period:
    """The one period the options name; a bare --quarter or none means the next due."""
    given = [(name, value) for name, value in _options(quarter, half, annual) if value is not None]
    if len(given) > 1:
        names = ", ".join(f"--{name}" for name, _ in given)
        raise UsageError(
            f"Chỉ chọn một kỳ báo cáo, đang có cả {names}.",
            "Dùng một trong --quarter, --half, --annual.",
        )
    if not given or (given[0][0] == "quarter" and given[0][1].strip().lower() in ("", "auto")):
        return next_due(plan, today)
    name, value = given[0]
    default = plan_year(plan, today)
    if name == "quarter":
        return _quarter_period(value, default)
    if name == "half":
        return _half_period(value, default)
    return _annual_period(value, default)


def _options(
    quarter: str | None, half: str | None, annual: str | None
) -> list[tuple[str, str | None]]:
    return [("quarter", quarter), ("half", half), ("annual", annual)]
