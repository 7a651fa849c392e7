"""Shared fixtures."""

from __future__ import annotations

import os
import shutil

import pytest


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
        pytest.skip("LibreOffice (soffice) is not installed; scripts/test.sh installs it")
    return path
