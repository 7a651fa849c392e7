"""`cchc validate` and `cchc schema` through the real command line: exit codes and formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_cli.codes import CODES
from tests.helpers import FIXTURES, PLANS, ROOT, run_cli, write_tree

MINIMAL = FIXTURES / "plans" / "valid" / "minimal.yaml"
INVALID = FIXTURES / "plans" / "invalid"
WARNING_ONLY = INVALID / "area-without-task.yaml"


def test_valid_file_exits_0() -> None:
    result = run_cli("validate", MINIMAL)
    assert result.exit_code == 0, result.stdout
    assert "0 lỗi" in result.stdout


def test_problems_exit_1_with_location_code_and_hint() -> None:
    result = run_cli("validate", INVALID / "unknown-key-typo.yaml", "--format", "text")
    assert result.exit_code == 1
    assert "unknown-key-typo.yaml:6:3: lỗi E204" in result.stdout
    assert "Có phải ý bạn là 'province'?" in result.stdout


def test_warnings_exit_0_unless_strict() -> None:
    assert run_cli("validate", WARNING_ONLY).exit_code == 0
    strict = run_cli("validate", "--strict", WARNING_ONLY)
    assert strict.exit_code == 1
    assert "W312" in strict.stdout


def test_missing_path_is_a_usage_error_exit_2() -> None:
    result = run_cli("validate", "no/such/plan.yaml")
    assert result.exit_code == 2
    assert "Không tìm thấy 'no/such/plan.yaml'" in result.stderr


def test_unknown_option_is_a_usage_error_exit_2() -> None:
    result = run_cli("validate", "--no-such-option")
    assert result.exit_code == 2
    assert "--no-such-option" in result.stderr


def test_unknown_format_is_a_usage_error_exit_2() -> None:
    assert run_cli("validate", "--format", "xml", MINIMAL).exit_code == 2


def test_every_problem_in_every_file_in_one_run(tmp_path: Path) -> None:
    files = sorted(INVALID.glob("*.yaml"))
    result = run_cli("validate", "--format", "json", *files)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    flagged = {Path(p["path"]).name for p in report["problems"]}
    assert flagged == {f.name for f in files}
    assert report["summary"]["files"] == len(files)


def test_json_format_is_one_documented_object() -> None:
    result = run_cli("validate", "-f", "json", INVALID / "duplicate-key.yaml", MINIMAL)
    report = json.loads(result.stdout)
    assert set(report) == {"version", "valid", "summary", "files", "problems"}
    assert report["valid"] is False
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0}
    (problem,) = report["problems"]
    assert problem["code"] == "E107"
    assert (problem["line"], problem["column"]) == (6, 3)
    assert problem["severity"] == "error"
    assert "dòng 4" in problem["message"]
    assert set(problem) == {"path", "line", "column", "code", "severity", "message", "hint"}


def test_github_format_is_chosen_inside_github_actions() -> None:
    result = run_cli("validate", INVALID / "owner-not-a-post.yaml", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith("::error file=")
    assert "owner-not-a-post.yaml,line=25,col=71,title=E303::" in line


def test_github_format_escapes_percent_and_newlines() -> None:
    result = run_cli("validate", "-f", "github", INVALID / "percent-out-of-range.yaml")
    assert "105%25" in result.stdout
    assert "\n::" not in result.stdout.split("::", 2)[2].split("\n")[0]


def test_sarif_format() -> None:
    result = run_cli("validate", "-f", "sarif", INVALID / "duplicate-task-id.yaml")
    sarif = json.loads(result.stdout)
    (res,) = sarif["runs"][0]["results"]
    assert res["ruleId"] == "E301"
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 25


def test_default_path_is_plans_of_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"plans/a.yaml": MINIMAL.read_text(encoding="utf-8")})
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate")
    assert result.exit_code == 0
    assert "1 tệp" in result.stdout


def test_folders_are_searched_recursively(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    write_tree(
        tmp_path, {"a/x.yaml": text, "a/b/y.yml": text, "a/notes.txt": "x", "a/.git/z.yaml": "x: ["}
    )
    result = run_cli("validate", "-f", "json", tmp_path / "a")
    assert json.loads(result.stdout)["summary"]["files"] == 2


def test_list_checks_documents_each_check() -> None:
    result = run_cli("validate", "--list-checks")
    assert result.exit_code == 0
    assert "  E303  lỗi       owners-are-posts: Chủ trì và phối hợp" in result.stdout
    assert "  W427  cảnh báo  narrative-written:" in result.stdout
    assert "  E101  lỗi       Tệp không phải UTF-8" in result.stdout
    assert "Tệp tiến độ:" in result.stdout and "Lập báo cáo:" in result.stdout
    for code in CODES:
        assert f"  {code}  " in result.stdout


def test_schema_is_json_with_vietnamese_titles() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$defs"]["Task"]["title"] == "Nhiệm vụ"
    assert schema["$defs"]["Task"]["properties"]["lead"]["title"] == "Chủ trì"
    assert schema["additionalProperties"] is False


def test_schema_and_validate_write_a_file_with_o(tmp_path: Path) -> None:
    # PowerShell 5.1 writes '>' redirections as UTF-16: -o is the clerk's way to a file.
    schema = tmp_path / "cchc-plan.schema.json"
    made = run_cli("schema", "-o", schema)
    assert made.exit_code == 0 and made.stdout == ""
    assert "Đã ghi" in made.stderr
    assert json.loads(schema.read_text(encoding="utf-8")) == json.loads(run_cli("schema").stdout)
    assert run_cli("schema", "-o", schema).exit_code == 3, "an existing file is kept"
    assert run_cli("schema", "--fields", "-o", schema, "--force").exit_code == 0
    assert schema.read_text(encoding="utf-8") == run_cli("schema", "--fields").stdout

    report = tmp_path / "ket-qua.json"
    checked = run_cli("validate", INVALID / "unknown-key-typo.yaml", "-o", report)
    assert checked.exit_code == 1 and checked.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["valid"] is False
    sarif = run_cli("validate", MINIMAL, "-o", tmp_path / "kq.sarif")
    assert sarif.exit_code == 0
    assert json.loads((tmp_path / "kq.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    text = run_cli("validate", MINIMAL, "-o", tmp_path / "kq.txt")
    assert "0 lỗi" in (tmp_path / "kq.txt").read_text(encoding="utf-8"), text.stderr
    wrong = run_cli("validate", MINIMAL, "-o", tmp_path / "kq.docx")
    assert wrong.exit_code == 2 and "ví dụ kq.txt" in wrong.stderr
    assert not (tmp_path / "kq.docx").exists()


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in ("validate", "schema"):
        assert command in result.stdout


def _generated() -> dict[str, object]:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "generate_docs", ROOT / "scripts" / "generate-docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generated()  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", list(_generated()))
def test_generated_references_are_up_to_date(name: str) -> None:
    make = _generated()[name]
    assert (ROOT / name).read_text(encoding="utf-8") == make(), (  # type: ignore[operator]
        "run: .venv/bin/python scripts/generate-docs.py"
    )


@pytest.mark.parametrize(
    ("shipped", "args"),
    [
        ("schema/cchc-plan.schema.json", ["schema"]),
        ("schema/cchc-progress.schema.json", ["schema", "--progress"]),
        ("docs/plan-fields.md", ["schema", "--fields"]),
        ("docs/progress-fields.md", ["schema", "--fields", "--progress"]),
    ],
)
def test_cchc_schema_prints_the_shipped_references(shipped: str, args: list[str]) -> None:
    assert run_cli(*args).stdout == (ROOT / shipped).read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["schema"], ["schema", "--progress"]])
def test_every_field_is_documented_in_vietnamese(args: list[str]) -> None:
    schema = json.loads(run_cli(*args).stdout)
    sections = [schema, *schema["$defs"].values()]
    for section in sections:
        for key, prop in section.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), key


@pytest.mark.slow  # a subprocess
def test_python_dash_m_runs_the_same_cli() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli", "validate", str(MINIMAL)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert "0 lỗi" in done.stdout.decode("utf-8")


def test_bad_input_never_shows_a_traceback() -> None:
    for path in sorted(INVALID.glob("*.yaml")):
        result = run_cli("validate", path)
        assert "Traceback" not in result.stdout + result.stderr
        assert result.exit_code in (0, 1)


def test_enum_choices_are_listed_in_vietnamese(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("kind: xã", "kind: làng")
    write_tree(tmp_path, {"p.yaml": text})
    result = run_cli("validate", tmp_path / "p.yaml")
    assert "Chọn một trong: 'phường', 'xã', 'đặc khu'" in result.stdout
    assert " or " not in result.stdout


def test_a_location_is_printed_as_typed_never_as_an_emoji(tmp_path: Path) -> None:
    lines = (PLANS / "phu-lien-2024.yaml").read_text(encoding="utf-8").splitlines()
    due = next(n for n, line in enumerate(lines) if line.strip().startswith("due:") and n > 98)
    lines[due] = lines[due].split("due:")[0] + 'due: "cuối năm :smile:"'
    padded = ["# padding"] * (99 - due) + lines  # the bad line is line 100
    target = tmp_path / "x.yaml"
    target.write_text("\n".join(padded) + "\n", encoding="utf-8")
    result = run_cli("validate", target)
    assert result.exit_code == 1
    assert "x.yaml:100:" in result.stdout and ":smile:" in result.stdout
    assert "\U0001f4af" not in result.stdout and "\U0001f604" not in result.stdout


def test_nothing_to_check_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "x.yaml").mkdir()
    result = run_cli("validate", tmp_path)
    assert result.exit_code == 2
    assert "Không có tệp .yaml hoặc .yml nào" in result.stderr


def test_a_file_named_twice_is_checked_once() -> None:
    result = run_cli("validate", PLANS / "phu-lien-2024.yaml", PLANS / "phu-lien-2024.yaml")
    assert result.exit_code == 0
    assert "1 tệp, 0 lỗi" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    result = run_cli("validate", fifo)
    assert result.exit_code == 1 and "E002" in result.stdout


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "x.yaml"
    with huge.open("wb") as stream:
        stream.truncate(1024**3)  # sparse: no disk used
    result = run_cli("validate", huge)
    assert result.exit_code == 1 and "E112" in result.stdout and "1.073.741.824" in result.stdout


@pytest.mark.slow  # a subprocess
def test_a_reader_that_stops_early_does_not_change_the_verdict() -> None:
    # `cchc validate plans/ | head -1` under `set -o pipefail` must still pass.
    with subprocess.Popen(
        [sys.executable, "-m", "cchc_cli", "validate", str(PLANS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait(timeout=60) == 0, error
    assert b"Traceback" not in error


def test_a_decimal_comma_in_braces_gets_a_hint(tmp_path: Path) -> None:
    text = (PLANS / "phu-lien-2024.yaml").read_text(encoding="utf-8")
    assert "{direction: exactly, value: 100}" in text
    target = tmp_path / "x.yaml"
    target.write_text(
        text.replace("{direction: exactly, value: 100}", "{direction: exactly, value: 99,5}", 1),
        encoding="utf-8",
    )
    result = run_cli("validate", target)
    assert result.exit_code == 1
    assert "E204 Khóa '5' không hợp lệ" in result.stdout
    assert "viết 97.5 cho số thập phân" in result.stdout


def test_strict_makes_warnings_invalid_in_every_format() -> None:
    result = run_cli("validate", "--strict", "-f", "json", WARNING_ONLY)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False and document["files"][0]["valid"] is False
    text = run_cli("validate", "--strict", WARNING_ONLY)
    assert "(0 tệp hợp lệ)" in text.stdout
    relaxed = json.loads(run_cli("validate", "-f", "json", WARNING_ONLY).stdout)
    assert relaxed["valid"] is True


def test_sarif_locations_are_uri_references(tmp_path: Path) -> None:
    odd = tmp_path / "kế hoạch,1:x.yaml"
    odd.write_bytes(MINIMAL.read_bytes().replace(b"years: 2025", b"years: 2025x"))
    result = run_cli("validate", "-f", "sarif", odd)
    (run,) = json.loads(result.stdout)["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris and all(" " not in u and ":" not in u and u.isascii() for u in uris)
    assert all(u.endswith("k%E1%BA%BF%20ho%E1%BA%A1ch%2C1%3Ax.yaml") for u in uris)


def test_a_shape_error_in_a_list_names_the_item_by_its_id(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("due: 2025-Q2}", "due: quý hai}", 1)
    target = tmp_path / "x.yaml"
    target.write_text(text, encoding="utf-8")
    result = run_cli("validate", target)
    assert result.exit_code == 1
    assert "tasks[2: TC-01].due" in result.stdout
