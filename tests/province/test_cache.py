"""The unit cache: the same answers as reading every file, never a stale one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cchc_cli.province import cache
from tests.helpers import run_cli
from tests.province_sample import sample_province


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Files written a moment ago are normally not kept (they may still be changing).
    monkeypatch.setattr(cache, "SETTLE_SECONDS", 0.0)
    sample_province().make_province(tmp_path, units=12, seed=3)
    return tmp_path


def _status(folder: Path, *extra: str) -> dict[str, object]:
    result = run_cli(
        "status", folder / "plans", "--progress-dir", folder / "progress", "--annual", "2024",
        "--today", "2024-12-01", "-f", "json", *extra,
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def _entries(folder: Path) -> int:
    with sqlite3.connect(folder / cache.FILE_NAME) as db:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])


@pytest.mark.slow  # a province read twice
def test_a_second_run_answers_from_the_cache_the_same(province: Path, _own_cache: Path) -> None:
    first = _status(province)
    assert _entries(_own_cache) > 12
    second = _status(province)
    assert second == first == _status(province, "--no-cache")


@pytest.mark.slow  # a province read twice
def test_a_changed_quarter_file_is_read_again(province: Path) -> None:
    before = _status(province)
    unit = next(u for u in before["units"] if u["state"] == "ready")  # type: ignore[attr-defined]
    quarter = province / "progress" / Path(unit["plan"]).stem / "2024-Q4.yaml"
    text = quarter.read_text(encoding="utf-8")
    quarter.write_text(text.replace("status: hoàn thành", "status: ~", 1), encoding="utf-8")
    after = _status(province)
    changed = next(u for u in after["units"] if u["plan"] == unit["plan"])  # type: ignore[attr-defined]
    assert changed["state"] != "ready" and changed["problems"]


@pytest.mark.slow  # a province read twice
def test_entries_of_another_version_are_not_used(
    province: Path, monkeypatch: pytest.MonkeyPatch, _own_cache: Path
) -> None:
    _status(province)
    monkeypatch.setattr(cache, "code_version", lambda: "0.0.0+other")
    made: list[int] = []
    original = cache.Cache.get

    def counting_get(self: cache.Cache, key: str, sig: cache.Signature) -> str | None:
        found = original(self, key, sig)
        made.append(found is not None)
        return found

    monkeypatch.setattr(cache.Cache, "get", counting_get)
    _status(province)
    assert made and not any(made)


@pytest.mark.slow
def test_a_broken_or_unwritable_cache_is_no_error(
    province: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    expected = _status(province, "--no-cache")
    broken = tmp_path / "hong"
    broken.mkdir()
    (broken / cache.FILE_NAME).write_bytes(b"not a database" * 100)
    monkeypatch.setenv("CCHC_CACHE_DIR", str(broken))
    assert _status(province) == expected
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CCHC_CACHE_DIR", str(blocked / "cache"))
    assert _status(province) == expected


def test_files_still_changing_are_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert not cache.settled(cache.signature([path]))
    assert cache.settled(cache.signature([path]), now=path.stat().st_mtime + 10)
