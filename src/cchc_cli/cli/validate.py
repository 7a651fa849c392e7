"""Command `cchc validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group
from cchc_cli.cli.output import chosen, format_enum
from cchc_cli.output.problems import FORMATS
from cchc_cli.paths import DEFAULT_PLANS_DIR

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)
Format = format_enum("Format", FORMATS)


@app.command(
    "validate",
    cls=Command,
    help=help_of(
        "validate",
        "Mã thoát: 0 hợp lệ; 1 có lỗi (cảnh báo chỉ tính khi có --strict); 2 sai cách dùng.",
    ),
)
def validate(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="Tệp hoặc thư mục kế hoạch và tiến độ (mặc định: plans/).",
            show_default=False,
            metavar="ĐƯỜNG_DẪN",
        ),
    ] = None,
    output_format: Annotated[
        Optional[Format],  # type: ignore[valid-type]  # noqa: UP045 - built from the registry
        typer.Option(
            "--format",
            "-f",
            help="Định dạng: text, json, github (tự chọn khi GITHUB_ACTIONS=true), sarif.",
            show_default=False,
            metavar="|".join(FORMATS),
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")
    ] = False,
    list_checks: Annotated[
        bool,
        typer.Option("--list-checks", help="Liệt kê mọi mã lỗi và các kiểm tra rồi thoát."),
    ] = False,
) -> int:
    from cchc_cli.cli.console import emit, reader_may_stop
    from cchc_cli.output.problems import default_format

    if list_checks:
        from cchc_cli.output.codes import code_list

        with reader_may_stop():
            emit(code_list())
        return 0
    from cchc_cli.validation import validate_paths

    outcome = validate_paths(paths or [DEFAULT_PLANS_DIR], strict=strict)
    name = chosen(output_format) or default_format()
    with reader_may_stop():
        emit(FORMATS[name](outcome))
    return 0 if outcome.valid else 1
