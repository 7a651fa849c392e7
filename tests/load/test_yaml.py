"""The strict loader: YAML 1.1 surprises, limits, encodings, and never a traceback."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.load import yaml as yamlsafe
from cchc_cli.load.shape import load_model
from cchc_cli.load.yaml import (
    MAX_DEPTH,
    BoundedPyLoader,
    load_bytes,
    load_text,
    looks_legacy,
)
from cchc_cli.load.yaml_errors import SYNTAX_MESSAGES
from cchc_cli.model.plan import Plan
from cchc_cli.problems import ProblemList

# libyaml, as the locked PyYAML bundles it, and the pure-Python parser used where
# libyaml is missing: every rule of the loader holds for both.
LOADERS = pytest.mark.parametrize(
    "loader", [yaml.CSafeLoader, BoundedPyLoader], ids=["libyaml", "python"]
)


def load(text: str | bytes) -> tuple[object, list[str]]:
    problems = ProblemList("t.yaml")
    raw = text.encode("utf-8") if isinstance(text, str) else text
    document = load_bytes(raw, problems)
    return (document.data if document else None), [p.code for p in problems.items]


def located(text: str, loader: object) -> list[tuple[str, int, int, str]]:
    problems = ProblemList("t.yaml")
    load_text(text, problems, loader)
    return [(p.code, p.line, p.column, p.message) for p in problems.items]


def test_yaml_11_values_stay_text() -> None:
    data, codes = load("a: no\nb: on\nc: 010\nd: 2024-01-05\ne: 1e3\nf: yes\ng: 0x1F\nh: .inf\n")
    assert codes == []
    assert data == {
        "a": "no",
        "b": "on",
        "c": "010",
        "d": "2024-01-05",
        "e": "1e3",
        "f": "yes",
        "g": "0x1F",
        "h": ".inf",
    }


def test_core_scalars_resolve() -> None:
    data, _ = load("a: 12\nb: -3\nc: 1.5\nd: true\ne: ~\nf: null\ng: '12'\n")
    assert data == {"a": 12, "b": -3, "c": 1.5, "d": True, "e": None, "f": None, "g": "12"}


def test_keys_are_always_text() -> None:
    data, _ = load("2024: a\ntrue: b\n")
    assert data == {"2024": "a", "true": "b"}


def test_text_is_nfc() -> None:
    data, _ = load(unicodedata.normalize("NFD", "t: Phù Liễn\n"))
    assert isinstance(data, dict)
    assert data["t"] == unicodedata.normalize("NFC", "Phù Liễn")


def test_marks_of_values_and_keys() -> None:
    problems = ProblemList("t")
    document = load_bytes(b"a:\n  - x\n  - {b: 1}\n", problems)
    assert document is not None
    assert document.mark_for(("a", 1, "b")).line == 3
    assert document.key_mark_for(("a", 1, "b")).column == 6
    assert document.mark_for(("a", 7, "zz")).line == 2  # nearest located parent


def test_duplicate_key_names_both_lines() -> None:
    problems = ProblemList("t")
    load_bytes(b"a: 1\nb: 2\na: 3\n", problems)
    (problem,) = problems.items
    assert (problem.code, problem.line) == ("E107", 3)
    assert "dòng 1" in problem.message


def test_syntax_errors_are_told_in_vietnamese() -> None:
    problems = ProblemList("t.yaml")
    assert load_bytes(b"unit:\n  name: x\n\tkind: xa\n", problems) is None
    (tab,) = problems.items
    assert (tab.code, tab.line, tab.column) == ("E103", 3, 1)
    assert tab.message == "Ký tự Tab không được dùng để thụt lề"
    assert "found" not in tab.message and "Tab" in tab.message
    problems = ProblemList("t.yaml")
    assert load_bytes(b'a: "\\x4"\n', problems) is None
    assert problems.items[0].message == "Chuỗi thoát '\\' không hợp lệ trong dấu nháy kép"

    problems = ProblemList("t.yaml")
    assert load_bytes(b"a: [1, 2\nb: 3\n", problems) is None
    (unclosed,) = problems.items
    assert unclosed.message == "Danh sách trong ngoặc vuông chưa đóng hoặc thiếu dấu phẩy"

    # Wording we have no translation for keeps the parser's words, marked as such.
    problems = ProblemList("t.yaml")
    assert load_bytes(b"%FOO\n---\na\n", problems) is None
    (other,) = problems.items
    assert other.message.startswith("Cú pháp YAML không hợp lệ (chi tiết của bộ đọc YAML: ")
    assert other.hint


def test_python_tags_never_construct_anything() -> None:
    for tag in ("!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!custom x"):
        assert load(f"a: {tag}\n")[1] == ["E104"]


def test_encodings() -> None:
    assert load("t: Phù\n".encode("utf-16"))[0] == {"t": "Phù"}
    assert load(b"\xef\xbb\xbft: x\n")[0] == {"t": "x"}
    assert load("t: Phù\n".encode("cp1258"))[1] == ["E101"]
    assert load("t: x\n".encode("utf-32"))[1] == ["E101"]


def test_legacy_vietnamese_encodings_are_detected() -> None:
    assert looks_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam")  # TCVN3 (.VnTime)
    assert looks_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")  # VNI
    assert not looks_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam")
    assert not looks_legacy("Nhiệt độ 30°C, tỷ lệ ± 5%")
    assert not looks_legacy("Café à la carte")


def test_control_characters_are_errors_at_their_line() -> None:
    problems = ProblemList("t")
    load_bytes(b"a: x\nb: y\x07z\n", problems)
    assert [(p.code, p.line, p.column) for p in problems.items] == [("E102", 2, 5)]


# One input per message of the parsers that the loader recognises by its English words,
# with the Vietnamese the user gets; if an upgrade rewords one, its case fails here.
SYNTAX_CASES = {
    "mapping values are not allowed": ("a: b: c\n", 1),
    "found a tab character": ("unit:\n  name: x\n\tkind: xa\n", 3),
    "found character that cannot start any token": ("a: @x\n", 1),
    "could not find expected ':'": ("a: b\nc\n", 3),
    "did not find expected key": ("a:\n  b: 1\n c: 2\n", 3),
    "did not find expected '-' indicator": ("- a\nb: 1\n", 2),
    "found unexpected end of stream": ("a: 'x\n", 1),
    "found unknown escape character": ('a: "\\q"\n', 1),
    "did not find expected node content": ("a: [}\n", 1),
    "did not find expected ',' or ']'": ("a: [1, 2\nb: 3\n", 2),
    "did not find expected ',' or '}'": ("a: {b: 1\nc: 2\n", 2),
    "block sequence entries are not allowed": ("a: - b\n", 1),
    "did not find expected <document start>": ("[a, ]b\n", 1),
    "did not find expected alphabetic": ("a: *\n", 1),
    "found unexpected ':'": ("a: [b:, c]\n", 1),  # the pure-Python parser accepts this one
}
LIBYAML_ONLY = {"found unexpected ':'"}


def test_every_recognised_parser_message_has_a_case() -> None:
    assert set(SYNTAX_CASES) == set(SYNTAX_MESSAGES)


@LOADERS
@pytest.mark.parametrize("key", sorted(SYNTAX_CASES))
def test_each_parser_message_is_told_in_vietnamese(key: str, loader: object) -> None:
    text, line = SYNTAX_CASES[key]
    if key in LIBYAML_ONLY and loader is BoundedPyLoader:
        assert located(text, loader) == []
        return
    problems = located(text, loader)
    assert len(problems) == 1, problems
    code, at_line, _, message = problems[0]
    assert (code, at_line) == ("E103", line)
    if key == "found unexpected end of stream":  # told at the quote left open
        assert message.startswith("Dấu nháy đơn mở ở đây")
    else:
        assert message == SYNTAX_MESSAGES[key][0]


@LOADERS
def test_deep_nesting_is_e109_where_it_passes_the_limit(loader: object) -> None:
    # libyaml gives up at depth 1000 while scanning ahead; the pure-Python scanner reads
    # ahead in quadratic time. Either way: E109, at the collection that passes 64.
    flow = located("a: " + "[" * 100_000, loader)
    assert flow == [("E109", 1, 3 + MAX_DEPTH, f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp.")]
    mixed = located("a:\n  b:\n    c: " + "{x: " * 200, loader)
    assert [(c, line, col) for c, line, col, _ in mixed] == [("E109", 3, 8 + 4 * (MAX_DEPTH - 3))]
    block = located("a:\n" + "".join(" " * i + "- \n" for i in range(1, 200)), loader)
    assert [(c, line) for c, line, _, _ in block] == [("E109", MAX_DEPTH + 1)]
    assert located("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", loader) == [
        ("E109", 1, 3 + MAX_DEPTH, f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp.")
    ]
    assert located("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", loader) == []


def test_without_libyaml_the_pure_python_parser_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_Loader", BoundedPyLoader)
    started = time.process_time()
    assert load("a: " + "[" * 100_000)[1] == ["E109"]
    assert time.process_time() - started < 5
    assert load("a: [1, {b: 2}]\n")[0] == {"a": [1, {"b": 2}]}


def test_hostile_files_end_quickly_in_an_error() -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n"
        for i in range(20)
    )
    hostile = {
        "E110": bomb,
        "E109": "a: " + "[" * 100_000,
        "E109 ": "a:\n" + "".join(" " * i + "- \n" for i in range(1, 200)),
    }
    for code, text in hostile.items():
        started = time.process_time()
        assert load(text)[1] == [code.strip()]
        # A generous bound: the point is "no hang", not speed (see benchmarks/).
        assert time.process_time() - started < 5
    assert MAX_DEPTH <= 100


def test_oversized_file_is_refused() -> None:
    assert load(b"a: " + b"x" * (3 * 1024 * 1024))[1] == ["E112"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_end_in_data_or_diagnostics(raw: bytes) -> None:
    problems = ProblemList("t")
    document = load_bytes(raw, problems)
    assert document is not None or problems.items


# Random bytes seldom form YAML syntax; a stream of YAML's own tokens reaches the corners
# (aliases before their anchor, anchors inside themselves, tags, flow collections).
_tokens = st.sampled_from(
    [
        "a",
        "b",
        "1",
        "x y",
        ": ",
        ":",
        "- ",
        "-",
        "\n",
        "  ",
        "    ",
        "&a ",
        "&b ",
        "*a",
        "*b",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "? ",
        "!!str ",
        "!x ",
        "|",
        ">",
        '"',
        "'",
        "#",
        "---",
        "...",
        "%YAML 1.1",
        "\t",
        "Đ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_tokens, max_size=40).map("".join))
def test_token_soup_ends_in_data_or_diagnostics(text: str) -> None:
    problems = ProblemList("t")
    document = load_bytes(text.encode("utf-8"), problems)
    assert document is not None or problems.items
    for problem in problems.items:
        assert problem.message and problem.code.startswith("E") and problem.line >= 1


def test_aliases_without_their_anchor_are_errors_at_their_place() -> None:
    for text, line, column in (("a: *b\n", 1, 4), ("&a [*a]\n", 1, 5), ("a: &x\n  b: *x\n", 2, 6)):
        problems = ProblemList("t.yaml")
        assert load_bytes(text.encode("utf-8"), problems) is None
        (problem,) = problems.items
        assert (problem.code, problem.line, problem.column) == ("E103", line, column)
        assert "Bí danh *" in problem.message


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
_documents = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)
_plan_keys = st.sampled_from(
    ["unit", "issued", "years", "programme", "tasks", "indicators", "reporting"]
)
_plan_like = st.dictionaries(_plan_keys, _documents, max_size=7)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_documents, _plan_like))
def test_arbitrary_yaml_documents_end_in_a_model_or_diagnostics(
    tmp_path_factory: object, data: object
) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    path = Path("generated.yaml")
    loaded = load_model(path, Plan, raw=text.encode("utf-8"))
    assert loaded.model is not None or loaded.problems
    for problem in loaded.problems:
        assert problem.message and problem.code


def test_a_tab_under_a_key_is_named_even_by_libyaml() -> None:
    problems = ProblemList("t.yaml")
    assert load_bytes(b"unit:\n\tname: x\n", problems) is None
    (tab,) = problems.items
    assert (tab.line, tab.column, tab.message) == (2, 1, "Ký tự Tab không được dùng để thụt lề")


def test_escapes_that_make_control_characters_are_errors_at_their_value() -> None:
    problems = ProblemList("t.yaml")
    text = 'a: "tab\\tand\\nnewline are fine"\nb: "bell\\x07"\nc: "\\uFFFE"\n"d\\x01": 1\n'
    load_bytes(text.encode("utf-8"), problems)
    assert [(p.code, p.line) for p in problems.items] == [("E102", 2), ("E102", 3), ("E102", 4)]
    assert "U+0007" in problems.items[0].message


def test_a_key_that_is_a_list_is_refused() -> None:
    problems = ProblemList("t.yaml")
    assert load_bytes(b"? [a, b]\n: c\n", problems) is None
    (problem,) = problems.items
    assert problem.code == "E106" and "None" not in problem.message
