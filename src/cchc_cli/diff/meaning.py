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
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

Tokens = frozenset[str]
# Subtracting floats in another order may differ in the last bit: prefixes are taken a
# little longer than needed, never shorter, so no pair above the threshold is missed.
_SLACK = 1e-9


@dataclass
class _Shares:
    """How many items of one plan (in one area, or all) contain each word."""

    items: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, tokens: Tokens) -> None:
        self.items += 1
        self.counts.update(tokens)

    def share(self, token: str) -> float:
        # Smoothed (Laplace), so a word in the only item of an area is not weightless.
        return (self.counts[token] + 1) / (self.items + 2)


def _mean_share(sides: tuple[_Shares, _Shares], token: str) -> float:
    used = [side.share(token) for side in sides if side.items]
    return sum(used) / len(used) if used else 1.0


class Weights:
    """Word weights of a comparison: per area (boilerplate discounted) and overall."""

    ALL = ""

    def __init__(
        self, old: Iterable[tuple[str, Tokens]], new: Iterable[tuple[str, Tokens]]
    ) -> None:
        self._sides: dict[str, tuple[_Shares, _Shares]] = defaultdict(
            lambda: (_Shares(), _Shares())
        )
        for side, items in enumerate((old, new)):
            for area, tokens in items:
                self._sides[area][side].add(tokens)
                self._sides[self.ALL][side].add(tokens)
        self._cache: dict[str, dict[str, float]] = defaultdict(dict)

    def weight(self, context: str, token: str) -> float:
        """How much ``token`` says in ``context`` (an area, or ``ALL`` across areas)."""
        cache = self._cache[context]
        found = cache.get(token)
        if found is None:
            share = _mean_share(self._sides[self.ALL], token)
            if context != self.ALL and context in self._sides:
                share = max(share, _mean_share(self._sides[context], token))
            found = cache[token] = -math.log(share)
        return found

    def of(self, context: str) -> Callable[[str], float]:
        return lambda token: self.weight(context, token)


@dataclass(frozen=True, slots=True)
class Weighed:
    """An item's words with their weights in one context, rarest first."""

    tokens: Tokens
    weights: dict[str, float]
    total: float
    order: tuple[str, ...]

    def prefix(self, threshold: float) -> tuple[str, ...]:
        """The rarest words holding all but ``t / (2 - t)`` of the weight."""
        keep_below = (threshold / (2 - threshold) - _SLACK) * self.total
        remaining = self.total
        taken = 0
        for token in self.order:
            if remaining < keep_below:
                break
            remaining -= self.weights[token]
            taken += 1
        return self.order[:taken]


def weigh(tokens: Tokens, weight: Callable[[str], float]) -> Weighed:
    weights = {t: weight(t) for t in tokens}
    order = tuple(sorted(tokens, key=lambda t: (-weights[t], t)))
    return Weighed(tokens, weights, math.fsum(weights.values()), order)


def meaning_similarity(a: Weighed, b: Weighed) -> float:
    """Weighted share of words in common, 0..1; the same whichever is first."""
    if not a.tokens and not b.tokens:
        return 1.0
    denominator = a.total + b.total
    if denominator <= 0:
        return 0.0
    common = math.fsum(a.weights[t] for t in a.tokens & b.tokens)
    return 2 * common / denominator


def similar_pairs(
    old: Sequence[tuple[int, Weighed]], new: Sequence[tuple[int, Weighed]], threshold: float
) -> list[tuple[float, int, int]]:
    """(score, old index, new index) of every pair scoring at least ``threshold``.

    Both sides must be weighed in the same context, so rarity orders them alike.
    """
    ratio = threshold / (2 - threshold)
    index: dict[str, list[tuple[int, Weighed]]] = defaultdict(list)
    for j, item in new:
        for token in item.prefix(threshold):
            index[token].append((j, item))
    found = []
    for i, item in old:
        seen: set[int] = set()
        for token in item.prefix(threshold):
            for j, other in index.get(token, ()):
                if j in seen:
                    continue
                seen.add(j)
                # Sizes too far apart cannot reach the threshold.
                low = (ratio - _SLACK) * max(item.total, other.total)
                if min(item.total, other.total) < low:
                    continue
                score = meaning_similarity(item, other)
                if score >= threshold:
                    found.append((score, i, j))
    return found
