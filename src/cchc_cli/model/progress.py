"""The progress record ("tiến độ thực hiện"): one file per unit and quarter.

Keys are English; titles and descriptions give the Vietnamese terms. A null value
(``~``) marks something the clerk still has to fill in ("chưa nhập"): `cchc validate`
warns about it, building a report lists it as missing.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from cchc_cli.model.plan import vi
from cchc_cli.model.types import Date, Id, Model, Number, ParsedValue, Text
from cchc_cli.vietnamese import roman


class TaskStatus(enum.StrEnum):
    """Where a task stands ("tình trạng"); overdue is computed from its due date."""

    DONE = "hoàn thành"
    IN_PROGRESS = "đang thực hiện"
    NOT_STARTED = "chưa thực hiện"


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[\s_-]+", " ", plain)


_STATUS_WORDS = {_ascii(s.value): s for s in TaskStatus}


def _status(value: Any) -> Any:
    # The clerk may type without accents ("hoan-thanh"); the file keeps its meaning.
    if isinstance(value, str):
        return _STATUS_WORDS.get(_ascii(value), value)
    return value


_ASCII_STATUS = ["hoan-thanh", "dang-thuc-hien", "chua-thuc-hien"]
Status = Annotated[
    TaskStatus,
    BeforeValidator(_status),
    # Editors should accept the unaccented spellings the loader accepts.
    WithJsonSchema({"type": "string", "enum": [s.value for s in TaskStatus] + _ASCII_STATUS}),
]


# A count typed the Vietnamese way, with a dot between thousands ("1.350") or a comma
# ("1,350"), or with its unit ("1080 lượt"). In YAML "1.350" is the decimal 1.35: caught
# here, before it is ever taken for a number, with a hint that says what to write.
_GROUPED = re.compile(r"\s*(\d{1,3}(?:[.,]\d{3})+)\s*")
_WITH_UNIT = re.compile(r"\s*(\d[\d.,]*)\s+(\D.*)")


def _count(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "cần một số nguyên")
    if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
        thousands = value * 1000
        if abs(thousands - round(thousands)) < 1e-6 and abs(value) < 1000:
            raise _thousands_error(round(thousands))
        raise PydanticCustomError(
            "count_fraction",
            "số đếm phải là số nguyên, không có phần thập phân",
            {"hint": "Ghi số nguyên, ví dụ 1350."},
        )
    if isinstance(value, str):
        if match := _GROUPED.fullmatch(value):
            raise _thousands_error(int(re.sub(r"\D", "", match.group(1))))
        if match := _WITH_UNIT.fullmatch(value):
            digits = re.sub(r"\D", "", match.group(1))
            raise PydanticCustomError(
                "count_unit",
                "số đếm chỉ ghi số, không kèm đơn vị ('{unit}')",
                {
                    "unit": match.group(2).strip(),
                    "hint": f"Ghi {digits}; đơn vị đã có trong kế hoạch.",
                },
            )
    return value


def _thousands_error(whole: int) -> PydanticCustomError:
    grouped = f"{whole:,}".replace(",", ".")
    return PydanticCustomError(
        "count_thousands",
        "số đếm phải là số nguyên; trong tệp YAML dấu chấm (hoặc dấu phẩy) không ngăn hàng nghìn",
        {
            "hint": f"Nếu là {grouped} (cách viết Việt Nam, dấu chấm ngăn hàng nghìn), ghi {whole}: "
            "không có dấu chấm hay dấu phẩy."
        },
    )


# Far above any commune's figures, far below where a float would lose digits in a report.
MAX_FIGURE = 10**12


def _bounded(value: Any) -> Any:
    if value is not None and abs(value) > MAX_FIGURE:
        raise PydanticCustomError(
            "figure_too_large", "số quá lớn (tối đa 1.000.000.000.000); kiểm tra lại số liệu"
        )
    return value


Count = Annotated[int | None, BeforeValidator(_count), AfterValidator(_bounded)]
Figure = Annotated[Number | None, AfterValidator(_bounded)]


@dataclass(frozen=True, slots=True, order=True)
class Quarter(ParsedValue):
    """A quarter of a year ("quý"), written 2024-Q1."""

    json_schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\d{4}-Q[1-4]$"}

    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.number}"

    @property
    def roman(self) -> str:
        return roman(self.number)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    @classmethod
    def parse(cls, value: Any) -> Quarter:
        if isinstance(value, Quarter):
            return value
        match = (
            re.fullmatch(r"\s*(\d{4})-[Qq]([1-4])\s*", value) if isinstance(value, str) else None
        )
        if match is None:
            raise PydanticCustomError(
                "quarter_format",
                "Quý phải viết dạng YYYY-Qn, ví dụ 2024-Q1 (đang là '{value}')",
                {"value": str(value)},
            )
        return cls(int(match.group(1)), int(match.group(2)))


class TaskProgress(Model):
    """What was done on one task of the plan during the quarter ("kết quả nhiệm vụ")."""

    id: Id = vi("Mã nhiệm vụ", "Mã nhiệm vụ trong kế hoạch, ví dụ CD-01.")
    status: Status | None = vi(
        "Tình trạng",
        "hoàn thành, đang thực hiện hoặc chưa thực hiện (không dấu: hoan-thanh, "
        "dang-thuc-hien, chua-thuc-hien). Quá hạn được tính từ thời hạn, không ghi tay. "
        "Để trống (~) khi chưa nhập: báo cáo sẽ đòi điền.",
        default=None,
    )
    completed_on: Date | None = vi(
        "Ngày hoàn thành", "Chỉ ghi khi đã hoàn thành; trong kỳ số liệu của quý.", default=None
    )
    result: Text | None = vi(
        "Kết quả",
        "Những việc đã làm trong quý (chỉ việc của quý này). Nhiệm vụ đã hoàn thành ở quý "
        "trước, quý này không có việc mới: không ghi.",
        default=None,
    )
    period_result: Text | None = vi(
        "Kết quả cả kỳ",
        "Chỉ trong tệp quý II (báo cáo 6 tháng) và quý IV (báo cáo năm): kết quả của cả kỳ "
        "báo cáo, viết thành một đoạn; báo cáo dùng đoạn này thay cho kết quả từng quý.",
        default=None,
    )
    evidence: list[Text] = vi(
        "Văn bản chứng minh",
        "Ví dụ: Kế hoạch số 25/KH-UBND ngày 10/02/2024.",
        default=[],
    )
    note: Text | None = vi("Ghi chú", "Ghi chú thêm (khó khăn, lý do chậm…).", default=None)


class IndicatorProgress(Model):
    """The figures of one indicator for the quarter ("số liệu chỉ số")."""

    id: Id = vi("Mã chỉ số", "Mã chỉ số trong kế hoạch.")
    counts: dict[Id, Count] = vi(
        "Số liệu đếm",
        "Các số liệu khai báo trong counts của chỉ số, ví dụ received: 1200.",
        default={},
    )
    value: Figure = vi(
        "Giá trị", "Với chỉ số một giá trị: số, phần trăm ghi 97.5 cho 97,5%.", default=None
    )
    text: Text | None = vi(
        "Kết quả định tính", "Với chỉ số định tính: mô tả kết quả.", default=None
    )
    note: Text | None = vi(
        "Ghi chú",
        "Nguồn số liệu, giải thích ngắn; in ở cột Ghi chú của Phụ lục II (báo cáo 6 tháng, năm: "
        "ghi chú của các quý được cộng dồn, ghi theo từng quý).",
        default=None,
    )


class Narrative(Model):
    """The report's prose, paragraph by paragraph ("nội dung báo cáo")."""

    direction: list[Text] = vi(
        "Công tác chỉ đạo, điều hành",
        "Kế hoạch ban hành, hội nghị, kiểm tra, tuyên truyền CCHC.",
        default=[],
    )
    areas: dict[Id, list[Text]] = vi(
        "Kết quả theo lĩnh vực",
        "Mã lĩnh vực (the-che, tthc, …) và các đoạn kết quả của lĩnh vực đó.",
        default={},
    )
    strengths: list[Text] = vi("Ưu điểm", "Đánh giá chung: ưu điểm.", default=[])
    shortcomings: list[Text] = vi(
        "Tồn tại, hạn chế", "Đánh giá chung: tồn tại, hạn chế.", default=[]
    )
    causes: list[Text] = vi("Nguyên nhân", "Nguyên nhân của tồn tại, hạn chế.", default=[])
    next_tasks: list[Text] = vi("Phương hướng, nhiệm vụ kỳ tới", "Nhiệm vụ kỳ tới.", default=[])
    proposals: list[Text] = vi("Kiến nghị, đề xuất", "Kiến nghị, đề xuất với cấp trên.", default=[])


class TthcTableColumn(Model):
    """A count column of the one-stop system's statistics table."""

    key: Text = vi(
        "Mã cột", "Mã cột Biểu 06 (tiep-nhan, …), mã khai báo trong kế hoạch, hoặc rỗng."
    )
    title: Text = vi("Tiêu đề", "Tiêu đề cột như in trong tệp thống kê.")


class TthcField(Model):
    """One row of the statistics table: a field (lĩnh vực) and its counts."""

    name: Text = vi("Lĩnh vực", "Tên lĩnh vực như in trong tệp thống kê.")
    counts: list[int] = vi("Số liệu", "Số hồ sơ theo từng cột, cùng thứ tự với columns.")


class TthcTableRecord(Model):
    """The statistics table by field (Biểu số 06/VPCP/KSTT), as `cchc progress import`
    read it: kept so the report can show it and the workbook can add it up."""

    source: Text = vi("Tệp nguồn", "Tên tệp thống kê đã nhập.")
    sheet: Text | None = vi("Trang tính", "Trang tính chứa bảng.", default=None)
    period_start: Date | None = vi("Từ ngày", "Kỳ in trong tệp: từ ngày.", default=None)
    period_end: Date | None = vi("Đến ngày", "Kỳ in trong tệp: đến ngày.", default=None)
    columns: list[TthcTableColumn] = vi("Cột", "Các cột số liệu của bảng.", default=[])
    fields: list[TthcField] = vi("Lĩnh vực", "Một dòng cho mỗi lĩnh vực.", default=[])
    totals: list[int] = vi("Tổng cộng", "Dòng tổng cộng, cùng thứ tự với columns.", default=[])


# The written sections of a report besides the areas, in the order a report gives them.
SECTIONS = ("direction", "strengths", "shortcomings", "causes", "next_tasks", "proposals")


def section_title(name: str) -> str:
    """A section's title, as the report, validate and progress new all say it."""
    return str(Narrative.model_fields[name].title)


class Progress(Model):
    """A unit's progress record for one quarter ("tiến độ thực hiện kế hoạch CCHC")."""

    plan: Text = vi("Kế hoạch", "Đường dẫn tệp kế hoạch, tương đối với tệp này.")
    quarter: Quarter = vi("Quý", "Quý của số liệu, dạng 2024-Q1.")
    sample: bool = vi(
        "Dữ liệu mẫu", "true khi đây là dữ liệu mẫu; báo cáo sẽ ghi rõ là mẫu.", default=False
    )
    signer_name: Text | None = vi(
        "Người ký", "Họ tên người ký báo cáo kỳ này (thay cho tên trong kế hoạch).", default=None
    )
    tasks: list[TaskProgress] = vi("Nhiệm vụ", "Tình trạng từng nhiệm vụ của kế hoạch.", default=[])
    indicators: list[IndicatorProgress] = vi("Chỉ số", "Số liệu từng chỉ số trong quý.", default=[])
    narrative: Narrative = vi(
        "Nội dung báo cáo", "Các đoạn văn của báo cáo.", default_factory=Narrative
    )
    tthc_table: TthcTableRecord | None = vi(
        "Bảng thống kê TTHC",
        "Bảng Biểu 06 theo lĩnh vực, do cchc progress import ghi; không sửa tay.",
        default=None,
    )

    def task(self, task_id: str) -> TaskProgress | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def indicator(self, indicator_id: str) -> IndicatorProgress | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)


def is_progress_document(data: dict[str, Any]) -> bool:
    """Whether parsed YAML is a progress record, not a plan: it has 'quarter' at the top,
    or (a record whose 'quarter' was left out) 'plan' without the plan's 'unit'."""
    return isinstance(data, dict) and ("quarter" in data or ("plan" in data and "unit" not in data))
