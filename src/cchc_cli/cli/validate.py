"""Command `cchc validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group
from cchc_cli.cli.output import chosen, format_enum
from cchc_cli.output.problems import ENDINGS, FORMATS
from cchc_cli.paths import DEFAULT_PLANS_DIR

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)
Format = format_enum("Format", FORMATS)


@app.command(
    "validate",
    cls=Command,
    help=help_of(
        "validate",
        "Mã thoát: 0 hợp lệ; 1 có lỗi (cảnh báo chỉ tính khi có --strict); 2 sai cách dùng; "
        "3 không ghi được tệp -o.",
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
    *,
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
    output_text: Annotated[
        Optional[str],  # noqa: UP045 - text, checked by the one resolver of -o
        typer.Option(
            "--output",
            "-o",
            help="Ghi kết quả ra tệp (.txt, .json, .sarif; định dạng theo đuôi tệp).",
            show_default=False,
            metavar="TỆP",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè tệp đã có.")] = False,
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
    from cchc_cli.cli.output import resolve_output, save
    from cchc_cli.validation import validate_paths

    given = chosen(output_format)
    target = resolve_output(
        output_text, given, ENDINGS, "text" if output_text else given or default_format()
    )
    inputs = paths or [DEFAULT_PLANS_DIR]
    outcome = validate_paths(inputs, strict=strict)
    rendered = FORMATS[target.format](outcome)
    if target.file is not None:
        save(target.file, rendered, force=force, inputs=inputs)
    else:
        with reader_may_stop():
            emit(rendered)
    return 0 if outcome.valid else 1
