"""Properties of header normalisation and of reading a count from a cell."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.tthc.columns import STANDARD, StandardColumn, normalise_header, standard_column
from cchc_cli.tthc.numbers import Refusal, parse_count

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
SPACES = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", " \n "]
headers = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.-()/\n", max_size=40)


@given(st.text(max_size=60))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_header(text)
    assert normalise_header(once) == once


@given(st.text(max_size=60))
def test_normalised_text_has_single_spaces_and_no_line_breaks(text: str) -> None:
    normal = normalise_header(text)
    assert normal == normal.strip() and "  " not in normal
    assert "\n" not in normal and "\t" not in normal


@given(headers)
def test_case_and_unicode_form_do_not_matter(text: str) -> None:
    expected = normalise_header(text)
    assert normalise_header(text.upper()) == expected
    assert normalise_header(unicodedata.normalize("NFD", text)) == expected


@given(
    st.lists(st.text(alphabet=VIETNAMESE, min_size=1, max_size=8), min_size=1, max_size=6),
    st.data(),
)
def test_spaces_and_line_breaks_between_words_do_not_matter(
    words: list[str], data: st.DataObject
) -> None:
    joined = "".join(w + data.draw(st.sampled_from(SPACES)) for w in words)
    assert normalise_header(joined) == " ".join(normalise_header(w) for w in words)


@given(st.sampled_from(STANDARD), st.sampled_from(SPACES), st.booleans())
def test_every_standard_header_is_found_however_it_is_typed(
    column: StandardColumn, space: str, upper: bool
) -> None:
    group = column.group.replace(" ", space)
    label = column.label.replace(" ", space)
    if upper:
        group, label = group.upper(), label.upper()
    found = standard_column((normalise_header(group), normalise_header(label)))
    assert found is column


def test_header_variants_of_the_in_person_column() -> None:
    group = normalise_header("Số hồ sơ nhận giải quyết")
    for label in ("Trực tiếp, dịch vụ bưu chính", "Trực tiếp và qua dịch vụ BCCI", "Trực tiếp"):
        found = standard_column((group, normalise_header(label)))
        assert found is not None and found.id == "truc-tiep"
    assert standard_column((group, normalise_header("Trực tuyến toàn trình"))) is None


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_read_in_every_spelling(n: int) -> None:
    assert parse_count(n) == n
    assert parse_count(str(n)) == n
    assert parse_count(dotted(n)) == n
    assert parse_count(dotted(n).replace(".", " ")) == n
    assert parse_count(f"  {dotted(n)}\u00a0") == n
    if n < 2**53:
        assert parse_count(float(n)) == n


def test_the_examples() -> None:
    assert parse_count("1.286") == 1286
    assert parse_count("1 286") == 1286
    assert parse_count("1286") == 1286
    assert parse_count(None) is None
    refused = parse_count("12,5")
    assert isinstance(refused, Refusal) and refused.code == "E517"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=999))
def test_a_decimal_comma_is_refused(whole: int, fraction: int) -> None:
    result = parse_count(f"{dotted(whole)},{fraction}")
    assert isinstance(result, Refusal) and result.code == "E517"


@given(st.integers(min_value=1, max_value=10**9))
def test_negative_counts_are_refused(n: int) -> None:
    for value in (-n, f"-{n}", f"-{dotted(n)}", float(-n)):
        result = parse_count(value)
        assert isinstance(result, Refusal) and result.code == "E516"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_is_a_count_only_when_whole_and_not_negative(value: float) -> None:
    result = parse_count(value)
    if isinstance(result, int):
        assert value == result and result >= 0
    else:
        assert isinstance(result, Refusal)


@given(st.text(max_size=20))
def test_any_text_reads_as_a_count_or_a_refusal(text: str) -> None:
    result = parse_count(text)
    assert result is None or isinstance(result, (int, Refusal))
    if isinstance(result, int):
        assert result >= 0


CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "STT",
            "Lĩnh vực",
            "Số hồ sơ nhận giải quyết",
            "Tổng số",
            "Trực tuyến",
            "Quá hạn",
            "Tổng cộng",
            "Hộ tịch",
            "1.286",
            "12,5",
            "-3",
            "(1)",
            "Từ ngày 15/12/2023 đến ngày 14/03/2024",
        ]
    ),
    st.integers(min_value=-5, max_value=2000).map(str),
    st.text(max_size=6),
)


@given(st.lists(st.lists(CELLS, max_size=8), max_size=14))
def test_any_csv_ends_in_a_result_never_an_exception(rows: list[list[str]]) -> None:
    import csv
    import io

    from cchc_cli.load.shape import load_model
    from cchc_cli.model.plan import Plan
    from cchc_cli.tthc.importer import import_tthc

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    from tests.helpers import FIXTURES

    plan = load_model(FIXTURES / "tthc" / "phu-lien-2024.yaml", Plan).model
    assert plan is not None
    result = import_tthc(buffer.getvalue().encode("utf-8"), "x.csv", plan)
    assert result.ok or result.problems
