"""The shipped example plans are faithful encodings of the seed documents they come from.

Each assertion reads the seed text itself (``../shared/seeds``) rather than repeating the
plan's values, so a paraphrase, a dropped task or a mistyped target fails here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import pytest

from cchc_cli.load.plan import load_plan
from cchc_cli.model.areas import area_codes
from cchc_cli.model.plan import ComputedCount, Measure, Plan, ReportKind
from cchc_cli.model.types import DueKind
from cchc_cli.problems import Severity
from tests.helpers import PLANS, SHARED

SEEDS = SHARED / "seeds"
SOURCES = {
    "phu-lien-2024.yaml": ("003_",),
    "hai-phong-2021-2025.yaml": ("000_", "004_"),
    "vinh-phuc-2021-2025.yaml": ("002_",),
    "hai-phong-2018.yaml": ("001_",),
}


def normalise(text: str) -> str:
    """NFC, emphasis markers of the source dropped, whitespace runs made one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("***", "")).strip()


def seed_text(*prefixes: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS} (../shared beside the repository)")
    found = [p for p in sorted(SEEDS.iterdir()) if p.name.startswith(prefixes)]
    assert len(found) == len(prefixes), prefixes
    return "\n".join(normalise(p.read_text(encoding="utf-8")) for p in found)


def occurs(fragment: str, text: str) -> bool:
    """Verbatim occurrence; a fragment lifted from mid-sentence may capitalise its first letter."""
    frag = normalise(fragment)
    return frag in text or (frag[:1].lower() + frag[1:]) in text


def plan(name: str) -> Plan:
    loaded = load_plan(PLANS / name)
    assert loaded.model is not None, [p.message for p in loaded.problems]
    return loaded.model


def verbatim_texts(model: Plan) -> Iterator[tuple[str, str]]:
    """Every field that the encoding promises to copy word for word from the source."""
    for task in model.tasks:
        yield f"task {task.id}", task.content
    for label, texts in (
        ("target", model.targets),
        ("purpose", model.purposes),
        ("requirement", model.requirements),
        ("legal basis", model.legal_bases),
    ):
        for text in texts:
            yield label, text
    for post in model.unit.posts:
        yield f"post {post.id}", post.title
        for duty in post.duties:
            yield f"duty of {post.id}", duty
    if model.reporting is not None and model.reporting.source is not None:
        yield "reporting source", model.reporting.source


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_plan_loads_without_errors(name: str) -> None:
    loaded = load_plan(PLANS / name)
    errors = [p for p in loaded.problems if p.severity is Severity.ERROR]
    assert loaded.ok and errors == []


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_text_is_copied_verbatim_from_the_seed(name: str) -> None:
    source = seed_text(*SOURCES[name])
    model = plan(name)
    missing = [(where, text) for where, text in verbatim_texts(model) if not occurs(text, source)]
    assert missing == []


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_ids_unique_and_gaps_recorded(name: str) -> None:
    model = plan(name)
    for ids in (
        [t.id for t in model.tasks],
        [i.id for i in model.indicators],
        [p.id for p in model.unit.posts],
    ):
        assert len(ids) == len(set(ids))
    assert model.notes, "an encoding must say what it derived and what the source lacks"
    raw = (PLANS / name).read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_percent_indicators_are_percent(name: str) -> None:
    for indicator in plan(name).indicators:
        if indicator.measure is Measure.RATE:
            assert indicator.unit == "%", indicator.id
        if indicator.unit == "%":
            assert indicator.target is not None and indicator.target.value is not None
            assert 0 <= indicator.target.value <= 100, indicator.id


# --- phường Phù Liễn 2024 (seed 003) ----------------------------------------------------

PHU_LIEN = "phu-lien-2024.yaml"


def numbered_paragraphs(prefix: str, section: str, start: str, end: str) -> dict[str, str]:
    """A seed section's numbered items as {"III.3.đ": paragraph}.

    A line that is neither a heading nor a lettered item continues the item before it (a
    page break) or, right under a heading, is that heading's only paragraph ("II.3").
    """
    seed_text(prefix)
    path = next(p for p in SEEDS.iterdir() if p.name.startswith(prefix))
    raw = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    body = raw.split(start, 1)[1].split(end, 1)[0]
    paragraphs: dict[str, str] = {}
    area, last = "", ""
    for line in (ln.strip() for ln in body.splitlines()):
        if not line:
            continue
        if heading := re.fullmatch(r"(\d)\. .+", line):
            area, last = heading.group(1), ""
        elif item := re.fullmatch(r"([a-zđ])\) (.+)", line):
            last = f"{section}.{area}.{item.group(1)}"
            paragraphs[last] = item.group(2)
        elif last:
            paragraphs[last] += " " + line
        elif area:
            last = f"{section}.{area}"
            paragraphs[last] = line
    return {ref: normalise(text) for ref, text in paragraphs.items()}


def test_phu_lien_has_every_task_of_section_iii_in_its_area() -> None:
    expected = numbered_paragraphs("003_", "III", "III. NHIỆM VỤ, GIẢI PHÁP", "(Danh mục nhiệm vụ")
    model = plan(PHU_LIEN)
    assert len(expected) == 28
    assert {t.ref: normalise(t.content) for t in model.tasks} == expected
    per_area = Counter(t.area for t in model.tasks)
    assert [per_area[code] for code in area_codes(model.programme)] == [4, 4, 6, 4, 4, 2, 4]
    for task in model.tasks:
        assert task.ref is not None
        section = int(task.ref.split(".")[1])
        assert task.area == area_codes(model.programme)[section - 1], task.id


def test_phu_lien_task_ids_are_readable_and_numbered_in_order() -> None:
    model = plan(PHU_LIEN)
    prefixes = {
        "chi-dao": "CD",
        "the-che": "TC",
        "tthc": "TTHC",
        "to-chuc-bo-may": "BM",
        "cong-vu": "CV",
        "tai-chinh-cong": "TCC",
        "chinh-quyen-so": "CQS",
    }
    seen: Counter[str] = Counter()
    for task in model.tasks:
        seen[task.area] += 1
        assert task.id == f"{prefixes[task.area]}-{seen[task.area]:02d}"


def test_phu_lien_leads_follow_section_v2() -> None:
    source = seed_text("003_")
    model = plan(PHU_LIEN)
    duties = {p.id: " ".join(p.duties) for p in model.unit.posts}
    assert [len(p.duties) for p in model.unit.posts] == [6, 2, 4, 3]
    # the area each post "chủ trì" in V.2, as the seed words it
    assert "cải cách thủ tục hành chính" in duties["vp-tk"] and "ISO" in duties["vp-tk"]
    assert "cải cách thể chế" in duties["tp-ht"]
    assert "chính quyền điện tử, chính quyền số" in duties["vh-xh"]
    assert "cải cách tài chính công" in duties["tc-kt"]
    expected_lead = {
        "chi-dao": "vp-tk",
        "the-che": "tp-ht",
        "tthc": "vp-tk",
        "to-chuc-bo-may": "vp-tk",
        "cong-vu": "vp-tk",
        "tai-chinh-cong": "tc-kt",
        "chinh-quyen-so": "vh-xh",
    }
    for task in model.tasks:
        iso = "ISO 9001" in task.content
        assert task.lead == ("vp-tk" if iso else expected_lead[task.area]), task.id
        assert task.due.kind in (DueKind.ONGOING, DueKind.YEAR)
        assert task.due.kind is DueKind.ONGOING or task.due.year == 2024
    for post in model.unit.posts:
        assert f") {post.title}:" in source
    notes = " ".join(model.notes)
    assert "V.2" in notes and "Phụ lục" in notes


def test_phu_lien_unit_issuance_and_reporting_rule() -> None:
    source = seed_text("003_")
    model = plan(PHU_LIEN)
    unit = model.unit
    assert (unit.name, unit.kind.value, unit.province) == ("Phù Liễn", "phường", "Hải Phòng")
    assert unit.reports_to == "Ủy ban nhân dân quận Kiến An"
    assert (unit.signer.authority, unit.signer.title, unit.signer.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        None,
    )
    issued = model.issued
    assert f"Quyết định số {issued.number}" in source
    assert f"ngày {issued.date:%d/%m/%Y} của {issued.issuer}" in source
    assert str(model.years) == "2024" and model.programme.value == "nq76"
    rule = model.reporting
    assert rule is not None
    assert rule.recipients == ["Ủy ban nhân dân quận Kiến An (qua Phòng Nội vụ)"]
    assert {r.kind: str(r.send_before) for r in rule.reports} == {
        ReportKind.Q1: "05/03",
        ReportKind.H1: "05/06",
        ReportKind.Q3: "05/09",
        ReportKind.YEAR: "05/12",
    }
    assert rule.source is not None and rule.source.startswith("Lãnh đạo Ủy ban nhân dân phường")
    assert "gửi trước ngày 05 tháng cuối của quý" in rule.source
    # every purpose and target of sections I and II, in order
    for section, texts in (("I", model.purposes), ("II", model.targets)):
        assert len(texts) == 5, section
        for number, text in enumerate(texts, 1):
            assert f"{number}. {normalise(text)}" in source


def test_phu_lien_indicators_encode_section_ii() -> None:
    source = seed_text("003_")
    model = plan(PHU_LIEN)
    on_time = model.indicator("TTHC-DUNG-HAN")
    assert on_time is not None and on_time.target is not None
    assert on_time.target.direction is not None
    assert (on_time.target.direction.value, on_time.target.value) == ("above", 95)
    assert "trên 95%" in source
    assert on_time.numerator == ["early", "on_time"] and on_time.denominator == "resolved"
    parts = {c.id: c.part_of for c in on_time.counts}
    assert parts == {
        "received": None,
        "carried_over": None,
        "resolved": "received",
        "early": "resolved",
        "on_time": "resolved",
        "late": "resolved",
    }
    # Dossiers carried over from the quarter before are counted once in a roll-up.
    assert [c.carried_in for c in on_time.counts if c.id == "received"] == ["carried_over"]
    # Dossier rates hold in every period; the task targets are the year's.
    assert on_time.target.every_period
    tasks_done = model.indicator("NV-KE-HOACH")
    assert tasks_done is not None and tasks_done.target is not None
    assert not tasks_done.target.every_period
    assert {c.id: c.computed for c in tasks_done.counts} == {
        "total": ComputedCount.PLAN_TASKS,
        "done": ComputedCount.TASKS_DONE_ON_TIME,
    }
    satisfaction = model.indicator("TTHC-HAI-LONG")
    assert satisfaction is not None and satisfaction.target is not None
    assert satisfaction.target.direction is not None
    assert (satisfaction.target.direction.value, satisfaction.target.value) == ("at_least", 90)
    assert "90% trở lên" in source
    by_ref = Counter(i.ref for i in model.indicators)
    assert set(by_ref) == {"II.1", "II.2", "II.3", "II.4", "II.5"}
    for indicator in model.indicators:
        if indicator.ref == "II.1":
            assert indicator.measure is Measure.TEXT
        else:
            assert indicator.measure is Measure.RATE and indicator.target is not None
            assert f"{indicator.target.value:g}%" in source


# --- Hải Phòng 2021-2025 (seeds 000, 004) ----------------------------------------------


def test_hai_phong_2021_encodes_what_the_truncated_text_has() -> None:
    source = seed_text("000_")
    model = plan("hai-phong-2021-2025.yaml")
    assert "[...]" in source
    assert "[...]" in " ".join(model.notes)
    assert f"Người ký {model.unit.signer.name}" in source
    assert f"Số: {model.issued.number}" in source
    section_ii = numbered_paragraphs("000_", "II", "II. NỘI DUNG, MỤC TIÊU CHUNG", "[...]")
    from_000 = {t.ref: normalise(t.content) for t in model.tasks if t.area != "chi-dao"}
    assert from_000 == section_ii
    focus = seed_text("004_").split("06 nhiệm vụ, giải pháp trọng tâm gồm: ", 1)[1]
    focus_items = focus.split(".", 1)[0].split("; ")
    chi_dao = [normalise(t.content) for t in model.tasks if t.area == "chi-dao"]
    assert [c[:1].lower() + c[1:] for c in chi_dao] == [f[:1].lower() + f[1:] for f in focus_items]
    areas = Counter(t.area for t in model.tasks)
    assert areas == {
        "chi-dao": 6,
        "the-che": 3,
        "tthc": 2,
        "to-chuc-bo-may": 1,
        "cong-vu": 2,
        "tai-chinh-cong": 1,
    }
    top = [i for i in model.indicators if i.target is not None and i.target.value == 10]
    assert {i.id for i in top} == {"PAR-INDEX", "SIPAS", "PCI"}
    assert "một trong 10 địa phương đạt thứ hạng cao nhất" in source


# --- Vĩnh Phúc 2021-2025 (seed 002) ----------------------------------------------------


def percent_targets(model: Plan) -> Counter[float]:
    return Counter(
        i.target.value
        for i in model.indicators
        if i.unit == "%" and i.target is not None and i.target.value is not None
    )


def test_vinh_phuc_every_numeric_target_is_an_indicator() -> None:
    source = seed_text("002_")
    model = plan("vinh-phuc-2021-2025.yaml")
    in_seed = Counter(float(n) for n in re.findall(r"(\d+)%", source))
    assert percent_targets(model) == in_seed
    ranks = [i for i in model.indicators if i.unit == "hạng"]
    assert ranks and all(
        i.target is not None and f"tốp {i.target.value:g}" in source for i in ranks
    )
    for indicator in model.indicators:
        assert indicator.target is not None and indicator.target.direction is not None
    reductions = [i for i in model.indicators if "giảm" in i.name]
    assert len(reductions) == 2
    for indicator in reductions:
        assert indicator.baseline is not None and indicator.baseline.year == 2021
        assert indicator.target is not None and indicator.target.direction is not None
        assert indicator.target.direction.value == "at_least"
        assert "so với năm 2021" in indicator.name


def test_vinh_phuc_each_area_of_the_text_has_tasks() -> None:
    model = plan("vinh-phuc-2021-2025.yaml")
    areas = {t.area for t in model.tasks}
    assert areas == set(area_codes(model.programme)) - {"chi-dao"}


# --- Hải Phòng 2018 (seed 001) ---------------------------------------------------------


def test_hai_phong_2018_numbered_tasks_and_targets() -> None:
    source = seed_text("001_")
    model = plan("hai-phong-2018.yaml")
    assert model.programme.value == "nq30c"
    assert [t.ref for t in model.tasks] == [f"({n})" for n in range(1, 8)]
    for task in model.tasks:
        assert task.area == "tthc"
        assert f"{task.ref} {task.content}" in source
    seed_percents = Counter(float(n) for n in re.findall(r"(\d+)%", source))
    assert not seed_percents - percent_targets(model)
    assert len(model.targets) == 6
    assert "ngày ban hành" in " ".join(model.notes).lower()
