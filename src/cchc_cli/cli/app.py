"""The typer application of `cchc`: the root group, which imports each command's module
only when that command is asked for."""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer

from cchc_cli.cli.commands import (
    COMMANDS,
    HELP_OPTION_NAMES,
    ROOT_SUMMARY,
    VERSION_HELP,
    root_help,
    version_text,
)
from cchc_cli.cli.help import Group


class RootGroup(Group):
    """`cchc`: commands imported only when asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, Any] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self._loaded:
            module = importlib.import_module(f"cchc_cli.cli.{COMMANDS[cmd_name][0]}")
            command = typer.main.get_command(module.app)
            command.name = cmd_name
            self._loaded[cmd_name] = command
        return self._loaded[cmd_name]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # The same page the table answers without typer (cli/commands.py).
        formatter.write(root_help(formatter.width))


def _show_version(value: bool) -> None:
    if value:
        typer.echo(version_text(), nl=False)
        raise typer.Exit(0)


app = typer.Typer(
    name="cchc",
    cls=RootGroup,
    help=ROOT_SUMMARY,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": HELP_OPTION_NAMES},
)


@app.callback()
def cchc(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help=VERSION_HELP,
            is_eager=True,
            callback=_show_version,
        ),
    ] = False,
) -> None:
    # The options of `cchc` itself; each command is found through RootGroup.
    pass


def root() -> Any:
    """The click command of `cchc`, ready to run."""
    return typer.main.get_command(app)
