"""The sandbox a unit's own templates run in: its folder only, bounded time and size, no
source of difference between two runs.

A unit's templates come from its plan's repository, perhaps from a pull request a
reviewer builds a report from, so they are treated as untrusted:

- they read only regular files that resolve inside their own folder (no symbolic link
  out of it, no absolute or ``..`` name, no pipe or device), UTF-8, at most 1 MiB;
- Jinja2's immutable sandbox: no ``_`` attributes, no changing the report's lists;
- a time budget and an output budget per template rendered, counted at every loop
  step, call, filter and printed value, and no single value (``"x" * 10**9``, ``9 ** 9
  ** 9``, ``"{:>999999999}"``) larger than the output budget;
- nothing that differs between two runs: no ``lipsum``, no ``random``, no clock
  (``today``, ``now``…), no memory addresses printed.

Each refusal is an exception whose message (Vietnamese) ends up, with the template's
file and line, in a TemplateError (exit 4); see render.py.
"""

from __future__ import annotations

import datetime
import functools
import math
import os
import re
import stat
import time
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2 import nodes
from jinja2.visitor import NodeTransformer

from cchc_cli.load.yaml import FORBIDDEN_CHARACTERS

TIME_BUDGET = 10.0  # seconds for one template (with what it includes); shipped ones take ms
MAX_OUTPUT = 10_000_000  # characters: a report of 10,000 tasks is under half of that
MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_INT_BITS = 10_000  # 9 ** 9 ** 9 would take minutes to compute
_CHECK_CLOCK_EVERY = 64

LOOP_FILTER = "cchc_loop"
CONCAT_FILTER = "cchc_concat"
# Attributes that read the clock (date.today(), datetime.now()…) or the local time zone.
_CLOCK = frozenset(
    {"today", "now", "utcnow", "fromtimestamp", "utcfromtimestamp", "astimezone", "timestamp"}
)
_PATH_ATTRIBUTES = frozenset({"name", "stem", "suffix"})
# Jinja2 globals and filters a unit's template does not get.
_NOT_GLOBALS = ("lipsum",)
_NOT_FILTERS = ("random",)
_ADDRESS = re.compile(r" at 0x[0-9A-Fa-f]+")
_BIG_PERCENT = re.compile(r"%[-#0 +]*(?:\*|\d{6,})|%[-#0 +]*\d*\.(?:\*|\d{6,})")
_BIG_FORMAT = re.compile(r"\{[^{}]*:[^{}]*(?:\d{6,}|\{)")


class RefusedError(Exception):
    """A template did something its sandbox does not allow; the message says what."""


class FileRefusedError(RefusedError):
    """A template file that may not be read (outside its folder, not a regular file, not
    UTF-8, a control character in it); ``filename`` and ``line`` when the fault is in it."""

    def __init__(self, message: str, filename: str | None = None, line: int | None = None):
        super().__init__(message)
        self.filename = filename
        self.line = line


class Budget:
    """What one rendering may still spend: time and characters."""

    def __init__(self, seconds: float = TIME_BUDGET, characters: int = MAX_OUTPUT) -> None:
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.characters = characters
        self.written = 0
        self._ticks = 0

    def tick(self) -> None:
        """One step of the template: where it is stopped, with its line, once over budget."""
        self._ticks += 1
        if self.written > self.characters:
            raise RefusedError(_too_large(self.characters))
        if self._ticks % _CHECK_CLOCK_EVERY == 0 and time.monotonic() > self.deadline:
            raise RefusedError(
                f"mẫu chạy quá {self.seconds:g} giây (có thể là vòng lặp quá lớn hoặc không dừng)"
            )

    def size(self, value: object) -> None:
        if isinstance(value, str | list | tuple | dict) and len(value) > self.characters:
            raise RefusedError(_too_large(self.characters))

    def write(self, chunk: str) -> None:
        """Count what the template wrote; its next step (tick) stops it once over."""
        self.written += len(chunk)

    @property
    def exceeded(self) -> bool:
        return self.written > self.characters


def _too_large(limit: int) -> str:
    from cchc_cli.vietnamese import number

    return f"mẫu tạo ra quá {number(limit)} ký tự"


class UnitLoader(jinja2.BaseLoader):
    """Templates of a unit's folder: regular files inside it, and nothing else."""

    def __init__(self, folder: Path, root: Path | None = None) -> None:
        self.folder = folder  # as the clerk named it, for messages
        self.root = root or folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = _pieces(template)
        path = self.root.joinpath(*pieces)
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)  # the shipped template, if any, is used
        shown = self.folder.joinpath(*pieces).as_posix()
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            raise FileRefusedError(
                f"không mở được mẫu '{shown}' (liên kết hỏng hoặc vòng)"
            ) from exc
        if not resolved.is_relative_to(self.root):
            raise FileRefusedError(
                f"mẫu '{shown}' là liên kết trỏ ra ngoài thư mục mẫu '{self.folder.as_posix()}'"
            )
        text, mtime = _read_regular(resolved, shown)
        return text, str(path), lambda: _mtime(resolved) == mtime


def _pieces(template: str) -> list[str]:
    # Jinja2's own loader quietly drops '..' and leading '/'; here they are refused, so
    # the clerk learns their include cannot work rather than getting another file.
    if template.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", template):
        raise FileRefusedError(
            f"tên mẫu '{template}' là đường dẫn tuyệt đối; chỉ dùng tên trong thư mục mẫu"
        )
    pieces = [p for p in re.split(r"[/\\]", template) if p not in ("", ".")]
    if ".." in pieces:
        raise FileRefusedError(f"tên mẫu '{template}' trỏ ra ngoài thư mục mẫu ('..')")
    if not pieces:
        raise jinja2.TemplateNotFound(template)
    return pieces


def _read_regular(path: Path, shown: str) -> tuple[str, float]:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        from cchc_cli.errors import os_reason

        raise FileRefusedError(f"không mở được mẫu '{shown}': {os_reason(exc)}") from exc
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(f"mẫu '{shown}' không phải tệp thường (ống dẫn, thiết bị…)")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise FileRefusedError(f"mẫu '{shown}' lớn quá 1 MiB")
        raw = stream.read(MAX_TEMPLATE_BYTES + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileRefusedError(
            f"mẫu '{shown}' không phải văn bản UTF-8 (byte 0x{raw[exc.start]:02X})", shown, line
        ) from exc
    if found := FORBIDDEN_CHARACTERS.search(text):
        line = text.count("\n", 0, found.start()) + 1
        raise FileRefusedError(
            f"mẫu có ký tự điều khiển U+{ord(found.group()):04X}, Word không thể chứa ký tự đó",
            str(path),
            line,
        )
    return text, info.st_mtime


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


class _Budgeted(NodeTransformer):
    """Every loop counts its steps; every `~` checks the size of what it builds."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 - NodeVisitor's naming
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        self.generic_visit(node)
        items = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(items, CONCAT_FILTER, [], [], None, None, lineno=node.lineno)


class UnitSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, bounded and deterministic (see the module's doc)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = Budget()
        for name in _NOT_GLOBALS:
            self.globals.pop(name, None)
        self.globals["range"] = self._range
        for name in _NOT_FILTERS:
            self.filters.pop(name, None)

    def seal(self) -> None:
        """Wrap every filter, once all are registered, so each one counts and is checked."""
        self.filters = {name: self._bounded(name, f) for name, f in self.filters.items()}
        self.filters[LOOP_FILTER] = self._loop
        self.filters[CONCAT_FILTER] = self._concat

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        source = _Budgeted().visit(source)
        return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr in _CLOCK and isinstance(obj, datetime.date | datetime.time | type):
            return False
        if isinstance(obj, PurePath | os.PathLike) and attr not in _PATH_ATTRIBUTES:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.tick()
        _check_method(__obj, args, kwargs, __self.budget.characters)
        result = super().call(__context, __obj, *args, **kwargs)
        _check_result(result, __self.budget)
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        _check_binop(operator, left, right, self.budget.characters)
        result = super().call_binop(context, operator, left, right)
        _check_result(result, self.budget)
        return result

    def _range(self, *args: int) -> Iterator[int]:
        return self._loop(jinja2.sandbox.safe_range(*args))

    def _loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        budget = self.budget
        for item in iterable:
            budget.tick()
            yield item

    def _concat(self, parts: list[Any]) -> str:
        texts = [str(p) for p in parts]
        if sum(len(t) for t in texts) > self.budget.characters:
            raise RefusedError(_too_large(self.budget.characters))
        text = "".join(texts)
        _check_result(text, self.budget)
        return text

    def _bounded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        env = self

        # Filters marked @pass_context and the like get Jinja2's object first.
        skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

        @functools.wraps(function)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            env.budget.tick()
            _check_filter(name, args[skip:], kwargs, env.budget.characters)
            result = function(*args, **kwargs)
            _check_result(result, env.budget)
            return result

        return bounded


def _check_result(value: Any, budget: Budget) -> None:
    budget.size(value)
    if isinstance(value, str) and _ADDRESS.search(value):
        raise RefusedError(_ADDRESS_MESSAGE)


_WIDTH_MESSAGE = "mẫu định dạng chuỗi với độ rộng quá lớn"
_ADDRESS_MESSAGE = (
    "mẫu in ra một đối tượng Python (có địa chỉ bộ nhớ, khác nhau giữa các lần chạy) "
    "thay cho một giá trị"
)


def _check_binop(operator: str, left: Any, right: Any, limit: int) -> None:
    sized = (str, list, tuple)
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, sized) and isinstance(count, int) and len(seq) * count > limit:
                raise RefusedError(_too_large(limit))
    elif operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and right > 0
            and abs(left) > 1
            and left.bit_length() * right > MAX_INT_BITS
        ):
            raise RefusedError("mẫu tính một lũy thừa quá lớn")
    elif operator == "+":
        if isinstance(left, sized) and isinstance(right, sized) and len(left) + len(right) > limit:
            raise RefusedError(_too_large(limit))
    elif operator == "%" and isinstance(left, str) and _BIG_PERCENT.search(left):
        raise RefusedError(_WIDTH_MESSAGE)


def _width_args(args: tuple[Any, ...], kwargs: dict[str, Any], limit: int) -> None:
    for value in (*args, *kwargs.values()):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and (not math.isfinite(value) or abs(value) > limit):
            raise RefusedError(_too_large(limit))


# Filters whose numeric arguments set the size of what they build (a width, a count).
_SIZING_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice"})


def _check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], limit: int) -> None:
    if name in _SIZING_FILTERS:
        _width_args(args[1:], kwargs, min(limit, jinja2.sandbox.MAX_RANGE))
    elif name == "format" and args and isinstance(args[0], str):
        if _BIG_PERCENT.search(args[0]):
            raise RefusedError(_WIDTH_MESSAGE)
    elif name == "replace" and len(args) >= 3:
        _check_replace(args[0], args[1], args[2], limit)
    elif name == "join" and args:
        _check_join(args[0], args[1] if len(args) > 1 else kwargs.get("d", ""), limit)


def _check_method(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any], limit: int) -> None:
    target = getattr(function, "__wrapped__", function)
    owner = getattr(target, "__self__", None)
    if not isinstance(target, types.BuiltinMethodType | types.MethodType):
        return
    name = getattr(target, "__name__", "")
    if isinstance(owner, str):
        if name in ("format", "format_map") and _BIG_FORMAT.search(owner):
            raise RefusedError(_WIDTH_MESSAGE)
        if name == "replace" and len(args) >= 2:
            _check_replace(owner, args[0], args[1], limit)
        elif name == "join" and args:
            _check_join(args[0], owner, limit)
        else:
            _width_args(args, kwargs, min(limit, jinja2.sandbox.MAX_RANGE))


def _check_replace(text: Any, old: Any, new: Any, limit: int) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        places = text.count(old) if old else len(text) + 1
        if len(text) + places * max(0, len(new) - len(old)) > limit:
            raise RefusedError(_too_large(limit))


def _check_join(items: Any, separator: Any, limit: int) -> None:
    if isinstance(items, str | list | tuple) and isinstance(separator, str):
        parts = len(items) if isinstance(items, str) else sum(_length(i) for i in items)
        if parts + len(separator) * max(0, len(items) - 1) > limit:
            raise RefusedError(_too_large(limit))


def _length(item: Any) -> int:
    return len(item) if isinstance(item, str | list | tuple) else 1
