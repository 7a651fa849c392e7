"""Pairing the tasks (or indicators) of two plans: by id, by text, by similarity.

Never by position, so reordering is no change. Each stage only sees what the earlier
ones left, and every tie is broken by ids and text, so the result depends neither on the
order of the lists nor on which plan is called old:

1. same id, when the texts are the same or alike beyond doubt (``ID_SURE``);
2. same text (after normalisation), in any area: renumbered, or moved;
3. similar text, best pairs first: within one reform area (``AREA_THRESHOLD``), or in
   another area when nearly the same (``MOVE_THRESHOLD``: a task moved and lightly
   reworded). Within an area comes first: a pair across areas ranks ``MOVE_MARGIN``
   below its similarity, so it wins only when clearly closer;
4. same id, texts alike only in part (``ID_FLOOR``), when neither item paired better in
   stage 3. Below ``ID_FLOOR`` the id was given to another task: a removal and an
   addition, not a rewording.

Similarity here is ``meaning.meaning_similarity``: words shared by many tasks of an area
count for little. Stage 3 scores only pairs that share a rare word (an inverted index),
so a plan of 30,000 tasks matches in seconds, not minutes.

What is left is added or removed, even under an id the other plan uses (the 2018 and
2021-2025 Hải Phòng plans both have a TTHC-01, about different things).
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from cchc_cli import collector
from cchc_cli.diff.meaning import (
    Text,
    Tokens,
    Weighed,
    Weights,
    meaning_similarity,
    similar_pairs,
    weigh,
)
from cchc_cli.diff.wording import Wording, same_text, token_set

# Tuned on the example plans and the variants in tests/fixtures/diff (meaning similarity):
# different tasks sharing an area's boilerplate score 0.05-0.34 (0.41 at most), tasks
# rewritten under their id 0.4-0.85, lightly reworded ones above 0.8.
ID_SURE = 0.5
ID_FLOOR = 0.3
AREA_THRESHOLD = 0.55
MOVE_THRESHOLD = 0.8
# Word shares of an area are counted over at most about this many distinct texts.
COUNTED_TEXTS = 1000
# A pair across areas ranks this much below its similarity: a partner within the area
# wins unless the text elsewhere is clearly closer (0.97 elsewhere beats 0.6 here).
MOVE_MARGIN = 0.2


@dataclass(frozen=True, slots=True)
class Candidate:
    """An item as matching sees it: its id, NQ 76 area and prepared text."""

    id: str
    area: str
    wording: Wording

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.id.casefold(), self.area, self.wording.key)


class Match(NamedTuple):
    """Item ``old`` of the old plan is item ``new`` of the new one."""

    old: int
    new: int
    how: str
    score: float


def distinct_texts(
    old: Sequence[tuple[str, Wording]], new: Sequence[tuple[str, Wording]]
) -> list[Text]:
    """Each distinct text once, with its area and how many items of each plan have it.

    An unchanged text is a whole string compared once, not a list of words to count.
    """
    counted = (
        Counter((a, w.words_key) for a, w in old),
        Counter((a, w.words_key) for a, w in new),
    )
    first: dict[tuple[str, str], Wording] = {}
    for area, wording in chain(old, new):
        first.setdefault((area, wording.words_key), wording)
    return [
        (area, wording.token_set, counted[0][(area, text)], counted[1][(area, text)])
        for (area, text), wording in first.items()
    ]


def _same_keys(a: Wording, b: Wording) -> bool:
    # Comparing the texts as written is quicker than comparing their pieces.
    if not (a.relative or b.relative):
        return a.literal == b.literal
    return a.keys == b.keys


def sample_texts(texts: list[tuple[Wording, int, int]]) -> list[tuple[Wording, int, int]]:
    """At most about ``COUNTED_TEXTS`` of ``texts``, picked by a checksum of each text.

    The pick depends on the texts alone, so it is the same whichever plan is old. A share
    estimated from 1,000 texts is within about 1.6 points of the share over all of them,
    and counting every word of 30,000 texts would cost more than the matching itself.
    """
    if len(texts) <= COUNTED_TEXTS:
        return texts
    below = COUNTED_TEXTS * (1 << 32) // len(texts)
    return [t for t in texts if zlib.crc32(t[0].literal.encode("utf-8")) < below]


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
        # Stage 1's pairs of the same id and text: counted once for both plans.
        self.unchanged: list[tuple[int, int]] = []
        self.same_ids: list[tuple[int, int]] | None = None
        self._weights: Weights | None = None
        self._tokens: dict[str, Tokens] = {}
        self._weighed: dict[tuple[int, int, str], Weighed] = {}

    def take(self, i: int, j: int, how: str, score: float) -> None:
        self.free_old.discard(i)
        self.free_new.discard(j)
        self.matches.append(Match(i, j, how, score))

    def take_all(self, pairs: list[tuple[int, int]], how: str, score: float) -> None:
        """``take`` each of ``pairs``, whose items are all free and distinct."""
        self.free_old.difference_update(i for i, _ in pairs)
        self.free_new.difference_update(j for _, j in pairs)
        self.matches += [Match(i, j, how, score) for i, j in pairs]

    def greedy(self, options: list[tuple[float, int, int]], how: str) -> None:
        """Accept the best-scoring options first, each item at most once."""
        options.sort(key=lambda o: (-o[0], _pair_key(self.old[o[1]], self.new[o[2]])))
        for score, i, j in options:
            if i in self.free_old and j in self.free_new:
                self.take(i, j, how, score)

    def tokens(self, wording: Wording) -> Tokens:
        # An unchanged text is split once for both plans.
        found = self._tokens.get(wording.words_key)
        if found is None:
            found = self._tokens[wording.words_key] = token_set(wording.keys)
        return found

    @property
    def weights(self) -> Weights:
        """Made on first use, after stage 1 has paired the unchanged items: comparing a
        plan with an unchanged copy never needs them."""
        if self._weights is None:
            self._weights = Weights(self._texts())
        return self._weights

    def _texts(self) -> list[Text]:
        """Every item's words; an item unchanged under its id counted once for both plans.

        In an area of more than ``COUNTED_TEXTS`` distinct texts, shares are estimated
        from that many (see ``sample_texts``).
        """
        texts: dict[str, list[tuple[Wording, int, int]]] = defaultdict(list)
        shared_old, shared_new = set(), set()
        for i, j in self.unchanged:
            a, b = self.old[i], self.new[j]
            if a.area == b.area and _same_keys(a.wording, b.wording):
                texts[a.area].append((a.wording, 1, 1))
                shared_old.add(i)
                shared_new.add(j)
        for i, c in enumerate(self.old):
            if i not in shared_old:
                texts[c.area].append((c.wording, 1, 0))
        for j, c in enumerate(self.new):
            if j not in shared_new:
                texts[c.area].append((c.wording, 0, 1))
        return [
            (area, self.tokens(wording), in_old, in_new)
            for area, found in texts.items()
            for wording, in_old, in_new in sample_texts(found)
        ]

    def weighed(self, side: int, index: int, context: str) -> Weighed:
        found = self._weighed.get((side, index, context))
        return found if found is not None else self.weighed_all(side, [index], context)[0]

    def weighed_all(self, side: int, indices: list[int], context: str) -> list[Weighed]:
        """``weighed`` of many items of one side: their words' weights are worked out
        together, which costs less than word by word."""
        items = (self.old, self.new)[side]
        tokens = [self.tokens(items[k].wording) for k in indices]
        weights = self.weights
        weights.table(context, set().union(*tokens))
        cache = self._weighed
        found = []
        for k, words in zip(indices, tokens, strict=True):
            key = (side, k, context)
            weighed = cache.get(key)
            if weighed is None:
                weighed = cache[key] = weigh(words, weights, context)
            found.append(weighed)
        return found

    def context(self, i: int, j: int) -> str:
        """Where old ``i`` and new ``j`` are compared: in their area, or across areas."""
        area = self.old[i].area
        return area if area == self.new[j].area else Weights.ALL

    def meaning(self, i: int, j: int) -> float:
        """Meaning similarity of old ``i`` and new ``j``: in their area, or across areas."""
        context = self.context(i, j)
        return meaning_similarity(self.weighed(0, i, context), self.weighed(1, j, context))


def _same_ids(pool: _Pool) -> list[tuple[int, int]]:
    """Old and new items of the same id, both still free."""
    if pool.same_ids is None:
        # Ids are unique within a plan, without case (check E301): id pairs never compete.
        exact = {c.id: j for j, c in enumerate(pool.new)}
        folded = {c.id.casefold(): j for j, c in enumerate(pool.new) if c.id != c.id.upper()}
        pairs = []
        for i, c in enumerate(pool.old):
            j = exact.get(c.id)
            if j is None:
                j = exact.get(c.id.upper(), folded.get(c.id.casefold()))
            if j is not None:
                pairs.append((i, j))
        pool.same_ids = pairs
    return [(i, j) for i, j in pool.same_ids if i in pool.free_old and j in pool.free_new]


def _by_id(pool: _Pool) -> None:
    """Stage 1: same id and the same text, or texts alike beyond doubt (``ID_SURE``)."""
    old, new = pool.old, pool.new
    same = pool.unchanged
    differing: list[tuple[int, int]] = []
    for i, j in _same_ids(pool):
        (same if same_text(old[i].wording, new[j].wording) else differing).append((i, j))
    pool.take_all(same, "id", 1.0)
    # Weighed once the unchanged items are known (see ``_Pool.weights``).
    by_context: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, j in differing:
        by_context[pool.context(i, j)].append((i, j))
    for context, pairs in by_context.items():
        pool.weighed_all(0, [i for i, _ in pairs], context)
        pool.weighed_all(1, [j for _, j in pairs], context)
    for i, j in differing:
        score = pool.meaning(i, j)
        if score >= ID_SURE:
            pool.take(i, j, "id", score)


def _by_weak_id(pool: _Pool) -> None:
    """Stage 4: same id, texts alike only in part (``ID_FLOOR``), neither paired better."""
    for i, j in _same_ids(pool):
        score = pool.meaning(i, j)
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


def _within_areas(pool: _Pool) -> list[tuple[float, int, int]]:
    """Similar pairs within each area, weighed against that area's boilerplate."""
    buckets: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in sorted(pool.free_old):
        buckets[pool.old[i].area][0].append(i)
    for j in sorted(pool.free_new):
        buckets[pool.new[j].area][1].append(j)
    options = []
    for area, (olds, news) in buckets.items():
        if olds and news:
            options += similar_pairs(
                [(i, w, area) for i, w in zip(olds, pool.weighed_all(0, olds, area), strict=True)],
                [(j, w, area) for j, w in zip(news, pool.weighed_all(1, news, area), strict=True)],
                AREA_THRESHOLD,
            )
    return options


def _across_areas(pool: _Pool) -> list[tuple[float, int, int]]:
    """Nearly the same text in another area, ranked ``MOVE_MARGIN`` lower."""
    olds, news = sorted(pool.free_old), sorted(pool.free_new)
    found = similar_pairs(
        [
            (i, w, pool.old[i].area)
            for i, w in zip(olds, pool.weighed_all(0, olds, Weights.ALL), strict=True)
        ],
        [
            (j, w, pool.new[j].area)
            for j, w in zip(news, pool.weighed_all(1, news, Weights.ALL), strict=True)
        ],
        MOVE_THRESHOLD,
        apart=True,
    )
    return [(score - MOVE_MARGIN, i, j) for score, i, j in found]


def _by_similarity(pool: _Pool) -> None:
    """Stage 3: pairs within an area and across areas together, best first, so a moved
    task is not lost to a mediocre partner in its old area; within an area still comes
    first unless the text elsewhere is clearly closer.

    A pair across areas ranks at most ``1 - MOVE_MARGIN``, so the pairs within an area
    scoring more come first in any case: they are accepted before the search across
    areas, which then only looks at the items still free.
    """
    within = _within_areas(pool)
    ahead = [o for o in within if o[0] > 1 - MOVE_MARGIN]
    pool.greedy(ahead, "similarity")
    rest = [o for o in within if o[0] <= 1 - MOVE_MARGIN]
    pool.greedy(rest + _across_areas(pool), "similarity")


def _matches(old: Sequence[Candidate], new: Sequence[Candidate]) -> list[Match]:
    pool = _Pool(old, new)
    for stage in (_by_id, _by_text, _by_similarity, _by_weak_id):
        if not (pool.free_old and pool.free_new):
            break
        stage(pool)
    return pool.matches


def match(old: Sequence[Candidate], new: Sequence[Candidate]) -> list[Match]:
    """Pairs of old and new items that are the same item, in old-list order."""
    # The pool is freed before the collector runs again: it need not walk it.
    with collector.paused():
        matches = _matches(old, new)
    return sorted(matches, key=lambda m: m.old)
