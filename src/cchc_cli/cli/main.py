"""The one error handler: every error of the command line becomes a message and an exit code."""

from __future__ import annotations

import errno
import re
import sys
from pathlib import Path
from typing import Any

import typer

from cchc_cli.cli.app import root
from cchc_cli.errors import (
    CchcError,
    InvalidInputError,
    Terminated,
    input_path_error,
    stopped_message,
)


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
    except (KeyboardInterrupt, Terminated) as exc:
        return _stopped(exc)
    except (OSError, RuntimeError) as exc:
        interruption = _interruption(exc)
        return _stopped(interruption) if interruption else _refused_path(exc)
    except Exception as exc:  # the last line of defence: never a bare traceback
        interruption = _interruption(exc)
        return _stopped(interruption) if interruption else _internal(exc)
    return result if isinstance(result, int) else 0


def _interruption(exc: BaseException) -> KeyboardInterrupt | Terminated | None:
    """The signal behind an error, if one is: an interrupt inside a library's cleanup (a
    zip archive half-written when Ctrl-C came) can surface as that library's own error,
    with the interrupt only as its context. The user stopped cchc; it did not fail."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt | Terminated):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _stopped(exc: KeyboardInterrupt | Terminated) -> int:
    return _say_stopped(*stopped_message(exc))


def _say_stopped(message: str, code: int) -> int:
    """One line for an interruption. What the interrupted work left half-built (a zip
    archive being assembled) may complain when Python collects it: not the user's
    concern, and not a traceback to show them."""
    _say(f"\n{message}\n")
    sys.unraisablehook = lambda _: None
    return code


def _refused_path(exc: OSError | RuntimeError) -> int:
    """A path the system refused (too long, a loop of links, no permission) that no
    command probed itself: outputs are written by output.safewrite (exit 3), so it is an
    input's (exit 2). Anything else is a bug."""
    if isinstance(exc, OSError):
        filename, cause = exc.filename, exc
    else:  # Python 3.11's Path.resolve() reports a loop of links this way, not as ELOOP
        looped = re.fullmatch(r"Symlink loop from '(.*)'", str(exc))
        filename = looped.group(1) if looped else None
        cause = OSError(errno.ELOOP, str(exc))
    if filename is None:
        return _internal(exc)
    from cchc_cli.cli.console import print_error
    from cchc_cli.problems import display_path

    error = input_path_error(display_path(Path(filename)), cause)
    print_error(error)
    return error.exit_code


def _internal(exc: BaseException) -> int:
    from cchc_cli.cli.console import print_internal_error

    print_internal_error(exc)
    return 70


def main() -> None:
    """Console-script entry point."""
    from cchc_cli.cli.console import use_utf8_streams

    use_utf8_streams()
    sys.exit(run(root()))
