"""The console script's entry point: answers from the command table first, then typer.

`cchc`, `cchc --help` and `cchc --version` need nothing but the table of commands, so
they are answered before typer (a tenth of a second to import) is loaded. Python
imports the command line before cchc's own error handler is in place; an interrupt
during those imports ends quietly too. Ctrl-C, SIGTERM and SIGHUP are handled from the
first moment (interrupts.py). The garbage collector is paused while the command line
is imported (see collector.py).
"""

import gc
import sys

from cchc_cli import collector
from cchc_cli.errors import Terminated, stopped_message
from cchc_cli.interrupts import install


def main() -> None:
    """Start cchc; an interrupt at any moment ends with exit code 130 (Ctrl-C), 143
    (SIGTERM) or 129 (SIGHUP) and one line."""
    install()
    try:
        from cchc_cli.cli.commands import answer_from_table

        answer = answer_from_table(sys.argv[1:])
        if answer is not None:
            from cchc_cli.cli.console import use_utf8_streams

            use_utf8_streams()
            stream, text, code = answer
            (sys.stdout if stream == "stdout" else sys.stderr).write(text)
            sys.exit(code)
        with collector.paused():
            from cchc_cli.cli.main import main as run
        # What the imports made lives as long as the process: later collections need
        # not walk it again.
        gc.freeze()
        run()
    except (KeyboardInterrupt, Terminated) as exc:
        message, code = stopped_message(exc)
        sys.stderr.write(f"\n{message}\n")
        sys.exit(code)
