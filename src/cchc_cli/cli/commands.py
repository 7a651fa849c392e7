"""The table of cchc's commands, and the answers that need nothing but the table.

Imported before anything else (no typer here): `cchc`, `cchc --help` and
`cchc --version` are answered from this module alone, in the time Python takes to
start; every other command goes through typer (cli/app.py).
"""

from __future__ import annotations

import shutil
import textwrap

# name → (module under cchc_cli.cli, one-line summary), in the order `cchc --help` lists
# them. The summary is the first line of the command's own help too.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": (
        "validate",
        "Kiểm tra tệp kế hoạch và tệp tiến độ: cú pháp, cấu trúc và nội dung.",
    ),
    "schema": (
        "schema",
        "In JSON Schema của tệp kế hoạch (cho trình soạn thảo có yaml-language-server).",
    ),
    "report": (
        "report",
        "Lập báo cáo CCHC định kỳ (quý I, 6 tháng, quý III, năm) thành tệp Word hoặc Markdown.",
    ),
    "deadlines": (
        "deadlines",
        "Lịch báo cáo CCHC trong năm: kỳ số liệu, ngày chốt, hạn gửi, số ngày còn lại.",
    ),
    "diff": (
        "diff",
        "So sánh hai kế hoạch: nhiệm vụ thêm, bỏ, sửa lời, chuyển lĩnh vực; chỉ tiêu nâng, hạ.",
    ),
    "progress": ("progress", "Tệp tiến độ thực hiện kế hoạch theo quý."),
    "status": (
        "status",
        "Đơn vị nào đã sẵn sàng lập báo cáo kỳ tới hạn, đơn vị nào còn thiếu gì, còn bao nhiêu ngày.",
    ),
    "rollup": (
        "rollup",
        "Tổng hợp báo cáo CCHC của các đơn vị trong một kỳ: bảng tính theo đơn vị, theo khối, "
        "xếp hạng, và báo cáo tổng hợp của Sở Nội vụ.",
    ),
    "tong-hop": ("rollup", "Như rollup (tên tiếng Việt của lệnh)."),
}


ROOT_SUMMARY = (
    "Kế hoạch cải cách hành chính (CCHC) dưới dạng dữ liệu YAML: kiểm tra, báo cáo, so sánh."
)
VERSION_HELP = "In phiên bản của cchc và của lược đồ tệp rồi thoát."
HELP_OPTION_NAMES = ["-h", "--help"]
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
OPTIONS_METAVAR = "[TÙY_CHỌN]"
COMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."
USAGE = "Cách dùng: "


def help_of(name: str, details: str = "") -> str:
    """The help of command ``name``: its summary from COMMANDS, then ``details``."""
    summary = COMMANDS[name][1]
    return f"{summary}\n\n{details}" if details else summary


def version_text() -> str:
    """What `cchc --version` prints."""
    from cchc_cli import PLAN_SCHEMA_VERSION, __version__

    return (
        f"cchc {__version__} (lược đồ tệp kế hoạch và tiến độ: phiên bản {PLAN_SCHEMA_VERSION})\n"
    )


def help_width() -> int:
    """The width help is wrapped to, as click computes it: the terminal's, 50 to 78."""
    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


def definition_list(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Rows of (term, text), the text wrapped in a column after the widest term."""
    column = min(max(len(term) for term, _ in rows), 30) + 2
    lines = []
    for term, text in rows:
        wrapped = textwrap.wrap(text, max(width - column - 2, 10)) or [""]
        if len(term) + 2 > column:
            lines.append(f"  {term}")
            lines.extend(" " * (column + 2) + line for line in wrapped)
            continue
        lines.append(f"  {term.ljust(column)}{wrapped[0]}")
        lines.extend(" " * (column + 2) + line for line in wrapped[1:])
    return lines


def root_help(width: int | None = None) -> str:
    """The page `cchc --help` prints."""
    width = width or help_width()
    lines = [f"{USAGE}cchc {OPTIONS_METAVAR} {COMMAND_METAVAR}", ""]
    lines += ["  " + line for line in textwrap.wrap(ROOT_SUMMARY, width - 2)]
    lines += ["", "Tùy chọn:"]
    lines += definition_list(
        [("--version", VERSION_HELP), (", ".join(HELP_OPTION_NAMES), HELP_TEXT)], width
    )
    lines += ["", "Lệnh:"]
    lines += definition_list([(name, summary) for name, (_, summary) in COMMANDS.items()], width)
    return "\n".join(lines) + "\n"


def answer_from_table(args: list[str]) -> tuple[str, str, int] | None:
    """(stream, text, exit code) for the command lines the table alone answers, else None.

    A bare `cchc` is a usage error (exit 2) whose answer is the help, on stderr.
    """
    if not args:
        return "stderr", root_help(), 2
    if len(args) == 1 and args[0] in HELP_OPTION_NAMES:
        return "stdout", root_help(), 0
    if len(args) == 1 and args[0] == "--version":
        return "stdout", version_text(), 0
    return None
