"""Indicators shared across units ("chỉ số dùng chung"): what the Sở Nội vụ adds up.

Each unit's plan has its own tasks and indicators; units are compared only through the
codes below, which a plan declares on an indicator (`shared:`). A code fixes what the
figure means, so that a province can add the counts of all its units and rank them:
a rate is recomputed from summed counts, never averaged. docs/shared-indicators.md is
generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.model.plan import Measure


@dataclass(frozen=True)
class SharedIndicator:
    """A shared indicator: its meaning, where it comes from, and how it adds up."""

    code: str
    title: str
    short: str  # a column heading of the province's workbook
    source: str
    measure: Measure
    unit: str | None = "%"
    higher_is_better: bool = True

    @property
    def summable(self) -> bool:
        """Whether units' figures add up to the province's: counts of a rate, or a count."""
        return self.measure is Measure.RATE or self.unit != "%"


_SHARED = (
    SharedIndicator(
        "nhiem-vu-hoan-thanh",
        "Tỷ lệ nhiệm vụ của kế hoạch CCHC năm được hoàn thành",
        "Chỉ số nhiệm vụ hoàn thành",
        "Kế hoạch CCHC của đơn vị; Sở Nội vụ đếm hoàn thành X/Y nhiệm vụ",
        Measure.RATE,
    ),
    SharedIndicator(
        "tthc-dung-han",
        "Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn",
        "Hồ sơ trước và đúng hạn",
        "Biểu số 06/VPCP/KSTT; Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg): tiến độ giải quyết",
        Measure.RATE,
    ),
    SharedIndicator(
        "tthc-truc-tuyen",
        "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến",
        "Hồ sơ trực tuyến",
        "Biểu số 06/VPCP/KSTT; Bộ chỉ số 766: dịch vụ công trực tuyến",
        Measure.RATE,
    ),
    SharedIndicator(
        "tthc-theo-doi",
        "Tỷ lệ hồ sơ TTHC được theo dõi trên Hệ thống thông tin giải quyết TTHC",
        "Hồ sơ được theo dõi",
        "Hệ thống thông tin giải quyết TTHC của tỉnh",
        Measure.RATE,
    ),
    SharedIndicator(
        "so-hoa",
        "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa",
        "Hồ sơ được số hóa",
        "Bộ chỉ số 766: số hóa hồ sơ",
        Measure.RATE,
    ),
    SharedIndicator(
        "thanh-toan-truc-tuyen",
        "Tỷ lệ hồ sơ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến",
        "Thanh toán trực tuyến",
        "Bộ chỉ số 766: thanh toán trực tuyến",
        Measure.RATE,
    ),
    SharedIndicator(
        "hai-long",
        "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC",
        "Hài lòng",
        "Bộ chỉ số 766: mức độ hài lòng",
        Measure.RATE,
    ),
    SharedIndicator(
        "van-ban-ra-soat",
        "Số văn bản quy phạm pháp luật được rà soát",
        "Văn bản được rà soát",
        "Kế hoạch CCHC: cải cách thể chế",
        Measure.VALUE,
        unit="văn bản",
    ),
)

SHARED: dict[str, SharedIndicator] = {s.code: s for s in _SHARED}


def shared_markdown() -> str:
    """docs/shared-indicators.md: the vocabulary a plan declares with `shared:`."""
    lines = [
        "# Chỉ số dùng chung",
        "",
        "<!-- Tạo tự động từ src/cchc_cli/model/shared.py bởi scripts/generate-docs.py. -->",
        "",
        "Mỗi đơn vị có nhiệm vụ và chỉ số riêng. Sở Nội vụ chỉ so sánh, cộng dồn và xếp hạng "
        "các đơn vị qua những chỉ số được khai báo mã dùng chung dưới đây (khóa `shared:` của "
        "chỉ số trong kế hoạch). Tỷ lệ được tính lại từ số liệu cộng dồn của các đơn vị, không "
        "lấy trung bình các tỷ lệ. `cchc validate` kiểm tra mã và cách đo.",
        "",
        "| Mã | Chỉ số | Cách đo | Đơn vị | Nguồn |",
        "|---|---|---|---|---|",
    ]
    for item in _SHARED:
        measure = "tỷ lệ (tử số / mẫu số)" if item.measure is Measure.RATE else "một giá trị"
        lines.append(
            f"| `{item.code}` | {item.title} | {measure} | {item.unit or ''} | {item.source} |"
        )
    lines += [
        "",
        "Ví dụ trong kế hoạch:",
        "",
        "```yaml",
        "  - id: TTHC-DUNG-HAN",
        "    shared: tthc-dung-han",
        "    measure: rate",
        '    unit: "%"',
        "```",
        "",
    ]
    return "\n".join(lines)
