"""The one error handler: every error of the command line becomes a message and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
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


def run(entry: Callable[..., Any], args: list[str] | None = None) -> int:
    """Run the app and map every user-facing error to its exit code; no tracebacks."""
    clicks = _click_exceptions()
    try:
        result = entry(args=args, prog_name="cchc", standalone_mode=False)
    except CchcError as exc:
        from cchc_cli.cli.console import print_error, print_problems

        print_error(exc)
        if isinstance(exc, InvalidInputError):
            print_problems(exc.problems)
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("\nĐã dừng.\n")
        return 130
    except clicks.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `cchc`: the help is the answer
            exc.show()
            return int(exc.exit_code)
        from cchc_cli.cli.console import print_error
        from cchc_cli.cli.usage_errors import translate

        error = translate(exc, sys.argv[1:] if args is None else args)
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
        sys.stderr.write("\nĐã dừng theo yêu cầu (Ctrl-C).\n")
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
