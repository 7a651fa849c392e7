"""The YAML parser's errors told in Vietnamese, at the place the user must fix.

libyaml and PyYAML's pure-Python parser word their errors in English, each its own way;
every message recognised here has a test that produces it with the locked versions.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from cchc_cli.problems import Mark, ProblemList


def syntax_problem(exc: yaml.YAMLError, problems: ProblemList, text: str, loader: Any) -> None:
    """E103 for a parser error, in Vietnamese, at the place the user must fix."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)
    raw = str(getattr(exc, "problem", "") or exc)
    if (
        raw.startswith("found character that cannot start any token")
        and _char_at(text, where) == "\t"
    ):
        # libyaml does not name the character; a tab is by far the most common one.
        raw = "found a tab character"
    opened = (
        _unclosed_quote(text, where.line, loader)
        if _syntax_key(raw) in _AFTER_AN_OPEN_QUOTE
        else None
    )
    if opened is not None:
        mark, quote = opened
        if quote == '"':
            message = "Dấu nháy kép mở ở đây chưa được đóng"
            hint = 'Thêm dấu " ở cuối đoạn văn bản; dấu nháy kép bên trong văn bản viết là \\".'
        else:
            message = "Dấu nháy đơn mở ở đây chưa được đóng"
            hint = "Thêm dấu ' ở cuối đoạn văn bản; dấu nháy đơn bên trong văn bản viết là ''."
        problems.add(mark, "E103", message, hint)
        return
    known = SYNTAX_MESSAGES.get(_syntax_key(raw))
    if known is not None:
        problems.add(where, "E103", known[0], known[1])
        return
    # An error we have no Vietnamese wording for keeps the parser's words as a clue.
    message, hint = _DEFAULT_SYNTAX
    problems.add(where, "E103", f"{message} (chi tiết của bộ đọc YAML: {raw})", hint)


# What the parser says when a quoted value runs on past its line into the next keys.
_AFTER_AN_OPEN_QUOTE = frozenset(
    {
        "did not find expected key",
        "could not find expected ':'",
        "mapping values are not allowed",
        "found unexpected end of stream",
        "did not find expected '-' indicator",
    }
)
_QUOTES = {'"': re.compile(r'(?<!\\)"'), "'": re.compile(r"(?<!')'(?!')")}
_QUOTE_TRIES = 6


def _unclosed_quote(text: str, error_line: int, loader: Any) -> tuple[Mark, str] | None:
    """The opening quote of a quoted value left open at or above ``error_line``.

    A line with an odd number of one kind of quote is only a suspect (a quoted value
    may span lines, a text may hold an apostrophe): it is blamed when closing it lets
    the parser get past ``error_line``. A single-quoted value runs on to the next quote
    anywhere below, so the search may go far up; it stops after a few suspects.
    """
    lines = text.splitlines()
    tries = 0
    for number in range(min(error_line, len(lines)), 0, -1):
        line = lines[number - 1]
        if line.lstrip().startswith("#"):
            continue
        for quote, pattern in _QUOTES.items():
            found = [m.start() for m in pattern.finditer(line)]
            if len(found) % 2 == 0:
                continue
            fixed = [*lines[: number - 1], line + quote, *lines[number:]]
            if _parses_past("\n".join(fixed), error_line, loader):
                return Mark(number, found[-1] + 1), quote
            tries += 1
            if tries == _QUOTE_TRIES:
                return None
    return None


def _parses_past(text: str, line: int, loader: Any) -> bool:
    parser = loader(text)
    try:
        while parser.get_event() is not None:
            pass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return mark is not None and mark.line + 1 > line
    finally:
        parser.dispose()
    return True


def _char_at(text: str, where: Mark) -> str:
    lines = text.splitlines()
    if not 1 <= where.line <= len(lines):
        return ""
    line = lines[where.line - 1]
    return line[where.column - 1] if 1 <= where.column <= len(line) else ""


# The pure-Python parser (used where libyaml is missing) words the same errors its own
# way; each is mapped onto libyaml's.
_PURE_PYTHON_WORDING = (
    ("found character '\\t'", "found a tab character"),
    ("found character '", "found character that cannot start any token"),
    ("expected <block end>, but found '<block mapping start>'", "did not find expected key"),
    ("expected <block end>, but found '<block sequence start>'", "did not find expected key"),
    ("expected <block end>, but found '?'", "did not find expected '-' indicator"),
    ("expected <block end>", "did not find expected key"),
    ("expected ',' or ']'", "did not find expected ',' or ']'"),
    ("expected ',' or '}'", "did not find expected ',' or '}'"),
    ("expected the node content", "did not find expected node content"),
    ("sequence entries are not allowed", "block sequence entries are not allowed"),
    ("expected '<document start>'", "did not find expected <document start>"),
    ("expected alphabetic or numeric character", "did not find expected alphabetic"),
    ("expected escape sequence of", "found unknown escape character"),
    ("did not find expected hexdecimal number", "found unknown escape character"),
)


def _syntax_key(raw: str) -> str:
    """The key of ``raw`` in SYNTAX_MESSAGES: libyaml's wording, or PyYAML's own."""
    for prefix, key in _PURE_PYTHON_WORDING:
        if raw.startswith(prefix):
            return key
    for key in SYNTAX_MESSAGES:
        if raw.startswith(key):
            return key
    return ""


_DEFAULT_SYNTAX = (
    "Cú pháp YAML không hợp lệ",
    "Kiểm tra thụt lề (dùng dấu cách), dấu ':' sau mỗi khóa và dấu nháy đóng mở.",
)
SYNTAX_MESSAGES = {
    "mapping values are not allowed": (
        "Dấu ':' không được dùng ở vị trí này",
        "Nếu văn bản có chứa ': ', hãy đặt cả giá trị trong dấu nháy kép.",
    ),
    "found a tab character": (
        "Ký tự Tab không được dùng để thụt lề",
        "Hãy thay Tab bằng dấu cách.",
    ),
    "found character that cannot start any token": (
        "Ký tự không thể bắt đầu một giá trị",
        "Đặt giá trị trong dấu nháy kép nếu nó bắt đầu bằng ký tự đặc biệt (@, `, %).",
    ),
    "could not find expected ':'": (
        "Thiếu dấu ':' sau khóa",
        "Mỗi dòng dạng 'khóa: giá trị'; văn bản nhiều dòng cần dấu nháy hoặc '|'.",
    ),
    "did not find expected key": (
        "Thụt lề không khớp với các dòng trên",
        "Các khóa cùng cấp phải thụt lề bằng nhau (dùng dấu cách).",
    ),
    "did not find expected '-' indicator": (
        "Thụt lề của danh sách không khớp",
        "Các phần tử '- ' của một danh sách phải thẳng hàng.",
    ),
    "found unexpected end of stream": (
        "Tệp kết thúc khi một dấu nháy hoặc ngoặc chưa được đóng",
        "Kiểm tra dấu nháy hoặc ngoặc mở ở vị trí được chỉ ra.",
    ),
    "found unknown escape character": (
        "Chuỗi thoát '\\' không hợp lệ trong dấu nháy kép",
        "Dùng dấu nháy đơn, hoặc viết '\\\\' cho một dấu gạch chéo ngược.",
    ),
    "did not find expected node content": (
        "Thiếu giá trị ở vị trí này",
        "Kiểm tra dấu phẩy, ngoặc và dấu '-' của danh sách.",
    ),
    "did not find expected ',' or ']'": (
        "Danh sách trong ngoặc vuông chưa đóng hoặc thiếu dấu phẩy",
        "Đóng danh sách bằng ']' và ngăn các phần tử bằng dấu phẩy.",
    ),
    "did not find expected ',' or '}'": (
        "Nhóm trong ngoặc nhọn chưa đóng hoặc thiếu dấu phẩy",
        "Đóng nhóm bằng '}' và ngăn các cặp 'khóa: giá trị' bằng dấu phẩy.",
    ),
    "block sequence entries are not allowed": (
        "Không thể bắt đầu danh sách '- ' trên cùng dòng với khóa",
        "Xuống dòng sau dấu ':' rồi viết từng phần tử '- ' thụt lề vào.",
    ),
    "did not find expected <document start>": (
        "Có nội dung thừa sau khi danh sách hoặc nhóm trong ngoặc đã đóng",
        "Xóa phần thừa, hoặc đưa nó vào trong ngoặc.",
    ),
    "did not find expected alphabetic": (
        "Thiếu tên của neo (&) hoặc bí danh (*)",
        "Viết tên ngay sau & hoặc *; nếu văn bản bắt đầu bằng & hay *, đặt nó trong dấu nháy kép.",
    ),
    "found unexpected ':'": (
        "Dấu ':' không hợp lệ ở vị trí này",
        "Đặt giá trị có chứa ':' trong dấu nháy kép.",
    ),
}
