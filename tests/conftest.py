"""Shared fixtures."""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings

# Property tests check behaviour, not speed: hypothesis's per-example deadline is a
# timing assertion that fails at random on a busy shared machine (speed is measured by
# benchmarks/ instead).
settings.register_profile("cchc", deadline=None, print_blob=True)
# CI (.ci/run) draws the same examples on every run, so that its verdict is the code's,
# not the luck of the draw; developers' runs draw new ones and find what is left
# ("explore" draws a thousand per test).
settings.register_profile("ci", settings.get_profile("cchc"), derandomize=True)
settings.register_profile("explore", settings.get_profile("cchc"), max_examples=1000)
settings.load_profile(os.environ.get("CCHC_HYPOTHESIS", "cchc"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A document converted by LibreOffice takes seconds: such tests are slow ones too.
    for item in items:
        if item.get_closest_marker("libreoffice") is not None:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's command, for tests that check a real office suite accepts a document.

    Skips where LibreOffice is absent, except where CCHC_REQUIRE_LIBREOFFICE is set (CI),
    so a missing install step fails loudly instead of silently skipping.
    """
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required but not installed")
        pytest.skip(
            "LibreOffice (soffice) is not installed; 'bash scripts/setup.sh test' installs it"
        )
    return path
