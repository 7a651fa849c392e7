"""The Jinja2 environment of report templates: escaping, strictness, located errors.

The shipped templates live in the package ``cchc_cli.templates`` (the top-level
``templates/`` folder of the repository); a unit's own folder, given with
``--templates`` or the plan's ``templates:`` key, is searched first and rendered in
Jinja2's sandbox. Every value printed by ``{{ … }}`` is escaped for the report markup
(see :mod:`cchc_cli.report.markup`); ``None`` is refused, never printed.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
import re
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2.exceptions import SecurityError

from cchc_cli import vietnamese as numbers
from cchc_cli.errors import TemplateError
from cchc_cli.load.yaml import FORBIDDEN_CHARACTERS
from cchc_cli.report.markup import Safe, escape, escape_cell

PACKAGE = "cchc_cli.templates"


class _NoneValueError(Exception):
    pass


def _finalize(value: Any) -> Safe:
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
    return escape(value)


def _shipped_loader() -> jinja2.BaseLoader:
    root = importlib.resources.files(PACKAGE)
    # An installed wheel or a checkout: either way a real folder on disk.
    return jinja2.FileSystemLoader(str(root), encoding="utf-8")


def make_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """The environment: the unit's folder (sandboxed) before the shipped templates."""
    loaders: list[jinja2.BaseLoader] = []
    cls: type[jinja2.Environment] = jinja2.Environment
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(
                f"Không tìm thấy thư mục mẫu '{user_dir}'.",
                "Kiểm tra --templates hoặc khóa 'templates:' trong kế hoạch.",
            )
        loaders.append(jinja2.FileSystemLoader(str(user_dir), encoding="utf-8"))
        cls = jinja2.sandbox.SandboxedEnvironment
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
    return env


def lower_first(value: object) -> str:
    """A label inside a sentence: "Số hồ sơ tiếp nhận" → "số hồ sơ tiếp nhận".

    Only the first letter changes, so names inside keep their capitals ("Ủy ban nhân dân
    quận"), and a label that opens with an abbreviation ("TTHC …") is left as it is.
    """
    text = str(value)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


_TYPED_MARKER = re.compile(r"^\s*[-–—+•*]\s+")


def list_item(value: object) -> str:
    """A list entry without the dash the clerk may have typed: the template adds its own."""
    return _TYPED_MARKER.sub("", str(value), count=1)


def sentence(markup: str) -> Safe:
    """A rendered sentence with its full stop, unless it already ends in one or in "…".

    Used as ``{% filter sentence %}…{% endfilter %}``: a draft's "…" at the end of a line
    must not become "….".
    """
    text = str(markup).rstrip()
    return Safe(text if text.endswith(("…", ".", "?", "!")) else text + ".")


@functools.lru_cache(maxsize=16)
def cached_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """One environment per template folder for the process: templates compile once."""
    return make_environment(user_dir)


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template ``name``; any failure becomes a TemplateError naming file and line.

    Jinja2 words its errors in English; they are kept as a detail behind a Vietnamese
    sentence, since they name the exact token or variable.
    """
    try:
        text = env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = _where(env, exc.filename or exc.name or name, exc.lineno)
        raise TemplateError(
            f"Mẫu {where} có lỗi cú pháp (chi tiết của Jinja2: {str(exc.message).rstrip('.')}).",
            "Sửa mẫu ở dòng đó: kiểm tra các cặp {{ }}, {% %} và {% end… %}.",
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"Không tìm thấy mẫu '{exc.name}'.", "Kiểm tra thư mục mẫu báo cáo."
        ) from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(
            f"Mẫu '{name}' (hoặc mẫu nó gọi tới) không phải văn bản UTF-8.",
            "Lưu lại tệp mẫu với bảng mã UTF-8 (Notepad: Save As → Encoding: UTF-8).",
        ) from exc
    except Exception as exc:  # anything raised while rendering is the template's doing
        filename, line = _traceback_location(exc)
        where = _where(env, filename or name, line)
        detail, hint = _describe(exc)
        raise TemplateError(f"Mẫu {where} không hiển thị được: {detail}.", hint) from exc
    if found := FORBIDDEN_CHARACTERS.search(text):
        # Plan and progress text is checked on loading; only a template can bring these.
        raise TemplateError(
            f"Mẫu '{name}' (hoặc mẫu nó gọi tới) tạo ra ký tự điều khiển "
            f"U+{ord(found.group()):04X}, Word không thể chứa ký tự đó.",
            "Xóa ký tự đó khỏi tệp mẫu.",
        )
    return text


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


def _traceback_location(exc: BaseException) -> tuple[str | None, int | None]:
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or "/templates/" in filename.replace("\\", "/"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _where(env: jinja2.Environment, filename: str, line: int | None) -> str:
    shown = filename
    with contextlib.suppress(ValueError, OSError):
        shown = Path(filename).resolve().relative_to(Path.cwd().resolve()).as_posix()
    return f"{shown}:{line}" if line else shown
