"""The consolidating office ("cơ quan tổng hợp"): the Sở Nội vụ that writes the
province's consolidated CCHC report from its units' (`cchc rollup`).

Every field may be left out: the report then shows a visible "…" there for the office to
fill in, never an invented name. Keys are English; titles and descriptions give the
Vietnamese terms, as in plan files.
"""

from __future__ import annotations

from cchc_cli.model.plan import vi
from cchc_cli.model.types import Model, Text


class OfficeSigner(Model):
    """Who signs the consolidated report ("người ký")."""

    title: Text | None = vi(
        "Chức vụ",
        "Chức vụ người ký, ví dụ GIÁM ĐỐC; cấp phó ký: PHÓ GIÁM ĐỐC (với deputy_of).",
        default=None,
    )
    deputy_of: Text | None = vi(
        "Ký thay",
        "Khi cấp phó ký thay: dòng ký thay, ví dụ 'KT. GIÁM ĐỐC'.",
        default=None,
    )
    authority: Text | None = vi(
        "Thẩm quyền ký",
        "Dòng thẩm quyền trên chức vụ khi có, ví dụ 'TM. …' hoặc 'TL. …'; cơ quan chuyên "
        "môn do người đứng đầu ký trực tiếp thì bỏ trống.",
        default=None,
    )
    name: Text | None = vi("Họ và tên", "Họ tên người ký.", default=None)


class Office(Model):
    """The Sở Nội vụ's own details, for the header, signature and recipients of the
    consolidated report ("thông tin cơ quan tổng hợp")."""

    name: Text | None = vi(
        "Tên cơ quan",
        "Cơ quan ban hành báo cáo tổng hợp (chữ in hoa, đậm ở phần đầu văn bản), ví dụ Sở Nội vụ.",
        default=None,
    )
    parent: Text | None = vi(
        "Cơ quan chủ quản",
        "Cơ quan cấp trên ghi phía trên tên cơ quan (chữ in hoa, không đậm), ví dụ Ủy ban "
        "nhân dân thành phố Hải Phòng; muốn in thành hai dòng thì xuống dòng ở chỗ ngắt "
        '(trong YAML: "Ủy ban nhân dân\\nthành phố Hải Phòng").',
        default=None,
    )
    area: Text | None = vi(
        "Địa bàn",
        "Tỉnh, thành phố có các đơn vị được tổng hợp, như viết trong câu: 'trên địa bàn "
        "thành phố Hải Phòng' thì ghi thành phố Hải Phòng.",
        default=None,
    )
    place: Text | None = vi(
        "Địa danh", "Địa danh ở dòng ngày tháng, ví dụ Hải Phòng.", default=None
    )
    document_code: Text | None = vi(
        "Ký hiệu báo cáo",
        "Phần sau số của báo cáo ở dòng 'Số:      /…', ví dụ BC-SNV.",
        default=None,
    )
    signer: OfficeSigner | None = vi("Người ký", "Người ký báo cáo tổng hợp.", default=None)
    recipients: list[Text] = vi(
        "Nơi nhận", "Các nơi nhận, mỗi dòng một nơi (không gồm dòng 'Lưu').", default=[]
    )
    archive: Text = vi("Lưu", "Dòng lưu cuối 'Nơi nhận', ví dụ 'VT, CCHC'.", default="VT")
    sample: bool = vi(
        "Dữ liệu mẫu", "true khi đây là thông tin mẫu; báo cáo sẽ ghi rõ là mẫu.", default=False
    )
