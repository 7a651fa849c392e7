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
