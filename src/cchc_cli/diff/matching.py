"""Pairing the tasks (or indicators) of two plans: by id, by text, by similarity.

Never by position, so reordering is no change. Each stage only sees what the earlier
ones left, and every tie is broken by ids and text, so the result depends neither on the
order of the lists nor on which plan is called old:

1. same id, unless the texts have almost nothing in common (a renumbered list reuses
   ids for other tasks): similarity at least ``ID_FLOOR``;
2. same text (after normalisation), in any area: the item moved;
3. similar text within one reform area, best pairs first, at least
   ``SIMILARITY_THRESHOLD``.

What is left is added or removed, even under an id the other plan uses: a task rewritten
beyond ``ID_FLOOR`` is a new task (the 2018 and 2021-2025 Hải Phòng plans both have a
TTHC-01, about different things).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from cchc_cli.diff.wording import (
    SIMILARITY_THRESHOLD,
    Wording,
    same_text,
    similarity,
    similarity_bound,
)

ID_FLOOR = 0.3


@dataclass(frozen=True, slots=True)
class Candidate:
    """An item as matching sees it: its id, NQ 76 area and prepared text."""

    id: str
    area: str
    wording: Wording

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.id.casefold(), self.area, self.wording.key)


@dataclass(frozen=True, slots=True)
class Match:
    """Item ``old`` of the old plan is item ``new`` of the new one."""

    old: int
    new: int
    how: str
    score: float


def _pair_key(a: Candidate, b: Candidate) -> tuple[tuple[str, str, str], ...]:
    # The same key whichever side is old: the two items' keys in sorted order.
    return tuple(sorted((a.sort_key, b.sort_key)))


class _Pool:
    def __init__(self, old: Sequence[Candidate], new: Sequence[Candidate]) -> None:
        self.old = old
        self.new = new
        self.free_old = set(range(len(old)))
        self.free_new = set(range(len(new)))
        self.matches: list[Match] = []

    def take(self, i: int, j: int, how: str, score: float) -> None:
        self.free_old.discard(i)
        self.free_new.discard(j)
        self.matches.append(Match(i, j, how, score))

    def greedy(self, options: list[tuple[float, int, int]], how: str) -> None:
        """Accept the best-scoring options first, each item at most once."""
        options.sort(key=lambda o: (-o[0], _pair_key(self.old[o[1]], self.new[o[2]])))
        for score, i, j in options:
            if i in self.free_old and j in self.free_new:
                self.take(i, j, how, score)


def _by_id(pool: _Pool) -> None:
    # Ids are unique within a plan (check E301), so id pairs never compete.
    new_ids = {c.id.casefold(): j for j, c in enumerate(pool.new)}
    for i, c in enumerate(pool.old):
        j = new_ids.get(c.id.casefold())
        if j is None or i not in pool.free_old or j not in pool.free_new:
            continue
        other = pool.new[j]
        score = 1.0 if same_text(c.wording, other.wording) else similarity(c.wording, other.wording)
        if score >= ID_FLOOR:
            pool.take(i, j, "id", score)


def _by_text(pool: _Pool) -> None:
    new_texts: dict[str, set[int]] = defaultdict(set)
    for j in pool.free_new:
        new_texts["=" + pool.new[j].wording.literal].add(j)
        new_texts["~" + pool.new[j].wording.key].add(j)
    options = []
    for i in pool.free_old:
        wording = pool.old[i].wording
        found = new_texts.get("=" + wording.literal, set()) | new_texts.get(
            "~" + wording.key, set()
        )
        for j in found:
            same_area = pool.old[i].area == pool.new[j].area
            options.append((2.0 if same_area else 1.0, i, j))
    pool.greedy(options, "text")


def _by_similarity(pool: _Pool) -> None:
    buckets: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in pool.free_old:
        buckets[pool.old[i].area][0].append(i)
    for j in pool.free_new:
        buckets[pool.new[j].area][1].append(j)
    options = []
    for olds, news in buckets.values():
        for i in olds:
            a = pool.old[i].wording
            for j in news:
                b = pool.new[j].wording
                if similarity_bound(a, b) < SIMILARITY_THRESHOLD:
                    continue
                score = similarity(a, b)
                if score >= SIMILARITY_THRESHOLD:
                    options.append((score, i, j))
    pool.greedy(options, "similarity")


def match(old: Sequence[Candidate], new: Sequence[Candidate]) -> list[Match]:
    """Pairs of old and new items that are the same item, in old-list order."""
    pool = _Pool(old, new)
    _by_id(pool)
    _by_text(pool)
    _by_similarity(pool)
    return sorted(pool.matches, key=lambda m: m.old)
