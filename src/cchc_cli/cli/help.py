"""`--help` in Vietnamese: usage line, arguments, options and commands, laid out by us.

Typer's help is English ("Usage:", "Options:", "[default: …]", type labels such as
``<list[Path]>``) and its wording is not translatable. These command classes write the
whole page themselves from the parameters' own metavars and help texts.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup

from cchc_cli.cli.commands import COMMAND_METAVAR, HELP_TEXT, OPTIONS_METAVAR, USAGE


class VietnameseHelp:
    """Mixin for typer's command classes: the help page written in Vietnamese."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [OPTIONS_METAVAR]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if _is_argument(param):
                pieces.append(_argument_usage(param))
        if isinstance(self, TyperGroup):
            pieces.append(COMMAND_METAVAR)
        return pieces

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(
            ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE
        )

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)  # type: ignore[attr-defined]
        params = [p for p in self.get_params(ctx) if not getattr(p, "hidden", False)]  # type: ignore[attr-defined]
        arguments = [_argument_record(p) for p in params if _is_argument(p)]
        options = [_option_record(p) for p in params if not _is_argument(p)]
        for title, rows in (("Đối số", arguments), ("Tùy chọn", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        commands = self.command_rows(ctx)
        if commands:
            with formatter.section("Lệnh"):
                formatter.write_dl(commands)
        self.format_epilog(ctx, formatter)  # type: ignore[attr-defined]

    def command_rows(self, ctx: Any) -> list[tuple[str, str]]:
        """(name, short help) of each subcommand; none for a plain command."""
        return []


class Command(VietnameseHelp, TyperCommand):
    """A cchc command with Vietnamese help."""


class Group(VietnameseHelp, TyperGroup):
    """A cchc command group with Vietnamese help."""

    def command_rows(self, ctx: Any) -> list[tuple[str, str]]:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=300)))
        return rows


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _argument_name(param: Any) -> str:
    return str(param.metavar or param.name.upper())


def _argument_usage(param: Any) -> str:
    name = _argument_name(param)
    if param.nargs == -1 and " " not in name:  # "CŨ MỚI" already says how many
        name += "..."
    return name if param.required else f"[{name}]"


def _argument_record(param: Any) -> tuple[str, str]:
    notes = ["bắt buộc"] if param.required else []
    return _argument_name(param), _with_notes(getattr(param, "help", None) or "", notes)


def _option_record(param: Any) -> tuple[str, str]:
    # Short names first, as people type them: "-f, --format".
    names = ", ".join(sorted([*param.opts, *param.secondary_opts], key=_is_long))
    if not param.is_flag:
        names += f" {param.metavar or _choices(param) or param.name.upper()}"
    notes = []
    default = param.default
    if param.show_default and default is not None and not param.is_flag:
        notes.append(f"mặc định: {getattr(default, 'value', default)}")
    if param.required:
        notes.append("bắt buộc")
    return names, _with_notes(param.help or "", notes)


def _is_long(name: str) -> bool:
    return name.startswith("--")


def _with_notes(text: str, notes: list[str]) -> str:
    """Notes inside the sentence: "Thư mục tệp tiến độ (mặc định: progress)."."""
    if not notes:
        return text
    body = text.rstrip().removesuffix(".")
    return f"{body} ({'; '.join(notes)})." if body else f"({'; '.join(notes)})"


def _choices(param: Any) -> str:
    # typer >= 0.29 describes the parameter's type itself; older ones hand click a Choice.
    found = getattr(getattr(param, "type_descriptor", None), "choices", None)
    found = found or getattr(getattr(param, "type", None), "choices", None) or ()
    return "|".join(str(getattr(c, "value", c)) for c in found)
