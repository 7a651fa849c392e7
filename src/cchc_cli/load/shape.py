"""Read a YAML file into a model, translating every failure into located problems."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from cchc_cli import vietnamese
from cchc_cli.checks import Located
from cchc_cli.load.yaml import Document, load_bytes
from cchc_cli.problems import (
    COMMA_IN_NUMBER_HINT,
    Problem,
    ProblemList,
    Severity,
    did_you_mean,
    display_path,
)

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """The outcome of loading one file: the model when it is valid, and all problems."""

    path: Path
    shown: str
    model: M | None
    document: Document | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(
            p.severity is Severity.ERROR for p in self.problems
        )


# A model's checks of meaning, all at once (checks/plan.py: check_plan).
Checker = Callable[[Any, Located], list[Problem]]


def read_document(path: Path, raw: bytes | None = None) -> tuple[ProblemList, Document | None]:
    """The file's YAML document (from ``raw`` when given) and the problems met reading it."""
    from cchc_cli.load.files import read_bytes

    problems = ProblemList(display_path(path))
    if raw is None:
        raw = read_bytes(path, problems)
    return problems, (load_bytes(raw, problems) if raw is not None else None)


def load_model(
    path: Path, model: type[M], checker: Checker | None = None, raw: bytes | None = None
) -> Loaded[M]:
    """Load ``path`` as ``model`` and run ``checker`` on it when it has the right shape."""
    problems, document = read_document(path, raw)
    if document is None:
        return Loaded(path, problems.path, None, None, problems.items)
    return validate_document(path, document, model, checker, problems)


def validate_document(
    path: Path,
    document: Document,
    model: type[M],
    checker: Checker | None = None,
    problems: ProblemList | None = None,
) -> Loaded[M]:
    """Validate an already parsed document as ``model`` and run ``checker``."""
    shown = display_path(path)
    problems = problems if problems is not None else ProblemList(shown)
    if not isinstance(document.data, dict):
        problems.add(
            document.mark_for(()),
            "E201",
            "Nội dung tệp phải là một bảng khóa: giá trị ở cấp ngoài cùng.",
            "Bắt đầu tệp bằng các khóa như 'unit:', 'issued:', 'tasks:'.",
        )
        return Loaded(path, shown, None, document, problems.items)
    try:
        value = model.model_validate(document.data)
    except ValidationError as exc:
        problems.items.extend(translate(exc, model, document, shown))
        return Loaded(path, shown, None, document, problems.items)
    if checker is not None:
        problems.items.extend(checker(value, Located(shown, document, file=path)))
    return Loaded(path, shown, value, document, problems.items)


# A file within the size limit may still hold hundreds of thousands of broken entries
# ("tasks: [{}, {}, …]"): the first ones are listed, then how many more there are.
MAX_SHAPE_PROBLEMS = 500


def translate(
    exc: ValidationError, model: type[BaseModel], document: Document, shown: str
) -> Iterator[Problem]:
    """Pydantic's errors as Vietnamese problems at the line and column of their value."""
    seen: set[tuple[int, int, str]] = set()
    total = exc.error_count()
    if total > MAX_SHAPE_PROBLEMS:
        exc = _first_errors(exc, model, document.data)
    for error in exc.errors(include_url=False):
        if len(seen) == MAX_SHAPE_PROBLEMS:
            break
        loc = tuple(error["loc"])
        kind = error["type"]
        message, hint = _message(error, model, loc, document.data)
        if kind == "extra_forbidden":
            mark = document.key_mark_for(loc)
        elif kind == "missing":
            mark = document.mark_for(loc[:-1])
        else:
            mark = document.mark_for(loc)
        code = _CODES.get(kind, "E202")
        key = (mark.line, mark.column, message)
        if key in seen:
            continue
        seen.add(key)
        yield Problem(shown, mark.line, mark.column, code, Severity.ERROR, message, hint)
    if total > len(seen):
        yield Problem(
            shown,
            1,
            1,
            "E202",
            Severity.ERROR,
            f"Tệp có {vietnamese.number(total)} lỗi cấu trúc; chỉ liệt kê "
            f"{vietnamese.number(len(seen))} lỗi.",
            "Sửa các lỗi đã liệt kê rồi kiểm tra lại; nhiều lỗi giống nhau thường do một "
            "lỗi thụt lề hoặc một khóa sai ở phía trên.",
        )


def _first_errors(exc: ValidationError, model: type[BaseModel], data: Any) -> ValidationError:
    # Listing two million errors takes pydantic longer than finding them: the errors of
    # the first entries of every list are found again, from a copy cut short.
    try:
        model.model_validate(_cut(data, MAX_SHAPE_PROBLEMS))
    except ValidationError as fewer:
        return fewer
    return exc  # pragma: no cover - a cut copy of an invalid file stays invalid


def _cut(value: Any, items: int) -> Any:
    if isinstance(value, list):
        return [_cut(v, items) for v in value[:items]]
    if isinstance(value, dict):
        return {k: _cut(v, items) for k, v in value.items()}
    return value


_CODES = {
    "missing": "E203",
    "extra_forbidden": "E204",
    "enum": "E205",
    "literal_error": "E205",
}


def _where(loc: tuple[Any, ...], data: Any = None) -> str:
    """A field's place for people: 'tasks[15: TTHC-06].status' (items counted from 1,
    named by their id when they have one)."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            data = data[item] if isinstance(data, list) and item < len(data) else None
            name = data.get("id") if isinstance(data, dict) else None
            parts.append(f"[{item + 1}: {name}]" if isinstance(name, str) else f"[{item + 1}]")
        else:
            data = data.get(item) if isinstance(data, dict) else None
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(gốc)"


def _message(
    error: Any, model: type[BaseModel], loc: tuple[Any, ...], data: Any = None
) -> tuple[str, str]:
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    where = _where(loc, data)
    given = error.get("input")
    if "hint" in ctx:  # a model's own error that says what to write instead
        return f"{where}: {error['msg']}.", str(ctx["hint"])
    if kind == "missing":
        field = str(loc[-1])
        title = _field_title(model, loc)
        label = f"'{field}' ({title})" if title else f"'{field}'"
        return (
            f"Thiếu trường bắt buộc {label} trong {_where(loc[:-1], data)}.",
            f"Thêm dòng '{field}: …'.",
        )
    if kind == "extra_forbidden":
        field = str(loc[-1])
        if field.isdigit():
            return (
                f"Khóa '{field}' không hợp lệ tại {_where(loc[:-1], data)}.",
                COMMA_IN_NUMBER_HINT,
            )
        known = _field_names(model, loc[:-1])
        hint = did_you_mean(field, known, cutoff=0.6) or (
            "Các khóa hợp lệ: " + ", ".join(known) + "." if known else "Xóa khóa này."
        )
        return f"Khóa '{field}' không hợp lệ tại {_where(loc[:-1], data)}.", hint
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        options = [
            o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()
        ]
        choices = ", ".join(f"'{o}'" for o in options)
        hint = did_you_mean(str(given), options) or f"Chọn một trong: {choices}."
        return f"Giá trị '{given}' không hợp lệ cho {where}.", hint
    if kind in _SIMPLE:
        text, hint = _SIMPLE[kind]
        return f"{where}: {text.format(**ctx)}.", hint
    if kind.startswith(("text_", "date_", "due_", "monthday_", "years_", "quarter_")):
        return f"{where}: {error['msg']}.", _CUSTOM_HINTS.get(kind.split("_", maxsplit=1)[0], "")
    if kind.startswith("number_"):
        return f"{where}: {error['msg']}.", "Ghi một số cụ thể, ví dụ 95.5 (dấu chấm thập phân)."
    if kind.startswith("figure_"):
        return f"{where}: {error['msg']}.", "Kiểm tra lại số liệu: có thể thừa chữ số."
    return f"{where}: giá trị không hợp lệ ({error['msg']}).", _FIELDS_HINT


_FIELDS_HINT = (
    "Xem ý nghĩa và cách ghi của trường trong docs/plan-fields.md hoặc progress-fields.md."
)

_CUSTOM_HINTS = {
    "text": "Đặt văn bản trong dấu nháy kép nếu YAML hiểu nhầm nó là giá trị khác.",
    "date": 'Ví dụ: 2024-01-24 hoặc "24/01/2024".',
    "due": "Ví dụ: 2024-03-31, 2024-03, 2024-Q1, 2024 hoặc thường xuyên.",
    "monthday": 'Ví dụ: "05/12" cho ngày 05 tháng 12.',
    "years": 'Ví dụ: 2024 hoặc "2021-2025".',
    "quarter": "Ví dụ: 2024-Q1.",
}

_SIMPLE: dict[str, tuple[str, str]] = {
    "string_type": ("cần một đoạn văn bản", "Đặt văn bản trong dấu nháy kép nếu cần."),
    "int_type": ("cần một số nguyên", "Ghi số không có dấu nháy, ví dụ 2024."),
    "int_parsing": ("cần một số nguyên", "Ghi số không có dấu nháy, ví dụ 2024."),
    "int_from_float": ("cần một số nguyên, không có phần thập phân", "Ví dụ: 12, không ghi 12.5."),
    "float_type": ("cần một số", "Ghi số thập phân bằng dấu chấm, không kèm %: 95.5."),
    "float_parsing": ("cần một số", "Ghi số thập phân bằng dấu chấm, không kèm %: 95.5."),
    "finite_number": ("cần một số hữu hạn", "Ghi một số cụ thể, không ghi .inf hay .nan."),
    "bool_type": ("cần true hoặc false", "Ghi true (có) hoặc false (không), không có dấu nháy."),
    "bool_parsing": ("cần true hoặc false", "Ghi true (có) hoặc false (không), không có dấu nháy."),
    "list_type": (
        "cần một danh sách (các dòng bắt đầu bằng '- ')",
        "Viết mỗi phần tử trên một dòng '- …'.",
    ),
    "dict_type": ("cần một bảng khóa: giá trị", "Thụt lề các khóa con dưới khóa này."),
    "model_type": ("cần một bảng khóa: giá trị", "Thụt lề các khóa con dưới khóa này."),
    "model_attributes_type": ("cần một bảng khóa: giá trị", "Thụt lề các khóa con dưới khóa này."),
    "string_pattern_mismatch": (
        "mã chỉ gồm chữ không dấu, số, '.', '_' và '-'",
        "Ví dụ: TTHC-01, vp-tk.",
    ),
    "string_too_long": (
        "văn bản dài quá {max_length} ký tự",
        "Rút gọn, hoặc chia thành nhiều mục.",
    ),
    "too_short": ("cần ít nhất {min_length} phần tử", "Thêm phần tử vào danh sách."),
    "greater_than_equal": ("phải lớn hơn hoặc bằng {ge}", "Sửa giá trị cho đúng khoảng."),
    "less_than_equal": ("phải nhỏ hơn hoặc bằng {le}", "Sửa giá trị cho đúng khoảng."),
    "greater_than": ("phải lớn hơn {gt}", "Sửa giá trị cho đúng khoảng."),
    "value_error": ("{error}", _FIELDS_HINT),
}


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the value at ``loc`` (list indices skipped)."""
    current: type[BaseModel] | None = model
    for item in loc:
        if current is None:
            return None
        if isinstance(item, int):
            continue
        field = current.model_fields.get(str(item))
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    found = model_at(model, loc)
    return list(found.model_fields) if found else []


def _field_title(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    found = model_at(model, loc[:-1])
    if found is None:
        return ""
    field = found.model_fields.get(str(loc[-1]))
    return (field.title or "") if field else ""
