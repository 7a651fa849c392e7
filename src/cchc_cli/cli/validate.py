"""Command `cchc validate`."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)


class Format(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


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
            help="Tệp hoặc thư mục kế hoạch (mặc định: plans/).",
            show_default=False,
            metavar="ĐƯỜNG_DẪN",
        ),
    ] = None,
    output_format: Annotated[
        Optional[Format],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="Định dạng: text, json, github (tự chọn khi GITHUB_ACTIONS=true), sarif.",
            show_default=False,
            metavar="text|json|github|sarif",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")
    ] = False,
    list_checks: Annotated[
        bool, typer.Option("--list-checks", help="Liệt kê các kiểm tra về nội dung rồi thoát.")
    ] = False,
) -> int:
    from cchc_cli.cli.console import reader_may_stop
    from cchc_cli.output.problems import default_format, report

    if list_checks:
        from cchc_cli.checks.plan import CHECKS
        from cchc_cli.checks.progress import PROGRESS_CHECKS
        from cchc_cli.cli.console import console

        console().print("Kế hoạch:")
        for check in CHECKS:
            console().print(f"  {check.code}  {check.name}: {check.doc}")
        console().print("Tệp tiến độ:")
        for progress_check in PROGRESS_CHECKS:
            console().print(f"  {progress_check.code}  {progress_check.name}: {progress_check.doc}")
        return 0
    from cchc_cli.validation import validate_paths

    outcome = dataclasses.replace(validate_paths(paths or [Path("plans")]), strict=strict)
    code = 0 if outcome.valid else 1
    with reader_may_stop():
        report(outcome, (output_format.value if output_format else None) or default_format())
    return code
