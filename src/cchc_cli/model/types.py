"""Value types shared by plan and progress files: text, dates, deadlines, targets."""

from __future__ import annotations

import calendar
import enum
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic import BaseModel as _PydanticBase
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from cchc_cli.vietnamese import roman


class Model(_PydanticBase):
    """Base of every file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


def _text(value: Any) -> Any:
    # An unquoted whole number (a post id "1", a document number) is still text;
    # the loader only makes ints of plain digits, so str() gives back what was typed.
    if isinstance(value, bool):
        raise PydanticCustomError("text_type", "Cần một đoạn văn bản, không phải true/false")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        cleaned = value.strip()
        if not cleaned:
            raise PydanticCustomError("text_empty", "Văn bản không được để trống")
        return cleaned
    return value


Text = Annotated[str, BeforeValidator(_text)]
"""Non-empty text, trimmed; already NFC from the loader."""

Id = Annotated[
    str,
    BeforeValidator(_text),
    Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64),
]
"""A stable identifier: ASCII letters, digits, '.', '_' and '-'."""

# NaN and infinity in every spelling YAML, Python or a spreadsheet gives them: a figure
# must be a number a report can print and compare, never one of these.
_NOT_FINITE = re.compile(r"[-+]?\.?(nan|inf|infinity)", re.IGNORECASE)


def _finite(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if _NOT_FINITE.fullmatch(text):
            raise PydanticCustomError(
                "number_not_finite",
                "'{value}' không phải một số cụ thể (NaN: không phải số; inf: vô cùng)",
                {"value": text},
            )
        try:
            number = float(text)
        except ValueError:
            return value  # not a number at all: pydantic's own error says so
        if not math.isfinite(number):  # "1e999": too large to be anything but infinity
            raise PydanticCustomError(
                "number_not_finite", "'{value}' quá lớn, không phải một số cụ thể", {"value": text}
            )
    return value


def _finite_after(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("number_not_finite", "không phải một số cụ thể")
    return value


Number = Annotated[float, BeforeValidator(_finite), AfterValidator(_finite_after)]
"""A finite number (int or decimal); NaN and infinity, however spelt, are refused."""

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_VN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_date(value: Any) -> date:
    """A date written 2024-01-24 or 24/01/2024; impossible dates are errors."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "date_type", "Cần một ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY, trong dấu nháy nếu cần"
        )
    text = value.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _VN.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise PydanticCustomError(
            "date_format",
            "'{value}' không phải ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY",
            {"value": text},
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible", "Ngày '{value}' không tồn tại trong lịch", {"value": text}
        ) from None


Date = Annotated[
    date,
    BeforeValidator(parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    # Both spellings cchc reads, so an editor does not flag "24/01/2024".
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [{"format": "date"}, {"pattern": r"^\d{1,2}/\d{1,2}/\d{4}$"}],
        }
    ),
]


class ParsedValue:
    """Base of value types written as one YAML scalar and read by their ``parse``.

    Pydantic calls ``parse`` (which raises PydanticCustomError with a Vietnamese
    message), serialises the value with ``str`` and exports ``json_schema`` to editors.
    """

    json_schema: ClassVar[dict[str, Any]] = {"type": "string"}

    @classmethod
    def parse(cls, value: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(cls.json_schema)


@dataclass(frozen=True, slots=True)
class MonthDay(ParsedValue):
    """A day of the year without the year ("05/12"), as reporting rules state them."""

    json_schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\d{1,2}/\d{1,2}$"}

    month: int
    day: int

    def in_year(self, year: int) -> date:
        # 29/02 in a common year falls back to 28/02 rather than failing a report.
        last = calendar.monthrange(year, self.month)[1]
        return date(year, self.month, min(self.day, last))

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}"

    @classmethod
    def parse(cls, value: Any) -> MonthDay:
        if isinstance(value, MonthDay):
            return value
        if not isinstance(value, str):
            raise PydanticCustomError(
                "monthday_type", 'Cần một ngày trong năm dạng DD/MM, ví dụ "05/12" (có dấu nháy)'
            )
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})", value.strip())
        if not match:
            raise PydanticCustomError(
                "monthday_format", "'{value}' không phải ngày dạng DD/MM", {"value": value}
            )
        day, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
            raise PydanticCustomError(
                "monthday_impossible", "Ngày '{value}' không tồn tại trong lịch", {"value": value}
            )
        return cls(month, day)


class DueKind(enum.StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ONGOING = "ongoing"


ONGOING_WORDS = frozenset({"thường xuyên", "thuong xuyen", "thuong-xuyen", "ongoing"})


@dataclass(frozen=True, slots=True)
class Due(ParsedValue):
    """A task deadline ("thời hạn"): a date, month, quarter, whole year or ongoing."""

    json_schema: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {"type": "integer", "minimum": 1900, "maximum": 2200},
            {
                "type": "string",
                "pattern": r"^(\d{4}(-[Qq][1-4]|-\d{2}(-\d{2})?)?|\d{1,2}/\d{1,2}/\d{4})$",
            },
            # The spellings of ONGOING_WORDS, with the capital a sentence may start with.
            {
                "type": "string",
                "enum": sorted({*ONGOING_WORDS, *(w.capitalize() for w in ONGOING_WORDS)}),
            },
        ]
    }

    kind: DueKind
    year: int = 0
    month: int = 0
    quarter: int = 0
    day: int = 0

    @property
    def end(self) -> date | None:
        """The last day the task may be completed on; None for ongoing work."""
        if self.kind is DueKind.DATE:
            return date(self.year, self.month, self.day)
        if self.kind is DueKind.MONTH:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.kind is DueKind.QUARTER:
            month = self.quarter * 3
            return date(self.year, month, calendar.monthrange(self.year, month)[1])
        if self.kind is DueKind.YEAR:
            return date(self.year, 12, 31)
        return None

    def __str__(self) -> str:
        if self.kind is DueKind.DATE:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.kind is DueKind.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.kind is DueKind.QUARTER:
            return f"{self.year:04d}-Q{self.quarter}"
        if self.kind is DueKind.YEAR:
            return str(self.year)
        return "thường xuyên"

    def vietnamese(self) -> str:
        """How the deadline reads in a report table."""
        if self.kind is DueKind.DATE:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.kind is DueKind.MONTH:
            return f"Tháng {self.month:02d}/{self.year}"
        if self.kind is DueKind.QUARTER:
            return f"Quý {roman(self.quarter)}/{self.year}"
        if self.kind is DueKind.YEAR:
            return f"Năm {self.year}"
        return "Thường xuyên"

    @classmethod
    def parse(cls, value: Any) -> Due:
        if isinstance(value, Due):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(DueKind.YEAR, year=value)
        if not isinstance(value, str):
            raise PydanticCustomError("due_type", _DUE_HELP)
        text = value.strip()
        if text.casefold() in ONGOING_WORDS:
            return cls(DueKind.ONGOING)
        if re.fullmatch(r"\d{4}", text):
            return cls(DueKind.YEAR, year=int(text))
        if match := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
            return cls(DueKind.QUARTER, year=int(match.group(1)), quarter=int(match.group(2)))
        if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
            year, month = int(match.group(1)), int(match.group(2))
            if not 1 <= month <= 12:
                raise PydanticCustomError(
                    "due_impossible", "Tháng '{value}' không tồn tại", {"value": text}
                )
            return cls(DueKind.MONTH, year=year, month=month)
        if _ISO.fullmatch(text) or _VN.fullmatch(text):
            day = parse_date(text)
            return cls(DueKind.DATE, year=day.year, month=day.month, day=day.day)
        raise PydanticCustomError("due_format", _DUE_HELP + " (đang là '{value}')", {"value": text})


_DUE_HELP = (
    "Thời hạn phải là một ngày (2024-03-31), một tháng (2024-03), một quý (2024-Q1), "
    "cả năm (2024) hoặc 'thường xuyên'"
)


class Direction(enum.StrEnum):
    """Which side of the target value counts as achieved ("chiều của chỉ tiêu")."""

    AT_LEAST = "at_least"
    ABOVE = "above"
    AT_MOST = "at_most"
    BELOW = "below"
    EXACTLY = "exactly"

    @property
    def symbol(self) -> str:
        return {"at_least": "≥", "above": ">", "at_most": "≤", "below": "<", "exactly": "="}[self]

    @property
    def words(self) -> str:
        return {
            "at_least": "từ {v} trở lên",
            "above": "trên {v}",
            "at_most": "không quá {v}",
            "below": "dưới {v}",
            "exactly": "đạt {v}",
        }[self]

    def achieved(self, actual: float, target: float) -> bool:
        if self is Direction.AT_LEAST:
            return actual >= target
        if self is Direction.ABOVE:
            return actual > target
        if self is Direction.AT_MOST:
            return actual <= target
        if self is Direction.BELOW:
            return actual < target
        return actual == target

    @property
    def higher_is_better(self) -> bool:
        return self in (Direction.AT_LEAST, Direction.ABOVE, Direction.EXACTLY)
