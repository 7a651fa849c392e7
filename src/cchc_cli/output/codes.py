"""The catalogue of problem codes for people: `cchc validate --list-checks` and docs/codes.md."""

from __future__ import annotations

from cchc_cli.checks.plan import CHECKS
from cchc_cli.checks.progress import PROGRESS_CHECKS
from cchc_cli.codes import CODES, Code

# The groups a reader looks for, in the order work happens.
GROUPS = (
    ("E0", "Đọc tệp"),
    ("E1", "Cú pháp YAML"),
    ("E2", "Cấu trúc dữ liệu"),
    ("E3", "Nội dung kế hoạch"),
    ("W3", "Nội dung kế hoạch"),
    ("E4", "Tệp tiến độ"),
    ("W4", "Tệp tiến độ"),
    ("E5", "Nhập số liệu TTHC từ hệ thống một cửa"),
    ("W5", "Nhập số liệu TTHC từ hệ thống một cửa"),
    ("R1", "Lập báo cáo"),
)


def _group(code: Code) -> str:
    prefix = code.code[:2]
    return next(title for start, title in GROUPS if start == prefix)


def _ordered() -> list[tuple[str, list[Code]]]:
    groups: dict[str, list[Code]] = {}
    for code in sorted(CODES.values(), key=lambda c: (c.code[1:], c.code)):
        groups.setdefault(_group(code), []).append(code)
    order = list(dict.fromkeys(title for _, title in GROUPS))
    return [(title, groups[title]) for title in order if title in groups]


def code_list() -> str:
    """Every code with its severity and title; checks of meaning with their rule."""
    rules = {c.code: c for c in CHECKS} | {c.code: c for c in PROGRESS_CHECKS}
    lines: list[str] = []
    for title, codes in _ordered():
        lines.append(f"{title}:")
        for code in codes:
            check = rules.get(code.code)
            about = f"{check.name}: {check.doc}" if check else code.title
            lines.append(f"  {code.code}  {code.severity.label:8}  {about}")
    return "\n".join(lines) + "\n"


def codes_markdown() -> str:
    """docs/codes.md: every code, what usually causes it and what to do (generated)."""
    lines = [
        "# Mã lỗi và cảnh báo của cchc",
        "",
        "<!-- Tạo tự động từ src/cchc_cli/codes.py bởi scripts/generate-docs.py; đừng sửa tay. -->",
        "",
        "Chữ cái đầu của mã cho biết mức độ: **E** lỗi, **W** cảnh báo (chỉ làm `validate`",
        "thất bại khi có `--strict`), **R** thiếu dữ liệu khi lập báo cáo (lỗi; với `--draft`",
        "chỗ thiếu hiện bằng dấu …).",
        "",
    ]
    for title, codes in _ordered():
        lines += [
            f"## {title}",
            "",
            "| Mã | Mức độ | Ý nghĩa | Thường do | Cách xử lý |",
            "|---|---|---|---|---|",
        ]
        for code in codes:
            cells = (code.code, code.severity.label, code.title, code.cause, code.action)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)
