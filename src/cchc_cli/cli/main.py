"""The one error handler: every error of the command line becomes a message and an exit code."""

from __future__ import annotations

import sys
from typing import Any

import typer

from cchc_cli.cli.app import root
from cchc_cli.errors import CchcError, InvalidInputError


def _click_exceptions() -> Any:
    # Recent typer releases vendor their own copy of click; older ones use click itself.
    import importlib

    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:  # pragma: no cover - depends on the installed typer
        return importlib.import_module("click.exceptions")


def _say(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def _invoke(command: Any, args: list[str]) -> Any:
    # The command runs here rather than through typer's main(), which turns Ctrl-C into
    # a silent exit 130 and a closed pipe into exit 1: both are this handler's to say.
    with command.make_context("cchc", list(args)) as ctx:
        return command.invoke(ctx)


def run(command: Any, args: list[str] | None = None) -> int:
    """Run the app and map every user-facing error to its exit code; no tracebacks."""
    clicks = _click_exceptions()
    args = sys.argv[1:] if args is None else args
    try:
        result = _invoke(command, args)
    except CchcError as exc:
        from cchc_cli.cli.console import print_error, print_problems

        print_error(exc)
        if isinstance(exc, InvalidInputError):
            print_problems(exc.problems)
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        _say("\nĐã dừng.\n")
        return 130
    except clicks.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `cchc`: the help is the answer
            exc.show()
            return int(exc.exit_code)
        from cchc_cli.cli.console import print_error
        from cchc_cli.cli.usage_errors import translate

        error = translate(exc, args)
        print_error(error)
        return error.exit_code
    except clicks.ClickException as exc:
        exc.show()
        return int(exc.exit_code)
    except BrokenPipeError:
        # The reader of our output went away (`cchc diff a b | head`): stop quietly, with
        # the status a program killed by SIGPIPE would have.
        from cchc_cli.cli.console import quiet_stdout

        quiet_stdout()
        return 141
    except KeyboardInterrupt:
        _say("\nĐã dừng theo yêu cầu (Ctrl-C).\n")
        return 130
    except Exception as exc:  # the last line of defence: never a bare traceback
        from cchc_cli.cli.console import print_internal_error

        print_internal_error(exc)
        return 70
    return result if isinstance(result, int) else 0


def main() -> None:
    """Console-script entry point."""
    from cchc_cli.cli.console import use_utf8_streams

    use_utf8_streams()
    sys.exit(run(root()))
