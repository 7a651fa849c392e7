"""A province's units: the plans in a folder, each with its quarter files, and its block."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from cchc_cli.load.files import is_progress_file, yaml_files
from cchc_cli.model.plan import UnitKind

T = TypeVar("T")
R = TypeVar("R")
# Rankings keep phường apart from xã and đặc khu (Hải Phòng 2025, domain.md §10).
BLOCKS = {
    UnitKind.PHUONG: "Khối phường",
    UnitKind.THI_TRAN: "Khối xã, đặc khu",
    UnitKind.XA: "Khối xã, đặc khu",
    UnitKind.DAC_KHU: "Khối xã, đặc khu",
}
OTHER_BLOCK = "Đơn vị khác"
# Below this many units a second process costs more than it saves.
PARALLEL_FROM = 64


def block_of(kind: UnitKind | None) -> str:
    """The ranking block of a kind of unit."""
    return BLOCKS.get(kind, OTHER_BLOCK) if kind is not None else OTHER_BLOCK


def unit_plans(target: Path) -> list[Path]:
    """The plan files a status or roll-up covers: one file, or a folder's plans (its
    progress files left out)."""
    if target.is_dir():
        return [p for p in yaml_files(target) if not is_progress_file(p)]
    return [target]


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def map_units(
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    on_done: Callable[[int], None] = lambda _: None,
) -> list[R]:
    """``work`` over ``items`` in chunks, on every core when there are many; results keep
    the order of ``items``. ``work`` must be a module-level function (it is pickled)."""
    workers = min(os.cpu_count() or 1, 8)
    size = max(8, len(items) // (workers * 8) or 1)
    chunks = list(_chunks(items, size))
    results: list[R] = []
    if workers == 1 or len(items) < PARALLEL_FROM:
        for chunk in chunks:
            results += work(chunk)
            on_done(len(chunk))
        return results
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        for chunk, done in zip(chunks, pool.map(work, chunks), strict=True):
            results += done
            on_done(len(chunk))
    except BaseException:
        # Ctrl-C, a signal or a unit's error: the chunks not started are dropped, the
        # workers finish the one in hand (their writes are atomic) and end.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results


def flatten(groups: Iterable[list[T]]) -> list[T]:
    return [item for group in groups for item in group]
