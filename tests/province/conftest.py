"""Fixtures of the province tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    # `cchc status` and `cchc rollup` keep a cache in the user's folder: tests keep theirs
    # apart, one per test session.
    folder = tmp_path_factory.getbasetemp() / "cchc-cache"
    monkeypatch.setenv("CCHC_CACHE_DIR", str(folder))
    return folder
