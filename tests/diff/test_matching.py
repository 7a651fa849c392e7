"""Matching tasks of two plans: meaning-weighted similarity, ids reused, moves, rare-word search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.diff.matching import (
    COUNTED_TEXTS,
    Candidate,
    Match,
    distinct_texts,
    match,
    sample_texts,
)
from cchc_cli.diff.meaning import Weights, meaning_similarity, similar_pairs, weigh
from cchc_cli.diff.wording import PlanYears, prepare

# Three tasks of the Phù Liễn 2024 plan's "tổ chức bộ máy" area (they share "Tiếp tục
# thực hiện … của Chính phủ …") and one of "chính quyền số".
BM_01 = (
    "Triển khai Kế hoạch của Ban Thường vụ Thành ủy thực hiện Kết luận số 50-KL/TW, ngày "
    "28/02/2023 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 18-NQ/TW về đổi mới, "
    "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả."
)
BM_02 = (
    "Tiếp tục thực hiện Nghị quyết số 117/NQ-CP ngày 30/7/2023 của Chính phủ ban hành Kế "
    "hoạch thực hiện sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025."
)
BM_03 = (
    "Tiếp tục thực hiện Nghị định số 62/2020/NĐ-CP ngày 01/06/2020 của Chính phủ, Nghị định "
    "số 106/2020/NĐ-CP ngày 10/09/2020 của Chính phủ và các văn bản hướng dẫn của Bộ, ngành "
    "Trung ương, xây dựng điều chỉnh Đề án vị trí việc làm đảm bảo phù hợp với chức năng, "
    "nhiệm vụ, quyền hạn và cơ cấu tổ chức của phường."
)
# A different task given the id BM-02: only the area's boilerplate in common.
OTHER_BM_02 = (
    "Tiếp tục thực hiện Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ quy định về "
    "cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã."
)
CQS_04 = (
    "Tiếp tục duy trì hiệu quả, thực chất việc áp dụng Hệ thống quản lý chất lượng theo tiêu "
    "chuẩn quốc gia TCVN ISO 9001:2015 trong hoạt động của cơ quan hành chính nhà nước phường."
)
BM = "to-chuc-bo-may"


def _c(task_id: str, area: str, text: str) -> Candidate:
    return Candidate(task_id, area, prepare(text))


def _pairs(matches: list[Match], old: list[Candidate], new: list[Candidate]) -> set[str]:
    return {f"{old[m.old].id}>{new[m.new].id}:{m.how}" for m in matches}


def test_an_id_given_to_another_task_of_the_area_is_not_a_rewording() -> None:
    old = [_c("BM-01", BM, BM_01), _c("BM-02", BM, BM_02), _c("BM-03", BM, BM_03)]
    new = [_c("BM-01", BM, BM_01), _c("BM-02", BM, OTHER_BM_02), _c("BM-03", BM, BM_03)]
    assert _pairs(match(old, new), old, new) == {"BM-01>BM-01:id", "BM-03>BM-03:id"}


def test_a_task_rewritten_under_its_id_stays_one_task() -> None:
    rewritten = (
        "Tiếp tục thực hiện Nghị quyết số 117/NQ-CP của Chính phủ về sắp xếp đơn vị hành "
        "chính cấp xã; rà soát, đề xuất phương án sắp xếp trên địa bàn phường."
    )
    old = [_c("BM-01", BM, BM_01), _c("BM-02", BM, BM_02), _c("BM-03", BM, BM_03)]
    new = [_c("BM-01", BM, BM_01), _c("BM-02", BM, rewritten), _c("BM-03", BM, BM_03)]
    assert "BM-02>BM-02:id" in _pairs(match(old, new), old, new)


# BM-02 rewritten: about 0.4 of its meaning kept, between ID_FLOOR and ID_SURE.
PARTLY_BM_02 = (
    "Thực hiện sắp xếp đơn vị hành chính cấp xã theo Nghị quyết số 117/NQ-CP; tuyên truyền, "
    "vận động Nhân dân đồng thuận với phương án sắp xếp tổ dân phố."
)


def test_an_id_alike_only_in_part_pairs_unless_a_closer_text_is_there() -> None:
    old = [_c("BM-01", BM, BM_01), _c("BM-02", BM, BM_02), _c("BM-03", BM, BM_03)]
    new = [_c("BM-01", BM, BM_01), _c("BM-02", BM, PARTLY_BM_02), _c("BM-03", BM, BM_03)]
    assert "BM-02>BM-02:id" in _pairs(match(old, new), old, new)
    # The old BM-02 is also there almost as it was, under a new id: that is the same task.
    copy = BM_02.replace("Tiếp tục thực hiện", "Thực hiện")
    new.append(_c("BM-09", BM, copy))
    pairs = _pairs(match(old, new), old, new)
    assert "BM-02>BM-09:similarity" in pairs and "BM-02>BM-02:id" not in pairs


def test_a_task_moved_to_another_area_and_lightly_reworded_is_found() -> None:
    moved = CQS_04.replace("Tiếp tục duy trì", "Duy trì").replace(" phường.", " của phường.")
    old = [_c("BM-02", BM, BM_02), _c("CQS-04", "chinh-quyen-so", CQS_04)]
    new = [_c("BM-02", BM, BM_02), _c("TTHC-07", "tthc", moved)]
    assert _pairs(match(old, new), old, new) == {"BM-02>BM-02:id", "CQS-04>TTHC-07:similarity"}


def test_pairing_within_the_area_comes_first() -> None:
    text = "Rà soát, đánh giá việc thực hiện quy chế làm việc của Ủy ban nhân dân phường"
    near = text + " năm nay"
    old = [_c("A-01", "chi-dao", text)]
    new = [_c("B-01", "the-che", text + " hằng năm"), _c("A-07", "chi-dao", near)]
    assert _pairs(match(old, new), old, new) == {"A-01>A-07:similarity"}


def test_an_unrelated_task_elsewhere_is_not_a_move() -> None:
    old = [_c("BM-02", BM, BM_02)]
    new = [_c("CQS-09", "chinh-quyen-so", CQS_04)]
    assert match(old, new) == []


WORDS = "rà soát văn bản hồ sơ thủ tục công khai số hóa ngân sách kế hoạch Ủy ban 2024 95%"
TEXTS = st.lists(st.sampled_from(WORDS.split(" ")), min_size=1, max_size=10).map(" ".join)
ITEMS = st.lists(st.tuples(st.sampled_from(["a", "b"]), TEXTS), max_size=8)


@settings(max_examples=60, deadline=None)
@given(ITEMS, ITEMS, st.sampled_from([0.4, 0.55, 0.8]))
def test_the_rare_word_search_finds_every_pair_that_trying_all_finds(
    olds: list[tuple[str, str]], news: list[tuple[str, str]], threshold: float
) -> None:
    old_w, new_w = [(a, prepare(t)) for a, t in olds], [(a, prepare(t)) for a, t in news]
    weights = Weights(distinct_texts(old_w, new_w))
    old_tokens = [(area, wording.token_set) for area, wording in old_w]
    new_tokens = [(area, wording.token_set) for area, wording in new_w]
    old_w = [(i, weigh(t, weights, Weights.ALL), a) for i, (a, t) in enumerate(old_tokens)]
    new_w = [(j, weigh(t, weights, Weights.ALL), a) for j, (a, t) in enumerate(new_tokens)]
    everything = {
        (i, j, a == b)
        for i, x, a in old_w
        for j, y, b in new_w
        if meaning_similarity(x, y) >= threshold
    }
    found = {(i, j) for _, i, j in similar_pairs(old_w, new_w, threshold)}
    assert found == {(i, j) for i, j, _ in everything}
    apart = {(i, j) for _, i, j in similar_pairs(old_w, new_w, threshold, apart=True)}
    assert apart == {(i, j) for i, j, same in everything if not same}


@settings(max_examples=60, deadline=None)
@given(ITEMS, ITEMS)
def test_matching_the_other_way_gives_the_same_pairs(
    olds: list[tuple[str, str]], news: list[tuple[str, str]]
) -> None:
    old = [_c(f"T-{n}", area, text) for n, (area, text) in enumerate(olds)]
    new = [_c(f"T-{n + 3}", area, text) for n, (area, text) in enumerate(news)]
    forward = {(m.old, m.new, m.how) for m in match(old, new)}
    backward = {(m.new, m.old, m.how) for m in match(new, old)}
    assert forward == backward


YEARS_OLD, YEARS_NEW = PlanYears(2024, 2024), PlanYears(2025, 2025)
DATED = st.lists(st.sampled_from([*WORDS.split(" "), "2025"]), min_size=1, max_size=10).map(
    " ".join
)
DATED_ITEMS = st.lists(st.tuples(st.sampled_from(["a", "b"]), DATED), max_size=8)


def _dated(plan: list[tuple[str, str]], years: PlanYears, first: int) -> list[Candidate]:
    return [
        Candidate(f"T-{first + n}", area, prepare(text, years))
        for n, (area, text) in enumerate(plan)
    ]


def test_the_same_text_naming_a_plan_year_is_other_words_in_the_other_plan() -> None:
    # "rà 2024" is the plan's own year in the 2024 plan and last year in the 2025 plan:
    # its words must not be counted from whichever plan came first.
    old = _dated([("a", "rà"), ("a", "rà 2024")], YEARS_OLD, 0)
    new = _dated([("a", "rà rà 2024"), ("a", "rà 2024")], YEARS_NEW, 3)
    forward = {(m.old, m.new, m.how) for m in match(old, new)}
    backward = {(m.new, m.old, m.how) for m in match(new, old)}
    assert forward == backward


@settings(max_examples=60, deadline=None)
@given(DATED_ITEMS, DATED_ITEMS)
def test_matching_plans_of_other_years_the_other_way_gives_the_same_pairs(
    olds: list[tuple[str, str]], news: list[tuple[str, str]]
) -> None:
    old, new = _dated(olds, YEARS_OLD, 0), _dated(news, YEARS_NEW, 20)
    forward = {(m.old, m.new, m.how, round(m.score, 9)) for m in match(old, new)}
    backward = {(m.new, m.old, m.how, round(m.score, 9)) for m in match(new, old)}
    assert forward == backward


def test_weights_discount_the_words_an_area_shares() -> None:
    area = [(BM, prepare(t)) for t in (BM_01, BM_02, BM_03)]
    weights = Weights(distinct_texts(area, area))
    assert weights.weight(BM, "tiếp") < weights.weight(BM, "117")
    assert weights.weight(BM, "chính") < weights.weight(Weights.ALL, "sắp")


def test_a_large_area_counts_a_sample_the_same_whichever_plan_is_old() -> None:
    words = WORDS.split(" ")
    texts = [
        " ".join(words[(n * 7 + k * 3) % len(words)] for k in range(6)) + f" mục {n}"
        for n in range(COUNTED_TEXTS + 300)
    ]
    old = [_c(f"T-{n}", "tthc", text) for n, text in enumerate(texts)]
    new = [_c(f"T-{n}", "tthc", text) for n, text in enumerate(texts[:-40])]
    new += [_c(f"N-{n}", "tthc", text + " năm nay") for n, text in enumerate(texts[-40:])]
    picked = sample_texts([(c.wording, 1, 1) for c in old])
    assert COUNTED_TEXTS * 0.8 < len(picked) < COUNTED_TEXTS * 1.2
    assert sample_texts([(c.wording, 1, 1) for c in reversed(old)]) == picked[::-1]
    forward = {(m.old, m.new, m.how) for m in match(old, new)}
    backward = {(m.new, m.old, m.how) for m in match(new, old)}
    assert forward == backward
    assert {(old[i].id, new[j].id) for i, j, how in forward if how == "similarity"} == {
        (f"T-{n}", f"N-{k}") for k, n in enumerate(range(len(texts) - 40, len(texts)))
    }
