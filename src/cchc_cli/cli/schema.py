"""Command `cchc schema`."""

from __future__ import annotations

from typing import Annotated

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
) -> int:
    from cchc_cli.cli.console import write_stdout
    from cchc_cli.schema import fields_markdown, schema_text

    if fields:
        write_stdout(fields_markdown(progress, office=office))
    else:
        write_stdout(schema_text(progress=progress, office=office))
    return 0
