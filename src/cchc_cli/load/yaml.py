"""A strict, bounded YAML loader that keeps the line and column of every value.

PyYAML's safe loader silently keeps the last of two duplicate keys, turns ``no`` into
False and ``010`` into 8, and its C composer crashes on deeply nested input. This
loader builds values itself from libyaml's event stream, so it can refuse all of that
with a located problem, and it never constructs anything but plain data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from cchc_cli import vietnamese
from cchc_cli.load.yaml_errors import syntax_problem
from cchc_cli.problems import Mark, ProblemList

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
# Values an alias (*name) may copy in, all aliases together: a billion-laughs file
# ends here. Values typed out are bounded by MAX_BYTES alone, never counted.
MAX_EXPANDED = 50_000
MAX_ALIASES = 1_000

Path = tuple[str | int, ...]


class _TooDeep(yaml.YAMLError):
    """Raised by the pure-Python scanner where nesting passes MAX_DEPTH."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.problem_mark = mark


class BoundedPyLoader(yaml.SafeLoader):
    """PyYAML's pure-Python parser, stopped where flow nesting passes MAX_DEPTH.

    Its scanner reads ahead through every '[' of ``[[[[…`` before the parser emits a
    single event, and does so in quadratic time (100,000 brackets: minutes), so the
    builder's own depth check would come too late. Used where libyaml is missing, and
    to locate the place where libyaml gave up on deep nesting.
    """

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:  # noqa: N803 - PyYAML's name
        if self.flow_level + len(self.indents) >= MAX_DEPTH:
            raise _TooDeep(self.get_mark())
        super().fetch_flow_collection_start(TokenClass)


_Loader: Any = getattr(yaml, "CSafeLoader", BoundedPyLoader)
# libyaml (0.2.5 as bundled since PyYAML 6.0.4) refuses nesting deeper than 1000 while
# scanning ahead, with this message and a mark far past MAX_DEPTH.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")
_PLAIN_STARTS = frozenset("-+0123456789~nNtTfF")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_STR_TAG = "tag:yaml.org,2002:str"
_DUPLICATE = "\x00duplicate"  # a key no decoded text can hold: E102 forbids NUL
_ALLOWED_COLLECTION_TAGS = frozenset({None, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})

# Characters a Word document (XML 1.0) cannot hold, plus C1 controls, which only ever
# appear when a legacy 8-bit file was read with the wrong code page.
# Characters a Word document (XML 1.0) cannot hold, nor a clerk see.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

# Latin-1 letters Vietnamese uses; any other character of U+00A0–U+00FF, in text with
# no Vietnamese letter beyond Latin-1, is the fingerprint of TCVN3 (.VnTime) or VNI.
_LATIN1 = re.compile("[\u00a0-\u00ff]")
_VIET_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_PLAIN_SYMBOLS = frozenset("\u00a0°±×÷§")


@dataclass
class Document:
    """Data loaded from one YAML file, with the position of every value and key."""

    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # Numbers whose value prints otherwise than they were typed ("95.50", "+5").
    typed: dict[Path, str] = field(default_factory=dict)

    def as_typed(self, path: Path) -> str:
        """The value at ``path`` as the file spells it: a message quoting a figure must
        show "100.0001", not the "100" a rounding would make of it."""
        if path in self.typed:
            return self.typed[path]
        value = self.data
        for key in path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return ""
        if isinstance(value, float):
            return repr(value)  # the shortest spelling that reads back as the same number
        return str(value).strip()

    def mark_for(self, path: Path) -> Mark:
        """The position of the value at ``path``, or of its nearest located parent."""
        for end in range(len(path), -1, -1):
            found = self.marks.get(path[:end])
            if found is not None:
                return Mark(*found)
        return Mark(1, 1)

    def key_mark_for(self, path: Path) -> Mark:
        """The position of the key naming ``path``, falling back to its value."""
        found = self.key_marks.get(path)
        return Mark(*found) if found else self.mark_for(path)


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
    for count, match in enumerate(FORBIDDEN_CHARACTERS.finditer(text)):
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
    if not _LATIN1.search(text):
        return False
    odd = 0
    for char in text:
        code = ord(char)
        if code >= 0x100:
            if code <= 0x1EF9:
                return False
        elif code >= 0xA0 and char not in _VIET_LATIN1 and char not in _PLAIN_SYMBOLS:
            odd += 1
    return odd >= 2


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core values only; everything else (no, on, 010, 1e3, dates) stays text."""
    if value and value[0] not in _PLAIN_STARTS:
        return value
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


class _Builder:
    """Turns libyaml events into plain values, enforcing the loader's rules.

    One loop with local names: this runs once per YAML node of every file validated,
    and method dispatch per event doubled the cost of loading.
    """

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        self.doc = Document(None)
        self.documents = 0
        self.failed = False

    def fail(self, event: Any, code: str, message: str, hint: str) -> None:
        self.fail_at(event.start_mark, code, message, hint)

    def fail_at(self, mark: Any, code: str, message: str, hint: str) -> None:
        self.problems.add(Mark(mark.line + 1, mark.column + 1), code, message, hint)
        self.failed = True

    def run(self, parser: Any) -> None:  # noqa: PLR0915 - one hot loop, kept together
        marks = self.doc.marks
        anchors: dict[str, tuple[Any, int]] = {}
        # A frame: [container, path, anchor, nodes_before, pending key or None]
        stack: list[list[Any]] = []
        nodes = aliases = expanded = 0
        typed: str | None = None
        get_event = parser.get_event
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                frame = stack[-1] if stack else None
                if frame is not None and frame[4] is None and type(frame[0]) is dict:
                    if event.anchor is not None or event.tag not in (None, _STR_TAG):
                        return self.fail(event, "E106", _KEY_TAG, _KEY_HINT)
                    self.take_key(frame, event)
                    continue
                tag = event.tag
                if tag is not None and tag not in (_STR_TAG, "!"):
                    return self.fail(event, "E104", _TAG.format(tag), _TAG_HINT)
                value = event.value
                if event.style == '"':
                    self.escaped_controls(event, value)
                if not value.isascii():
                    value = _nfc(value)
                    if looks_legacy(value):
                        mark = event.start_mark
                        self.problems.add(
                            Mark(mark.line + 1, mark.column + 1), "E108", _LEGACY, _LEGACY_HINT
                        )
                elif not event.style and tag is None:
                    value = resolve_plain(value)
                    if type(value) in (int, float) and str(value) != event.value:
                        typed = event.value
                size = 1
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
            elif kind is mapping_start or kind is sequence_start:
                if stack and stack[-1][4] is None and type(stack[-1][0]) is dict:
                    return self.fail(event, "E106", _KEY_COLLECTION, _KEY_HINT)
                if event.tag not in _ALLOWED_COLLECTION_TAGS:
                    return self.fail(event, "E104", _TAG.format(event.tag), _TAG_HINT)
                if len(stack) >= MAX_DEPTH:
                    return self.fail(event, "E109", _DEPTH, _DEPTH_HINT)
                nodes += 1
                path = _path_here(stack)
                mark = event.start_mark
                marks[path] = (mark.line + 1, mark.column + 1)
                stack.append([{} if kind is mapping_start else [], path, event.anchor, nodes, None])
                continue
            elif kind is mapping_end or kind is sequence_end:
                container, path, anchor, before, _ = stack.pop()
                if anchor is not None:
                    anchors[anchor] = (container, nodes - before + 1)
                if not stack:
                    self.doc.data = container
                    continue
                _attach(stack[-1], container)
                continue
            elif kind is alias_event:
                aliases += 1
                if aliases > MAX_ALIASES:
                    return self.fail(event, "E110", _ALIASES, _ALIASES_HINT)
                if stack and stack[-1][4] is None and type(stack[-1][0]) is dict:
                    return self.fail(event, "E106", _KEY_ALIAS, _KEY_HINT)
                known = anchors.get(event.anchor)
                if known is None:
                    # PyYAML's parser leaves this to its composer, which is not used here.
                    open_here = any(frame[2] == event.anchor for frame in stack)
                    message = _ALIAS_LOOP if open_here else _ALIAS_UNDEFINED
                    return self.fail(event, "E103", message.format(event.anchor), _ALIAS_HINT)
                value, size = known
                expanded += size
                if expanded > MAX_EXPANDED:
                    return self.fail(event, "E110", _EXPANDED, _EXPANDED_HINT)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    return self.fail(event, "E105", _DOCUMENTS, _DOCUMENTS_HINT)
                continue
            elif kind is yaml.StreamEndEvent or event is None:
                return None
            else:
                continue
            # A scalar or an alias: a value in place.
            nodes += size
            if not stack:
                self.doc.data = value
                continue
            mark = event.start_mark
            path = _path_here(stack)
            marks[path] = (mark.line + 1, mark.column + 1)
            if typed is not None:
                self.doc.typed[path] = typed
                typed = None
            _attach(stack[-1], value)

    def escaped_controls(self, event: Any, value: str) -> None:
        # "\x01" or "\u0007" inside double quotes makes a character the file itself may
        # not hold (E102 on the raw text): Word could not hold it either.
        found = FORBIDDEN_CHARACTERS.search(value)
        if found is not None:
            mark = event.start_mark
            self.problems.add(
                Mark(mark.line + 1, mark.column + 1),
                "E102",
                f"Chuỗi thoát trong dấu nháy kép tạo ra ký tự điều khiển "
                f"U+{ord(found.group()):04X}, không được phép trong văn bản.",
                "Xóa chuỗi thoát (\\x.., \\u....) này; Word không thể chứa ký tự đó.",
            )

    def take_key(self, frame: list[Any], event: Any) -> None:
        if event.style == '"':
            self.escaped_controls(event, event.value)
        key = event.value if event.value.isascii() else _nfc(event.value)
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if key in frame[0]:
            first = self.doc.key_marks.get((*frame[1], key))
            line = f" ở dòng {first[0]}" if first else ""
            self.problems.add(
                Mark(*where),
                "E107",
                f"Khóa '{key}' bị lặp: đã khai báo{line}.",
                "Xóa một trong hai dòng hoặc gộp nội dung; YAML chỉ giữ một giá trị.",
            )
            frame[4] = _DUPLICATE
            return
        frame[4] = key
        self.doc.key_marks[(*frame[1], key)] = where


def _path_here(stack: list[list[Any]]) -> Path:
    if not stack:
        return ()
    container, path, _, _, key = stack[-1]
    if type(container) is dict:
        return (*path, key)
    return (*path, len(container))


def _attach(frame: list[Any], value: Any) -> None:
    container = frame[0]
    if type(container) is dict:
        if frame[4] is not _DUPLICATE:
            container[frame[4]] = value
        frame[4] = None
    else:
        container.append(value)


_KEY_TAG = "Khóa không được có thẻ hay neo YAML."
_KEY_ALIAS = "Khóa không được là bí danh YAML."
_KEY_COLLECTION = "Khóa phải là một chữ hoặc cụm chữ, không phải danh sách hay bảng ('? [...]')."
_KEY_HINT = "Viết khóa là chữ thường."
_TAG = "Thẻ YAML '{}' không được phép."
_TAG_HINT = "Kế hoạch chỉ chứa dữ liệu thuần; xóa thẻ bắt đầu bằng '!'."
_LEGACY = "Văn bản có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI), không phải Unicode."
_LEGACY_HINT = "Dùng công cụ chuyển mã của Unikey để chuyển đoạn này sang Unicode dựng sẵn."
_DEPTH = f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp."
_DEPTH_HINT = "Một kế hoạch không cần lồng sâu như vậy; kiểm tra lại ngoặc và thụt lề."
_ALIASES = "Tệp dùng quá nhiều bí danh YAML (*)."
_ALIASES_HINT = "Viết trực tiếp nội dung."
_ALIAS_UNDEFINED = "Bí danh *{0} chưa được định nghĩa (chưa có neo &{0} ở phía trên)."
_ALIAS_LOOP = "Bí danh *{0} nằm ngay trong nút mang neo &{0}: dữ liệu lặp vô tận."
_ALIAS_HINT = "Khai báo neo &tên ở phía trên rồi mới dùng *tên, hoặc viết trực tiếp nội dung."
_DOCUMENTS = "Tệp chứa nhiều tài liệu YAML (dấu '---')."
_DOCUMENTS_HINT = "Mỗi tệp chỉ chứa một kế hoạch; tách thành nhiều tệp."
_EXPANDED = (
    f"Các bí danh YAML (*tên) chép lại quá nhiều giá trị "
    f"(trên {vietnamese.number(MAX_EXPANDED)} giá trị được chép qua bí danh)."
)
_EXPANDED_HINT = (
    "Bí danh lồng nhau nhân số giá trị lên rất nhanh; viết trực tiếp nội dung thay cho "
    "các bí danh này."
)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def load_text(text: str, problems: ProblemList, loader: Any = None) -> Document | None:
    """Build a Document from decoded text; None when a problem prevents it.

    ``loader`` is the PyYAML parser class (libyaml's by default).
    """
    if _forbidden_characters(text, problems):
        return None
    builder = _Builder(problems)
    parser = (loader or _Loader)(text)
    try:
        builder.run(parser)
    except _TooDeep as exc:
        builder.fail_at(exc.problem_mark, "E109", _DEPTH, _DEPTH_HINT)
        return None
    except yaml.YAMLError as exc:
        if getattr(exc, "problem", None) == _LIBYAML_TOO_DEEP:
            _too_deep(text, getattr(exc, "problem_mark", None), problems)
        else:
            syntax_problem(exc, problems, text, loader or _Loader)
        return None
    finally:
        parser.dispose()
    if builder.failed:
        return None
    if builder.documents == 0 or builder.doc.data is None:
        problems.add(
            Mark(1, 1),
            "E111",
            "Tệp rỗng.",
            "Một kế hoạch hay tệp tiến độ cần nội dung YAML; tạo tệp tiến độ bằng cchc progress new.",
        )
        return None
    return builder.doc


def _too_deep(text: str, libyaml_mark: Any, problems: ProblemList) -> None:
    """E109 where the nesting passes MAX_DEPTH, not where libyaml gave up (at 1000).

    The pure-Python parser, bounded, reads the text up to libyaml's mark: everything
    before it parsed, and the place sought lies before it.
    """
    located = ProblemList(problems.path)
    end = libyaml_mark.index if libyaml_mark is not None else len(text)
    load_text(text[:end], located, BoundedPyLoader)
    for problem in located.items:
        if problem.code == "E109":
            problems.add(Mark(problem.line, problem.column), "E109", _DEPTH, _DEPTH_HINT)
            return
    where = Mark(libyaml_mark.line + 1, libyaml_mark.column + 1) if libyaml_mark else Mark(1, 1)
    problems.add(where, "E109", _DEPTH, _DEPTH_HINT)


def too_large(size: int, problems: ProblemList) -> None:
    """The problem of a file over MAX_BYTES (``size`` may be a lower bound)."""
    problems.add(
        Mark(1, 1),
        "E112",
        f"Tệp quá lớn ({vietnamese.number(size)} byte; tối đa {vietnamese.number(MAX_BYTES)}).",
        "Một kế hoạch không cần lớn như vậy; kiểm tra lại tệp.",
    )


def load_bytes(raw: bytes, problems: ProblemList) -> Document | None:
    """Decode and load one file's bytes, bounded in size."""
    if len(raw) > MAX_BYTES:
        too_large(len(raw), problems)
        return None
    text = decode(raw, problems)
    if text is None:
        return None
    return load_text(text, problems)
