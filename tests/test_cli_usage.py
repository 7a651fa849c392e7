"""Usage errors (unknown option, missing value, bad choice) in Vietnamese, exit code 2."""

from __future__ import annotations

import pytest

from cchc_cli.usage_errors import translate
from tests.helpers import run_cli

CASES = [
    (
        ("report", "--foo"),
        "Lỗi: Không có tùy chọn '--foo'.",
        "Có phải ý bạn là --force hoặc --format? Xem cách dùng: cchc report --help",
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
