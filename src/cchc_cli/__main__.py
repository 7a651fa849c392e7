"""Allow `python -m cchc_cli`."""

from cchc_cli.cli import main

main()
