"""The linters and the type checker, as part of the test suite (one command runs all)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

BIN = Path(sys.executable).parent
CHECKS = {
    "ruff check": [str(BIN / "ruff"), "check", "src", "tests", "benchmarks", "scripts"],
    "ruff format": [
        str(BIN / "ruff"),
        "format",
        "--check",
        "src",
        "tests",
        "benchmarks",
        "scripts",
    ],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", CHECKS)
def test_code_passes(name: str) -> None:
    done = subprocess.run(
        CHECKS[name], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )
    assert done.returncode == 0, f"{name}:\n{done.stdout}{done.stderr}"


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_every_declared_dependency_is_locked() -> None:
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    pins = _pins()
    names = {re.split(r"[<>=!~\[; ]", w, maxsplit=1)[0].lower().replace("_", "-") for w in wanted}
    assert names - pins.keys() == set()
    assert {"pip", "setuptools"} <= pins.keys()


def test_pre_commit_runs_the_locked_ruff() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: v{_pins()['ruff']}\n" in config
