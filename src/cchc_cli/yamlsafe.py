"""A strict, bounded YAML loader that keeps the line and column of every value.

PyYAML's safe loader silently keeps the last of two duplicate keys, turns ``no`` into
False and ``010`` into 8, and its C composer crashes on deeply nested input. This
loader builds values itself from libyaml's event stream, so it can refuse all of that
with a located problem, and it never constructs anything but plain data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from cchc_cli.problems import Mark, ProblemList

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_ALIASES = 1_000

Path = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_STR_TAG = "tag:yaml.org,2002:str"
_DUPLICATE = "\x00duplicate"  # a key no decoded text can hold: E102 forbids NUL
_ALLOWED_COLLECTION_TAGS = frozenset({None, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})

# Characters a Word document (XML 1.0) cannot hold, plus C1 controls, which only ever
# appear when a legacy 8-bit file was read with the wrong code page.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

# Latin-1 letters Vietnamese uses; any other character of U+00A0–U+00FF, in text with
# no Vietnamese letter beyond Latin-1, is the fingerprint of TCVN3 (.VnTime) or VNI.
_VIET_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_PLAIN_SYMBOLS = frozenset("\u00a0°±×÷§")


@dataclass
class Document:
    """Data loaded from one YAML file, with the position of every value and key."""

    data: Any
    marks: dict[Path, Mark] = field(default_factory=dict)
    key_marks: dict[Path, Mark] = field(default_factory=dict)

    def mark_for(self, path: Path) -> Mark:
        """The position of the value at ``path``, or of its nearest located parent."""
        for end in range(len(path), -1, -1):
            found = self.marks.get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def key_mark_for(self, path: Path) -> Mark:
        """The position of the key naming ``path``, falling back to its value."""
        return self.key_marks.get(path) or self.mark_for(path)


def decode(raw: bytes, problems: ProblemList) -> str | None:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is a problem."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        problems.add(
            Mark(1, 1),
            "E101",
            "Tệp được lưu bằng mã UTF-32, không được hỗ trợ.",
            "Hãy lưu lại tệp với mã hóa UTF-8.",
        )
        return None
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            problems.add(
                Mark(1, 1),
                "E101",
                f"Tệp UTF-16 bị hỏng ở byte {exc.start}.",
                "Hãy lưu lại tệp với mã hóa UTF-8.",
            )
            return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        problems.add(
            Mark(line, column),
            "E101",
            f"Tệp không phải UTF-8: byte 0x{raw[exc.start]:02X} không hợp lệ.",
            "Có thể tệp được gõ bằng bảng mã cũ (TCVN3, VNI) hoặc lưu bằng mã Windows-1258; "
            "hãy chuyển sang Unicode (ví dụ bằng Unikey) và lưu với mã hóa UTF-8.",
        )
        return None


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return Mark(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _forbidden_characters(text: str, problems: ProblemList) -> bool:
    found = False
    for count, match in enumerate(_FORBIDDEN.finditer(text)):
        if count == 20:
            break
        found = True
        problems.add(
            _position(text, match.start()),
            "E102",
            f"Ký tự điều khiển U+{ord(match.group()):04X} không được phép trong văn bản.",
            "Hãy xóa ký tự này; nó thường lẫn vào khi sao chép từ tệp khác "
            "và Word không thể chứa nó.",
        )
    return found


def looks_legacy(text: str) -> bool:
    """True when text reads like TCVN3 or VNI bytes decoded as Latin-1."""
    odd = 0
    for char in text:
        code = ord(char)
        if code >= 0x100:
            if code <= 0x1EF9:
                return False
        elif code >= 0xA0 and char not in _VIET_LATIN1 and char not in _PLAIN_SYMBOLS:
            odd += 1
    return odd >= 2


def _syntax_problem(exc: yaml.YAMLError, problems: ProblemList) -> None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)
    raw = str(getattr(exc, "problem", "") or exc)
    message, hint = _SYNTAX_MESSAGES.get(_syntax_key(raw), _DEFAULT_SYNTAX)
    problems.add(where, "E103", f"{message} ({raw})", hint)


def _syntax_key(raw: str) -> str:
    for key in _SYNTAX_MESSAGES:
        if raw.startswith(key):
            return key
    return ""


_DEFAULT_SYNTAX = (
    "Cú pháp YAML không hợp lệ",
    "Kiểm tra thụt lề (dùng dấu cách), dấu ':' sau mỗi khóa và dấu nháy đóng mở.",
)
_SYNTAX_MESSAGES = {
    "mapping values are not allowed": (
        "Dấu ':' không được dùng ở vị trí này",
        "Nếu văn bản có chứa ': ', hãy đặt cả giá trị trong dấu nháy kép.",
    ),
    "found a tab character": (
        "Ký tự Tab không được dùng để thụt lề",
        "Hãy thay Tab bằng dấu cách.",
    ),
    "found character '\\t'": (
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
    "found undefined alias": (
        "Bí danh (*tên) chưa được định nghĩa",
        "Khai báo neo &tên trước khi dùng *tên.",
    ),
    "found unknown escape character": (
        "Chuỗi thoát '\\' không hợp lệ trong dấu nháy kép",
        "Dùng dấu nháy đơn, hoặc viết '\\\\' cho một dấu gạch chéo ngược.",
    ),
    "did not find expected node content": (
        "Thiếu giá trị ở vị trí này",
        "Kiểm tra dấu phẩy, ngoặc và dấu '-' của danh sách.",
    ),
    "found unexpected ':'": (
        "Dấu ':' không hợp lệ ở vị trí này",
        "Đặt giá trị có chứa ':' trong dấu nháy kép.",
    ),
}


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core values only; everything else (no, on, 010, 1e3, dates) stays text."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    nodes_before: int
    key: str | None = None
    key_mark: Mark | None = None


class _Builder:
    """Turns libyaml events into plain values, enforcing the loader's rules."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        self.doc = Document(None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.aliases = 0
        self.documents = 0
        self.done = False
        self.failed = False

    def fail(self, mark: Mark, code: str, message: str, hint: str) -> None:
        self.problems.add(mark, code, message, hint)
        self.failed = True

    def feed(self, events: Iterator[Any]) -> None:
        for event in events:
            self.handle(event)
            if self.failed:
                return

    def handle(self, event: Any) -> None:
        kind = type(event)
        mark = Mark(event.start_mark.line + 1, event.start_mark.column + 1)
        if kind is yaml.ScalarEvent:
            if self.stack and isinstance(self.stack[-1].container, dict):
                frame = self.stack[-1]
                if frame.key is None:
                    self.take_key(frame, event, mark)
                    return
            self.add_value(self.scalar(event, mark), mark, event.anchor, 1)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.open(event, mark, {} if kind is yaml.MappingStartEvent else [])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.close()
        elif kind is yaml.AliasEvent:
            self.alias(event, mark)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    mark,
                    "E105",
                    "Tệp chứa nhiều tài liệu YAML (dấu '---').",
                    "Mỗi tệp chỉ chứa một kế hoạch; tách thành nhiều tệp.",
                )

    def path_here(self) -> Path:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, dict):
            assert frame.key is not None
            return (*frame.path, frame.key)
        return (*frame.path, len(frame.container))

    def take_key(self, frame: _Frame, event: Any, mark: Mark) -> None:
        if event.tag not in (None, _STR_TAG) or event.anchor is not None:
            self.fail(
                mark, "E106", "Khóa không được có thẻ hay neo YAML.", "Viết khóa là chữ thường."
            )
            return
        key = _nfc(event.value)
        assert isinstance(frame.container, dict)
        if key in frame.container:
            first = self.doc.key_marks.get((*frame.path, key))
            where = f" ở dòng {first.line}" if first else ""
            self.problems.add(
                mark,
                "E107",
                f"Khóa '{key}' bị lặp: đã khai báo{where}.",
                "Xóa một trong hai dòng hoặc gộp nội dung; YAML chỉ giữ một giá trị.",
            )
            key = _DUPLICATE
        frame.key = key
        frame.key_mark = mark
        self.doc.key_marks[(*frame.path, key)] = mark

    def scalar(self, event: Any, mark: Mark) -> Any:
        if event.tag is not None and event.tag not in (_STR_TAG, "!"):
            self.fail(
                mark,
                "E104",
                f"Thẻ YAML '{event.tag}' không được phép.",
                "Kế hoạch chỉ chứa dữ liệu thuần; xóa thẻ bắt đầu bằng '!'.",
            )
            return None
        value = _nfc(event.value)
        if event.style == "" and event.tag is None:
            return resolve_plain(value)
        return value

    def check_text(self, value: Any, mark: Mark) -> None:
        if isinstance(value, str) and looks_legacy(value):
            self.problems.add(
                mark,
                "E108",
                "Văn bản có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI), không phải Unicode.",
                "Dùng công cụ chuyển mã của Unikey để chuyển đoạn này sang Unicode dựng sẵn.",
            )

    def open(self, event: Any, mark: Mark, container: dict[str, Any] | list[Any]) -> None:
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            self.fail(
                mark,
                "E104",
                f"Thẻ YAML '{event.tag}' không được phép.",
                "Kế hoạch chỉ chứa dữ liệu thuần; xóa thẻ bắt đầu bằng '!'.",
            )
            return
        if len(self.stack) >= MAX_DEPTH:
            self.fail(
                mark,
                "E109",
                f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp.",
                "Một kế hoạch không cần lồng sâu như vậy; kiểm tra lại ngoặc và thụt lề.",
            )
            return
        path = self.path_here()
        self.count(mark, 1)
        self.doc.marks[path] = mark
        self.stack.append(_Frame(container, path, event.anchor, self.nodes))

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, self.nodes - frame.nodes_before + 1)
        self.attach(frame.container, frame.path)

    def alias(self, event: Any, mark: Mark) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            self.fail(
                mark, "E110", "Tệp dùng quá nhiều bí danh YAML (*).", "Viết trực tiếp nội dung."
            )
            return
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            self.fail(mark, "E106", "Khóa không được là bí danh YAML.", "Viết khóa là chữ thường.")
            return
        value, size = self.anchors[event.anchor]
        self.count(mark, size)
        path = self.path_here()
        self.doc.marks[path] = mark
        self.attach(value, path)

    def add_value(self, value: Any, mark: Mark, anchor: str | None, size: int) -> None:
        if self.failed:
            return
        self.check_text(value, mark)
        self.count(mark, size)
        path = self.path_here()
        self.doc.marks[path] = mark
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        self.attach(value, path)

    def count(self, mark: Mark, size: int) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            self.fail(
                mark,
                "E110",
                f"Tệp có quá nhiều giá trị (trên {_vn(MAX_NODES)} sau khi mở rộng bí danh).",
                "Kiểm tra các bí danh (*tên) lồng nhau; một kế hoạch không cần lớn như vậy.",
            )

    def attach(self, value: Any, path: Path) -> None:
        if self.failed:
            return
        if not self.stack:
            self.doc.data = value
            self.done = True
            return
        frame = self.stack[-1]
        if isinstance(frame.container, dict):
            assert frame.key is not None
            if frame.key is not _DUPLICATE:
                frame.container[frame.key] = value
            frame.key = None
        else:
            frame.container.append(value)


def _vn(number: int) -> str:
    """19630 → "19.630": Vietnamese thousands separator."""
    return f"{number:,}".replace(",", ".")


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def load_text(text: str, problems: ProblemList) -> Document | None:
    """Build a Document from decoded text; None when a problem prevents it."""
    if _forbidden_characters(text, problems):
        return None
    builder = _Builder(problems)
    try:
        builder.feed(yaml.parse(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        _syntax_problem(exc, problems)
        return None
    if builder.failed:
        return None
    if builder.documents == 0 or builder.doc.data is None:
        problems.add(Mark(1, 1), "E111", "Tệp rỗng.", "Tệp kế hoạch phải có nội dung YAML.")
        return None
    return builder.doc


def load_bytes(raw: bytes, problems: ProblemList) -> Document | None:
    """Decode and load one file's bytes, bounded in size."""
    if len(raw) > MAX_BYTES:
        problems.add(
            Mark(1, 1),
            "E112",
            f"Tệp quá lớn ({_vn(len(raw))} byte; tối đa {_vn(MAX_BYTES)}).",
            "Một kế hoạch không cần lớn như vậy; kiểm tra lại tệp.",
        )
        return None
    text = decode(raw, problems)
    if text is None:
        return None
    return load_text(text, problems)
