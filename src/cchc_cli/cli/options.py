"""Options that several commands share, declared once so their wording stays the same."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

PlanArgument = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional here
    typer.Argument(
        help="Tệp kế hoạch (mặc định: kế hoạch duy nhất trong plans/).",
        show_default=False,
        metavar="KẾ_HOẠCH",
    ),
]
TodayOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--today",
        help="Coi hôm nay là ngày YYYY-MM-DD (để thử).",
        show_default=False,
        metavar="YYYY-MM-DD",
    ),
]
ProgressDirOption = Annotated[
    Path, typer.Option("--progress-dir", help="Thư mục tệp tiến độ.", metavar="THƯ_MỤC")
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Đọc lại mọi tệp, không dùng bộ nhớ đệm (thư mục $CCHC_CACHE_DIR, mặc định "
        "~/.cache/cchc; xóa lúc nào cũng được).",
    ),
]
QuarterOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--quarter",
        "-q",
        help="Báo cáo quý: 1, Q1, 2024-Q1, I/2024; để trống: kỳ sắp đến hạn.",
        show_default=False,
        metavar="QUÝ",
    ),
]
HalfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--half", help="Báo cáo 6 tháng, ví dụ 2024-H1.", show_default=False, metavar="KỲ"
    ),
]
AnnualOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--annual", help="Báo cáo năm, ví dụ 2024.", show_default=False, metavar="NĂM"),
]
