"""JSON Schema of plan and progress files, generated from the models."""

from __future__ import annotations

import json
from typing import Any

PLAN_SCHEMA_ID = "cchc-plan.schema.json"
PROGRESS_SCHEMA_ID = "cchc-progress.schema.json"
OFFICE_SCHEMA_ID = "cchc-office.schema.json"


def plan_schema() -> dict[str, Any]:
    from cchc_cli.model.plan import Plan

    return _finish(Plan.model_json_schema(), PLAN_SCHEMA_ID, "Kế hoạch cải cách hành chính")


def progress_schema() -> dict[str, Any]:
    from cchc_cli.model.progress import Progress

    return _finish(Progress.model_json_schema(), PROGRESS_SCHEMA_ID, "Tiến độ thực hiện theo quý")


def office_schema() -> dict[str, Any]:
    from cchc_cli.model.office import Office

    return _finish(
        Office.model_json_schema(), OFFICE_SCHEMA_ID, "Thông tin cơ quan tổng hợp (Sở Nội vụ)"
    )


# Class docstrings are English, for developers; editors show these to the clerk.
_VIETNAMESE_DEFS: dict[str, tuple[str, str]] = {
    "Aggregation": (
        "Cách cộng dồn",
        "sum: cộng các kỳ; last: lấy kỳ gần nhất; rate: tính lại tỷ lệ từ số liệu cộng dồn; none: không cộng dồn.",
    ),
    "Baseline": ("Giá trị cơ sở", "Năm và giá trị xuất phát của chỉ số."),
    "CountField": ("Số liệu", "Một số liệu đếm mà tệp tiến độ cung cấp."),
    "CountRollup": (
        "Cộng dồn số liệu",
        "sum: cộng các quý; first: lấy quý đầu kỳ (số chuyển từ kỳ trước); last: lấy quý "
        "cuối kỳ (số tồn cuối kỳ).",
    ),
    "ComputedCount": (
        "Số liệu tự tính",
        "plan-tasks: số nhiệm vụ của kế hoạch; tasks-done: số nhiệm vụ đã hoàn thành; "
        "tasks-done-on-time: số nhiệm vụ hoàn thành đúng hạn.",
    ),
    "Direction": (
        "Chiều của chỉ tiêu",
        "at_least: từ … trở lên; above: trên; at_most: không quá; below: dưới; exactly: đúng bằng.",
    ),
    "Indicator": ("Chỉ số", "Một chỉ tiêu đo được của kế hoạch."),
    "Issuance": ("Văn bản ban hành", "Số, ký hiệu, ngày, cơ quan ban hành và tên kế hoạch."),
    "Measure": ("Cách đo", "value: một giá trị; rate: tỷ lệ tính từ số liệu; text: định tính."),
    "Post": ("Chức danh", "Chức danh, bộ phận được giao nhiệm vụ."),
    "Programme": (
        "Chương trình",
        "nq76: NQ 76/NQ-CP (2021-2030); nq30c: NQ 30c/NQ-CP (2011-2020).",
    ),
    "ReportKind": ("Kỳ báo cáo", "quy-1: quý I; 6-thang: 6 tháng; quy-3: quý III; nam: năm."),
    "ReportingRule": ("Chế độ báo cáo", "Các kỳ báo cáo, hạn gửi và nơi nhận."),
    "ScheduledReport": ("Kỳ báo cáo định kỳ", "Một kỳ báo cáo và các mốc ngày của nó."),
    "Signer": ("Người ký", "Thẩm quyền ký, chức vụ và họ tên người ký báo cáo."),
    "Target": ("Chỉ tiêu", "Giá trị cần đạt và chiều của nó."),
    "Task": ("Nhiệm vụ", "Một nhiệm vụ của kế hoạch, thuộc một lĩnh vực cải cách."),
    "TthcColumn": (
        "Cột của tệp thống kê TTHC",
        "Một cột của tệp thống kê của đơn vị, gọi theo tiêu đề: mã chuẩn khi tiêu đề khác Biểu 06, hoặc mã mới cho cột riêng của tỉnh.",
    ),
    "TthcExport": (
        "Tệp thống kê TTHC",
        "Cách đọc tệp Biểu số 06/VPCP/KSTT mà Hệ thống một cửa xuất ra: trang tính và các cột có tiêu đề khác mẫu.",
    ),
    "TthcTableColumn": (
        "Cột số liệu của bảng thống kê TTHC",
        "Một cột số liệu của Biểu 06 như đã nhập: mã cột và tiêu đề in trong tệp.",
    ),
    "TthcField": (
        "Dòng lĩnh vực của bảng thống kê TTHC",
        "Một lĩnh vực và số hồ sơ theo từng cột.",
    ),
    "TthcTableRecord": (
        "Bảng thống kê TTHC theo lĩnh vực",
        "Biểu số 06/VPCP/KSTT như `cchc progress import` đã đọc, giữ lại để báo cáo in "
        "Phụ lục số liệu TTHC và bảng tính cộng dồn các quý.",
    ),
    "IndicatorProgress": (
        "Số liệu chỉ số",
        "Số liệu, giá trị hoặc nội dung của một chỉ số trong quý.",
    ),
    "OfficeSigner": (
        "Người ký",
        "Người ký báo cáo tổng hợp: chức vụ, dòng ký thay, họ tên; bỏ trống thì báo cáo để '…'.",
    ),
    "Narrative": (
        "Nội dung báo cáo",
        "Các đoạn văn của báo cáo: chỉ đạo điều hành, kết quả theo lĩnh vực, đánh giá, phương hướng, kiến nghị.",
    ),
    "TaskProgress": (
        "Kết quả nhiệm vụ",
        "Tình trạng, ngày hoàn thành, kết quả và văn bản minh chứng của một nhiệm vụ trong quý.",
    ),
    "TaskStatus": ("Tình trạng", "hoàn thành, đang thực hiện hoặc chưa thực hiện."),
    "Unit": ("Đơn vị", "Đơn vị hành chính ban hành kế hoạch và báo cáo."),
    "UnitKind": (
        "Loại đơn vị",
        "phường, xã, đặc khu, thị trấn, quận, huyện, thị xã, thành phố, tỉnh.",
    ),
}


def _finish(schema: dict[str, Any], schema_id: str, title: str) -> dict[str, Any]:
    for name, definition in schema.get("$defs", {}).items():
        if name in _VIETNAMESE_DEFS:
            definition["title"], definition["description"] = _VIETNAMESE_DEFS[name]
    schema.pop("description", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **schema,
        "title": title,
    }


def _chosen(progress: bool, office: bool) -> dict[str, Any]:
    if office:
        return office_schema()
    return progress_schema() if progress else plan_schema()


def schema_text(progress: bool = False, *, office: bool = False) -> str:
    """The schema as stable, human-readable JSON text."""
    value = _chosen(progress, office)
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def fields_markdown(progress: bool = False, *, office: bool = False) -> str:
    """Every field of the file format with its Vietnamese term and meaning, as Markdown."""
    schema = _chosen(progress, office)
    definitions = schema.get("$defs", {})
    flag = " --office" if office else " --progress" if progress else ""
    lines = [f"# {schema['title']}: các trường", ""]
    lines += [
        f"Tệp này được sinh từ mô hình dữ liệu (`cchc schema --fields{flag}`); đừng sửa tay.",
        "",
    ]
    sections = [
        ("(gốc)", schema),
        *sorted((name, value) for name, value in definitions.items() if "properties" in value),
    ]
    for name, section in sections:
        title = section.get("title", name)
        lines += [f"## {title} (`{name}`)", ""]
        if section is not schema and section.get("description"):
            lines += [section["description"], ""]
        lines += ["| khóa | thuật ngữ | bắt buộc | ý nghĩa |", "|---|---|---|---|"]
        required = set(section.get("required", []))
        for key, prop in section["properties"].items():
            mark = "có" if key in required else ""
            description = str(prop.get("description", "")).replace("|", "\\|")
            lines.append(f"| `{key}` | {prop.get('title', '')} | {mark} | {description} |")
        lines.append("")
    return "\n".join(lines)
