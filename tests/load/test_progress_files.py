"""Loading progress records: where they are, the plan they name, what a run reports once.

The example files (valid and invalid fixtures) are checked by tests/acceptance."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cchc_cli.errors import InvalidInputError
from cchc_cli.load.progress import (
    load_progress,
    load_progress_or_raise,
    load_progress_with_plan,
    period_progress_paths,
)
from cchc_cli.model.plan import ReportKind
from cchc_cli.model.progress import TaskStatus, is_progress_document
from cchc_cli.paths import progress_path
from cchc_cli.periods import Period
from cchc_cli.problems import Severity
from cchc_cli.validation import validate_paths
from tests.helpers import FIXTURES, ROOT, problems_of, run_cli, write_tree

PROGRESS = FIXTURES / "progress"
PLAN = PROGRESS / "plans" / "xa-mau-2024.yaml"
VALID = sorted((PROGRESS / "xa-mau-2024").glob("*.yaml"))
INVALID = sorted((PROGRESS / "invalid").glob("*.yaml"))
SHIPPED = sorted((ROOT / "progress").rglob("*.yaml"))


def test_hints_name_the_likely_id() -> None:
    problems = validate_paths([PROGRESS / "invalid" / "unknown-task.yaml"]).problems
    assert any("'CD-01'" in p.hint for p in problems if p.code == "E404")
    problems = validate_paths([PROGRESS / "invalid" / "undeclared-count.yaml"]).problems
    assert any("'on_time'" in p.hint for p in problems if p.code == "E408")


def test_ascii_status_words_mean_the_vietnamese_ones() -> None:
    progress = load_progress_or_raise(VALID[0])
    assert progress.task("TTHC-01") is not None
    assert progress.task("TTHC-01").status is TaskStatus.IN_PROGRESS  # type: ignore[union-attr]
    assert progress.task("TCC-01").status is TaskStatus.DONE  # type: ignore[union-attr]


def test_problems_in_the_plan_surface_with_the_progress_file(tmp_path: Path) -> None:
    plan = PLAN.read_text(encoding="utf-8").replace("lead: tc-kt", "lead: tc-k")
    write_tree(
        tmp_path,
        {
            "plans/p.yaml": plan,
            "progress/p/2024-Q1.yaml": "plan: ../../plans/p.yaml\nquarter: 2024-Q1\n",
        },
    )
    loaded = load_progress(tmp_path / "progress/p/2024-Q1.yaml")
    assert not loaded.ok
    assert [p.code for p in loaded.problems if p.severity is Severity.ERROR] == ["E402"]
    # validate reports the plan's own problems once, under the plan's name.
    found = validate_paths([tmp_path / "progress"]).problems
    codes = sorted((p.code, Path(p.path).name) for p in found if p.severity is Severity.ERROR)
    assert codes == [("E303", "p.yaml"), ("E402", "2024-Q1.yaml")]


def test_a_plan_is_reported_once_however_many_files_name_it(tmp_path: Path) -> None:
    plan = PLAN.read_text(encoding="utf-8").replace("lead: tc-kt", "lead: tc-k")
    files = {"plans/p.yaml": plan}
    for quarter in (1, 2, 3, 4):
        files[f"progress/p/2024-Q{quarter}.yaml"] = (
            f"plan: ../../plans/p.yaml\nquarter: 2024-Q{quarter}\n"
        )
    write_tree(tmp_path, files)
    found = validate_paths([tmp_path / "plans", tmp_path / "progress"]).problems
    assert [p.code for p in found].count("E303") == 1
    assert [p.code for p in found].count("E402") == 4
    result = run_cli("validate", tmp_path / "plans", tmp_path / "progress")
    assert result.stdout.count("E303") == 1, result.stdout
    assert "5 tệp, 5 lỗi" in result.stdout


def test_a_plan_given_explicitly_is_used_instead_of_the_named_one(tmp_path: Path) -> None:
    source = (PROGRESS / "xa-mau-2024" / "2024-Q1.yaml").read_text(encoding="utf-8")
    target = tmp_path / "2024-Q1.yaml"
    target.write_text(source.replace("../plans/xa-mau-2024.yaml", "nowhere.yaml"), "utf-8")
    assert any(p.code == "E401" for p in load_progress(target).problems)
    plan = load_progress_with_plan(VALID[0]).plan
    assert plan is not None and plan.model is not None
    assert load_progress(target, plan.model).ok


def test_load_or_raise_carries_every_problem() -> None:
    with pytest.raises(InvalidInputError) as caught:
        load_progress_or_raise(PROGRESS / "invalid" / "parts-exceed-whole.yaml")
    assert [p.code for p in caught.value.problems if p.code == "E410"] == ["E410", "E410"]


def test_is_progress_document() -> None:
    assert is_progress_document({"plan": "x.yaml", "quarter": "2024-Q1"})
    assert not is_progress_document({"unit": {}, "tasks": []})


def test_default_layout_of_progress_files() -> None:
    plan_path = Path("plans/phu-lien-2024.yaml")
    assert progress_path(Path("progress"), plan_path, 2024, 2) == Path(
        "progress/phu-lien-2024/2024-Q2.yaml"
    )
    annual = period_progress_paths(Path("progress"), plan_path, Period(ReportKind.YEAR, 2024))
    assert [p.name for p in annual] == [f"2024-Q{n}.yaml" for n in (1, 2, 3, 4)]
    half = period_progress_paths(PROGRESS, PLAN, Period(ReportKind.H1, 2024))
    assert all(p.is_file() for p in half)


def test_fixtures_follow_the_default_layout_for_every_quarter() -> None:
    for number in (1, 2, 3, 4):
        path = progress_path(PROGRESS, PLAN, 2024, number)
        assert load_progress_or_raise(path).quarter.number == number


def test_a_copied_unit_keeps_working(tmp_path: Path) -> None:
    shutil.copytree(PROGRESS / "plans", tmp_path / "plans")
    shutil.copytree(PROGRESS / "xa-mau-2024", tmp_path / "xa-mau-2024")
    assert load_progress(tmp_path / "xa-mau-2024" / "2024-Q3.yaml").ok


def test_shipped_sample_is_marked_and_complete() -> None:
    path = ROOT / "progress" / "phu-lien-2024" / "2024-Q1.yaml"
    head = path.read_text(encoding="utf-8").splitlines()[:4]
    assert head[0] == "# yaml-language-server: $schema=../../schema/cchc-progress.schema.json"
    assert "DỮ LIỆU MẪU" in head[1]
    loaded = load_progress_with_plan(path)
    progress, plan = loaded.loaded.model, loaded.plan.model if loaded.plan else None
    assert progress is not None and plan is not None and progress.sample
    assert [t.id for t in progress.tasks] == [t.id for t in plan.tasks]
    # Every indicator the clerk types: the plan's task counts are computed, not typed.
    typed = [
        i.id for i in plan.indicators if any(c.computed is None for c in i.counts) or not i.counts
    ]
    assert [i.id for i in progress.indicators] == typed
    assert "NV-KE-HOACH" not in typed
    assert sum(t.status is TaskStatus.DONE for t in progress.tasks) >= 3
    assert all(t.evidence for t in progress.tasks if t.status is TaskStatus.DONE)
    # Every status comes with its result: a status is never the result.
    assert all(t.result for t in progress.tasks if t.status is not None)
    narrative = progress.narrative
    assert narrative.direction and narrative.strengths and narrative.shortcomings
    assert narrative.causes and narrative.next_tasks and narrative.proposals
    assert set(narrative.areas) == {
        "the-che", "tthc", "to-chuc-bo-may", "cong-vu", "tai-chinh-cong", "chinh-quyen-so",
    }  # fmt: skip


def test_cchc_validate_reports_progress_problems_with_exit_codes() -> None:
    bad = run_cli("validate", "-f", "json", PROGRESS / "invalid" / "parts-exceed-whole.yaml")
    assert bad.exit_code == 1
    assert '"code": "E410"' in bad.stdout
    good = run_cli("validate", PROGRESS / "xa-mau-2024" / "2024-Q1.yaml")
    assert good.exit_code == 0, good.stdout
    warned = run_cli("validate", "--strict", PROGRESS / "invalid" / "values-not-entered.yaml")
    assert warned.exit_code == 1 and "W420" in warned.stdout


@pytest.mark.parametrize("path", VALID + SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_progress_passes_the_editor_schema(path: Path) -> None:
    import jsonschema

    from cchc_cli.load.yaml import load_bytes
    from cchc_cli.problems import ProblemList
    from cchc_cli.schema import progress_schema

    document = load_bytes(path.read_bytes(), ProblemList(path.name))
    assert document is not None
    jsonschema.Draft202012Validator(progress_schema()).validate(document.data)


def test_a_comma_in_a_count_gets_a_hint(tmp_path: Path) -> None:
    plan = (FIXTURES / "progress" / "plans" / "xa-mau-2024.yaml").as_posix()
    target = tmp_path / "p.yaml"
    target.write_text(
        f'plan: "{plan}"\nquarter: 2024-Q1\nindicators:\n'
        "  - id: TTHC-DUNG-HAN\n"
        "    counts: {received: 1,035, resolved: 8, early: 2, on_time: 6, late: 0}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", target)
    assert "E408" in result.stdout and "'035'" in result.stdout
    assert "1035 cho hàng nghìn" in result.stdout


def test_records_a_report_would_not_find_are_warned_about(tmp_path: Path) -> None:
    source = PROGRESS / "xa-mau-2024" / "2024-Q1.yaml"
    shutil.copytree(PROGRESS / "plans", tmp_path / "plans")
    text = source.read_text(encoding="utf-8")
    misnamed = write_tree(tmp_path, {"progress/xa-mau-2024/quy1.yaml": text})
    codes = {p.code for p in problems_of(misnamed / "progress/xa-mau-2024/quy1.yaml")}
    assert "W424" in codes
    elsewhere = tmp_path / "progress" / "don-vi-khac" / "2024-Q1.yaml"
    write_tree(tmp_path, {"progress/don-vi-khac/2024-Q1.yaml": text})
    assert "W425" in {p.code for p in problems_of(elsewhere)}
    twin = tmp_path / "progress" / "xa-mau-2024" / "2024-Q1.yml"
    write_tree(
        tmp_path,
        {"progress/xa-mau-2024/2024-Q1.yaml": text, "progress/xa-mau-2024/2024-Q1.yml": text},
    )
    assert "W426" in {p.code for p in problems_of(twin)}


def test_a_report_without_a_signer_name_is_foreseen(tmp_path: Path) -> None:
    plan_text = PLAN.read_text(encoding="utf-8")
    assert "    name: Trần Văn An\n" in plan_text  # the signer's name, removed below
    write_tree(
        tmp_path,
        {
            "plans/xa-mau-2024.yaml": re.sub(r"(?m)^    name: .*\n", "", plan_text, count=1),
            "progress/xa-mau-2024/2024-Q1.yaml": (PROGRESS / "xa-mau-2024" / "2024-Q1.yaml")
            .read_text(encoding="utf-8")
            .replace("../plans/", "../../plans/"),
        },
    )
    codes = [p.code for p in problems_of(tmp_path / "progress/xa-mau-2024/2024-Q1.yaml")]
    assert "W428" in codes and "W427" in codes


@pytest.mark.parametrize(
    ("typed", "message", "hint"),
    [
        (
            "1.350",
            "trong tệp YAML dấu chấm",
            "Nếu là 1.350 (cách viết Việt Nam, dấu chấm ngăn hàng nghìn), ghi 1350",
        ),
        ('"1.350"', "trong tệp YAML dấu chấm", "ghi 1350"),
        ("1,350", "trong tệp YAML dấu chấm", "ghi 1350"),
        ("1.350.000", "trong tệp YAML dấu chấm", "Nếu là 1.350.000"),
        ("1080 lượt", "không kèm đơn vị ('lượt')", "Ghi 1080"),
        ("12.5", "số nguyên", "Nếu là 12.500"),
    ],
)
def test_a_count_written_the_vietnamese_way_says_what_to_write(
    tmp_path: Path, typed: str, message: str, hint: str
) -> None:
    # Never read as 1,35: refused, with a hint about exactly that (not about quotes).
    path = tmp_path / "2024-Q1.yaml"
    plan = (PROGRESS / "plans" / "xa-mau-2024.yaml").as_posix()
    path.write_text(
        f'plan: "{plan}"\nquarter: 2024-Q1\nindicators:\n'
        f"  - id: TTHC-DUNG-HAN\n    counts:\n      received: {typed}\n",
        encoding="utf-8",
    )
    (problem,) = [p for p in load_progress(path).problems if p.code == "E202"]
    assert (problem.line, problem.column) == (6, 17)
    assert message in problem.message and hint in problem.hint
    assert "dấu nháy" not in problem.hint and "không ghi 12.5" not in problem.hint
