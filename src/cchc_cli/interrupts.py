"""Signals that end cchc (Ctrl-C, SIGTERM, SIGHUP) as exceptions raised where it is, so
every cleanup runs; while a file is being moved into place, only once that is done.

launch.py installs the handlers before anything else is imported; output/safewrite.py
holds them back around a write; cli/main.py turns the exception into one line and exit
code 130, 143 or 129.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

from cchc_cli.errors import Terminated

_held = 0
_pending: list[BaseException] = []


def _exception(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated(signum)


def interrupt(exc: BaseException) -> None:
    """Raise ``exc`` now, or, inside :func:`held`, as soon as the held work is finished or
    undone: a signal between a temporary file's creation and its move into place must
    not leave it behind."""
    if _held:
        _pending.append(exc)
        return
    raise exc


def _on_signal(signum: int, frame: object) -> None:
    interrupt(_exception(signum))


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Signals wait until the block is left (its own cleanup done), then act."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if not _held and _pending:
            exc = _pending[0]
            _pending.clear()
            raise exc


def install() -> None:
    """Handle Ctrl-C, SIGTERM and SIGHUP as above. A signal the parent told cchc to
    ignore (``nohup`` ignores SIGHUP) stays ignored; Windows has no SIGHUP."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        if signal.getsignal(number) in (signal.SIG_IGN, None):
            continue
        signal.signal(number, _on_signal)
