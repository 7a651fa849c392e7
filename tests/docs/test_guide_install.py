"""The guide's way to hand cchc to the units: a wheel built from the project folder.

docs/huong-dan-su-dung.md tells whoever prepares cchc to run `py -m pip wheel --no-deps
-w dist .` and the clerk to `py -m pip install` the .whl. Built here without build
isolation (no network in tests: the pinned setuptools builds it), installed into a
folder of its own, and run from there: the version, and the quý I report of the example.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_cli import PLAN_SCHEMA_VERSION, __version__
from tests.helpers import ROOT

pytestmark = pytest.mark.slow


def _pip(*args: str | Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _cchc(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # What the installed `cchc` script does, with the installed package first on the path.
    script = (
        "import sys, cchc_cli.launch as l;"
        "assert l.__file__.startswith(sys.argv[1]), l.__file__;"
        "sys.argv = ['cchc', *sys.argv[2:]]; l.main()"
    )
    return subprocess.run(
        [sys.executable, "-c", script, str(site), *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_wheel_builds_installs_and_makes_the_report(tmp_path: Path) -> None:
    source = tmp_path / "cchc"
    skip = shutil.ignore_patterns("*.egg-info", "__pycache__")
    for folder in ("src", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    _pip("wheel", "--no-deps", "--no-build-isolation", "-w", source / "dist", source)
    wheels = list((source / "dist").glob("*.whl"))
    assert [w.name for w in wheels] == [f"cchc_cli-{__version__}-py3-none-any.whl"]

    site = tmp_path / "site"
    _pip("install", "--no-deps", "--target", site, wheels[0])
    entry_points = next(site.glob("cchc_cli-*.dist-info")) / "entry_points.txt"
    assert "cchc = cchc_cli.launch:main" in entry_points.read_text(encoding="utf-8")

    version = _cchc(site, tmp_path, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout == (
        f"cchc {__version__} (lược đồ tệp kế hoạch và tiến độ: phiên bản {PLAN_SCHEMA_VERSION})\n"
    )

    work = tmp_path / "CCHC"
    for folder in ("plans", "progress"):
        shutil.copytree(ROOT / folder, work / folder)
    report = _cchc(
        site,
        work,
        "report",
        "--quarter",
        "2024-Q1",
        "plans/phu-lien-2024.yaml",
        "--date",
        "2024-03-04",
    )
    assert report.returncode == 0, report.stderr
    assert (work / "reports" / "2024" / "phu-lien-2024-2024-quy-1.docx").is_file()
