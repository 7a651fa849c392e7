"""Properties of `cchc diff` on generated plans: itself, reversed, cosmetic edits."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.diff.changes import Trend
from cchc_cli.diff.compare import diff_plans
from cchc_cli.diff.targets import trend
from cchc_cli.model.areas import Programme, area_codes
from cchc_cli.model.plan import Plan, Target
from cchc_cli.model.types import Direction
from tests.diff_signature import without_kept_words

# Whole plans compared a hundred times each (seconds); tests/diff/test_variants.py keeps
# the mirror and reformat properties on fixed plans in the quick run.
pytestmark = pytest.mark.slow

SENTENCE = (
    "rà soát văn bản quy phạm pháp luật giải quyết hồ sơ thủ tục hành chính đúng hạn "
    "công khai niêm yết số hóa kết quả tuyên truyền đánh giá công chức ngân sách , ."
)
VOCABULARY = SENTENCE.split(" ")
AREAS = area_codes(Programme.NQ76)
POSTS = [
    {"id": "vp-tk", "title": "Công chức Văn phòng - Thống kê"},
    {"id": "tp-ht", "title": "Công chức Tư pháp - Hộ tịch"},
]
DUES = ["2025", "2025-Q1", "2025-06", "2025-06-30", "thường xuyên"]

texts = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12).map(" ".join)
task = st.fixed_dictionaries(
    {
        "area": st.sampled_from(AREAS),
        "content": texts,
        "lead": st.sampled_from(["vp-tk", "tp-ht"]),
        "partners": st.lists(st.sampled_from(["vp-tk", "tp-ht"]), unique=True, max_size=2),
        "due": st.sampled_from(DUES),
    }
)
indicator = st.fixed_dictionaries(
    {
        "area": st.sampled_from(AREAS),
        "name": texts,
        "unit": st.sampled_from(["%", "hồ sơ", "ngày"]),
        "target": st.fixed_dictionaries(
            {
                "direction": st.sampled_from(["at_least", "above", "at_most", "below"]),
                "value": st.integers(0, 100),
            }
        ),
    }
)
legal = st.lists(
    st.sampled_from(["Nghị quyết 76/NQ-CP", "Kế hoạch 216/KH-UBND", "Luật 72/2025/QH15"]),
    unique=True,
)


def _plan(
    tasks: list[dict[str, Any]],
    indicators: list[dict[str, Any]],
    bases: list[str],
    prefix: str = "T",
) -> Plan:
    data = {
        "unit": {
            "name": "An Dương",
            "kind": "xã",
            "posts": POSTS,
            "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH"},
        },
        "issued": {
            "number": "05/QĐ-UBND",
            "date": "2025-01-10",
            "issuer": "UBND xã An Dương",
            "title": "Kế hoạch CCHC năm 2025",
        },
        "years": 2025,
        "programme": "nq76",
        "legal_bases": bases,
        "tasks": [{"id": f"{prefix}-{n}", **t} for n, t in enumerate(tasks)],
        "indicators": [{"id": f"I-{n}", **i} for n, i in enumerate(indicators)],
    }
    return Plan.model_validate(data)


plans = st.builds(_plan, st.lists(task, max_size=12), st.lists(indicator, max_size=5), legal)


@settings(max_examples=60, deadline=None)
@given(plans)
def test_a_plan_compared_with_itself_has_no_change(plan: Plan) -> None:
    assert diff_plans(plan, plan).empty


side = st.tuples(st.lists(task, max_size=10), st.lists(indicator, max_size=4), legal)


@settings(max_examples=80, deadline=None)
@given(side, side, st.sampled_from(["T", "N"]))
def test_comparing_the_other_way_gives_the_reversed_changes(
    first: tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]],
    second: tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]],
    prefix: str,
) -> None:
    # Plan b shares a's first tasks (some renumbered) so that matching has work to do.
    tasks_a, ind_a, bases_a = first
    tasks_b, ind_b, bases_b = second
    a = _plan(tasks_a, ind_a, bases_a)
    b = _plan(tasks_a[: len(tasks_a) // 2] + tasks_b, ind_b, bases_b, prefix)
    forward, backward = diff_plans(a, b), diff_plans(b, a)
    assert without_kept_words(backward) == without_kept_words(forward.reversed())


@settings(max_examples=60, deadline=None)
@given(plans, st.randoms(use_true_random=False), st.sampled_from(["  ", "\n", " \t "]))
def test_order_spacing_and_unicode_form_are_no_change(plan: Plan, rng: Any, gap: str) -> None:
    def cosmetic(text: str) -> str:
        return unicodedata.normalize("NFD", gap + text.replace(" ", gap) + gap)

    tasks = [t.model_copy(update={"content": cosmetic(t.content)}) for t in plan.tasks]
    indicators = [i.model_copy(update={"name": cosmetic(i.name)}) for i in plan.indicators]
    rng.shuffle(tasks)
    rng.shuffle(indicators)
    bases = [cosmetic(b) for b in reversed(plan.legal_bases)]
    edited = plan.model_copy(
        update={"tasks": tasks, "indicators": indicators, "legal_bases": bases}
    )
    assert diff_plans(plan, edited).empty


@settings(max_examples=40, deadline=None)
@given(plans.filter(lambda p: bool(p.tasks)), st.data())
def test_a_dropped_task_is_reported_removed_and_nothing_else(
    plan: Plan, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(plan.tasks) - 1))
    dropped = plan.tasks[index]
    kept = plan.tasks[:index] + plan.tasks[index + 1 :]
    diff = diff_plans(plan, plan.model_copy(update={"tasks": kept}))
    assert [(t.status.value, t.old_id) for t in diff.tasks] == [("removed", dropped.id)]
    assert not (diff.general or diff.lines or diff.indicators)


targets = st.builds(
    Target,
    direction=st.sampled_from(list(Direction)),
    value=st.integers(0, 100).map(float),
)


@given(targets, targets, st.booleans())
def test_a_target_change_seen_the_other_way_turns_raised_into_lowered(
    a: Target, b: Target, same_unit: bool
) -> None:
    assert trend(b, a, same_unit) == trend(a, b, same_unit).reversed()


def test_a_lower_ceiling_is_a_raised_target() -> None:
    five = Target(direction=Direction.AT_MOST, value=5)
    three = Target(direction=Direction.AT_MOST, value=3)
    assert trend(five, three, True) is Trend.RAISED
    assert trend(three, five, True) is Trend.LOWERED
    assert trend(five, three, False) is Trend.CHANGED
