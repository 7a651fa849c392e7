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
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

Tokens = frozenset[str]
# An item's words as written (pieces of ``wording.prepare``), before folding.
Words = frozenset[str]
# One distinct text: its area, its words, how many items of the old and new plan have it.
Text = tuple[str, Words, int, int]
# Weights are whole numbers (this many to one): sums are then exact in any order, so a
# score is the same whichever plan is old and however a set happens to be iterated.
_SCALE = 1 << 24
# Float bounds are loosened by this much, so rounding never drops a qualifying pair.
_SLACK = 1e-9


class _Counts:
    """How many items of each plan (in one area) contain each word as written.

    A text both plans have is counted once in ``both``, the rest in ``only``: an
    unchanged task, most of a plan, is counted once. Counted in bulk (C-level Counters);
    words are folded into tokens only for the tokens asked about.
    """

    def __init__(self, both: list[Words], old_only: list[Words], new_only: list[Words]):
        self.items = (len(both) + len(old_only), len(both) + len(new_only))
        self.both = Counter(chain.from_iterable(both))
        self.old = Counter(chain.from_iterable(old_only))
        self.new = Counter(chain.from_iterable(new_only))

    @classmethod
    def merged(cls, parts: Iterable[_Counts]) -> _Counts:
        """The counts of several areas together, added up rather than counted again:
        an area's vocabulary is far smaller than its words."""
        merged = cls([], [], [])
        old_items = new_items = 0
        for part in parts:
            merged.both.update(part.both)
            merged.old.update(part.old)
            merged.new.update(part.new)
            old_items += part.items[0]
            new_items += part.items[1]
        merged.items = (old_items, new_items)
        return merged

    def words(self) -> set[str]:
        return self.both.keys() | self.old.keys() | self.new.keys()

    def of(self, spellings: tuple[str, ...]) -> tuple[int, int]:
        """Items of each plan containing a word written any of these ways."""
        both = old = new = 0
        for word in spellings:
            both += self.both.get(word, 0)
            old += self.old.get(word, 0)
            new += self.new.get(word, 0)
        return both + old, both + new


def _share(counts: tuple[int, int], items: tuple[int, int]) -> float:
    """The share of items containing a word, averaged over the plans that have items.

    Smoothed (Laplace), so a word in the only item of an area is not weightless.
    """
    (old, new), (old_items, new_items) = counts, items
    if old_items and new_items:
        share = ((old + 1) / (old_items + 2) + (new + 1) / (new_items + 2)) / 2
    elif old_items or new_items:
        share = (old + 1) / (old_items + 2) if old_items else (new + 1) / (new_items + 2)
    else:
        share = 1.0
    return min(share, 1.0)


class Weights:
    """Word weights of a comparison: per area (boilerplate discounted) and overall.

    Built from each distinct text's words as written (``Wording.keys``), counted in bulk;
    ``tokens`` says which word each is (folded, "" for a punctuation mark). Weights are
    worked out on first use, for the words of the items that need them.
    """

    ALL = ""

    def __init__(self, texts: Iterable[Text], tokens: Callable[[list[str]], list[str]]) -> None:
        lists: dict[str, tuple[list[Words], list[Words], list[Words]]] = defaultdict(
            lambda: ([], [], [])
        )
        for area, words, in_old, in_new in texts:
            kept = min(in_old, in_new)
            both, old_only, new_only = lists[area]
            both += [words] * kept
            old_only += [words] * (in_old - kept)
            new_only += [words] * (in_new - kept)
        self._areas = {area: _Counts(*found) for area, found in lists.items()}
        self._all = _Counts.merged(self._areas.values())
        spellings: dict[str, list[str]] = defaultdict(list)
        vocabulary = sorted(set().union(*(c.words() for c in self._areas.values())))
        for word, folded in zip(vocabulary, tokens(vocabulary), strict=True):
            spellings[folded].append(word)
        self._spellings = {t: tuple(words) for t, words in spellings.items()}
        self._overall: dict[str, float] = {}
        self._tables: dict[str, dict[str, int]] = defaultdict(dict)

    def _overall_share(self, token: str) -> float:
        found = self._overall.get(token)
        if found is None:
            spellings = self._spellings.get(token, ())
            found = self._overall[token] = _share(self._all.of(spellings), self._all.items)
        return found

    def _weight(self, context: str, token: str) -> int:
        share = self._overall_share(token)
        area = self._areas.get(context)
        if area is not None:
            share = max(share, _share(area.of(self._spellings.get(token, ())), area.items))
        return max(1, round(-math.log(share) * _SCALE))

    def weight(self, context: str, token: str) -> int:
        """How much ``token`` says in ``context`` (an area, or ``ALL``), in 1/2**24."""
        return self.table(context, frozenset((token,)))[token]

    def table(self, context: str, tokens: Tokens) -> dict[str, int]:
        """The weights of ``context``, sure to hold those of ``tokens``."""
        table = self._tables[context]
        for token in [t for t in tokens if t not in table]:
            table[token] = self._weight(context, token)
        return table


@dataclass(frozen=True, slots=True)
class Weighed:
    """An item's words and their weights in one context (``weights`` holds more words)."""

    tokens: Tokens
    weights: dict[str, int]
    total: int

    def prefixes(self, *shares: float) -> list[list[tuple[str, int]]]:
        """For each share: the rarest words (ties by word) until less than that share of
        the weight is left, each with the weight of itself and the words after it."""
        weights = self.weights
        # Two C-level sorts, the second stable: by weight, heaviest first, then by word.
        order = sorted(sorted(self.tokens), key=weights.__getitem__, reverse=True)
        found: list[list[tuple[str, int]]] = []
        for share in shares:
            keep_below = share * (1 - _SLACK) * self.total
            remaining = self.total
            prefix = []
            for token in order:
                if remaining < keep_below:
                    break
                prefix.append((token, remaining))
                remaining -= weights[token]
            found.append(prefix)
        return found


def weigh(tokens: Tokens, weights: Weights, context: str) -> Weighed:
    """``tokens`` with their weights in ``context``."""
    table = weights.table(context, tokens)
    return Weighed(tokens, table, sum(map(table.__getitem__, tokens)))


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
# An indexed item: its total weight, index, words, weight from the indexed word on, group.
_Posting = tuple[int, int, Weighed, int, str]


class _Index:
    """The items of one plan indexed so far, by the rare words that can pair them."""

    def __init__(self) -> None:
        self.postings: dict[str, list[_Posting]] = defaultdict(list)
        self.starts: dict[str, int] = {}

    def add(self, entry: tuple[int, int, Weighed, str], prefix: list[tuple[str, int]]) -> None:
        total, k, item, group = entry
        for token, rest in prefix:
            self.postings[token].append((total, k, item, rest, group))

    def lookup(self, token: str, lightest: float) -> list[_Posting]:
        """Items under ``token`` no lighter than ``lightest``.

        Items are added lightest first and looked up by ever heavier ones: an item too
        light now stays too light, and is skipped for good.
        """
        postings = self.postings.get(token)
        if not postings:
            return []
        start = self.starts.get(token, 0)
        while start < len(postings) and postings[start][0] < lightest:
            start += 1
        self.starts[token] = start
        return postings[start:] if start else postings


def _pairs_of(
    item: Weighed,
    group: str,
    probe: list[tuple[str, int]],
    index: _Index,
    *,
    threshold: float,
    apart: bool,
) -> list[tuple[float, int]]:
    """(score, index) of the indexed items scoring at least ``threshold`` with ``item``."""
    total, tokens, weights = item.total, item.tokens, item.weights
    lightest = threshold / (2 - threshold) * (1 - _SLACK) * total
    half = threshold / 2 * (1 - _SLACK)
    seen: set[int] = set()
    found = []
    for token, rest in probe:
        for other_total, other, weighed, other_rest, other_group in index.lookup(token, lightest):
            if other in seen:
                continue
            seen.add(other)
            if apart and group == other_group:
                continue
            # The first common word: no more in common than what follows it.
            if min(rest, other_rest) < half * (total + other_total):
                continue
            common = sum(map(weights.__getitem__, tokens & weighed.tokens))
            score = 2 * common / (total + other_total)
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
    indexes = (_Index(), _Index())
    found = []
    for total, side, k, item, group in queue:
        probe, indexed = item.prefixes(threshold / (2 - threshold), threshold)
        pairs = _pairs_of(item, group, probe, indexes[1 - side], threshold=threshold, apart=apart)
        for score, other in pairs:
            found.append((score, k, other) if side == 0 else (score, other, k))
        indexes[side].add((total, k, item, group), indexed)
    return found
