"""Every problem code cchc reports, declared once: severity, title, who emits it, help.

A code's first letter is its severity: E an error, W a warning, R a report that cannot
be built (an error; with ``--draft`` a visible "…" instead). `cchc validate
--list-checks`, docs/codes.md and the tests are generated from or checked against this
table; the message of each problem, with its figures, is written where it is found.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_cli.problems import Severity


@dataclass(frozen=True)
class Code:
    """One problem code ("mã lỗi") and what a user needs to know about it."""

    code: str
    title: str  # a few words, Vietnamese
    source: str  # where it is found: a loader, a named check, or the report
    cause: str  # what usually causes it
    action: str  # what to do

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.code.startswith("W") else Severity.ERROR


# Where problems are found, for the `source` column.
FILE = "đọc tệp"
YAML = "đọc YAML"
SHAPE = "cấu trúc"
PROGRESS_FILE = "tệp tiến độ"
REPORT = "lập báo cáo"
SPREADSHEET = "nhập số liệu TTHC"

_CODES = (
    # E0xx: the file itself
    Code(
        "E001",
        "Không tìm thấy tệp",
        FILE,
        "Đường dẫn gõ sai, hoặc tệp đã bị xóa hay đổi tên.",
        "Kiểm tra lại đường dẫn và tên tệp.",
    ),
    Code(
        "E002",
        "Không đọc được tệp",
        FILE,
        "Không có quyền đọc, tệp đang bị chương trình khác khóa, hoặc đó không phải tệp thường.",
        "Kiểm tra quyền truy cập; đóng chương trình đang mở tệp; chỉ ra một tệp .yaml trên đĩa.",
    ),
    # E1xx: reading YAML
    Code(
        "E101",
        "Tệp không phải UTF-8",
        YAML,
        "Tệp được lưu bằng bảng mã khác (Windows-1258, TCVN3, VNI, UTF-32).",
        "Lưu lại tệp với mã hóa UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).",
    ),
    Code(
        "E102",
        "Ký tự điều khiển trong văn bản",
        YAML,
        "Ký tự vô hình lẫn vào khi sao chép từ tệp khác; Word không chứa được nó.",
        "Xóa ký tự ở vị trí được chỉ ra.",
    ),
    Code(
        "E103",
        "Cú pháp YAML không hợp lệ",
        YAML,
        "Thụt lề không đều, dùng phím Tab, thiếu dấu ':' hoặc dấu nháy chưa đóng.",
        "Sửa ở dòng được chỉ ra theo gợi ý; thụt lề bằng dấu cách.",
    ),
    Code(
        "E104",
        "Thẻ YAML không được phép",
        YAML,
        "Tệp có thẻ bắt đầu bằng '!' (ví dụ !!python/…): tệp kế hoạch chỉ chứa dữ liệu.",
        "Xóa thẻ.",
    ),
    Code(
        "E105",
        "Nhiều tài liệu trong một tệp",
        YAML,
        "Tệp có dấu '---' ngăn nhiều tài liệu YAML.",
        "Mỗi tệp một kế hoạch hoặc một quý; tách thành nhiều tệp.",
    ),
    Code(
        "E106",
        "Khóa không hợp lệ",
        YAML,
        "Một khóa là danh sách, bảng, bí danh hoặc có thẻ.",
        "Viết khóa là chữ thường, ví dụ 'unit:'.",
    ),
    Code(
        "E107",
        "Khóa bị lặp",
        YAML,
        "Cùng một khóa khai báo hai lần trong một bảng; YAML chỉ giữ một giá trị.",
        "Xóa một trong hai dòng hoặc gộp nội dung.",
    ),
    Code(
        "E108",
        "Văn bản gõ bằng bảng mã cũ",
        YAML,
        "Đoạn văn bản được dán từ tài liệu dùng phông .VnTime (TCVN3) hoặc VNI.",
        "Chuyển đoạn đó sang Unicode dựng sẵn bằng công cụ chuyển mã của Unikey.",
    ),
    Code(
        "E109",
        "Lồng nhau quá sâu",
        YAML,
        "Dữ liệu lồng quá 64 cấp: thường do ngoặc mở mà không đóng.",
        "Kiểm tra ngoặc và thụt lề ở dòng được chỉ ra.",
    ),
    Code(
        "E110",
        "Bí danh YAML chép lại quá nhiều",
        YAML,
        "Các bí danh YAML (*tên), thường lồng nhau, chép lại quá 50.000 giá trị hoặc có quá "
        "1.000 bí danh; giá trị viết thẳng trong tệp không bị đếm.",
        "Viết trực tiếp nội dung thay cho bí danh.",
    ),
    Code(
        "E111",
        "Tệp rỗng",
        YAML,
        "Tệp không có nội dung YAML nào.",
        "Điền nội dung, hoặc tạo tệp tiến độ bằng cchc progress new.",
    ),
    Code(
        "E112",
        "Tệp quá lớn",
        YAML,
        "Tệp lớn hơn 2 MiB: không phải một kế hoạch hay tệp tiến độ.",
        "Kiểm tra đúng tệp; một kế hoạch chỉ vài chục kB.",
    ),
    Code(
        "E113",
        "Tệp tiến độ ở chỗ cần kế hoạch",
        YAML,
        "Một tệp tiến độ (có 'quarter:') được chỉ ra khi lệnh cần tệp kế hoạch.",
        "Chỉ ra tệp kế hoạch, ví dụ plans/phu-lien-2024.yaml.",
    ),
    # E2xx: the shape of the data
    Code(
        "E201",
        "Tệp không phải bảng khóa: giá trị",
        SHAPE,
        "Cấp ngoài cùng của tệp là danh sách hoặc một giá trị đơn.",
        "Bắt đầu tệp bằng các khóa như 'unit:', 'tasks:'.",
    ),
    Code(
        "E202",
        "Giá trị sai kiểu",
        SHAPE,
        "Một trường nhận sai loại giá trị: chữ ở chỗ cần số, ngày không có thật, số quá lớn.",
        "Sửa giá trị theo gợi ý; docs/plan-fields.md và progress-fields.md ghi cách viết.",
    ),
    Code(
        "E203",
        "Thiếu trường bắt buộc",
        SHAPE,
        "Một trường bắt buộc không có trong tệp.",
        "Thêm trường được chỉ ra.",
    ),
    Code(
        "E204",
        "Khóa không hợp lệ",
        SHAPE,
        "Khóa gõ sai chính tả hoặc đặt sai chỗ (thụt lề).",
        "Sửa theo gợi ý 'Có phải ý bạn là …?'.",
    ),
    Code(
        "E205",
        "Giá trị không có trong danh sách cho phép",
        SHAPE,
        "Giá trị của trường chỉ nhận một số lựa chọn (ví dụ trạng thái, loại đơn vị).",
        "Chọn một giá trị trong danh sách được gợi ý.",
    ),
    # E3xx/W3xx: the meaning of a plan
    Code(
        "E301",
        "Mã bị trùng",
        "unique-ids",
        "Hai chức danh, nhiệm vụ, chỉ số hoặc số liệu cùng một mã.",
        "Đổi một trong hai mã.",
    ),
    Code(
        "E302",
        "Lĩnh vực không thuộc chương trình",
        "areas-in-programme",
        "Nhiệm vụ hoặc chỉ số ghi mã lĩnh vực không có trong chương trình (NQ 76 hoặc NQ 30c).",
        "Dùng một mã lĩnh vực được gợi ý.",
    ),
    Code(
        "E303",
        "Chủ trì, phối hợp không phải chức danh",
        "owners-are-posts",
        "Chủ trì hoặc phối hợp của nhiệm vụ ghi mã chưa khai báo trong unit.posts.",
        "Sửa mã, hoặc khai báo chức danh trong unit.posts.",
    ),
    Code(
        "W304",
        "Vừa chủ trì vừa phối hợp",
        "lead-not-partner",
        "Chức danh chủ trì cũng có trong danh sách phối hợp của cùng nhiệm vụ.",
        "Bỏ chức danh chủ trì khỏi danh sách phối hợp.",
    ),
    Code(
        "E305",
        "Thời hạn ngoài năm của kế hoạch",
        "deadlines-in-years",
        "Thời hạn của nhiệm vụ nằm ngoài năm hoặc giai đoạn của kế hoạch.",
        "Sửa thời hạn cho đúng năm của kế hoạch.",
    ),
    Code(
        "E306",
        "Chỉ tiêu thiếu chiều hoặc giá trị",
        "targets-complete",
        "Chỉ tiêu của chỉ số định lượng thiếu direction hoặc value; chỉ số định tính thiếu mô tả.",
        "Ghi đủ, ví dụ 'target: {direction: at_least, value: 95}'.",
    ),
    Code(
        "E307",
        "Chỉ tiêu phần trăm ngoài 0–100",
        "percent-targets-in-range",
        "Chỉ tiêu tính bằng % lớn hơn 100 hoặc âm.",
        "Ghi phần trăm là số từ 0 đến 100.",
    ),
    Code(
        "W308",
        "Tỷ lệ không tính bằng %",
        "rates-in-percent",
        "Chỉ số tỷ lệ (measure: rate) khai đơn vị khác %.",
        "Đặt 'unit: \"%\"'.",
    ),
    Code(
        "E309",
        "Tỷ lệ thiếu tử số hoặc mẫu số",
        "rates-name-their-counts",
        "Chỉ số tỷ lệ chưa ghi numerator hoặc denominator.",
        "Ghi tử số và mẫu số là các số liệu trong counts.",
    ),
    Code(
        "E310",
        "Số liệu chưa khai báo",
        "counts-referenced-exist",
        "Tử số, mẫu số hoặc part_of nhắc đến số liệu không có trong counts của chỉ số.",
        "Sửa mã, hoặc khai báo số liệu trong counts.",
    ),
    Code(
        "E311",
        "Cộng dồn 'rate' cho chỉ số không phải tỷ lệ",
        "rate-aggregation-for-rates",
        "aggregation: rate chỉ dùng cho chỉ số tỷ lệ.",
        "Dùng sum, last hoặc none.",
    ),
    Code(
        "W312",
        "Lĩnh vực chưa có nhiệm vụ",
        "areas-have-tasks",
        "Một lĩnh vực cải cách của chương trình không có nhiệm vụ nào trong kế hoạch.",
        "Thêm nhiệm vụ cho lĩnh vực, hoặc ghi lý do trong notes.",
    ),
    Code(
        "W313",
        "Chưa có chế độ báo cáo",
        "reporting-declared",
        "Kế hoạch không có mục reporting: không lập được báo cáo định kỳ.",
        "Thêm reporting với các kỳ quy-1, 6-thang, quy-3, nam và hạn gửi.",
    ),
    Code(
        "E314",
        "Kỳ báo cáo khai báo hai lần",
        "report-kinds-once",
        "Cùng một kỳ báo cáo có hai mục trong reporting.reports.",
        "Giữ một mục cho mỗi kỳ.",
    ),
    Code(
        "E315",
        "Ngày chốt số liệu ngoài kỳ số liệu",
        "cutoff-in-window",
        "Ngày chốt (cutoff) của một kỳ báo cáo không nằm trong kỳ số liệu của nó.",
        "Sửa cutoff trong chế độ báo cáo.",
    ),
    Code(
        "E316",
        "Kỳ số liệu không kết thúc trong tháng cuối kỳ",
        "window-ends-in-last-month",
        "window_start hoặc window_end làm kỳ số liệu lệch khỏi kỳ báo cáo.",
        "Theo Nghị định 09/2019: từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ.",
    ),
    Code(
        "E317",
        "Ngày bắt đầu ngoài năm của kế hoạch",
        "start-in-years",
        "Khóa 'start' (kế hoạch bắt đầu giữa năm) ghi một ngày ngoài năm của kế hoạch.",
        "Sửa 'start' thành ngày đơn vị bắt đầu thực hiện kế hoạch, trong năm đầu của kế hoạch.",
    ),
    Code(
        "E318",
        "Thư mục mẫu không dùng được",
        "templates-inside",
        "Khóa 'templates:' chỉ tới đường dẫn tuyệt đối, tới thư mục nằm ngoài kho (hoặc "
        "thư mục) của kế hoạch hay không tồn tại, hoặc một tệp mẫu trong đó là liên kết "
        "trỏ ra ngoài.",
        "Đặt thư mục mẫu cạnh kế hoạch, ghi đường dẫn tương đối, chép tệp mẫu thật vào đó.",
    ),
    Code(
        "E320",
        "Mã chỉ số dùng chung không có",
        "shared-codes-known",
        "Khóa shared của chỉ số ghi một mã không có trong danh sách chỉ số dùng chung.",
        "Dùng một mã trong docs/shared-indicators.md (gợi ý 'Có phải ý bạn là …?').",
    ),
    Code(
        "E321",
        "Chỉ số dùng chung đo khác quy định",
        "shared-codes-fit",
        "Chỉ số mang mã dùng chung nhưng cách đo hoặc đơn vị khác quy định của mã.",
        "Sửa measure, unit cho khớp mã, hoặc bỏ khóa shared.",
    ),
    Code(
        "E322",
        "Mã dùng chung gắn hai chỉ số",
        "shared-codes-once",
        "Cùng một mã dùng chung được gắn cho hai chỉ số của kế hoạch.",
        "Giữ mã ở một chỉ số.",
    ),
    # E4xx/W4xx: a progress file against its plan
    Code(
        "E401",
        "Không tìm thấy kế hoạch của tệp tiến độ",
        PROGRESS_FILE,
        "Khóa 'plan:' của tệp tiến độ chỉ đến tệp không có.",
        "Ghi đường dẫn kế hoạch tương đối với tệp tiến độ, ví dụ ../../plans/phu-lien-2024.yaml.",
    ),
    Code(
        "E402",
        "Kế hoạch của tệp tiến độ có lỗi",
        PROGRESS_FILE,
        "Kế hoạch mà tệp tiến độ ghi có lỗi nên chưa đối chiếu được.",
        "Sửa các lỗi của kế hoạch (được liệt kê cùng) rồi kiểm tra lại.",
    ),
    Code(
        "E403",
        "Quý ngoài năm của kế hoạch",
        "quarter-in-plan-years",
        "Khóa 'quarter:' ghi một quý ngoài năm hoặc giai đoạn của kế hoạch.",
        "Sửa 'quarter', hoặc chỉ đúng kế hoạch trong 'plan'.",
    ),
    Code(
        "E404",
        "Nhiệm vụ không có trong kế hoạch",
        "known-tasks",
        "Mã nhiệm vụ trong tệp tiến độ gõ sai hoặc thuộc kế hoạch khác.",
        "Dùng mã nhiệm vụ của kế hoạch (gợi ý 'Có phải ý bạn là …?').",
    ),
    Code(
        "E405",
        "Nhiệm vụ ghi hai lần",
        "tasks-once",
        "Cùng một nhiệm vụ có hai mục trong tệp tiến độ.",
        "Gộp hai mục làm một.",
    ),
    Code(
        "E406",
        "Chỉ số không có trong kế hoạch",
        "known-indicators",
        "Mã chỉ số trong tệp tiến độ gõ sai hoặc thuộc kế hoạch khác.",
        "Dùng mã chỉ số của kế hoạch.",
    ),
    Code(
        "E407",
        "Chỉ số ghi hai lần",
        "indicators-once",
        "Cùng một chỉ số có hai mục trong tệp tiến độ.",
        "Gộp hai mục làm một.",
    ),
    Code(
        "E408",
        "Số liệu không có trong chỉ số",
        "counts-declared",
        "Tên số liệu trong counts gõ sai, hoặc dấu phẩy trong số làm YAML tách thành khóa mới.",
        "Dùng tên số liệu của chỉ số; số thập phân viết bằng dấu chấm.",
    ),
    Code(
        "E409",
        "Số liệu âm",
        "counts-not-negative",
        "Một số liệu đếm (hồ sơ, lượt…) là số âm.",
        "Sửa lại số.",
    ),
    Code(
        "E410",
        "Các phần vượt quá tổng",
        "parts-within-whole",
        "Tổng các phần (sớm hạn + đúng hạn + trễ hạn…) lớn hơn số liệu chứa chúng.",
        "Kiểm tra lại các số liệu được nêu.",
    ),
    Code(
        "E411",
        "Ghi sai loại số liệu của chỉ số",
        "values-fit-measure",
        "Chỉ số tỷ lệ được ghi phần trăm gõ tay, hoặc chỉ số một giá trị ghi counts…",
        "Ghi đúng trường: counts cho tỷ lệ, value cho một giá trị, text cho định tính.",
    ),
    Code(
        "E412",
        "Phần trăm ngoài 0–100",
        "percent-values-in-range",
        "Giá trị phần trăm lớn hơn 100 hoặc âm.",
        "Ghi phần trăm là số từ 0 đến 100.",
    ),
    Code(
        "E413",
        "Ngày hoàn thành của nhiệm vụ chưa hoàn thành",
        "date-only-when-done",
        "Nhiệm vụ có completed_on nhưng trạng thái không phải hoàn thành.",
        "Xóa completed_on, hoặc sửa status: hoàn thành.",
    ),
    Code(
        "W414",
        "Hoàn thành nhưng chưa có ngày",
        "done-has-date",
        "Nhiệm vụ hoàn thành mà chưa ghi ngày hoàn thành.",
        "Thêm completed_on: YYYY-MM-DD.",
    ),
    Code(
        "E415",
        "Ngày hoàn thành ngoài kỳ",
        "completion-in-window",
        "Ngày hoàn thành sau kỳ số liệu của quý, hoặc trước kỳ số liệu đầu tiên của kế hoạch.",
        "Ghi việc hoàn thành sau kỳ vào tệp của quý sau; kiểm tra năm của ngày.",
    ),
    Code(
        "W416",
        "Hoàn thành sau ngày chốt số liệu",
        "estimate-after-cutoff",
        "Nhiệm vụ hoàn thành sau ngày chốt: báo cáo ghi là ước thực hiện.",
        "Không cần sửa.",
    ),
    Code(
        "E417",
        "Lĩnh vực của phần viết không thuộc chương trình",
        "narrative-areas",
        "narrative.areas có mã lĩnh vực không thuộc chương trình của kế hoạch.",
        "Dùng mã lĩnh vực được gợi ý.",
    ),
    Code(
        "E418",
        "Quý trong tệp khác tên tệp",
        PROGRESS_FILE,
        "Tệp tên 2024-Q2.yaml nhưng ghi quarter: 2024-Q1 (hoặc ngược lại).",
        "Sửa 'quarter' hoặc đổi tên tệp cho khớp.",
    ),
    Code(
        "E419",
        "Tệp tiến độ của kế hoạch khác",
        REPORT,
        "Khi lập báo cáo, tệp tiến độ tìm thấy ghi 'plan:' là một kế hoạch khác.",
        "Sửa khóa 'plan:', hoặc dùng --progress-dir khác.",
    ),
    Code(
        "W420",
        "Số liệu chưa nhập",
        "values-entered",
        "Số liệu của chỉ số còn để trống (~).",
        "Điền số liệu; khi lập báo cáo đây là lỗi R102.",
    ),
    Code(
        "W421",
        "Nhiệm vụ chưa có trong tệp tiến độ",
        "all-tasks-listed",
        "Một số nhiệm vụ của kế hoạch chưa có mục trong tệp tiến độ.",
        "Thêm một mục '- id: …' cho mỗi nhiệm vụ (cchc progress new tạo sẵn đủ).",
    ),
    Code(
        "W422",
        "Chỉ số chưa có trong tệp tiến độ",
        "all-indicators-listed",
        "Một số chỉ số của kế hoạch chưa có mục trong tệp tiến độ.",
        "Thêm một mục '- id: …' cho mỗi chỉ số.",
    ),
    Code(
        "W423",
        "Nhiệm vụ chưa ghi tình trạng",
        "statuses-entered",
        "status của nhiệm vụ còn để trống (~).",
        "Ghi hoàn thành, đang thực hiện hoặc chưa thực hiện; khi lập báo cáo đây là lỗi R101.",
    ),
    Code(
        "W424",
        "Tên tệp tiến độ không theo mẫu",
        PROGRESS_FILE,
        "Tên tệp không có dạng YYYY-Qn.yaml: báo cáo sẽ không tìm thấy tệp.",
        "Đổi tên tệp, ví dụ 2024-Q1.yaml.",
    ),
    Code(
        "W425",
        "Tệp tiến độ sai thư mục",
        PROGRESS_FILE,
        "Tệp nằm trong thư mục không mang tên kế hoạch: báo cáo sẽ không tìm thấy tệp.",
        "Chuyển tệp vào progress/<tên tệp kế hoạch>/.",
    ),
    Code(
        "W426",
        "Có cả .yaml và .yml",
        PROGRESS_FILE,
        "Cùng một quý có hai tệp 2024-Q1.yaml và 2024-Q1.yml; báo cáo chỉ đọc tệp .yaml.",
        "Xóa hoặc gộp một trong hai tệp.",
    ),
    Code(
        "W427",
        "Phần báo cáo chưa viết",
        "narrative-written",
        "Một phần của báo cáo (chỉ đạo điều hành, kết quả một lĩnh vực, đánh giá…) còn trống.",
        "Viết ít nhất một đoạn; khi lập báo cáo đây là lỗi R103.",
    ),
    Code(
        "W428",
        "Chưa có họ tên người ký",
        "signer-named",
        "Cả kế hoạch (unit.signer.name) và tệp tiến độ (signer_name) đều chưa ghi người ký.",
        "Ghi signer_name trong tệp tiến độ; khi lập báo cáo đây là lỗi R104.",
    ),
    Code(
        "W429",
        "Nhiệm vụ có tình trạng mà chưa có kết quả",
        "results-entered",
        "Nhiệm vụ ghi status nhưng chưa ghi result của quý (với nhiệm vụ chưa thực hiện: lý do).",
        "Ghi result: những việc đã làm trong quý; khi lập báo cáo đây là lỗi R105.",
    ),
    Code(
        "W430",
        "Văn bản chứng minh có trước kỳ số liệu",
        "evidence-in-window",
        "Văn bản của quý trước được chép sang tệp quý này (thường do giữ lại khi tạo tệp mới).",
        "Xóa văn bản đó nếu quý này không có việc mới; tệp của quý chỉ ghi việc trong quý.",
    ),
    Code(
        "W431",
        "Gợi ý viết kết quả cả kỳ",
        "period-result-suggested",
        "Tệp quý II hoặc quý IV có kết quả quý mà chưa có period_result: báo cáo 6 tháng, năm "
        "ghi kết quả theo từng quý.",
        "Viết period_result (kết quả cả kỳ) cho các nhiệm vụ được nêu, nếu muốn báo cáo ghi một đoạn.",
    ),
    Code(
        "E432",
        "Kết quả cả kỳ ngoài tệp quý II, quý IV",
        "period-result-in-closing-quarter",
        "period_result được ghi trong tệp quý I hoặc quý III, vốn là một kỳ báo cáo riêng.",
        "Ghi nội dung đó vào result.",
    ),
    Code(
        "W433",
        "Số liệu tự tính được nhập tay",
        "computed-counts-not-typed",
        "Số liệu mà kế hoạch khai là computed (số nhiệm vụ, số nhiệm vụ hoàn thành) được ghi "
        "trong tệp tiến độ.",
        "Xóa số liệu đó: báo cáo tự tính từ kế hoạch và tình trạng nhiệm vụ.",
    ),
    # E5xx/W5xx: importing the one-stop system's statistics (Biểu số 06/VPCP/KSTT)
    Code(
        "E501",
        "Tệp không phải bảng tính cchc đọc được",
        SPREADSHEET,
        "Tệp là trang web, PDF, .ods hoặc CSV hỏng được đặt đuôi .xlsx/.csv.",
        "Xuất lại bảng thống kê từ hệ thống một cửa dạng .xlsx hoặc .csv.",
    ),
    Code(
        "E502",
        "Tệp Excel 97–2003 (.xls)",
        SPREADSHEET,
        "Hệ thống hoặc người dùng lưu bảng thống kê theo định dạng .xls cũ.",
        "Mở tệp bằng Excel và lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel).",
    ),
    Code(
        "E503",
        "Bảng tính có mật khẩu",
        SPREADSHEET,
        "Tệp .xlsx được bảo vệ bằng mật khẩu nên không đọc được nội dung.",
        "Mở tệp, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.",
    ),
    Code(
        "E504",
        "Tệp .xlsx hỏng",
        SPREADSHEET,
        "Tệp tải về chưa hết, bị cắt, hoặc không phải tệp nén của .xlsx.",
        "Tải lại bảng thống kê từ hệ thống một cửa.",
    ),
    Code(
        "E505",
        "Tệp quá lớn hoặc nén bất thường",
        SPREADSHEET,
        "Tệp giải nén ra quá lớn so với một bảng thống kê (có thể là tệp độc hại).",
        "Kiểm tra nguồn tệp; xuất lại bảng thống kê của một kỳ.",
    ),
    Code(
        "E506",
        "Tệp khai báo thực thể XML",
        SPREADSHEET,
        "Phần XML trong tệp .xlsx có DTD hoặc thực thể, thường gặp ở tệp độc hại.",
        "Không dùng tệp này; xuất lại bảng thống kê từ hệ thống một cửa.",
    ),
    Code(
        "E507",
        "Chữ không phải UTF-8",
        SPREADSHEET,
        "Tệp CSV được lưu bằng Windows-1258, TCVN3, VNI hoặc UTF-16.",
        "Lưu lại CSV với mã hóa UTF-8 (Excel: CSV UTF-8), hoặc dùng tệp .xlsx.",
    ),
    Code(
        "E508",
        "Trang tính quá nhiều dòng hoặc ô",
        SPREADSHEET,
        "Trang tính lớn hơn nhiều so với một bảng thống kê theo lĩnh vực.",
        "Xuất bảng thống kê của một đơn vị và một kỳ.",
    ),
    Code(
        "E509",
        "Trang tính trống",
        SPREADSHEET,
        "Tệp không có trang tính nào có nội dung.",
        "Kiểm tra lại tệp xuất từ hệ thống một cửa.",
    ),
    Code(
        "E510",
        "Không tìm thấy bảng Biểu 06",
        SPREADSHEET,
        "Không có dòng tiêu đề với các cột của Biểu số 06/VPCP/KSTT.",
        "Dùng đúng bảng thống kê kết quả giải quyết TTHC, hoặc khai báo tthc_export.columns.",
    ),
    Code(
        "E511",
        "Thiếu cột kế hoạch cần",
        SPREADSHEET,
        "Bảng không có cột mà một số liệu của kế hoạch lấy (tthc_column).",
        "Khai báo tên cột của tệp trong tthc_export.columns của kế hoạch.",
    ),
    Code(
        "E512",
        "Hai cột được hiểu là một",
        SPREADSHEET,
        "Hai cột có tiêu đề cùng ứng với một cột của Biểu 06.",
        "Khai báo rõ cột nào dùng trong tthc_export.columns.",
    ),
    Code(
        "E513",
        "Không chọn được trang tính",
        SPREADSHEET,
        "Trang khai báo trong tthc_export.sheet không có, hoặc nhiều trang cùng có bảng.",
        "Khai báo tên trang trong tthc_export.sheet của kế hoạch.",
    ),
    Code(
        "E514",
        "Ô gộp trong vùng số liệu",
        SPREADSHEET,
        "Các ô số liệu bị gộp nên không biết số thuộc cột nào.",
        "Bỏ gộp ô trong vùng số liệu rồi lưu lại.",
    ),
    Code(
        "E515",
        "Ô số liệu không phải số",
        SPREADSHEET,
        "Ô số hồ sơ chứa chữ hoặc ký hiệu.",
        "Sửa ô thành số hồ sơ (số nguyên).",
    ),
    Code("E516", "Số hồ sơ âm", SPREADSHEET, "Ô số hồ sơ là số âm.", "Sửa lại số ở ô được chỉ ra."),
    Code(
        "E517",
        "Số hồ sơ lẻ",
        SPREADSHEET,
        "Ô số hồ sơ có phần thập phân (có thể dấu phẩy nghìn bị hiểu nhầm).",
        "Ghi số hồ sơ là số nguyên.",
    ),
    Code(
        "E518",
        "Ngày tháng trong cột số liệu",
        SPREADSHEET,
        "Ô số liệu được định dạng ngày tháng.",
        "Định dạng lại ô thành số.",
    ),
    Code(
        "E519",
        "Công thức không có giá trị",
        SPREADSHEET,
        "Ô có công thức nhưng tệp không lưu kết quả tính (tệp do chương trình khác tạo).",
        "Mở tệp bằng Excel hoặc LibreOffice, lưu lại để có giá trị đã tính.",
    ),
    Code(
        "E520",
        "Hai dòng tổng cộng",
        SPREADSHEET,
        "Bảng có hai dòng ghi tổng cộng.",
        "Xóa dòng tổng thừa.",
    ),
    Code(
        "E521",
        "Số liệu không khớp phương trình Biểu 06",
        SPREADSHEET,
        "Một dòng vi phạm: tiếp nhận = trực tuyến + trực tiếp + kỳ trước, đã giải quyết = "
        "trước hạn + đúng hạn + quá hạn, đang giải quyết = trong hạn + quá hạn, tiếp nhận = "
        "đã giải quyết + đang giải quyết.",
        "Đối chiếu lại dòng đó với hệ thống một cửa.",
    ),
    Code(
        "E522",
        "Dòng tổng khác tổng các lĩnh vực",
        SPREADSHEET,
        "Số trên dòng tổng cộng khác tổng các dòng lĩnh vực.",
        "Đối chiếu lại bảng với hệ thống một cửa.",
    ),
    Code(
        "E523",
        "Kỳ số liệu của tệp khác kỳ của quý",
        SPREADSHEET,
        "Dòng 'Từ ngày … đến ngày …' của tệp không khớp kỳ số liệu của quý nhập.",
        "Xuất lại bảng đúng kỳ số liệu, hoặc chọn đúng quý bằng --quarter.",
    ),
    Code(
        "W524",
        "Tệp không ghi kỳ số liệu",
        SPREADSHEET,
        "Không thấy dòng 'Từ ngày … đến ngày …' nên không đối chiếu được kỳ.",
        "Kiểm tra đúng kỳ trước khi dùng số liệu.",
    ),
    Code(
        "W525",
        "Tệp kết thúc trước cuối kỳ số liệu",
        SPREADSHEET,
        "Kỳ của tệp dừng sớm hơn kỳ số liệu của quý (thường là ngày chốt).",
        "Không cần sửa nếu đó là ngày chốt; số liệu sau đó là ước thực hiện.",
    ),
    Code(
        "W526",
        "Tệp của đơn vị khác",
        SPREADSHEET,
        "Tên đơn vị ghi trong tệp khác đơn vị của kế hoạch.",
        "Kiểm tra đúng tệp của đơn vị mình.",
    ),
    Code(
        "W527",
        "Trang ẩn",
        SPREADSHEET,
        "Tệp có trang tính ẩn: không được đọc (trừ khi là trang duy nhất).",
        "Hiện trang đó nếu số liệu nằm ở đấy.",
    ),
    Code(
        "W528",
        "Dòng ẩn trong bảng",
        SPREADSHEET,
        "Bảng có dòng bị ẩn; các dòng này vẫn được tính.",
        "Kiểm tra dòng ẩn có đúng là số liệu của đơn vị.",
    ),
    Code(
        "W529",
        "Cột không thuộc Biểu 06",
        SPREADSHEET,
        "Bảng của tỉnh có thêm cột; cột được giữ cho bảng theo lĩnh vực hoặc bỏ qua.",
        "Không cần sửa; khai báo cột trong tthc_export.columns nếu muốn dùng.",
    ),
    Code(
        "W530",
        "Phương trình không kiểm tra được",
        SPREADSHEET,
        "Bảng thiếu cột nên một phương trình của Biểu 06 không kiểm tra được.",
        "Không cần sửa; đối chiếu tay nếu cần.",
    ),
    Code(
        "W531",
        "Dòng không có tên lĩnh vực hoặc số liệu",
        SPREADSHEET,
        "Một dòng của bảng thiếu tên lĩnh vực hoặc không có số liệu nào.",
        "Kiểm tra dòng đó.",
    ),
    Code(
        "E540",
        "Cột TTHC không có trong Biểu 06",
        "tthc-columns-known",
        "tthc_column của một số liệu ghi mã cột không có trong Biểu 06 hay tthc_export.columns.",
        "Dùng một mã cột được gợi ý.",
    ),
    Code(
        "E541",
        "Số liệu đã nhập khác số liệu của tệp thống kê",
        SPREADSHEET,
        "Tệp tiến độ đã có số liệu do người dùng nhập, khác với số của tệp thống kê.",
        "Kiểm tra số nào đúng; chạy lại với --force để lấy số của tệp thống kê.",
    ),
    Code(
        "E542",
        "Tệp tiến độ không sửa tự động được",
        SPREADSHEET,
        "Phần chỉ số của tệp tiến độ viết theo dạng cchc không sửa an toàn được.",
        "Sửa tay số liệu, hoặc viết lại phần indicators theo mẫu của cchc progress new.",
    ),
    Code(
        "E543",
        "Cột TTHC khai báo hai lần",
        "tthc-columns-once",
        "Cùng một mã cột được khai báo hai lần trong tthc_export.columns.",
        "Giữ một khai báo cho mỗi cột.",
    ),
    # R1xx: building a report
    Code(
        "R100",
        "Thiếu tệp tiến độ của một quý",
        REPORT,
        "Báo cáo 6 tháng hoặc năm cần tệp tiến độ của mọi quý trong kỳ.",
        "Tạo tệp bằng cchc progress new --quarter … rồi điền.",
    ),
    Code(
        "R101",
        "Nhiệm vụ chưa có tình trạng",
        REPORT,
        "Nhiệm vụ chưa ghi status trong tệp tiến độ của quý cuối kỳ.",
        "Ghi status cho nhiệm vụ.",
    ),
    Code(
        "R102",
        "Chỉ số thiếu số liệu",
        REPORT,
        "Số liệu cần cho báo cáo của chỉ số chưa được nhập.",
        "Điền số liệu vào tệp tiến độ của quý được chỉ ra.",
    ),
    Code(
        "R103",
        "Phần báo cáo chưa viết",
        REPORT,
        "Một phần nội dung của báo cáo còn trống trong tệp tiến độ.",
        "Viết phần này trong narrative của tệp tiến độ.",
    ),
    Code(
        "R104",
        "Chưa có họ tên người ký",
        REPORT,
        "Không có họ tên người ký báo cáo.",
        "Ghi unit.signer.name trong kế hoạch hoặc signer_name trong tệp tiến độ.",
    ),
    Code(
        "R105",
        "Nhiệm vụ chưa có kết quả",
        REPORT,
        "Nhiệm vụ có tình trạng nhưng chưa ghi kết quả của một quý trong kỳ báo cáo.",
        "Ghi result trong tệp tiến độ của quý đó (hoặc period_result cho cả kỳ).",
    ),
)

CODES: dict[str, Code] = {c.code: c for c in _CODES}


def severity_of(code: str) -> Severity:
    """The severity of a declared code."""
    return CODES[code].severity
