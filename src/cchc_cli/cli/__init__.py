"""The command layer: options parsed into values, the core called, a writer picked,
errors mapped to exit codes. `commands.py` is the table of commands, `app.py` the typer
application, `main.py` the one error handler; one module per command."""
