"""Text comparison for `cchc diff`: normalisation, similarity, word-level changes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.diff.wording import (
    PlanYears,
    prepare,
    reverse_words,
    same_text,
    similarity,
    word_changes,
)

VOCABULARY = (
    "rà soát văn bản quy phạm pháp luật giải quyết hồ sơ thủ tục hành chính đúng hạn "
    "công khai niêm yết số hóa kết quả , . ; Nghị định 30/2020 (nếu có)"
)
WORDS = st.sampled_from(VOCABULARY.split(" "))
SENTENCES = st.lists(WORDS, max_size=15).map(" ".join)


def test_whitespace_folding_and_nfd_are_no_change() -> None:
    text = "Rà soát, hệ thống hóa văn bản quy phạm pháp luật"
    folded = "  Rà soát,  hệ thống\nhóa văn bản\n  quy phạm pháp luật "
    nfd = unicodedata.normalize("NFD", text)
    assert prepare(folded).key == prepare(text).key == prepare(nfd).key
    assert prepare(nfd).text == text


def test_punctuation_and_case_are_changes_but_similarity_ignores_them() -> None:
    a, b = prepare("Rà soát văn bản"), prepare("rà soát, văn bản")
    assert a.key != b.key
    assert similarity(a, b) == 1.0


def test_plan_years_compare_relative_to_the_plan() -> None:
    old = prepare("Ban hành kế hoạch CCHC năm 2024", PlanYears(2024, 2024))
    new = prepare("Ban hành kế hoạch CCHC năm 2025", PlanYears(2025, 2025))
    assert old.key == new.key
    other = prepare("Ban hành kế hoạch CCHC năm 2023", PlanYears(2025, 2025))
    assert other.key != new.key


def test_word_changes_show_removed_and_added_words_with_their_spaces() -> None:
    ops = word_changes(prepare("Rà soát văn bản QPPL"), prepare("Rà soát, hệ thống hóa văn bản"))
    assert ops == (("=", "Rà soát"), ("+", ", hệ thống hóa"), ("=", " văn bản"), ("-", " QPPL"))


@given(SENTENCES, SENTENCES)
def test_word_changes_rebuild_both_texts(old_text: str, new_text: str) -> None:
    # Up to spacing: the words a reader sees removed, kept and added are all there.
    old, new = prepare(old_text), prepare(new_text)
    ops = word_changes(old, new)
    assert _unspaced(t for op, t in ops if op != "-") == _unspaced([new.text])
    assert _unspaced(t for op, t in ops if op != "+") == _unspaced([old.text])


def _unspaced(texts: Iterable[str]) -> str:
    return "".join("".join(texts).split())


@given(SENTENCES, SENTENCES)
def test_similarity_is_symmetric_and_bounded(a_text: str, b_text: str) -> None:
    a, b = prepare(a_text), prepare(b_text)
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0


@given(SENTENCES, SENTENCES)
def test_reversed_word_changes_are_the_changes_the_other_way(a_text: str, b_text: str) -> None:
    # Unchanged words are shown as the newer text spaces them.
    a, b = prepare(a_text), prepare(b_text)
    assert _stripped(reverse_words(word_changes(a, b))) == _stripped(word_changes(b, a))


def _stripped(ops: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(op, "".join(text.split())) for op, text in ops]


def test_a_year_outside_one_plan_but_inside_the_other_is_still_the_same_text() -> None:
    old = prepare("Thực hiện sắp xếp đơn vị hành chính giai đoạn 2023-2025", PlanYears(2024, 2024))
    new = prepare("Thực hiện sắp xếp đơn vị hành chính giai đoạn 2023-2025", PlanYears(2025, 2025))
    assert old.key != new.key
    assert same_text(old, new)
    edited = prepare(
        "Thực hiện sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025", PlanYears(2025, 2025)
    )
    ops = word_changes(old, edited)
    assert ops == (
        ("=", "Thực hiện sắp xếp đơn vị hành chính"),
        ("+", " cấp xã"),
        ("=", " giai đoạn 2023-2025"),
    )
