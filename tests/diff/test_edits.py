"""Kinds of edit in a changed text: numbers, spelling, marks, words; "sửa vài từ" or "viết lại"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.diff.edits import (
    Edit,
    EditKind,
    Rewording,
    classify,
    edits_of,
    notable,
    text_change,
)
from cchc_cli.diff.wording import PlanYears, fold, prepare, reverse_words, word_changes


def _edits(old: str, new: str) -> list[tuple[str, str, str]]:
    change = text_change(prepare(old), prepare(new))
    assert change is not None
    return [(e.kind.value, e.old, e.new) for e in change.edits]


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("Ủy ban", "Uỷ ban"),
        ("hiện đại hóa", "hiện đại hoá"),
        ("khỏe", "khoẻ"),
        ("thủy lợi", "thuỷ lợi"),
        ("lý luận", "lí luận"),
        ("kỹ thuật", "kĩ thuật"),
        ("quy định", "qui định"),
    ],
)
def test_spelling_variants_fold_to_one_form(variant: str, standard: str) -> None:
    assert fold(variant) == fold(standard)
    assert _edits(f"Do {variant} thực hiện", f"Do {standard} thực hiện")[0][0] == "variant"


def test_fold_keeps_different_words_apart() -> None:
    assert fold("Công") != fold("Cổng")
    assert fold("hoàn thành") == "hoàn thành"
    assert fold("của") == "của"


def test_a_number_with_separators_is_one_piece() -> None:
    words = [w.strip() for w in prepare("đạt 95,5% trước ngày 05/12/2024 (19.630 hồ sơ)").words]
    assert "95,5" in words and "05/12/2024" in words and "19.630" in words


def test_a_changed_target_is_the_change_of_its_numbers() -> None:
    old = "giải quyết trước và đúng hạn đạt trên 95%; mức độ hài lòng đạt 90% trở lên."
    new = "giải quyết trước và đúng hạn đạt trên 97%; mức độ hài lòng đạt 95% trở lên."
    assert _edits(old, new) == [("number", "95%", "97%"), ("number", "90%", "95%")]
    change = text_change(prepare(old), prepare(new))
    assert change is not None and change.rewording is Rewording.NONE


def test_a_date_is_one_number() -> None:
    old, new = "gửi trước ngày 05/12/2024 về quận", "gửi trước ngày 05/12/2025 về quận"
    assert _edits(old, new) == [("number", "05/12/2024", "05/12/2025")]


def test_one_slipped_diacritic_is_a_spelling_fix() -> None:
    old = "đồng bộ với Công Dịch vụ công quốc gia"
    new = "đồng bộ với Cổng Dịch vụ công quốc gia"
    assert _edits(old, new) == [("typo", "Công", "Cổng")]


def test_punctuation_and_case_are_named_as_such() -> None:
    assert _edits("Rà soát văn bản", "Rà soát, văn bản") == [("punctuation", "", ",")]
    assert _edits("rà soát văn bản", "Rà soát văn bản") == [("case", "rà", "Rà")]


def test_words_changed_are_a_few_words_or_a_rewrite() -> None:
    minor = text_change(
        prepare("Rà soát văn bản QPPL"), prepare("Rà soát, hệ thống hóa văn bản QPPL")
    )
    assert minor is not None and minor.rewording is Rewording.MINOR
    assert [e.kind for e in minor.edits] == [EditKind.WORDS]
    rewritten = text_change(
        prepare(
            "Tăng cường công tác kiểm tra, giám sát việc thực hiện cải cách TTHC; tăng cường "
            "trách nhiệm phối hợp giữa các cơ quan có thẩm quyền"
        ),
        prepare(
            "Kiểm tra, giám sát thường xuyên việc thực hiện cải cách TTHC; nâng cao trách "
            "nhiệm của người đứng đầu trong giải quyết TTHC cho người dân"
        ),
    )
    assert rewritten is not None and rewritten.rewording is Rewording.REWRITTEN


def test_plan_years_are_no_edit_but_other_years_are_numbers() -> None:
    old = prepare("Kế hoạch CCHC năm 2024", PlanYears(2024, 2024))
    assert text_change(old, prepare("Kế hoạch CCHC năm 2025", PlanYears(2025, 2025))) is None
    assert _edits("Kế hoạch CCHC năm 2024", "Kế hoạch CCHC năm 2025") == [
        ("number", "2024", "2025")
    ]


def test_labels_are_vietnamese() -> None:
    assert EditKind.NUMBER.label == "đổi số"
    assert EditKind.TYPO.label == "sửa chính tả"
    assert Rewording.MINOR.label == "sửa vài từ"
    assert Rewording.REWRITTEN.label == "viết lại"


@pytest.mark.parametrize(
    ("removed", "added", "kind"),
    [
        ("", "trở lên", EditKind.WORDS),
        (" 2023", " 2024", EditKind.NUMBER),
        (" năm", " nam", EditKind.TYPO),
        (" 95", " chín lăm", EditKind.WORDS),
        (";", ",", EditKind.PUNCTUATION),
        (" UBND", " Ubnd", EditKind.CASE),
    ],
)
def test_classify(removed: str, added: str, kind: EditKind) -> None:
    assert classify(removed, added) is kind
    assert classify(added, removed) is kind


VOCABULARY = "Ủy Uỷ ban nhân dân 95 97 % , . Công Cổng rà soát hóa hoá văn bản 05/12/2024"
SENTENCES = st.lists(st.sampled_from(VOCABULARY.split(" ")), max_size=12).map(" ".join)


@given(SENTENCES, SENTENCES)
def test_edits_the_other_way_are_the_reversed_edits(a_text: str, b_text: str) -> None:
    a, b = prepare(a_text), prepare(b_text)
    forward = edits_of(word_changes(a, b))
    assert edits_of(reverse_words(word_changes(a, b))) == tuple(e.reversed() for e in forward)
    assert [e.kind for e in edits_of(word_changes(b, a))] == [e.kind for e in forward]


def test_edit_reversed_swaps_old_and_new() -> None:
    assert Edit(EditKind.NUMBER, "95%", "97%").reversed() == Edit(EditKind.NUMBER, "97%", "95%")


def test_a_rewritten_text_names_only_its_numbers_besides_the_rewording() -> None:
    edits = (
        Edit(EditKind.WORDS, "kiểm tra", "giám sát"),
        Edit(EditKind.CASE, "Chính", "chính"),
        Edit(EditKind.NUMBER, "95%", "97%"),
    )
    assert notable(edits, Rewording.REWRITTEN) == (edits[2],)
    assert notable(edits, Rewording.MINOR) == edits[1:]
