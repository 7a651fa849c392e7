"""The four reports of a whole year read as a reviewer at the Sở Nội vụ reads them.

Built from tests/fixtures/year-2024 (Phù Liễn 2024, quý I–IV) as the clerk builds them,
and from drafts written before the later quarters were recorded. Each test fails on one
defect reviewers named: a sentence said twice, an earlier quarter's work reported as
this one's, a year's target judged "chưa đạt" before the year ends, a status printed as
a result, a draft passing quý I off as the period, figures counted twice.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.year_tree import DRAFTS, REPORTS, copy_year, write_report

STATUSES = ("hoàn thành", "đang thực hiện", "chưa thực hiện")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("year")
    return {
        kind: write_report(kind, root / f"{kind}.md").path.read_text(encoding="utf-8")
        for kind in REPORTS
    }


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    root = tmp_path_factory.mktemp("drafts")
    found = {}
    for kind, quarters in DRAFTS.items():
        written = write_report(kind, root / f"{kind}.md", quarters=quarters)
        found[kind] = (written.path.read_text(encoding="utf-8"), written.stdout)
    return found


@pytest.fixture(params=list(REPORTS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def body(text: str) -> str:
    """The report body: from the first paragraph under the subject to "./."."""
    start = text.index("\n", text.index("**Kết quả thực hiện công tác cải cách hành chính"))
    return text[start : text.index("**Nơi nhận:**")]


def sentences(text: str) -> list[str]:
    """The sentences of a body, headings left out; a list item is one sentence at least."""
    found = []
    for raw in text.splitlines():
        line = raw.strip().removeprefix("\\- ").removeprefix("- ")
        if not line or line.startswith(("#", "*", "<!--")):
            continue
        for part in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9])", line):
            if part[:1].isupper() or part[:1].isdigit():
                found.append(part.rstrip(". ").strip())
    return [s for s in found if len(s) > 12]


def rows(text: str, appendix: str) -> list[list[str]]:
    """The data rows of an appendix table ("Phụ lục I" or "Phụ lục II"), group rows left out."""
    start = text.index(f"# {appendix}\n")
    end = text.find("# Phụ lục", start + 12)
    found = []
    for line in text[start : end if end > 0 else None].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| ") and cells[0].isdigit():
            found.append(cells)
    return found


def task_row(text: str, number: int) -> list[str]:
    return next(r for r in rows(text, "Phụ lục I") if r[0] == str(number))


def indicator_row(text: str, name_start: str) -> list[str]:
    return next(r for r in rows(text, "Phụ lục II") if r[1].startswith(name_start))


# Phụ lục I: STT | Nhiệm vụ | Chủ trì | Thời hạn | Tình trạng | Kết quả thực hiện
STATUS, RESULT = 4, 5
# Phụ lục II: STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu kế hoạch | Thực hiện | Đánh giá | Ghi chú
ACTUAL, VERDICT, NOTE = 4, 5, 6
TASKS_DONE = "Tỷ lệ nhiệm vụ trọng tâm"
DISTRICT_TASKS = "Tỷ lệ nhiệm vụ Ủy ban nhân dân quận"
ON_TIME = "Tỷ lệ hồ sơ thủ tục hành chính (TTHC)"


def test_no_sentence_of_the_body_is_said_twice(reports: dict[str, str], kind: str) -> None:
    said = Counter(sentences(body(reports[kind])))
    assert [s for s, n in said.items() if n > 1] == []


def test_the_body_never_restates_the_plan_task_by_task(reports: dict[str, str], kind: str) -> None:
    text = body(reports[kind])
    assert not re.search(r"^[a-zđ]\) ", text, flags=re.MULTILINE)
    # Plan text long enough to be a task's own: none of it in the body.
    assert "tạo lập môi trường đầu tư kinh doanh thuận lợi" not in text
    # Each area's tasks counted in one line, zero parts left out.
    assert "Thực hiện 6 nhiệm vụ cải cách thủ tục hành chính: " in text
    assert " 0," not in text and " 0." not in text


def test_a_status_is_never_printed_as_a_result(reports: dict[str, str], kind: str) -> None:
    for row in rows(reports[kind], "Phụ lục I"):
        assert row[RESULT] not in STATUSES
        assert row[RESULT].split("<br>")[0].rstrip(".") not in STATUSES
    assert not re.search(r": (?:đang thực hiện|chưa thực hiện)\.$", reports[kind], re.M)


def test_quy_iii_reports_quy_iii_work_only(reports: dict[str, str]) -> None:
    text = reports["quy-3"]
    work = text[text.index("# Phụ lục I\n") :]
    # Documents of quý I and quý II are not quý III's results (the plan's own decision
    # is named in every report's opening sentence, not as work done).
    for earlier in (
        "Quyết định số 19/QĐ-UBND ngày 24/01/2024",
        "Kế hoạch số 16/KH-UBND",
        "Báo cáo số 21/BC-UBND",
        "Công văn số 45/UBND",
        "Thông báo số 41/TB-UBND",
        "Báo cáo số 68/BC-UBND",
    ):
        assert earlier not in work, earlier
    assert "Kế hoạch số 16/KH-UBND" not in text
    start = date(2024, 6, 15)
    for row in rows(text, "Phụ lục I"):
        for document in row[RESULT].split("<br>")[1:]:
            day, month, year = re.search(r"ngày (\d+)/(\d+)/(\d{4})", document).groups()  # type: ignore[union-attr]
            assert date(int(year), int(month), int(day)) >= start, document
    # Tasks finished earlier say when, with nothing new: CD-01 (quý I), TC-03 (quý II).
    assert task_row(text, 1)[STATUS:] == ["hoàn thành (quý I)<br>24/01/2024", "—"]
    assert task_row(text, 7)[STATUS:] == ["hoàn thành (quý II)<br>16/04/2024", "—"]
    # BM-04, finished in quý I, has new work in quý III: that work alone.
    bm04 = task_row(text, 18)
    assert bm04[STATUS].startswith("hoàn thành (quý I)")
    assert "Công văn số 168/UBND" in bm04[RESULT] and "45/UBND" not in bm04[RESULT]
    # The body says how many of the finished tasks were finished before the quarter.
    assert "hoàn thành 2 (trong đó 2 nhiệm vụ hoàn thành từ các quý trước)" in body(text)


def test_a_year_target_is_judged_in_the_annual_report_only(reports: dict[str, str]) -> None:
    for kind in ("quy-1", "6-thang", "quy-3"):
        text = reports[kind]
        for name in (TASKS_DONE, DISTRICT_TASKS):
            row = indicator_row(text, name)
            assert row[VERDICT] == "đánh giá cuối năm", (kind, name)
            assert "(cả năm)" in row[3]
        assert "chưa đạt" not in text, kind
    q1 = reports["quy-1"]
    # Progress against the year's target, computed from the task statuses.
    assert indicator_row(q1, TASKS_DONE)[ACTUAL].startswith("lũy kế 3/28 nhiệm vụ (10,71%)")
    assert "lũy kế 3/28 nhiệm vụ (10,71%); kế hoạch năm: đạt 100%." in body(q1)
    assert indicator_row(reports["6-thang"], TASKS_DONE)[ACTUAL].startswith("lũy kế 4/28")
    assert indicator_row(reports["quy-3"], TASKS_DONE)[ACTUAL].startswith("lũy kế 7/28")
    year = reports["nam"]
    assert indicator_row(year, TASKS_DONE)[VERDICT] == "chưa đạt"  # 26/28
    assert "92,86% (26/28 nhiệm vụ); chỉ tiêu: đạt 100%, chưa đạt." in body(year)
    assert indicator_row(year, DISTRICT_TASKS)[VERDICT] == "đạt"  # 24/24


def test_a_target_that_holds_every_period_is_judged_in_every_report(
    reports: dict[str, str], kind: str
) -> None:
    row = indicator_row(reports[kind], ON_TIME)
    assert row[VERDICT] == "đạt" and "(cả năm)" not in row[3]


def test_rates_are_written_one_way(reports: dict[str, str]) -> None:
    rate = {
        kind: indicator_row(text, ON_TIME)[ACTUAL].split("<br>")[0]
        for kind, text in reports.items()
    }
    # (398 + 852) / 1.262 = 99,049%: two decimals, not "99%"; a trailing zero kept.
    assert rate == {"quy-1": "99,05%", "6-thang": "99,25%", "quy-3": "99,66%", "nam": "99,50%"}
    assert indicator_row(reports["nam"], "Tỷ lệ hồ sơ thủ tục hành chính được theo dõi")[
        ACTUAL
    ].startswith("100%<br>")


def test_carried_over_dossiers_are_counted_once(reports: dict[str, str]) -> None:
    # Each quarter's received includes the dossiers carried over from the one before:
    # the period counts them once, from its first quarter (README of the fixture).
    for kind, received in (("6-thang", "2.686"), ("nam", "5.618")):
        actual = indicator_row(reports[kind], ON_TIME)[ACTUAL]
        assert f"Số hồ sơ tiếp nhận: {received}" in actual
        assert "Số hồ sơ kỳ trước chuyển sang: 18" in actual
        tracked = indicator_row(reports[kind], "Tỷ lệ hồ sơ thủ tục hành chính được theo dõi")
        assert f"giải quyết: {received}" in tracked[ACTUAL]


def test_six_month_results_read_as_one_period(reports: dict[str, str]) -> None:
    text = reports["6-thang"]
    results = [row[RESULT] for row in rows(text, "Phụ lục I")]
    # Without a period result, every task's text is under its quarter's name, the same
    # way for every task: a task with one quarter of work too.
    assert all(r.startswith("Quý I: ") or r.startswith("Quý II: ") for r in results)
    assert task_row(text, 15)[RESULT].startswith("Quý I: ban hành kế hoạch triển khai")
    # No capital after a quarter's name in the middle of a sentence.
    capitals = [re.findall(r"; quý II: ([A-ZĐ]\w*(?: \w+)?)", r) for r in results]
    assert {c for found in capitals for c in found} <= {"Luật Đất"}  # a name keeps its capital
    assert "quý II: góp ý 03 dự thảo văn bản" in text
    # "Trong quý …" is never left without its quarter.
    assert "| Trong quý" not in text


def test_the_annual_report_takes_each_tasks_period_result(reports: dict[str, str]) -> None:
    text = reports["nam"]
    cd02 = task_row(text, 2)
    assert cd02[RESULT].startswith(
        "Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2024"
    )
    # Every document of the year follows it, each once.
    for document in ("15/KH-UBND", "38/TB-UBND", "62/TB-UBND", "176/BC-UBND"):
        assert cd02[RESULT].count(document) == 1
    assert not any(row[RESULT].startswith("Quý I:") for row in rows(text, "Phụ lục I"))


def test_the_intro_names_the_plans_document_type(reports: dict[str, str], kind: str) -> None:
    assert (
        "(ban hành kèm theo Quyết định số 19/QĐ-UBND ngày 24/01/2024)" in reports[kind]
        and "văn bản số 19" not in reports[kind]
    )


def test_indicator_notes_are_printed(reports: dict[str, str]) -> None:
    q1 = indicator_row(reports["quy-1"], ON_TIME)
    assert q1[NOTE].startswith("Biểu số 06/VPCP/KSTT: trực tuyến 486")
    year = indicator_row(reports["nam"], ON_TIME)[NOTE]
    assert year.startswith("Quý I: Biểu số") and "quý IV: Biểu số" in year
    # A figure taken from the last quarter carries the last quarter's note only.
    assert indicator_row(reports["quy-3"], DISTRICT_TASKS)[NOTE] == (
        "Lũy kế từ đầu năm; 01 nhiệm vụ chưa đến hạn."
    )


def test_markdown_has_no_layout_comments_and_its_headings_in_order(
    reports: dict[str, str], kind: str
) -> None:
    text = reports[kind]
    assert "<!--" not in text
    levels = [len(m.group(1)) for m in re.finditer(r"^(#+) ", text, flags=re.MULTILINE)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_a_draft_never_passes_an_earlier_quarter_off_as_the_period(
    reports: dict[str, str], drafts: dict[str, tuple[str, str]]
) -> None:
    text, said = drafts["6-thang"]
    quy_1 = reports["quy-1"]
    # The narrative is the closing quarter's: without its file, "…", never quý I's.
    for sentence in sentences(body(quy_1)):
        if sentence.startswith(("Thực hiện", "Số liệu", "Trên đây", "- ", "Tỷ lệ")):
            continue
        assert sentence not in text, sentence
    # Each task: quý I's text under its name, then quý II's gap.
    results = [row[RESULT] for row in rows(text, "Phụ lục I")]
    assert all(
        r.startswith("Quý I: ") and r.endswith("quý II: …") for r in results if "quý II" in r
    )
    # A task still open at quý I has no status yet; one finished stays finished.
    assert task_row(text, 2)[STATUS] == "…"
    assert task_row(text, 1)[STATUS].startswith("hoàn thành")
    # Counted, and by quarter, in the document and in what the command says.
    assert re.search(
        r'\*Bản dự thảo: còn \d+ chỗ "…" cần điền trước khi trình ký \(quý II: \d+, chưa có tệp tiến độ\)\.\*',
        text,
    )
    assert re.search(r"quý II: \d+, chưa có tệp tiến độ", said)
    year, said = drafts["nam"]
    assert re.search(
        r"\(quý III: \d+, chưa có tệp tiến độ; quý IV: \d+, chưa có tệp tiến độ\)", said
    )
    assert "Sáu tháng đầu năm, Ủy ban nhân dân phường ban hành" not in year
    assert indicator_row(year, ON_TIME)[ACTUAL] == "…"


def test_a_missing_result_stops_the_report_and_validate_warns(tmp_path: Path) -> None:
    from tests.helpers import run_cli
    from tests.year_tree import PLAN

    progress = copy_year(tmp_path)
    q3 = progress / "phu-lien-2024" / "2024-Q3.yaml"
    text = q3.read_text(encoding="utf-8")
    text = re.sub(
        r'(  - id: CD-03\n    status: đang thực hiện\n)    result: "[^"]*"\n', r"\1", text
    )
    q3.write_text(text, encoding="utf-8")
    checked = run_cli("validate", q3)
    assert "W429" in checked.stdout and "CD-03" in checked.stdout
    result = run_cli(
        "report",
        "--quarter",
        "2024-Q3",
        PLAN,
        "--progress-dir",
        progress,
        "-f",
        "md",
        "-o",
        tmp_path / "r.md",
        "--date",
        "2024-09-04",
    )
    assert result.exit_code == 1 and "R105" in result.stdout + result.stderr


def test_an_earlier_documents_copied_into_a_later_quarter_is_a_warning(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    progress = copy_year(tmp_path)
    q3 = progress / "phu-lien-2024" / "2024-Q3.yaml"
    text = q3.read_text(encoding="utf-8").replace(
        '      - "Thông báo số 62/TB-UBND',
        '      - "Kế hoạch số 15/KH-UBND ngày 20/02/2024 kiểm tra công tác cải cách hành chính"\n'
        '      - "Thông báo số 62/TB-UBND',
    )
    q3.write_text(text, encoding="utf-8")
    checked = run_cli("validate", q3)
    assert "W430" in checked.stdout and "20/02/2024" in checked.stdout


def test_a_draft_labels_a_note_that_is_one_quarters(drafts: dict[str, tuple[str, str]]) -> None:
    # Quý I's note is not the six months' figure's: said under quý I's name.
    text, _ = drafts["6-thang"]
    assert indicator_row(text, ON_TIME)[NOTE].startswith("Quý I: Biểu số 06/VPCP/KSTT")
