"""Usage errors (unknown option, missing value, bad choice) in Vietnamese, exit code 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cchc_cli.cli.usage_errors import translate
from tests.helpers import ROOT, run_cli

CASES = [
    (
        ("report", "--foo"),
        "Lỗi: Không có tùy chọn '--foo'.",
        "Có phải ý bạn là --force hoặc --format? Xem cách dùng: cchc report --help",
    ),
    (
        ("report", "--quater", "2024-Q1"),
        "Lỗi: Không có tùy chọn '--quater'.",
        "Có phải ý bạn là --quarter? Xem cách dùng: cchc report --help",
    ),
    (("report", "--half"), "Lỗi: Tùy chọn '--half' cần một giá trị.", "cchc report --help"),
    (
        ("progress", "new", "--today"),
        "Lỗi: Tùy chọn '--today' cần một giá trị.",
        "cchc progress new --help",
    ),
    (
        ("validate", "--strict=3"),
        "Lỗi: Tùy chọn '--strict' không nhận giá trị.",
        "cchc validate --help",
    ),
    (
        ("validate", "-f", "xml"),
        "Lỗi: Giá trị 'xml' không hợp lệ cho --format/-f.",
        "Chọn một trong: text, json, github, sarif.",
    ),
    (
        ("deadlines", "--year", "abc"),
        "Lỗi: Giá trị của --year phải là một số nguyên.",
        "cchc deadlines --help",
    ),
    (("diff",), "Lỗi: Thiếu đối số CŨ MỚI.", "cchc diff --help"),
    (("schema", "extra"), "Lỗi: Thừa đối số: extra.", "cchc schema --help"),
    (("valdate",), "Lỗi: Không có lệnh 'valdate'.", "Có phải ý bạn là 'validate'?"),
    (("progress", "nw"), "Lỗi: Không có lệnh 'nw'.", "Có phải ý bạn là 'new'?"),
]


@pytest.mark.parametrize(("args", "message", "hint"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_usage_errors_are_told_in_vietnamese(
    args: tuple[str, ...], message: str, hint: str
) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    first, second = result.stderr.splitlines()[:2]
    assert first == message
    assert second.startswith("  → ") and hint in second
    assert "Error" not in result.stderr and "Usage" not in result.stderr
    assert result.stdout == ""


def test_bare_cchc_shows_the_commands() -> None:
    result = run_cli()
    assert result.exit_code == 2
    assert "validate" in result.stdout + result.stderr and "Lỗi" not in result.stderr


class _UnknownUsageError(Exception):
    message = "Something click says in English"
    ctx = None


def test_an_error_kind_not_known_keeps_clicks_words_as_detail() -> None:
    error = translate(_UnknownUsageError(), ["report", "-x"])
    assert error.exit_code == 2
    assert error.message == "Cách dùng không đúng (chi tiết: Something click says in English)."
    assert error.hint == "Xem cách dùng: cchc report --help"


class BadParameter(Exception):  # noqa: N818 - named as click's, which translate reads
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.ctx = None
        self.param = None


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("path 'a.yaml' is not readable.", "Không có quyền đọc 'a.yaml'."),
        ("Path 'plans' does not exist.", "Không tìm thấy 'plans'."),
        ("File 'plans' is a directory.", "'plans' là thư mục, cần một tệp."),
    ],
)
def test_path_problems_from_click_are_told_in_vietnamese(message: str, said: str) -> None:
    error = translate(BadParameter(message), ["validate"])
    assert error.message == said and error.exit_code == 2


def _all_command_paths() -> list[tuple[str, ...]]:
    from cchc_cli.cli.app import root
    from cchc_cli.cli.commands import COMMANDS

    group = root()
    paths: list[tuple[str, ...]] = [()]
    for name in COMMANDS:
        command = group.get_command(None, name)
        paths.append((name,))
        for sub in getattr(command, "commands", {}):
            paths.append((name, sub))
    return paths


# Words click and typer print in their own help, and the type labels they add.
ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Show|this|message|and|exit|default|required|"
    r"TEXT|PATH|INTEGER|BOOLEAN|Path|list|env|var|Error|Try|deprecated|dynamic)\b"
    r"|<(list|path|text|int|str|float|bool)\b"
)


@pytest.mark.parametrize("path", _all_command_paths(), ids=lambda p: " ".join(p) or "cchc")
def test_help_of_every_command_is_vietnamese(path: tuple[str, ...]) -> None:
    result = run_cli(*path, "--help")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert page.startswith(f"Cách dùng: {' '.join(('cchc', *path))} [TÙY_CHỌN]")
    assert "Tùy chọn:" in page and "-h, --help" in page
    words = " ".join(w for w in page.split() if not w.startswith("-"))  # option names stay
    assert ENGLISH.search(words) is None, ENGLISH.search(words)
    assert unicodedata.is_normalized("NFC", page)
    assert run_cli(*path, "-h").stdout == page


def test_the_command_table_answers_like_typer() -> None:
    from cchc_cli.cli.commands import answer_from_table, root_help

    assert run_cli("--help").stdout == root_help(80)  # the test runner's width
    assert answer_from_table(["--help"]) == ("stdout", root_help(), 0)
    assert answer_from_table([]) == ("stderr", root_help(), 2)
    assert answer_from_table(["validate"]) is None
    version = run_cli("--version")
    assert version.exit_code == 0
    assert re.fullmatch(
        r"cchc \d+\.\d+\.\d+ \(lược đồ tệp kế hoạch và tiến độ: phiên bản \d+\)\n", version.stdout
    )
    assert answer_from_table(["--version"]) == ("stdout", version.stdout, 0)


def test_help_and_version_are_answered_without_typer() -> None:
    script = (
        "import sys; sys.argv = ['cchc', '--version']\n"
        "from cchc_cli.launch import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0\n"
        "assert 'typer' not in sys.modules and 'pydantic' not in sys.modules, sorted(sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("cchc ")


COMMAND_LINES = [
    ["--help"],
    ["--version"],
    ["schema"],
    ["schema", "--fields"],
    ["validate", "plans"],
    ["validate", "--list-checks"],
    ["validate", "-f", "json", "plans"],
    ["deadlines", "plans/phu-lien-2024.yaml", "--today", "2024-02-20"],
    ["diff", "plans/phu-lien-2024.yaml", "tests/fixtures/diff/phu-lien-2025.yaml"],
    ["diff", "-f", "json", "plans/phu-lien-2024.yaml", "tests/fixtures/diff/phu-lien-2025.yaml"],
    ["report", "--quarter", "2024-Q1", "plans/phu-lien-2024.yaml", "-o", "{tmp}/r.md"],
    ["progress", "new", "-q", "2024-Q3", "plans/phu-lien-2024.yaml", "--progress-dir", "{tmp}"],
    ["validate", "--help"],
]


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
def test_a_closed_standard_output_is_no_error(args: list[str], tmp_path: Path) -> None:
    # `cchc schema >&-`: Python sees no stdout at all. What would go there goes nowhere.
    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli", *(a.replace("{tmp}", str(tmp_path)) for a in args)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),  # the child's stdout only
    )
    assert done.returncode == 0, done.stderr
    assert "Lỗi nội bộ" not in done.stderr and "Traceback" not in done.stderr
