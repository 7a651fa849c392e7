"""Click's usage errors (unknown option, missing value, bad choice) told in Vietnamese.

Click words them in English and reads only its own attributes; this module reads the same
attributes and words the message for the clerk. A kind it does not know keeps click's
text as a clue rather than losing it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from cchc_cli.errors import UsageError
from cchc_cli.problems import did_you_mean


def translate(exc: Any, argv: Sequence[str] = ()) -> UsageError:
    """A cchc UsageError (exit 2) for a click UsageError ``exc`` raised parsing ``argv``."""
    kind = type(exc).__name__
    message = str(getattr(exc, "message", "") or "")
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else _command_of(argv)
    see = f"Xem cách dùng: {command} --help"
    if kind == "NoSuchOption":
        return _no_such_option(exc, see)
    if kind == "BadOptionUsage":
        return _bad_option_usage(exc, message, see)
    if kind == "MissingParameter":
        return UsageError(f"Thiếu {_what(getattr(exc, 'param', None))}.", see)
    if kind == "BadParameter":
        return _bad_value(getattr(exc, "param", None), message, see)
    if message.startswith("No such command"):
        return _no_such_command(ctx, message)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return UsageError(f"Thừa đối số: {extra.group(1)}.", see)
    return UsageError(f"Cách dùng không đúng (chi tiết: {message}).", see)


def _command_of(argv: Sequence[str]) -> str:
    # Some errors come without click's context: the command is what leads the arguments.
    words = ["cchc"]
    for word in argv[:2]:
        if word.startswith("-") or (len(words) == 2 and words[1] != "progress"):
            break
        words.append(word)
    return " ".join(words)


def _closest(name: str, options: Sequence[str]) -> list[str]:
    """Click's guesses, closest first; those clearly further than the best left out
    ("--quater": "--quarter", not "--date" too)."""
    scored = sorted((-difflib.SequenceMatcher(None, name, o).ratio(), o) for o in options)
    if not scored:
        return []
    best = -scored[0][0]
    return [option for score, option in scored if -score >= best - 0.15]


def _no_such_option(exc: Any, see: str) -> UsageError:
    name = str(exc.option_name)
    close = _closest(name, getattr(exc, "possibilities", None) or ())
    if close:
        return UsageError(
            f"Không có tùy chọn '{name}'.", f"Có phải ý bạn là {' hoặc '.join(close)}? {see}"
        )
    return UsageError(f"Không có tùy chọn '{name}'.", see)


def _bad_option_usage(exc: Any, message: str, see: str) -> UsageError:
    name = str(getattr(exc, "option_name", "") or "")
    if "requires an argument" in message:
        return UsageError(f"Tùy chọn '{name}' cần một giá trị.", see)
    if "does not take a value" in message:
        return UsageError(f"Tùy chọn '{name}' không nhận giá trị.", see)
    return UsageError(f"Dùng sai tùy chọn '{name}' (chi tiết: {message}).", see)


def _what(param: Any) -> str:
    if param is None:
        return "tham số"
    if getattr(param, "param_type_name", "") == "argument":
        return f"đối số {param.metavar or param.name.upper()}"
    return f"tùy chọn {'/'.join(param.opts)}"


_PATH_PROBLEMS = (
    ("is not readable", "Không có quyền đọc '{}'.", "Kiểm tra quyền truy cập tệp hoặc thư mục."),
    ("does not exist", "Không tìm thấy '{}'.", "Kiểm tra đường dẫn."),
    ("is a directory", "'{}' là thư mục, cần một tệp.", "Chỉ ra một tệp."),
    ("is a file", "'{}' là tệp, cần một thư mục.", "Chỉ ra một thư mục."),
)


def _bad_value(param: Any, message: str, see: str) -> UsageError:
    named = re.search(r"'([^']*)'", message)
    for words, text, hint in _PATH_PROBLEMS:
        if named and words in message:
            return UsageError(text.format(named.group(1)), hint)
    if param is not None and getattr(param, "param_type_name", "") == "argument":
        where = param.metavar or param.name.upper()
    else:
        where = "/".join(param.opts) if param is not None and param.opts else "tham số"
    choices = _choices(param)
    if choices:
        given = re.search(r"'([^']*)'", message)
        value = f" '{given.group(1)}'" if given else ""
        return UsageError(
            f"Giá trị{value} không hợp lệ cho {where}.", f"Chọn một trong: {', '.join(choices)}."
        )
    if _is_integer(param):
        return UsageError(f"Giá trị của {where} phải là một số nguyên.", see)
    return UsageError(f"Giá trị không hợp lệ cho {where} (chi tiết: {message}).", see)


def _choices(param: Any) -> list[str]:
    # typer >= 0.29 describes the parameter itself; older ones hand click a Choice type.
    found = getattr(getattr(param, "type_descriptor", None), "choices", None)
    found = found or getattr(getattr(param, "type", None), "choices", None) or ()
    return [str(getattr(c, "value", c)) for c in found]


def _is_integer(param: Any) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        return getattr(descriptor, "annotation", None) is int
    return getattr(getattr(param, "type", None), "name", "") == "integer"


def _no_such_command(ctx: Any, message: str) -> UsageError:
    given = re.search(r"'([^']*)'", message)
    name = given.group(1) if given else ""
    commands = list(ctx.command.list_commands(ctx)) if ctx is not None else []
    guess = did_you_mean(name, commands, cutoff=0.6)
    hint = f"{guess} " if guess else ""
    return UsageError(f"Không có lệnh '{name}'.", f"{hint}Các lệnh: {', '.join(commands)}.")
