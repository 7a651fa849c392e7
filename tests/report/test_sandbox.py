"""A unit's templates are untrusted: their folder only, bounded, deterministic, located."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc_cli.report import sandbox
from tests.helpers import run_cli
from tests.report_tree import unit_tree

DATE = ("--date", "2024-03-05")
SECRET = "bí-mật-của-máy-người-duyệt"


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return unit_tree(tmp_path)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every templates folder, standing for /etc/passwd or ~/.ssh."""
    path = tmp_path / "elsewhere" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def _templates(files: dict[str, str], folder: str = "mau") -> Path:
    mine = Path(folder)
    mine.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (mine / name).write_text(text, encoding="utf-8")
    return mine


def _report(*extra: str | Path, out: str = "r.md") -> tuple[int, str, str]:
    result = run_cli("report", "-q", "2024-Q1", "-o", out, "--force", *DATE, *extra)
    written = Path(out).read_text(encoding="utf-8") if Path(out).is_file() else ""
    return result.exit_code, result.stderr, written


# --- Reading files -----------------------------------------------------------------


def test_a_link_out_of_the_folder_is_refused_with_the_including_line(
    unit: Path, secret: Path
) -> None:
    mine = _templates({"subject.md.j2": 'Báo cáo\n{% include "leak.j2" %}\n'})
    (mine / "leak.j2").symlink_to(secret)
    code, stderr, written = _report("--templates", mine)
    assert code == 4, stderr
    assert "mau/subject.md.j2:2" in stderr and "ra ngoài thư mục mẫu" in stderr
    assert SECRET not in stderr and SECRET not in written and not Path("r.md").exists()


def test_a_link_inside_the_folder_is_followed(unit: Path) -> None:
    mine = _templates({"that.j2": "Báo cáo riêng {{ r.period.name }}\n"})
    (mine / "subject.md.j2").symlink_to("that.j2")
    code, stderr, written = _report("--templates", mine)
    assert code == 0, stderr
    assert "**Báo cáo riêng quý I năm 2024**" in written


@pytest.mark.parametrize(
    ("include", "words"),
    [
        ("{secret}", "đường dẫn tuyệt đối"),
        ("../elsewhere/secret.txt", "'..'"),
        ("sub/../../elsewhere/secret.txt", "'..'"),
    ],
)
def test_absolute_and_dotdot_names_are_refused(
    unit: Path, secret: Path, include: str, words: str
) -> None:
    name = include.format(secret=secret.as_posix())
    mine = _templates({"subject.md.j2": f'x\ny\n{{% include "{name}" %}}\n'})
    code, stderr, _ = _report("--templates", mine)
    assert code == 4, stderr
    assert "mau/subject.md.j2:3" in stderr and words in stderr
    assert SECRET not in stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_in_the_folder_is_refused_without_waiting(unit: Path) -> None:
    mine = _templates({"subject.md.j2": '{% include "pipe.j2" %}\n'})
    os.mkfifo(mine / "pipe.j2")
    started = time.monotonic()
    code, stderr, _ = _report("--templates", mine)
    assert code == 4 and "không phải tệp thường" in stderr
    assert time.monotonic() - started < 10


def test_a_missing_include_names_the_file_line_and_folder(unit: Path) -> None:
    mine = _templates({"body.md.j2": 'Mở đầu\n\n{% include "khong-co.j2" %}\n'})
    code, stderr, _ = _report("--templates", mine)
    assert code == 4
    assert "mau/body.md.j2:3" in stderr and "'khong-co.j2'" in stderr
    assert "thư mục mẫu" in stderr and "mau'" in stderr


def test_a_control_character_is_named_with_file_and_line(unit: Path) -> None:
    # In the template's text: its line; printed by an expression: the line printing it.
    mine = _templates({"subject.md.j2": "Báo cáo\nquý\x07 {{ r.period.name }}\n"})
    code, stderr, _ = _report("--templates", mine)
    assert code == 4 and "mau/subject.md.j2:2" in stderr and "U+0007" in stderr
    _templates({"subject.md.j2": 'Báo cáo\n\n{{ "a\\x01b" }}\n'})
    code, stderr, _ = _report("--templates", mine)
    assert code == 4 and "mau/subject.md.j2:3" in stderr and "U+0001" in stderr


def test_a_plans_templates_key_is_held_to_the_plans_folder(unit: Path, secret: Path) -> None:
    # A reviewer builds the report of a plan from a pull request: it must not reach
    # their files. `validate` says so (E318), `report` refuses (exit 1, no document).
    folder = unit.parent / "mau"
    folder.mkdir()
    (folder / "subject.md.j2").write_text('{% include "leak.j2" %}\n', encoding="utf-8")
    (folder / "leak.j2").symlink_to(secret)
    plan_text = unit.read_text(encoding="utf-8")
    for setting, words in [
        ("mau", "'leak.j2' là liên kết"),
        (secret.parent.as_posix(), "đường dẫn tuyệt đối"),
        ("../elsewhere", "nằm ngoài thư mục của kế hoạch"),
        ("khong-co", "Không có thư mục mẫu"),
    ]:
        unit.write_text(plan_text + f"templates: {setting}\n", encoding="utf-8")
        checked = run_cli("validate", unit)
        assert checked.exit_code == 1 and "E318" in checked.stdout, setting
        assert words in checked.stdout, (setting, checked.stdout)
        code, stderr, _written = _report(out="r.docx")
        assert code == 1 and "E318" in stderr, (setting, stderr)
        assert not Path("r.docx").exists()


def test_a_plans_templates_may_lie_elsewhere_in_its_repository(unit: Path) -> None:
    (unit.parent.parent / ".git").mkdir()  # the unit's folder is a repository
    _templates({"subject.md.j2": "Báo cáo chung {{ r.period.name }}\n"}, folder="mau-chung")
    plan_text = unit.read_text(encoding="utf-8")
    unit.write_text(plan_text + "templates: ../mau-chung\n", encoding="utf-8")
    assert run_cli("validate", unit).exit_code == 0
    code, stderr, written = _report()
    assert code == 0, stderr
    assert "**Báo cáo chung quý I năm 2024**" in written


# --- Time and size -----------------------------------------------------------------


def test_a_template_that_never_ends_is_stopped(unit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "TIME_BUDGET", 0.5)
    endless = "a\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n"
    mine = _templates({"body.md.j2": endless})
    started = time.monotonic()
    code, stderr, _ = _report("--templates", mine)
    assert code == 4 and "mau/body.md.j2:2" in stderr and "giây" in stderr
    assert time.monotonic() - started < 20


@pytest.mark.slow
def test_the_real_time_budget_ends_the_process(unit: Path) -> None:
    endless = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    mine = _templates({"subject.md.j2": endless})
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cchc_cli",
            "report",
            "-q",
            "2024-Q1",
            "-o",
            "r.md",
            *DATE,
            "--templates",
            str(mine),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 4, done.stderr
    assert "mau/subject.md.j2:1" in done.stderr
    assert time.monotonic() - started < sandbox.TIME_BUDGET + 30


@pytest.mark.parametrize(
    "expression",
    [
        '{{ "x" * 1000000000 }}',
        "{{ [1] * 1000000000 }}",
        "{{ 9 ** (9 ** 9) }}",  # Jinja2 reads 9 ** 9 ** 9 as (9 ** 9) ** 9
        '{{ "{:>999999999}".format(1) }}',
        '{{ "%999999999s" % "x" }}',
        '{{ "x" | center(999999999) }}',
        '{{ "x".ljust(999999999) }}',
        '{{ ("x" * 100000) | replace("x", "x" * 100000) }}',
        '{{ ("y" * 100000).join("x" * 100000) }}',
        '{% set ns = namespace(s="xx") %}{% for i in range(60) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
        '{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f("x", 60) }}',
        '{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}',
    ],
)
def test_output_and_values_are_bounded(unit: Path, expression: str) -> None:
    mine = _templates({"subject.md.j2": f"Báo cáo\n{expression}\n"})
    started = time.monotonic()
    code, stderr, _ = _report("--templates", mine)
    assert code == 4, stderr
    assert "mau/subject.md.j2:2" in stderr
    assert time.monotonic() - started < 20


# --- Same inputs, same document ------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "words"),
    [
        ("{{ lipsum(1) }}", "lipsum"),
        ('{{ ["a", "b"] | random }}', "random"),
        ("{{ r.report_date.today() }}", "today"),
        ("{{ r.period.window_start.today().year }}", "today"),
        ("{{ r.report_date.now }}", "now"),
        ("{{ cycler }}", "thay cho một giá trị"),
        ('{{ r.tasks | map(attribute="id") }}', "thay cho một giá trị"),
        ('{{ (r.tasks | map(attribute="id")) | string }}', "địa chỉ bộ nhớ"),
    ],
)
def test_nothing_that_differs_between_runs_is_reachable(
    unit: Path, expression: str, words: str
) -> None:
    mine = _templates({"subject.md.j2": f"Báo cáo\n{expression}\n"})
    code, stderr, _ = _report("--templates", mine)
    assert code == 4, stderr
    assert "mau/subject.md.j2:2" in stderr and words in stderr


def test_a_unit_template_gives_the_same_bytes_twice(unit: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "templates"
    mine = _templates({p.name: p.read_text(encoding="utf-8") for p in shipped.glob("*.j2")})
    # The shipped templates read the same inside the sandbox as outside it.
    assert run_cli("report", "-q", "2024-Q1", "-o", "plain.md", *DATE).exit_code == 0
    code, stderr, copied = _report("--templates", mine)
    assert code == 0, stderr
    assert copied == Path("plain.md").read_text(encoding="utf-8")
    _templates(
        {
            "subject.md.j2": "Báo cáo {{ r.period.name }} {{ r.tasks | map(attribute='id')"
            " | join(', ') }} {{ range(3) | list | length }} {{ cycler(1, 2).next() }}\n"
        }
    )
    documents = []
    for name in ("a.docx", "b.docx"):
        result = run_cli("report", "-q", "2024-Q1", "-o", name, *DATE, "--templates", mine)
        assert result.exit_code == 0, result.stderr
        documents.append(Path(name).read_bytes())
    assert documents[0] == documents[1]
