"""The Jinja2 environment of report templates: escaping, strictness, located errors.

The shipped templates live in the package ``cchc_cli.templates`` (the top-level
``templates/`` folder of the repository); a unit's own folder, given with
``--templates`` or the plan's ``templates:`` key, is searched first and rendered in
the sandbox of :mod:`cchc_cli.report.sandbox`. Every value printed by ``{{ … }}`` is
escaped for the report markup (see :mod:`cchc_cli.report.markup`); ``None``, true/false,
functions and other objects that are no value are refused, never printed.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import importlib.resources
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from cchc_cli import vietnamese as numbers
from cchc_cli.errors import TemplateError, os_reason
from cchc_cli.load.yaml import FORBIDDEN_CHARACTERS
from cchc_cli.report.markup import Safe, ends_in_break, escape, escape_cell
from cchc_cli.report.sandbox import Budget, FileRefusedError, RefusedError, UnitLoader, UnitSandbox

PACKAGE = "cchc_cli.templates"


class _NoneValueError(Exception):
    pass


@jinja2.pass_environment
def _finalize(env: jinja2.Environment, value: Any) -> Safe:
    if isinstance(env, UnitSandbox):
        env.budget.tick()
    if value is None:
        raise _NoneValueError("a value printed by the template is empty (None)")
    if isinstance(value, bool):
        raise _NoneValueError("a true/false value is printed as text")
    if isinstance(value, int):
        # A whole number prints as it is: a year must read 2024, not 2.024. Counts that
        # want a thousands separator go through `| number` (shipped rows already do).
        return Safe(str(value))
    if isinstance(value, float):
        return Safe(numbers.number(value))
    if isinstance(value, jinja2.Undefined):
        return escape(str(value))  # StrictUndefined raises, naming the variable
    if callable(value) or isinstance(value, Iterator):
        # "<function …>", "<generator object … at 0x7f…>": no value, and not the same
        # text twice; `| list` or a call was forgotten.
        raise RefusedError(
            f"mẫu in ra {type(value).__name__} thay cho một giá trị (thiếu | list hoặc ())"
        )
    text = escape(value)
    if found := FORBIDDEN_CHARACTERS.search(text):
        raise RefusedError(
            f"mẫu in ra ký tự điều khiển U+{ord(found.group()):04X}, Word không thể chứa ký tự đó"
        )
    return text


def _shipped_loader() -> jinja2.BaseLoader:
    root = importlib.resources.files(PACKAGE)
    # An installed wheel or a checkout: either way a real folder on disk.
    return jinja2.FileSystemLoader(str(root), encoding="utf-8")


def make_environment(user_dir: Path | None = None, root: Path | None = None) -> jinja2.Environment:
    """The environment: the unit's folder (sandboxed) before the shipped templates.
    ``root`` is the folder with its links followed, when already known."""
    loaders: list[jinja2.BaseLoader] = []
    cls: type[jinja2.Environment] = jinja2.Environment
    if user_dir is not None:
        if root is None:  # else checked by ``cached_environment``
            _require_folder(user_dir)
        loaders.append(UnitLoader(user_dir, root))
        cls = UnitSandbox
    loaders.append(_shipped_loader())
    env = cls(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        cell=escape_cell,
        number=lambda v, d=1: Safe(numbers.number(v, d)),
        percent=lambda v, d=1: Safe(numbers.percent(v, d)),
        date_words=lambda d: Safe(numbers.date_words(d)),
        date_short=lambda d: Safe(numbers.date_short(d)),
        letter=lambda i: Safe(numbers.letter(int(i))),
        roman=lambda i: Safe(numbers.roman(int(i))),
        upper=lambda v: str(v).upper(),
        clause=lambda v: str(v).rstrip(" .;:,-–—"),
        lower_first=lower_first,
        item=list_item,
        sentence=sentence,
    )
    if isinstance(env, UnitSandbox):
        env.seal()
    return env


def _require_folder(folder: Path) -> None:
    try:
        mode = os.stat(folder).st_mode
    except OSError as exc:
        reason = "không có thư mục đó" if exc.errno == errno.ENOENT else os_reason(exc)
        raise TemplateError(
            f"Không mở được thư mục mẫu '{folder.as_posix()}': {reason}.",
            "Kiểm tra --templates hoặc khóa 'templates:' trong kế hoạch.",
        ) from exc
    if not stat.S_ISDIR(mode):
        raise TemplateError(
            f"'{folder.as_posix()}' không phải thư mục mẫu mà là một tệp.",
            "Chỉ ra thư mục chứa các tệp mẫu .j2 (--templates hoặc khóa 'templates:').",
        )


def lower_first(value: object) -> str:
    """A label inside a sentence: "Số hồ sơ tiếp nhận" → "số hồ sơ tiếp nhận".

    Only the first letter changes, so names inside keep their capitals ("Ủy ban nhân dân
    quận"), and a label that opens with an abbreviation ("TTHC …") is left as it is.
    """
    text = str(value)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


# The dash a clerk types before a list entry, which the template's own "- " replaces: a
# hyphen, an en or em dash or a bullet, then a space. "+ 15%", "* ghi chú" and "-5 hồ sơ"
# are the clerk's text (a sub-item, a sign) and stay as typed.
_TYPED_DASH = re.compile(r"\A[-–—•][ \t]+")


def list_item(value: object) -> str:
    """A list entry without the dash the clerk may have typed: the template adds its own."""
    return _TYPED_DASH.sub("", str(value), count=1)


def sentence(markup: str) -> Safe:
    """A rendered sentence with its full stop, unless it already ends in one or in "…".

    Used as ``{% filter sentence %}…{% endfilter %}``: a draft's "…" at the end of a line
    must not become "….".
    """
    text = str(markup).rstrip()
    while ends_in_break(text):  # a line break the clause ended with: no dangling "\\"
        text = text[:-1].rstrip()
    return Safe(text if text.endswith(("…", ".", "?", "!")) else text + ".")


def cached_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """One environment per template folder for the process: templates compile once."""
    if user_dir is None:
        return _cached_environment(None, None)
    _require_folder(user_dir)
    return _cached_environment(user_dir, user_dir.resolve())


@functools.lru_cache(maxsize=16)
def _cached_environment(user_dir: Path | None, root: Path | None) -> jinja2.Environment:
    return make_environment(user_dir, root)


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template ``name``; any failure becomes a TemplateError naming file and line.

    Jinja2 words its errors in English; they are kept as a detail behind a Vietnamese
    sentence, since they name the exact token or variable. A unit's templates get a new
    budget (time, size) for each template rendered.
    """
    budget: Budget | None = None
    if isinstance(env, UnitSandbox):
        budget = env.budget = Budget()
    try:
        template = env.get_template(name)
        chunks: list[str] = []
        for chunk in template.generate(context):
            if budget is not None:
                budget.write(chunk)
            chunks.append(chunk)
        if budget is not None and budget.exceeded:
            budget.tick()  # over budget in the template's very last piece
        text = "".join(chunks)
    except jinja2.TemplateSyntaxError as exc:
        where = _where(env, exc.filename or exc.name or name, exc.lineno)
        raise TemplateError(
            f"Mẫu {where} có lỗi cú pháp (chi tiết của Jinja2: {str(exc.message).rstrip('.')}).",
            "Sửa mẫu ở dòng đó: kiểm tra các cặp {{ }}, {% %} và {% end… %}.",
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise _not_found(env, name, exc) from exc
    except FileRefusedError as exc:
        filename, line = (exc.filename, exc.line) if exc.filename else _traceback_location(env, exc)
        where = _where(env, filename or name, line)
        raise TemplateError(
            f"Mẫu {where} không dùng được: {exc}.",
            "Mẫu của đơn vị chỉ đọc các tệp mẫu (UTF-8) nằm ngay trong thư mục mẫu của nó.",
        ) from exc
    except Exception as exc:  # anything raised while rendering is the template's doing
        filename, line = _traceback_location(env, exc)
        where = _where(env, filename or _filename(env, name), line)
        detail, hint = _describe(exc)
        raise TemplateError(f"Mẫu {where} không hiển thị được: {detail}.", hint) from exc
    if found := FORBIDDEN_CHARACTERS.search(text):
        # Plan and progress text is checked on loading, a unit's template files and printed
        # values on reading and printing; what is left is a filter's result.
        line = text.count("\n", 0, found.start()) + 1
        raise TemplateError(
            f"Mẫu {_where(env, _filename(env, name), None)} (hoặc mẫu nó gọi tới) tạo ra ký "
            f"tự điều khiển U+{ord(found.group()):04X} ở dòng {line} của văn bản kết quả; "
            "Word không thể chứa ký tự đó.",
            "Xóa ký tự đó (hoặc bộ lọc tạo ra nó) khỏi tệp mẫu.",
        )
    return text


def _not_found(env: jinja2.Environment, name: str, exc: jinja2.TemplateNotFound) -> TemplateError:
    folders = [
        f"'{loader.folder.as_posix()}'"
        for loader in getattr(env.loader, "loaders", [])
        if isinstance(loader, UnitLoader)
    ]
    searched = f"thư mục mẫu {folders[0]} và " if folders else ""
    filename, line = _traceback_location(env, exc)
    if filename is None:
        return TemplateError(
            f"Không tìm thấy mẫu '{exc.name}' trong {searched}bộ mẫu có sẵn.",
            "Kiểm tra thư mục mẫu báo cáo.",
        )
    return TemplateError(
        f"Mẫu {_where(env, filename, line)} gọi mẫu '{exc.name}', không có trong "
        f"{searched}bộ mẫu có sẵn.",
        "Sửa tên mẫu ở dòng đó, hoặc chép tệp mẫu đó vào thư mục mẫu của đơn vị.",
    )


def _filename(env: jinja2.Environment, name: str) -> str:
    # The file a template name stands for, so a message names the unit's folder too.
    with contextlib.suppress(Exception):
        return env.get_template(name).filename or name
    return name


def _describe(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, jinja2.UndefinedError):
        return (
            f"biến không tồn tại (chi tiết: {exc.message})",
            "Kiểm tra tên biến trong mẫu (danh sách ở templates/README.md).",
        )
    if isinstance(exc, SecurityError):
        return (
            f"thao tác không được phép trong mẫu của đơn vị (chi tiết: {str(exc).rstrip('.')})",
            "Mẫu của đơn vị chỉ dùng biến và bộ lọc nêu trong templates/README.md.",
        )
    if isinstance(exc, RefusedError):
        return (
            str(exc),
            "Mẫu của đơn vị chạy trong giới hạn thời gian và độ dài, không dùng được "
            "lipsum, random hay đồng hồ: sửa vòng lặp hoặc biểu thức ở dòng đó.",
        )
    if isinstance(exc, _NoneValueError) and "true/false" in str(exc):
        return (
            "một giá trị đúng/sai (true/false) được in ra như chữ",
            "Dùng {% if … %} … {% endif %} thay cho in trực tiếp giá trị đó.",
        )
    if isinstance(exc, _NoneValueError):
        return "một giá trị in ra bị trống (None)", "Kiểm tra biến in ra ở dòng đó."
    words = str(exc).rstrip(".") or type(exc).__name__
    return (
        f"lỗi khi tính toán trong mẫu (chi tiết: {type(exc).__name__}: {words})",
        "Sửa biểu thức ở dòng đó rồi chạy lại.",
    )


def _traceback_location(
    env: jinja2.Environment, exc: BaseException
) -> tuple[str | None, int | None]:
    # Jinja rewrites tracebacks so template frames carry the template's file and line;
    # the innermost one is where the template went wrong.
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if _is_template_file(env, filename):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _is_template_file(env: jinja2.Environment, filename: str) -> bool:
    if filename.endswith(".j2") or "/templates/" in filename.replace("\\", "/"):
        return True
    # A unit's template may be named anything: its frames are in its folder.
    for loader in getattr(env.loader, "loaders", []):
        if isinstance(loader, UnitLoader):
            with contextlib.suppress(ValueError, OSError, RuntimeError):
                Path(filename).resolve().relative_to(loader.root)
                return True
    return False


def _where(env: jinja2.Environment, filename: str, line: int | None) -> str:
    shown = filename
    with contextlib.suppress(ValueError, OSError):
        shown = Path(filename).resolve().relative_to(Path.cwd().resolve()).as_posix()
    return f"{shown}:{line}" if line else shown
