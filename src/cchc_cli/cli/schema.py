"""Command `cchc schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc_cli.cli.commands import help_of
from cchc_cli.cli.help import Command, Group

app = typer.Typer(cls=Group, add_completion=False, rich_markup_mode=None)


@app.command("schema", cls=Command, help=help_of("schema"))
def schema(
    progress: Annotated[
        bool, typer.Option("--progress", help="Lược đồ của tệp tiến độ thay vì tệp kế hoạch.")
    ] = False,
    fields: Annotated[
        bool, typer.Option("--fields", help="In bảng các trường (Markdown) thay vì JSON Schema.")
    ] = False,
    office: Annotated[
        bool,
        typer.Option(
            "--office", help="Lược đồ của tệp thông tin Sở Nội vụ (cchc rollup --office)."
        ),
    ] = False,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Option(
            "--output",
            "-o",
            help="Ghi ra tệp (UTF-8) thay vì in ra màn hình.",
            show_default=False,
            metavar="TỆP",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè tệp đã có.")] = False,
) -> int:
    from cchc_cli.cli.console import write_stdout
    from cchc_cli.cli.output import save
    from cchc_cli.schema import fields_markdown, schema_text

    text = (
        fields_markdown(progress, office=office)
        if fields
        else schema_text(progress=progress, office=office)
    )
    if output is not None:
        save(output, text, force=force)
    else:
        write_stdout(text)
    return 0
