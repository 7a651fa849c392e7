"""Report templates: shipped in the package, overridable per unit, sandboxed, located errors."""

from __future__ import annotations

import importlib.resources
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from cchc_cli.errors import TemplateError
from cchc_cli.report.render import list_item, lower_first, make_environment, render
from tests.helpers import ROOT, run_cli
from tests.report_tree import unit_tree

SHIPPED = ("report.md.j2", "body.md.j2", "appendices.md.j2", "area-results.md.j2", "subject.md.j2")
DATE = ("--date", "2024-03-05")


def test_templates_come_from_the_installed_package() -> None:
    root = importlib.resources.files("cchc_cli.templates")
    for name in SHIPPED:
        assert root.joinpath(name).is_file(), name
    env = make_environment()
    assert render(env, "subject.md.j2", {"r": _Subject()}).strip().endswith("quý I năm 2024")


def test_packaging_ships_every_template() -> None:
    # `pip install .` copies package data by these patterns: every template must match one.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool = config["tool"]["setuptools"]
    assert tool["package-dir"]["cchc_cli.templates"] == "templates"
    patterns = tool["package-data"]["cchc_cli.templates"]
    for path in (ROOT / "templates").iterdir():
        if path.name in {"__init__.py", "__pycache__"}:
            continue
        assert any(path.match(p) for p in patterns), path.name


class _Period:
    name = "quý I năm 2024"


class _Subject:
    period = _Period()


@pytest.fixture
def unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return unit_tree(tmp_path)


def test_user_template_overrides_one_file(unit: Path) -> None:
    mine = Path("mau")
    mine.mkdir()
    (mine / "subject.md.j2").write_text(
        "Tình hình cải cách hành chính {{ r.period.name }} & {{ r.unit_short }}\n", encoding="utf-8"
    )
    result = run_cli(
        "report", "-q", "2024-Q1", "-f", "md", "-o", "r.md", "--templates", mine, *DATE
    )
    assert result.exit_code == 0, result.stderr
    text = Path("r.md").read_text(encoding="utf-8")
    assert "**Tình hình cải cách hành chính quý I năm 2024 & xã Hòa Bình**" in text
    assert "# II. KẾT QUẢ" in text  # the other templates are still the shipped ones
    result = run_cli("report", "-q", "2024-Q1", "-o", "r.docx", "--templates", mine, *DATE)
    assert result.exit_code == 0, result.stderr


def test_plan_setting_relative_to_the_plan(unit: Path) -> None:
    folder = unit.parent / "mau-don-vi"
    folder.mkdir()
    (folder / "subject.md.j2").write_text("Báo cáo riêng {{ r.period.name }}\n", encoding="utf-8")
    text = unit.read_text(encoding="utf-8") + "templates: mau-don-vi\n"
    unit.write_text(text, encoding="utf-8")
    result = run_cli("report", "-q", "2024-Q1", "-f", "md", "-o", "r.md", *DATE)
    assert result.exit_code == 0, result.stderr
    assert "**Báo cáo riêng quý I năm 2024**" in Path("r.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("Dòng một\nDòng hai {{ r.period.name \n", 2, "cú pháp"),
        ("Dòng một\n\n{% for x in r.tasks %}\n{{ x.khong_co }}\n{% endfor %}\n", 4, "khong_co"),
        ("{{ r.nothing_here }}\n", 1, "nothing_here"),
        ("a\n{{ r.__class__.__mro__ }}\n", 2, "không được phép"),
        ("a\nb\n{{ r.period.name.format.__globals__ }}\n", 3, "không"),
        ("a\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError"),
        ("{% for i in range(10**9) %}{% endfor %}\n", 1, "lỗi khi tính toán"),
    ],
)
def test_broken_user_template_names_file_and_line(
    unit: Path, content: str, line: int, words: str
) -> None:
    mine = Path("mau")
    mine.mkdir()
    (mine / "body.md.j2").write_text(content, encoding="utf-8")
    result = run_cli("report", "-q", "2024-Q1", "-o", "r.docx", "--templates", mine, *DATE)
    assert result.exit_code == 4, result.stderr
    assert re.search(rf"mau/body\.md\.j2:{line}\b", result.stderr), result.stderr
    assert words in result.stderr
    assert not Path("r.docx").exists()


def test_a_template_not_in_utf8_is_named(unit: Path) -> None:
    mine = Path("mau")
    mine.mkdir()
    (mine / "body.md.j2").write_bytes("Báo cáo {{ r.period.name }}\n".encode("cp1258"))
    result = run_cli("report", "-q", "2024-Q1", "-o", "r.docx", "--templates", mine, *DATE)
    assert result.exit_code == 4
    assert "không phải văn bản UTF-8" in result.stderr and "UTF-8" in result.stderr


def test_a_template_that_makes_a_control_character_is_refused(unit: Path) -> None:
    mine = Path("mau")
    mine.mkdir()
    (mine / "subject.md.j2").write_text("Báo cáo\x0b {{ r.period.name }}\n", encoding="utf-8")
    result = run_cli("report", "-q", "2024-Q1", "-o", "r.docx", "--templates", mine, *DATE)
    assert result.exit_code == 4
    assert "U+000B" in result.stderr and "subject.md.j2" in result.stderr
    assert not Path("r.docx").exists()


def test_missing_template_folder(unit: Path) -> None:
    result = run_cli("report", "-q", "2024-Q1", "--templates", "khong-co", *DATE)
    assert result.exit_code == 4
    assert "khong-co" in result.stderr


def test_none_is_never_printed(tmp_path: Path) -> None:
    (tmp_path / "x.md.j2").write_text("a {{ r }}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(TemplateError) as caught:
        render(env, "x.md.j2", {"r": None})
    assert "x.md.j2:1" in caught.value.message


def test_values_are_escaped_for_the_markup(tmp_path: Path) -> None:
    (tmp_path / "x.md.j2").write_text("{{ v }}|{{ v | cell }}|{{ n }}", encoding="utf-8")
    env = make_environment(tmp_path)
    out = render(env, "x.md.j2", {"v": "# a | *b*\nc", "n": 19630.5})
    assert out == "\\# a \\| \\*b\\*\\\nc|\\# a \\| \\*b\\*<br>c|19.630,5"


@pytest.mark.slow
def test_templates_work_from_a_built_package(tmp_path: Path) -> None:
    # A real `pip install .` (isolated build with the setuptools that pyproject.toml asks
    # for) into a folder outside the checkout, then a report rendered from there.
    # Built from a copy, so setuptools' build/ folder never lands in the checkout.
    source = tmp_path / "source"
    skip = shutil.ignore_patterns("*.egg-info", "__pycache__")
    for folder in ("src", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    build = tmp_path / "build"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-deps",
            "--target",
            str(build),
            str(source),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    for name in SHIPPED:
        assert (build / "cchc_cli" / "templates" / name).is_file(), name
    plan = unit_tree(tmp_path / "unit")
    script = (
        "import sys, cchc_cli.cli.main as c;"
        "assert cchc_cli_file().startswith(sys.argv[1]);"
        "sys.exit(c.run(c.root(), sys.argv[2:]))"
    ).replace("cchc_cli_file()", "c.__file__")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(build),
            "report",
            "-q",
            "2024-Q1",
            str(plan),
            "-o",
            "r.md",
            "-f",
            "md",
            "--date",
            "2024-03-05",
        ],
        cwd=plan.parent.parent,
        env={**os.environ, "PYTHONPATH": str(build)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (plan.parent.parent / "r.md").read_text(encoding="utf-8")
    assert "# V. KIẾN NGHỊ, ĐỀ XUẤT" in text


@pytest.mark.parametrize(
    ("label", "inside"),
    [
        ("Số hồ sơ tiếp nhận", "số hồ sơ tiếp nhận"),
        (
            "Số nhiệm vụ được Ủy ban nhân dân quận giao",
            "số nhiệm vụ được Ủy ban nhân dân quận giao",
        ),
        ("TTHC giải quyết đúng hạn", "TTHC giải quyết đúng hạn"),
        ("Đ", "đ"),
        ("", ""),
    ],
)
def test_a_label_inside_a_sentence_keeps_its_names(label: str, inside: str) -> None:
    assert lower_first(label) == inside


@pytest.mark.parametrize(
    ("typed", "entry"),
    [
        ("- Còn hồ sơ quá hạn.", "Còn hồ sơ quá hạn."),
        ("– Còn hồ sơ quá hạn.", "Còn hồ sơ quá hạn."),
        ("• Còn hồ sơ quá hạn.", "Còn hồ sơ quá hạn."),
        ("Còn 12 - 15 hồ sơ", "Còn 12 - 15 hồ sơ"),
        ("-5% so với cùng kỳ", "-5% so với cùng kỳ"),
    ],
)
def test_a_typed_dash_is_not_doubled(typed: str, entry: str) -> None:
    assert list_item(typed) == entry


def test_shipped_report_has_no_doubled_dash_or_stacked_punctuation(tmp_path: Path) -> None:
    plan = unit_tree(tmp_path)
    out = tmp_path / "r.md"
    args = ("report", "-q", "2024-Q1", plan, "--progress-dir", tmp_path / "progress")
    assert run_cli(*args, "-f", "md", "-o", out, "--date", "2024-03-05").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\\- Còn hồ sơ giải quyết quá hạn." not in text
    assert "- Còn hồ sơ giải quyết quá hạn." in text
    assert ".;" not in text
    assert (
        "- Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn: 99,25%; chỉ tiêu: trên 95%, đạt." in text
    )


def test_whole_numbers_print_as_they_are(tmp_path: Path) -> None:
    (tmp_path / "x.md.j2").write_text("{{ y }}|{{ n | number }}|{{ f }}", encoding="utf-8")
    env = make_environment(tmp_path)
    assert render(env, "x.md.j2", {"y": 2024, "n": 19630, "f": 95.5}) == "2024|19.630|95,5"


def test_a_true_false_value_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "x.md.j2").write_text("{{ flag }}", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(make_environment(tmp_path), "x.md.j2", {"flag": True})
    assert "đúng/sai" in caught.value.message and "None" not in caught.value.message
