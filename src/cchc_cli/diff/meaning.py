"""Similarity on the words that carry meaning, and finding similar pairs without trying all.

The tasks of one reform area share boilerplate ("Tiếp tục thực hiện … của Chính phủ …"):
two different tasks can share a third of their words and nothing they are about. So each
word weighs by how rare it is: ``-ln p``, where ``p`` is the larger of the share of the
area's items and the share of all items that contain it (averaged over the two plans,
so the weights are the same whichever plan is old). The similarity of two texts is the
weighted share of their words in common (a weighted Dice coefficient on word sets).

Similar pairs are found through an inverted index with prefix filtering: every pair
scoring at least ``t`` shares one of its rarest words, the ones that make up all but
``t / (2 - t)`` of an item's weight. Only pairs sharing such a word are scored, so the
work grows with the rare words items share, not with the square of the list.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain
from operator import itemgetter, neg, sub
from typing import NamedTuple

# An item's distinct words, folded (``wording.token_set``).
Tokens = frozenset[str]
# One distinct text: its area, its words, how many items of the old and new plan have it.
Text = tuple[str, Tokens, int, int]
# Weights are whole numbers (this many to one): sums are then exact in any order, so a
# score is the same whichever plan is old and however a set happens to be iterated.
_SCALE = 1 << 24
# Float bounds are loosened by this much, so rounding never drops a qualifying pair.
_SLACK = 1e-9


class _Counts:
    """How many items of each plan (in one area) contain each word.

    A text both plans have is counted once for both, so an unchanged task, most of a
    plan, is counted once. Counted in bulk (C-level Counters).
    """

    def __init__(self, both: list[Tokens], old_only: list[Tokens], new_only: list[Tokens]):
        self.items = (len(both) + len(old_only), len(both) + len(new_only))
        # Counter.update with words (not a mapping) counts in C, into what is there.
        self.old = Counter(chain.from_iterable(both))
        self.new = self.old.copy()
        self.old.update(chain.from_iterable(old_only))
        self.new.update(chain.from_iterable(new_only))

    def counts(self, tokens: list[str]) -> tuple[list[int], list[int]]:
        """For each word, the items of each plan containing it."""
        old, new = self.old.get, self.new.get
        return [old(t, 0) for t in tokens], [new(t, 0) for t in tokens]


class _Summed:
    """The counts of several areas together, added up for the words asked about only:
    quicker than counting every word again."""

    def __init__(self, parts: list[_Counts]) -> None:
        self.parts = parts
        self.items = (sum(p.items[0] for p in parts), sum(p.items[1] for p in parts))

    def counts(self, tokens: list[str]) -> tuple[list[int], list[int]]:
        found = [p.counts(tokens) for p in self.parts]
        if not found:
            return [0] * len(tokens), [0] * len(tokens)
        olds, news = zip(*found, strict=True)
        return list(map(sum, zip(*olds, strict=True))), list(map(sum, zip(*news, strict=True)))


def _shares(counts: _Counts | _Summed, tokens: list[str]) -> list[float]:
    """For each word, the share of items containing it, averaged over the plans that
    have items. Smoothed (Laplace), so a word in the only item of an area is not
    weightless."""
    olds, news = counts.counts(tokens)
    old_items, new_items = counts.items
    if old_items and new_items:
        return [
            ((o + 1) / (old_items + 2) + (n + 1) / (new_items + 2)) / 2
            for o, n in zip(olds, news, strict=True)
        ]
    if old_items or new_items:
        found, items = (olds, old_items) if old_items else (news, new_items)
        return [(c + 1) / (items + 2) for c in found]
    return [1.0] * len(tokens)


class Weights:
    """Word weights of a comparison: per area (boilerplate discounted) and overall.

    Built from each distinct text's words, counted in bulk. Weights are worked out on
    first use, for the words of the items that need them, many at a time.
    """

    ALL = ""

    def __init__(self, texts: Iterable[Text]) -> None:
        lists: dict[str, tuple[list[Tokens], list[Tokens], list[Tokens]]] = defaultdict(
            lambda: ([], [], [])
        )
        for area, tokens, in_old, in_new in texts:
            kept = min(in_old, in_new)
            both, old_only, new_only = lists[area]
            both += [tokens] * kept
            old_only += [tokens] * (in_old - kept)
            new_only += [tokens] * (in_new - kept)
        self._areas = {area: _Counts(*found) for area, found in lists.items()}
        self._all = _Summed(list(self._areas.values()))
        self._overall: dict[str, float] = {}
        self._tables: dict[str, dict[str, int]] = defaultdict(dict)

    def weight(self, context: str, token: str) -> int:
        """How much ``token`` says in ``context`` (an area, or ``ALL``), in 1/2**24."""
        return self.table(context, frozenset((token,)))[token]

    def table(self, context: str, tokens: Iterable[str] = ()) -> dict[str, int]:
        """The weights of ``context`` worked out so far, sure to hold those of ``tokens``."""
        table = self._tables[context]
        missing = [t for t in tokens if t not in table]
        if missing:
            self._fill(context, table, missing)
        return table

    def _fill(self, context: str, table: dict[str, int], tokens: list[str]) -> None:
        # ``-ln`` of the larger of the overall share and the area's share.
        overall = self._overall
        unknown = [t for t in tokens if t not in overall]
        if unknown:
            overall.update(zip(unknown, _shares(self._all, unknown), strict=True))
        area = self._areas.get(context)
        log, scale = math.log, _SCALE
        if area is None:
            table.update({t: max(1, round(-log(overall[t]) * scale)) for t in tokens})
            return
        table.update(
            {
                t: max(1, round(-log(max(overall[t], s)) * scale))
                for t, s in zip(tokens, _shares(area, tokens), strict=True)
            }
        )


class Weighed(NamedTuple):
    """An item's words and their weights in one context (``weights`` holds more words)."""

    tokens: Tokens
    weights: dict[str, int]
    total: int

    def prefixes(self, rank: dict[str, int], *shares: float) -> list[Prefix]:
        """For each share: the rarest words (``rank`` orders them) until less than that
        share of the weight is left."""
        order = sorted(self.tokens, key=rank.__getitem__)
        # remaining[k]: the weight of word k and those after it, ever smaller.
        remaining = list(accumulate(map(self.weights.__getitem__, order), sub, initial=self.total))
        found = []
        for share in shares:
            keep_below = share * (1 - _SLACK) * self.total
            count = bisect_right(remaining, -keep_below, hi=len(order), key=neg)
            words = list(zip(order[:count], remaining[:count], strict=True))
            last = rank[order[count - 1]] if count else -1
            found.append(Prefix(words, last, remaining[count]))
        return found


class Prefix(NamedTuple):
    """An item's rarest words, as ``Weighed.prefixes`` picks them."""

    words: list[tuple[str, int]]
    """Each word with the weight of itself and the item's words after it."""
    last: int
    """The rank of the last word (-1 if none)."""
    after: int
    """The weight of the item's words after these."""


def ranks(weights: dict[str, int]) -> dict[str, int]:
    """The words of ``weights`` numbered heaviest first, ties by the word."""
    # Two C-level sorts, the second stable: by word, then by weight.
    order = sorted(sorted(weights), key=weights.__getitem__, reverse=True)
    return dict(zip(order, range(len(order)), strict=True))


def weigh(tokens: Tokens, weights: Weights, context: str) -> Weighed:
    """``tokens`` with their weights in ``context``."""
    table = weights.table(context)
    try:
        total = sum(map(table.__getitem__, tokens))
    except KeyError:
        # Items are mostly weighed ahead, many words at a time (``Weights.table``):
        # looking the weights up first is then quicker than checking for missing ones.
        table = weights.table(context, tokens)
        total = sum(map(table.__getitem__, tokens))
    return Weighed(tokens, table, total)


def meaning_similarity(a: Weighed, b: Weighed) -> float:
    """Weighted share of words in common, 0..1; the same whichever is first."""
    if not a.tokens and not b.tokens:
        return 1.0
    denominator = a.total + b.total
    if denominator <= 0:
        return 0.0
    common = sum(map(a.weights.__getitem__, a.tokens & b.tokens))
    return 2 * common / denominator


# An item for ``similar_pairs``: its index, its weighed words and a group (its area).
Entry = tuple[int, Weighed, str]
# An indexed item: its total weight, index, words, the weight from the indexed word on,
# group, and the rank of its prefix's last word and the weight after it.
_Posting = tuple[int, int, Weighed, int, str, int, int]


def _index(
    index: dict[str, list[_Posting]], entry: tuple[int, int, Weighed, str], prefix: Prefix
) -> None:
    """Index an item (total weight, index, words, group) under each word of its prefix,
    with the weight from that word on."""
    total, k, item, group = entry
    for token, rest in prefix.words:
        posting = (total, k, item, rest, group, prefix.last, prefix.after)
        found = index.get(token)
        if found is None:
            index[token] = [posting]
        else:
            found.append(posting)


def _pairs_of(
    item: Weighed,
    group: str,
    probe: Prefix,
    index: dict[str, list[_Posting]],
    *,
    threshold: float,
    apart: bool,
) -> list[tuple[float, int]]:
    """(score, index) of the indexed items scoring at least ``threshold`` with ``item``.

    Indexed items are no heavier than ``item``; those lighter than ``t / (2 - t)`` of it
    cannot score ``t``. Of the others, only those that may still share enough are scored:
    the words two items share are those of both prefixes, found here, and at most the
    words after the prefix that ends first.
    """
    total, tokens, weights = item.total, item.tokens, item.weights
    lightest = threshold / (2 - threshold) * (1 - _SLACK) * total
    half = threshold / 2 * (1 - _SLACK)
    # Weight in common so far for each item met, -1 for an item ruled out.
    common: dict[int, int] = {}
    met: list[_Posting] = []
    postings_of = index.get
    for token, rest in probe.words:
        postings = postings_of(token)
        if postings is None:
            continue
        weight = weights[token]
        for posting in postings:
            other_total, other, _, other_rest, other_group, _, _ = posting
            so_far = common.get(other)
            if so_far is not None:
                if so_far >= 0:
                    common[other] = so_far + weight
                continue
            if other_total < lightest:
                continue
            # The first common word: no more in common than what follows it.
            least = rest if rest < other_rest else other_rest
            if (apart and group == other_group) or least < half * (total + other_total):
                common[other] = -1
                continue
            common[other] = weight
            met.append(posting)
    found = []
    for other_total, other, weighed, _, _, other_last, other_after in met:
        after = probe.after if probe.last <= other_last else other_after
        if common[other] + after < half * (total + other_total):
            continue
        shared = sum(map(weights.__getitem__, tokens & weighed.tokens))
        score = 2 * shared / (total + other_total)
        if score >= threshold:
            found.append((score, other))
    return found


def similar_pairs(
    old: Sequence[Entry], new: Sequence[Entry], threshold: float, *, apart: bool = False
) -> list[tuple[float, int, int]]:
    """(score, old index, new index) of every pair scoring at least ``threshold``;
    with ``apart``, only pairs of different groups.

    Both sides must be weighed in the same context, so rarity orders them alike. Items
    are taken lightest first (AllPairs): each looks up the other plan's items already
    indexed, which are no heavier, then is indexed itself. For a pair scoring ``t`` or
    more, with ``x`` the heavier: they share at least ``t / (2 - t)`` of ``x``'s weight
    and ``t`` of ``y``'s, ``y`` is at least ``t / (2 - t)`` of ``x``'s weight, and their
    first common word leaves no less than the shared weight on either side.
    """
    queue = sorted(
        [(item.total, 0, i, item, group) for i, item, group in old]
        + [(item.total, 1, j, item, group) for j, item, group in new],
        key=itemgetter(0, 1, 2),
    )
    if not queue:
        return []
    # One context: every item holds the same table of weights.
    rank = ranks(queue[0][3].weights)
    indexes: tuple[dict[str, list[_Posting]], ...] = ({}, {})
    found = []
    for total, side, k, item, group in queue:
        probe, indexed = item.prefixes(rank, threshold / (2 - threshold), threshold)
        pairs = _pairs_of(item, group, probe, indexes[1 - side], threshold=threshold, apart=apart)
        for score, other in pairs:
            found.append((score, k, other) if side == 0 else (score, other, k))
        _index(indexes[side], (total, k, item, group), indexed)
    return found
