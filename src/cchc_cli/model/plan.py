"""The plan file ("kế hoạch CCHC"): unit, plan document, tasks, indicators, reporting rule.

Keys are English; each field's title and description (shown by editors through
``cchc schema``) give the Vietnamese term and meaning.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from cchc_cli.model.areas import Programme
from cchc_cli.model.types import (
    Date,
    Direction,
    Due,
    Id,
    Model,
    MonthDay,
    Number,
    ParsedValue,
    Text,
)


def vi(title: str, description: str, **kwargs: Any) -> Any:
    """A field documented with its Vietnamese term and meaning."""
    return Field(title=title, description=description, **kwargs)


class UnitKind(enum.StrEnum):
    """Kind of administrative unit ("loại đơn vị hành chính")."""

    PHUONG = "phường"
    XA = "xã"
    DAC_KHU = "đặc khu"
    THI_TRAN = "thị trấn"
    QUAN = "quận"
    HUYEN = "huyện"
    THI_XA = "thị xã"
    THANH_PHO = "thành phố"
    TINH = "tỉnh"


class Post(Model):
    """A staff post of the unit that owns tasks ("chức danh", e.g. Văn phòng - Thống kê)."""

    id: Id = vi("Mã chức danh", "Mã ngắn, không dấu, dùng trong lead/partners của nhiệm vụ.")
    title: Text = vi("Tên chức danh", "Ví dụ: Công chức Văn phòng - Thống kê.")
    duties: list[Text] = vi(
        "Nhiệm vụ", "Các nhiệm vụ được phân công (mục Tổ chức thực hiện).", default=[]
    )


class Signer(Model):
    """Who signs the unit's reports ("người ký")."""

    authority: Text = vi("Thẩm quyền ký", "Ví dụ: TM. ỦY BAN NHÂN DÂN.")
    title: Text = vi("Chức vụ", "Ví dụ: CHỦ TỊCH; cấp phó ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.")
    name: Text | None = vi(
        "Họ và tên", "Họ tên người ký; có thể khai trong tệp tiến độ.", default=None
    )
    deputy_of: Text | None = vi(
        "Ký thay", "Khi cấp phó ký: chức vụ của cấp trưởng, ví dụ 'KT. CHỦ TỊCH'.", default=None
    )


class Unit(Model):
    """The administrative unit that adopts the plan and reports on it ("đơn vị")."""

    name: Text = vi("Tên đơn vị", "Tên riêng, ví dụ: Phù Liễn.")
    kind: UnitKind = vi("Loại đơn vị", "phường, xã, đặc khu, quận, huyện, thành phố, tỉnh…")
    body: Text = vi("Cơ quan", "Cơ quan ban hành văn bản của đơn vị.", default="Ủy ban nhân dân")
    province: Text | None = vi(
        "Tỉnh/thành phố", "Tỉnh, thành phố trực thuộc trung ương.", default=None
    )
    place: Text | None = vi(
        "Địa danh", "Địa danh ghi ở dòng ngày tháng; mặc định là tên đơn vị.", default=None
    )
    parent: Text | None = vi(
        "Cơ quan chủ quản",
        "Tên cơ quan cấp trên ghi phía trên tên cơ quan ban hành (chữ in hoa, không đậm), nếu có.",
        default=None,
    )
    reports_to: Text | None = vi(
        "Cấp trên nhận báo cáo", "Cơ quan cấp trên trực tiếp.", default=None
    )
    signer: Signer = vi("Người ký", "Người ký báo cáo của đơn vị.")
    posts: list[Post] = vi("Chức danh", "Các chức danh, bộ phận được giao nhiệm vụ.", default=[])

    @property
    def full_name(self) -> str:
        """E.g. "Ủy ban nhân dân phường Phù Liễn"."""
        if self.kind in (UnitKind.TINH, UnitKind.THANH_PHO) and self.name.lower().startswith(
            self.kind.value
        ):
            return f"{self.body} {self.name}"
        return f"{self.body} {self.kind.value} {self.name}"

    @property
    def place_name(self) -> str:
        return self.place or self.name


# The years a plan may cover; the command line's days and years are held to them too.
FIRST_YEAR, LAST_YEAR = 1990, 2200


@dataclass(frozen=True, slots=True)
class YearSpan(ParsedValue):
    """The year or years a plan covers ("năm/giai đoạn"): 2024 or 2021-2025."""

    json_schema: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            {"type": "string", "pattern": r"^\d{4}\s*[-–]\s*\d{4}$"},
        ]
    }

    start: int
    end: int

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    @classmethod
    def parse(cls, value: Any) -> YearSpan:
        if isinstance(value, YearSpan):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            start = end = value
        elif isinstance(value, str) and (
            match := re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value)
        ):
            start, end = int(match.group(1)), int(match.group(2))
        elif isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
            start = end = int(value)
        else:
            raise PydanticCustomError(
                "years_format", 'Năm phải là một năm (2024) hoặc một giai đoạn ("2021-2025")'
            )
        for year in (start, end):
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise PydanticCustomError(
                    "years_range",
                    "Năm {year} không hợp lệ: cần trong {first}–{last}",
                    {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR},
                )
        if start > end:
            raise PydanticCustomError(
                "years_order",
                "Giai đoạn {value} không hợp lệ: năm đầu phải không sau năm cuối",
                {"value": f"{start}-{end}"},
            )
        return cls(start, end)


# Type codes of administrative documents (Nghị định 30/2020, Phụ lục III) and their
# names, as the number "19/QĐ-UBND" carries them between "/" and "-".
DOCUMENT_TYPES = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "CV": "Công văn",
}


class Issuance(Model):
    """The document that adopts the plan ("văn bản ban hành")."""

    number: Text = vi("Số, ký hiệu", "Ví dụ: 19/QĐ-UBND, 216/KH-UBND.")
    date: Date | None = vi(
        "Ngày ban hành",
        "Dạng YYYY-MM-DD hoặc DD/MM/YYYY; bỏ trống nếu nguồn không ghi.",
        default=None,
    )
    issuer: Text = vi("Cơ quan ban hành", "Ví dụ: Ủy ban nhân dân phường Phù Liễn.")
    title: Text = vi(
        "Tên kế hoạch", "Trích yếu nội dung, ví dụ: Cải cách hành chính phường … năm 2024."
    )
    signed_by: Text | None = vi("Người ký", "Người ký văn bản ban hành, nếu biết.", default=None)

    @property
    def type_name(self) -> str:
        """The kind of document its number names: "19/QĐ-UBND" → "Quyết định"; "văn bản"
        when the number carries no known type code."""
        match = re.match(r"[^/]*/([^-/\s]+)", self.number)
        return DOCUMENT_TYPES.get(match.group(1), "văn bản") if match else "văn bản"


class Task(Model):
    """A task of the plan ("nhiệm vụ"), under a reform area."""

    id: Id = vi("Mã nhiệm vụ", "Mã ổn định, duy nhất trong kế hoạch, ví dụ TTHC-01.")
    area: Id = vi("Lĩnh vực", "Mã lĩnh vực cải cách (chi-dao, the-che, tthc, …) theo chương trình.")
    content: Text = vi("Nội dung", "Nội dung nhiệm vụ, giữ nguyên văn kế hoạch.")
    short: Text | None = vi(
        "Tên ngắn",
        "Tên ngắn của nhiệm vụ trong báo cáo (Phụ lục I, và phần nội dung nếu kế hoạch chọn "
        "reporting.tasks_in_body); mặc định: vế đầu của nội dung, đến dấu ';', ':' hoặc hết câu.",
        default=None,
    )
    lead: Id | None = vi("Chủ trì", "Mã chức danh chủ trì (trong unit.posts).", default=None)
    partners: list[Id] = vi("Phối hợp", "Mã các chức danh phối hợp.", default=[])
    due: Due = vi(
        "Thời hạn",
        "Ngày (2024-03-31), tháng (2024-03), quý (2024-Q1), cả năm (2024) hoặc 'thường xuyên'.",
    )
    output: Text | None = vi(
        "Sản phẩm", "Sản phẩm dự kiến, ví dụ: Báo cáo, Kế hoạch.", default=None
    )
    ref: Text | None = vi(
        "Mục trong văn bản", "Vị trí trong văn bản gốc, ví dụ III.3.đ.", default=None
    )

    @property
    def label(self) -> str:
        """How a report names the task: its ``short`` title, else the first clause of its
        content (up to ";", ":" or the end of the first sentence), never the whole text."""
        return self.short or first_clause(self.content)


# Where a task's first clause ends: ";" or ":" before a space, or a full stop before the
# next sentence's capital. A dot or colon inside a number or code ("ngày 01/06/2020",
# "TCVN ISO 9001:2015") is not followed by a space, so it does not end the clause.
_CLAUSE_END = re.compile(r"[;:]\s|\.\s+(\w)")


def first_clause(text: str) -> str:
    """The first clause of ``text``, without its closing punctuation."""
    end = len(text)
    for found in _CLAUSE_END.finditer(text):
        if found.group(1) is None or found.group(1).isupper():
            end = found.start()
            break
    return text[:end].rstrip(" .;:,")


class Measure(enum.StrEnum):
    """How an indicator is measured ("cách đo")."""

    VALUE = "value"
    RATE = "rate"
    TEXT = "text"


class Aggregation(enum.StrEnum):
    """How an indicator rolls up over periods ("cách cộng dồn")."""

    SUM = "sum"
    LAST = "last"
    RATE = "rate"
    NONE = "none"


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


# One column id, or a list of them whose values are added up.
ColumnIds = Annotated[
    list[Id],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}, "minItems": 1},
            ]
        }
    ),
]


class CountRollup(enum.StrEnum):
    """How one count rolls up over the quarters of a period ("cộng dồn số liệu")."""

    SUM = "sum"
    FIRST = "first"
    LAST = "last"


class ComputedCount(enum.StrEnum):
    """A count cchc knows from the plan and the task statuses ("số liệu tự tính")."""

    PLAN_TASKS = "plan-tasks"
    TASKS_DONE = "tasks-done"
    TASKS_DONE_ON_TIME = "tasks-done-on-time"


class CountField(Model):
    """A count the progress file supplies for a rate ("số liệu đếm")."""

    id: Id = vi("Mã số liệu", "Ví dụ: received, resolved, on_time.")
    label: Text = vi("Tên số liệu", "Ví dụ: Số hồ sơ đã giải quyết.")
    part_of: Id | None = vi(
        "Là một phần của",
        "Mã số liệu lớn hơn chứa số liệu này; tổng các phần không vượt quá số liệu đó.",
        default=None,
    )
    tthc_column: ColumnIds = vi(
        "Cột bảng thống kê TTHC",
        "Cột của Biểu số 06/VPCP/KSTT (tệp thống kê Hệ thống một cửa xuất ra) cho số liệu "
        "này khi nhập tệp: tiep-nhan, truc-tuyen, truc-tiep, ky-truoc, da-giai-quyet, "
        "truoc-han, dung-han, qua-han, dang-giai-quyet, trong-han, dang-qua-han, hoặc mã "
        "một cột khai báo trong tthc_export.columns; một danh sách thì cộng các cột. Lấy "
        "số của dòng tổng cộng.",
        default=[],
    )
    carried_in: Id | None = vi(
        "Phần chuyển từ kỳ trước",
        "Mã số liệu đếm phần của số liệu này chuyển từ kỳ trước sang (ví dụ received có "
        "carried_in: carried_over). Cộng dồn nhiều quý, số liệu này chỉ tính phần chuyển sang "
        "của quý đầu kỳ, không đếm lại phần chuyển sang của các quý sau; số liệu phần chuyển "
        "sang tự cộng dồn kiểu first.",
        default=None,
    )
    rollup: CountRollup = vi(
        "Cộng dồn qua các quý",
        "sum: cộng các quý (mặc định); first: lấy quý đầu kỳ (số chuyển từ kỳ trước sang); "
        "last: lấy quý cuối kỳ (số tồn cuối kỳ).",
        default=CountRollup.SUM,
    )
    computed: ComputedCount | None = vi(
        "Tự tính",
        "Số liệu cchc tự tính, không nhập trong tệp tiến độ: plan-tasks (số nhiệm vụ của kế "
        "hoạch), tasks-done (số nhiệm vụ hoàn thành, lũy kế đến cuối kỳ), tasks-done-on-time "
        "(số nhiệm vụ hoàn thành không chậm so với thời hạn).",
        default=None,
    )


class Target(Model):
    """An indicator's target ("chỉ tiêu") with its direction."""

    direction: Direction | None = vi(
        "Chiều",
        "at_least (từ … trở lên), above (trên), at_most (không quá), below (dưới), exactly.",
        default=None,
    )
    value: Number | None = vi(
        "Giá trị", "Số, không kèm đơn vị; phần trăm ghi 95 cho 95%.", default=None
    )
    text: Text | None = vi(
        "Chỉ tiêu định tính", "Với chỉ số định tính: mô tả kết quả cần đạt.", default=None
    )
    every_period: bool = vi(
        "Áp dụng cho từng kỳ",
        "true: chỉ tiêu phải đạt trong mọi kỳ (ví dụ tỷ lệ hồ sơ giải quyết đúng hạn), được "
        "đánh giá đạt/chưa đạt ở mọi báo cáo. Mặc định (false): chỉ tiêu cả năm, chỉ đánh giá "
        "ở báo cáo năm; báo cáo quý, 6 tháng nêu tiến độ so với kế hoạch năm và chỉ ghi "
        "'đã đạt' khi đã đạt.",
        default=False,
    )


class Baseline(Model):
    """The starting point of an indicator ("giá trị cơ sở")."""

    year: int = vi("Năm", "Năm của giá trị cơ sở.")
    value: Number = vi("Giá trị", "Giá trị cơ sở.")


class Indicator(Model):
    """A measurable target of the plan ("chỉ số, chỉ tiêu")."""

    id: Id = vi("Mã chỉ số", "Mã ổn định, duy nhất trong kế hoạch.")
    area: Id = vi("Lĩnh vực", "Mã lĩnh vực cải cách theo chương trình.")
    name: Text = vi("Tên chỉ số", "Giữ nguyên văn kế hoạch.")
    unit: Text | None = vi("Đơn vị tính", "%, hồ sơ, văn bản, ngày, …", default=None)
    measure: Measure = vi(
        "Cách đo",
        "value: một giá trị; rate: tỷ lệ tính từ số liệu; text: định tính.",
        default=Measure.VALUE,
    )
    target: Target | None = vi("Chỉ tiêu", "Giá trị cần đạt và chiều.", default=None)
    baseline: Baseline | None = vi("Giá trị cơ sở", "Năm và giá trị xuất phát.", default=None)
    counts: list[CountField] = vi("Số liệu", "Các số liệu đếm mà tệp tiến độ cung cấp.", default=[])
    numerator: list[Id] = vi("Tử số", "Với rate: các số liệu được cộng làm tử số.", default=[])
    denominator: Id | None = vi("Mẫu số", "Với rate: số liệu làm mẫu số.", default=None)
    aggregation: Aggregation = vi(
        "Cộng dồn",
        "sum: cộng; last: lấy kỳ gần nhất; rate: tính lại từ số liệu cộng dồn; none.",
        default=Aggregation.LAST,
    )
    ref: Text | None = vi(
        "Mục trong văn bản", "Vị trí trong văn bản gốc, ví dụ II.5.", default=None
    )
    shared: Id | None = vi(
        "Mã chỉ số dùng chung",
        "Mã để Sở Nội vụ cộng dồn và so sánh các đơn vị, ví dụ tthc-dung-han; xem "
        "docs/shared-indicators.md.",
        default=None,
    )


class TthcColumn(Model):
    """A column of the unit's TTHC statistics export named by its header ("cột")."""

    id: Id = vi(
        "Mã cột",
        "Mã chuẩn (tiep-nhan, qua-han, …) khi tệp của đơn vị ghi tiêu đề khác, hoặc mã mới "
        "cho cột riêng của tỉnh; dùng trong tthc_column của số liệu.",
    )
    header: Text = vi(
        "Tiêu đề cột",
        "Tiêu đề như trong tệp; cột dưới một nhóm ghi 'Nhóm / Cột', ví dụ 'Số hồ sơ đã "
        "giải quyết / Quá hạn có thư xin lỗi'. Không phân biệt hoa thường, dấu cách, xuống dòng.",
    )


class TthcExport(Model):
    """How to read the unit's TTHC statistics export, Biểu số 06/VPCP/KSTT ("tệp thống kê")."""

    sheet: Text | None = vi(
        "Trang tính",
        "Tên trang chứa bảng, khi tệp có nhiều trang có bảng hoặc bảng ở trang ẩn.",
        default=None,
    )
    columns: list[TthcColumn] = vi(
        "Các cột",
        "Cột mà tiêu đề trong tệp của đơn vị khác Biểu 06, và cột riêng của tỉnh cần dùng.",
        default=[],
    )


class ReportKind(enum.StrEnum):
    """The four periodic reports of a year ("kỳ báo cáo")."""

    Q1 = "quy-1"
    H1 = "6-thang"
    Q3 = "quy-3"
    YEAR = "nam"


class ScheduledReport(Model):
    """One periodic report and its dates ("báo cáo định kỳ")."""

    kind: ReportKind = vi("Kỳ báo cáo", "quy-1, 6-thang, quy-3 hoặc nam.")
    send_before: MonthDay = vi("Gửi trước ngày", 'Ngày trong năm dạng DD/MM, ví dụ "05/03".')
    window_start: MonthDay | None = vi(
        "Bắt đầu kỳ số liệu",
        "DD/MM; mặc định theo Nghị định 09/2019: ngày 15 tháng trước kỳ (năm trước nếu sau ngày kết thúc).",
        default=None,
    )
    window_end: MonthDay | None = vi(
        "Kết thúc kỳ số liệu", "DD/MM; mặc định ngày 14 tháng cuối kỳ.", default=None
    )
    cutoff: MonthDay | None = vi(
        "Ngày chốt số liệu",
        "DD/MM; số liệu sau ngày này là ước thực hiện. Mặc định: ngày cuối tháng trước tháng gửi.",
        default=None,
    )


class ReportingRule(Model):
    """The plan's reporting rule ("chế độ báo cáo")."""

    recipients: list[Text] = vi(
        "Nơi nhận", "Các nơi nhận báo cáo, mỗi dòng một nơi (không gồm 'Lưu: VT').", default=[]
    )
    archive: Text = vi("Lưu", "Dòng lưu cuối 'Nơi nhận', ví dụ 'VT' hoặc 'VT, VP'.", default="VT")
    document_code: Text = vi("Ký hiệu báo cáo", "Ví dụ BC-UBND.", default="BC-UBND")
    reports: list[ScheduledReport] = vi("Các kỳ báo cáo", "Mỗi kỳ báo cáo và hạn gửi.", default=[])
    source: Text | None = vi(
        "Căn cứ", "Trích nguyên văn quy định báo cáo trong kế hoạch.", default=None
    )
    tasks_in_body: bool = vi(
        "Nêu từng nhiệm vụ trong báo cáo",
        "true: phần kết quả của mỗi lĩnh vực nêu từng nhiệm vụ (tên ngắn, tình trạng, kết "
        "quả). Mặc định (false): phần nội dung chỉ nêu số nhiệm vụ theo tình trạng; từng "
        "nhiệm vụ ở Phụ lục I.",
        default=False,
    )


class Plan(Model):
    """A CCHC plan as data ("kế hoạch cải cách hành chính")."""

    unit: Unit = vi("Đơn vị", "Đơn vị ban hành kế hoạch và báo cáo.")
    issued: Issuance = vi("Văn bản ban hành", "Số, ngày, cơ quan ban hành, tên kế hoạch.")
    years: YearSpan = vi("Năm", 'Năm (2024) hoặc giai đoạn ("2021-2025") của kế hoạch.')
    start: Date | None = vi(
        "Ngày bắt đầu",
        "Với đơn vị thành lập giữa năm (ví dụ 2025-07-01 cho kế hoạch 6 tháng cuối năm 2025): "
        "kỳ số liệu đầu tiên tính từ ngày này; các quý kết thúc trước đó không có báo cáo.",
        default=None,
    )
    programme: Programme = vi(
        "Chương trình", "nq76 (NQ 76/NQ-CP, 2021-2030) hoặc nq30c (NQ 30c/NQ-CP, 2011-2020)."
    )
    legal_bases: list[Text] = vi("Căn cứ", "Các văn bản làm căn cứ.", default=[])
    purposes: list[Text] = vi("Mục đích", "Mục đích của kế hoạch.", default=[])
    requirements: list[Text] = vi("Yêu cầu", "Yêu cầu của kế hoạch.", default=[])
    targets: list[Text] = vi("Chỉ tiêu chủ yếu", "Nguyên văn các chỉ tiêu chủ yếu.", default=[])
    tasks: list[Task] = vi("Nhiệm vụ", "Các nhiệm vụ, giải pháp theo lĩnh vực.", default=[])
    indicators: list[Indicator] = vi("Chỉ số", "Các chỉ tiêu đo được.", default=[])
    reporting: ReportingRule | None = vi(
        "Chế độ báo cáo", "Các kỳ báo cáo và nơi nhận.", default=None
    )
    tthc_export: TthcExport | None = vi(
        "Tệp thống kê TTHC",
        "Cách đọc tệp Biểu số 06/VPCP/KSTT của Hệ thống một cửa, khi khác mẫu chuẩn.",
        default=None,
    )
    templates: Text | None = vi(
        "Thư mục mẫu",
        "Thư mục mẫu báo cáo riêng của đơn vị, tương đối với tệp kế hoạch.",
        default=None,
    )
    notes: list[Text] = vi("Ghi chú", "Ghi chú về nguồn và cách mã hóa kế hoạch.", default=[])

    def post(self, post_id: str) -> Post | None:
        return next((p for p in self.unit.posts if p.id == post_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)
