"""Every unit's digest for a request: from the cache when its files are unchanged, else
read from the files (on every core when there are many) and kept for the next run.

The files a digest depends on are signed before they are read (province/cache.py): a
file that changes while it is read leaves an entry that the next run will not use.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from cchc_cli.province.cache import Cache, Signature, signature
from cchc_cli.province.digest import (
    PlanFacts,
    Request,
    UnitDigest,
    period_digest,
    plan_facts,
    quarter_paths,
    resolve,
)
from cchc_cli.province.units import map_units


@functools.cache
def _codecs() -> dict[str, Any]:
    # Entries are JSON made and read by pydantic: plain data, never code.
    from pydantic import TypeAdapter

    return {"facts": TypeAdapter(PlanFacts), "digest": TypeAdapter(UnitDigest)}


def encode(value: PlanFacts | UnitDigest) -> str:
    codec = _codecs()["facts" if isinstance(value, PlanFacts) else "digest"]
    return bytes(codec.dump_json(value)).decode("utf-8")


def decode_facts(text: str) -> PlanFacts:
    facts: PlanFacts = _codecs()["facts"].validate_json(text)
    return facts


def decode_digest(text: str) -> UnitDigest:
    found: UnitDigest = _codecs()["digest"].validate_json(text)
    return found


@dataclass(frozen=True)
class _Made:
    """A unit read from its files, with the signatures of what it was made from."""

    facts: PlanFacts
    digest: UnitDigest
    facts_files: Signature
    digest_files: Signature | None  # None: the digest follows from the facts alone


def _facts_key(plan_path: Path) -> str:
    # Messages name files relative to the working folder, and hints repeat the plan's
    # path as given: both are part of what an entry says.
    return f"facts\0{os.getcwd()}\0{plan_path.as_posix()}"


def _digest_key(plan_path: Path, request: Request, slug: str) -> str:
    return (
        f"digest\0{os.getcwd()}\0{plan_path.as_posix()}\0{request.progress_dir.as_posix()}\0{slug}"
    )


def _make(plan_path: Path, request: Request) -> _Made:
    facts_files = signature([plan_path])
    facts, plan = plan_facts(plan_path)
    found = resolve(facts, request)
    if isinstance(found, UnitDigest) or plan is None:
        assert isinstance(found, UnitDigest)
        return _Made(facts, found, facts_files, None)
    paths = quarter_paths(facts, plan_path, found, request.progress_dir)
    files = facts_files + signature(paths)
    made = period_digest(facts, plan, plan_path, found, request.progress_dir)
    return _Made(facts, made, facts_files, files)


def _make_all(plans: Sequence[Path], request: Request) -> list[_Made]:
    return [_make(path, request) for path in plans]


def _from_cache(cache: Cache, plan_path: Path, request: Request) -> UnitDigest | None:
    facts_files = signature([plan_path])
    text = cache.get(_facts_key(plan_path), facts_files)
    if text is None:
        return None
    try:
        facts = decode_facts(text)
    except ValueError:
        return None
    found = resolve(facts, request)
    if isinstance(found, UnitDigest):
        return found
    paths = quarter_paths(facts, plan_path, found, request.progress_dir)
    text = cache.get(_digest_key(plan_path, request, found.slug), facts_files + signature(paths))
    if text is None:
        return None
    try:
        return decode_digest(text)
    except ValueError:
        return None


def collect(
    plans: Sequence[Path],
    request: Request,
    cache: Cache | None = None,
    on_done: Callable[[int], None] = lambda _: None,
) -> list[UnitDigest]:
    """Every unit's digest, in the order of ``plans``."""
    found: list[UnitDigest | None] = []
    for path in plans:
        hit = _from_cache(cache, path, request) if cache is not None else None
        found.append(hit)
        if hit is not None:
            on_done(1)
    todo = [path for path, hit in zip(plans, found, strict=True) if hit is None]
    made = map_units(partial(_make_all, request=request), todo, on_done)
    entries: list[tuple[str, Signature, str]] = []
    fresh = iter(made)
    for index, hit in enumerate(found):
        if hit is not None:
            continue
        unit = next(fresh)
        found[index] = unit.digest
        path = plans[index]
        entries.append((_facts_key(path), unit.facts_files, encode(unit.facts)))
        if unit.digest_files is not None and unit.digest.period is not None:
            key = _digest_key(path, request, unit.digest.period.slug)
            entries.append((key, unit.digest_files, encode(unit.digest)))
    if cache is not None and entries:
        cache.put(entries)
    return [unit for unit in found if unit is not None]
