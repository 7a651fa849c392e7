"""The sample province generator (scripts/sample-province.py), for tests."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.helpers import ROOT


def sample_province() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sample_province", ROOT / "scripts" / "sample-province.py"
    )
    assert spec is not None and spec.loader is not None
    module = sys.modules.get("sample_province") or importlib.util.module_from_spec(spec)
    if "sample_province" not in sys.modules:
        sys.modules["sample_province"] = module  # its dataclasses look themselves up here
        spec.loader.exec_module(module)
    return module
