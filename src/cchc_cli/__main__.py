"""Allow `python -m cchc_cli`."""

from cchc_cli.launch import main

main()
