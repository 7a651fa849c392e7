"""The console script's entry point: even a Ctrl-C while cchc is starting ends quietly.

Python imports the command line (typer, click, rich) before cchc's own error handler
is in place; an interrupt during those imports would otherwise print a traceback.
"""

import sys


def main() -> None:
    """Start cchc; an interrupt at any moment ends with exit code 130 and one line."""
    try:
        from cchc_cli.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("\nĐã dừng theo yêu cầu (Ctrl-C).\n")
        sys.exit(130)
