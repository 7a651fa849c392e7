"""How the command line names periods and days: --quarter, --half, --annual (in every
usual spelling), --today, --date, --year; and a bare --quarter meaning "the next report due".

Accepted, case-insensitive, with or without accents and spaces:
quarters ``1``, ``Q1``, ``I``, ``quý I``, ``2024-Q1``, ``2024Q1``, ``Q1/2024``, ``I/2024``,
``1/2024``, ``quý I năm 2024``, ``2024-quy-1``; halves ``H1``, ``2024-H1``, ``H1/2024``,
``6 tháng``, ``6 tháng đầu năm 2024``, ``2024-6-thang``, ``2024``; years ``2024``,
``năm 2024``, ``2024-nam``. A spelling without a year takes this year, or the plan's
nearest year when the plan does not cover this one (periods.plan_year): the spellings
become a PeriodSpec here, and the core resolves it against the plan.

Typer's bundled click has no options with an optional value, so the report command's
class rewrites a bare ``--quarter`` (last, or followed by another option or by the plan
path) into ``--quarter ""`` before parsing.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from cchc_cli.cli.help import Command
from cchc_cli.errors import UsageError
from cchc_cli.model.plan import FIRST_YEAR, LAST_YEAR, ReportKind
from cchc_cli.periods import PeriodSpec, QuarterSpec
from cchc_cli.vietnamese import roman

_ROMAN = {roman(n).lower(): n for n in (1, 2, 3, 4)}
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


def _year(found: str | None) -> int | None:
    if not found:
        return None
    year = int(found)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(f"Năm {year} không hợp lệ.", "Ghi năm bằng 4 chữ số, ví dụ 2024.")
    return year


def _number(token: str) -> int:
    return _ROMAN[token] if token in _ROMAN else int(token)


def _match_quarter(text: str) -> QuarterSpec:
    """The quarter a spelling names; quarters outside 1–4 are usage errors."""
    plain = _normalise(text)
    for pattern in _QUARTER_PATTERNS:
        if match := pattern.fullmatch(plain):
            number = _number(match["n"])
            if not 1 <= number <= 4:
                break
            return QuarterSpec(number, _year(match.group("year")))
    raise UsageError(f"Không hiểu quý '{text}'.", _QUARTER_HELP)


def parse_quarter(text: str | None) -> QuarterSpec:
    """A progress quarter (`cchc progress new --quarter`); empty: the quarter of today."""
    if text is None or not text.strip():
        return QuarterSpec()
    return _match_quarter(text)


def _quarter_period(text: str) -> PeriodSpec:
    found = _match_quarter(text)
    year = f" {found.year}" if found.year is not None else ""
    if found.number == 2:
        raise UsageError(
            f"Không có báo cáo quý II riêng: báo cáo 6 tháng đầu năm{year} thay cho nó.",
            f"Dùng --half {found.year}-H1." if year else "Dùng --half H1.",
        )
    if found.number == 4:
        raise UsageError(
            f"Không có báo cáo quý IV riêng: báo cáo năm{year} thay cho nó.",
            f"Dùng --annual {found.year}." if year else "Dùng --annual.",
        )
    return PeriodSpec(ReportKind.Q1 if found.number == 1 else ReportKind.Q3, found.year)


def _half_period(text: str) -> PeriodSpec:
    plain = _normalise(text)
    if not plain:
        return PeriodSpec(ReportKind.H1)
    for pattern in _HALF_PATTERNS:
        if match := pattern.fullmatch(plain):
            year = _year(match.group("year"))
            half = int(match.groupdict().get("n") or 1)
            if half == 2:
                shown = f" {year}" if year is not None else ""
                raise UsageError(
                    f"Không có báo cáo 6 tháng cuối năm: báo cáo năm{shown} thay cho nó.",
                    f"Dùng --annual{shown}.",
                )
            if half == 1:
                return PeriodSpec(ReportKind.H1, year)
    raise UsageError(f"Không hiểu kỳ 6 tháng '{text}'.", "Ví dụ: --half 2024-H1 hoặc --half H1.")


def _annual_period(text: str) -> PeriodSpec:
    plain = _normalise(text)
    if not plain:
        return PeriodSpec(ReportKind.YEAR)
    if re.fullmatch(r"\d{4}", plain):
        return PeriodSpec(ReportKind.YEAR, _year(plain))
    raise UsageError(f"Không hiểu năm '{text}'.", "Ví dụ: --annual 2024.")


def parse_period(quarter: str | None, half: str | None, annual: str | None) -> PeriodSpec:
    """The one period the options name; a bare --quarter, or none, means the next due."""
    given = [(name, value) for name, value in _options(quarter, half, annual) if value is not None]
    if len(given) > 1:
        names = ", ".join(f"--{name}" for name, _ in given)
        raise UsageError(
            f"Chỉ chọn một kỳ báo cáo, đang có cả {names}.",
            "Dùng một trong --quarter, --half, --annual.",
        )
    if not given or (given[0][0] == "quarter" and given[0][1].strip().lower() in ("", "auto")):
        return PeriodSpec()
    name, value = given[0]
    if value.startswith("--"):
        raise UsageError(
            f"Tùy chọn --{name} cần một giá trị, không phải '{value}'.",
            "Ví dụ: --quarter 2024-Q1, --half 2024-H1, --annual 2024.",
        )
    if name == "quarter":
        return _quarter_period(value)
    if name == "half":
        return _half_period(value)
    return _annual_period(value)


def parse_day(text: str | None, option: str = "--today") -> date | None:
    """A day given on the command line (YYYY-MM-DD or DD/MM/YYYY); None when not given."""
    if text is None or not text.strip():
        return None
    from cchc_cli.model.types import parse_date

    hint = f"Ghi {option} dạng YYYY-MM-DD, ví dụ 2024-03-01."
    try:
        day = parse_date(text)
    except ValueError:
        raise UsageError(f"{option} '{text}' không phải một ngày có thật.", hint) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(
            f"{option} '{text}': năm {day.year} nằm ngoài {FIRST_YEAR}–{LAST_YEAR}.", hint
        )
    return day


def parse_today(text: str | None) -> date:
    """``--today``, defaulting to the real today."""
    return parse_day(text, "--today") or date.today()


def check_year(year: int, option: str = "--year") -> int:
    """A year typed on the command line, within the years a plan may cover."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(
            f"{option} {year}: năm nằm ngoài {FIRST_YEAR}–{LAST_YEAR}.", "Ví dụ: 2024."
        )
    return year


def _options(
    quarter: str | None, half: str | None, annual: str | None
) -> list[tuple[str, str | None]]:
    return [("quarter", quarter), ("half", half), ("annual", annual)]


OPTIONAL_VALUE = ("--quarter", "-q")


def _is_value(token: str) -> bool:
    if token.startswith("-") and token != "-":
        return False
    # The plan after a bare --quarter is not its value.
    return not (token.lower().endswith((".yaml", ".yml")) or Path(token).is_dir())


def fill_optional_values(args: list[str]) -> list[str]:
    """``args`` with an empty value after each bare ``--quarter``."""
    result: list[str] = []
    for index, token in enumerate(args):
        result.append(token)
        if token == "--":
            result.extend(args[index + 1 :])
            break
        if token in OPTIONAL_VALUE:
            following = args[index + 1] if index + 1 < len(args) else None
            if following is None or not _is_value(following):
                result.append("")
    return result


class OptionalQuarterCommand(Command):
    """A typer command whose ``--quarter`` may be given without a value."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return list(super().parse_args(ctx, fill_optional_values(list(args))))
