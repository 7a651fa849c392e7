"""The problem codes of a TTHC statistics import (E5xx errors, W5xx notes), each with
its one-line Vietnamese title.

E501–E509 and W527 come from reading the file (``cchc_cli.load.spreadsheet``), E510–E522
and W528–W531 from finding and reading the table (``table``, ``layout``, ``numbers``,
``equations``), E523–W526 from checking it against the plan (``importer``), E540 from
the plan's mapping (``feeds``, ``plan_check``), E541–E542 from writing the figures into
the quarter's progress file (``merge``). A problem's line and column are the
cell's row and column number in an .xlsx file (its message names sheet and cell), the
line and field in a CSV file, and the line and column in a progress file.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E501": "Tệp không phải bảng tính cchc đọc được (.xlsx hoặc .csv)",
    "E502": "Tệp Excel 97–2003 (.xls): cần lưu lại dạng .xlsx",
    "E503": "Bảng tính có mật khẩu",
    "E504": "Tệp .xlsx hỏng hoặc không phải tệp nén zip",
    "E505": "Tệp quá lớn hoặc nén bất thường (bom zip)",
    "E506": "Tệp .xlsx khai báo DTD hoặc thực thể XML (bom XML)",
    "E507": "Chữ không phải Unicode UTF-8 (Windows-1258, TCVN3, VNI, UTF-16)",
    "E508": "Trang tính quá nhiều dòng hoặc ô",
    "E509": "Không có trang tính hoặc trang tính trống",
    "E510": "Không tìm thấy bảng Biểu số 06/VPCP/KSTT",
    "E511": "Thiếu cột mà kế hoạch lấy số liệu",
    "E512": "Hai cột cùng được hiểu là một cột của Biểu 06",
    "E513": "Không chọn được trang: trang khai báo không có, hoặc nhiều trang có bảng",
    "E514": "Ô gộp trong vùng số liệu",
    "E515": "Ô số liệu không phải số hồ sơ",
    "E516": "Số hồ sơ âm",
    "E517": "Số hồ sơ lẻ (có phần thập phân)",
    "E518": "Ngày tháng trong cột số liệu",
    "E519": "Công thức không có giá trị tính sẵn",
    "E520": "Hai dòng tổng cộng",
    "E521": "Số liệu một dòng không thỏa phương trình của Biểu 06",
    "E522": "Dòng tổng cộng khác tổng các dòng lĩnh vực",
    "E523": "Kỳ số liệu của tệp không khớp kỳ số liệu của quý",
    "W524": "Tệp không ghi kỳ số liệu (Từ ngày … đến ngày …)",
    "W525": "Tệp kết thúc trước ngày cuối kỳ số liệu của quý",
    "W526": "Tệp ghi đơn vị khác đơn vị của kế hoạch",
    "W527": "Trang ẩn không được đọc (hoặc được đọc vì là trang duy nhất)",
    "W528": "Dòng ẩn trong bảng (vẫn được tính)",
    "W529": "Cột không thuộc Biểu 06: giữ lại hoặc bỏ qua",
    "W530": "Phương trình không kiểm tra được vì thiếu cột",
    "W531": "Dòng không ghi tên lĩnh vực, hoặc không có số liệu",
    "E540": "Số liệu của kế hoạch lấy từ một cột không có trong Biểu 06 hay bảng cột của kế hoạch",
    "E541": "Số liệu đã nhập trong tệp tiến độ khác số liệu của tệp thống kê",
    "E542": "Tệp tiến độ không sửa tự động được ở chỗ này",
}


def title(code: str) -> str:
    """The code's one-line title."""
    return CODES[code]
