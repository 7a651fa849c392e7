"""Text as the diff compares it: normalised words, similarity and word-level changes.

Whitespace, line folding and Unicode normalisation never count as a change; wording,
punctuation, case and spelling variants do (edits.py says which kind each is).
Similarity is computed on folded word tokens (case, tone-mark placement and i/y spelling
folded), so it is symmetric and blind to punctuation and spelling variants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

_HAS_WORD = re.compile(r"\w")
# A number keeps its separators ("95,5", "19.630", "05/12/2024"), so a changed figure or
# date is one changed piece, not digits and commas interleaved.
NUMBER = r"\d+(?:[.,/]\d+)*(?!\w)"
_PIECE = re.compile(rf"\s*(?:{NUMBER}|\w+|[^\w\s])")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class PlanYears:
    """The plan years that text may name; they compare relative to the first one."""

    start: int
    end: int

    def relative(self, text: str) -> str:
        """``text`` with each plan year replaced by its offset ("năm 2024" → "năm Y+0")."""

        def replace(match: re.Match[str]) -> str:
            year = int(match.group(1))
            if self.start <= year <= self.end:
                return f"\x00Y{year - self.start}\x00"
            return match.group(1)

        return _YEAR.sub(replace, text)


NO_YEARS = PlanYears(0, -1)


def clean(text: str) -> str:
    """NFC, single spaces: the form two texts are compared in."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# The five tone marks; the other marks (â, ă, ơ, ư, đ) make a different letter.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old-style tone placement on "oa", "oe", "uy" ending a syllable: "hóa", "khỏe", "Ủy";
# the new style writes "hoá", "khoẻ", "Uỷ". The same word either way.
_OLD_PLACEMENT = re.compile(r"([óòỏõọ])([ae])(?!\w)|([úùủũụ])(y)(?!\w)")
# "lý"/"lí", "kỹ"/"kĩ", "quy"/"qui": final y or i after a consonant, spelt either way.
_FINAL_Y = re.compile(r"(?<!\w)(ngh|ch|gh|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnprstvx])([yýỳỷỹỵ])(?!\w)")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def _move_tone(match: re.Match[str]) -> str:
    marked, plain = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    base = unicodedata.normalize("NFD", marked)
    tone = "".join(c for c in base if c in _TONES)
    bare = "".join(c for c in base if c not in _TONES)
    return unicodedata.normalize("NFC", bare + plain + tone)


def fold(text: str) -> str:
    """``text`` lower-cased with spelling variants made one: "Ủy" → "uỷ", "lý" → "lí".

    Expects NFC text (see ``clean``).
    """
    folded = _OLD_PLACEMENT.sub(_move_tone, text.casefold())
    return _FINAL_Y.sub(lambda m: m.group(1) + m.group(2).translate(_Y_TO_I), folded)


class _Tokens(dict[str, str]):
    """Each piece as similarity sees it: the folded word, "" for a punctuation mark.

    Worked out on first use: a plan's words are few and repeat, so each is folded once.
    Looked up as a plain dict, which is quicker than a cached function.
    """

    KEPT = 1 << 16

    def __missing__(self, piece: str) -> str:
        if len(self) >= self.KEPT:
            self.clear()
        token = self[piece] = fold(piece) if _HAS_WORD.search(piece) else ""
        return token


_TOKENS = _Tokens()


def unmarked(text: str) -> str:
    """``text`` lower-cased without any diacritic ("Cổng" → "cong"): what a slip of a
    diacritic leaves the same."""
    base = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in base if not unicodedata.combining(c))


@dataclass(frozen=True)
class Wording:
    """One text prepared for comparison: display pieces, their keys and similarity tokens.

    A piece is a word or a punctuation mark with the space before it, so the pieces
    joined give back the text. Tokens are made on first use: most items match by id or
    text and never need them.
    """

    text: str
    words: tuple[str, ...]
    keys: tuple[str, ...]
    literal: str
    """The text as written, spacing normalised."""
    relative: bool = False
    """Whether ``keys`` have plan years made relative (else they are the pieces as written)."""

    @cached_property
    def key(self) -> str:
        """The text with plan years made relative ("năm Y+0")."""
        return " ".join(self.keys)

    @property
    def words_key(self) -> str:
        """What tells texts apart by their words: the text with plan years made relative
        when it names any (``key``), else as written. "năm 2024" is not the same words in
        a 2024 and a 2025 plan; a relative key holds NUL marks, which no text can."""
        return self.key if self.relative else self.literal

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """Folded words (see ``fold``), plan years relative: what similarity compares."""
        return tuple(filter(None, map(_TOKENS.__getitem__, self.keys)))

    @cached_property
    def token_set(self) -> frozenset[str]:
        """The distinct folded words, made without the sequence when that is not needed."""
        return token_set(self.keys)


def forget_folds() -> None:
    """Forget every word folded so far, as a new process starts (for benchmarks)."""
    _TOKENS.clear()


def token_set(keys: tuple[str, ...]) -> frozenset[str]:
    """The distinct folded words of these pieces, punctuation left out (see ``fold``)."""
    return frozenset(filter(None, map(_TOKENS.__getitem__, keys)))


def prepare(text: str, years: PlanYears = NO_YEARS) -> Wording:
    """Split ``text`` into words; ``years`` makes "năm 2024" equal "năm 2025" a year on."""
    cleaned = clean(text)
    words = tuple(_PIECE.findall(cleaned))
    bare = tuple(map(str.strip, words))
    literal = " ".join(bare)
    if any(years.start <= int(y) <= years.end for y in _YEAR.findall(cleaned)):
        return Wording(cleaned, words, tuple(map(years.relative, bare)), literal, relative=True)
    return Wording(cleaned, words, bare, literal)


def same_text(a: Wording, b: Wording) -> bool:
    """Equal as written, or equal once plan years are made relative.

    "giai đoạn 2023-2025" is the same in a 2024 and a 2025 plan, and "năm 2024" in the
    2024 plan is "năm 2025" in the 2025 plan.
    """
    return a.literal == b.literal or a.key == b.key


def _ordered(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (a, b) if a <= b else (b, a)


def similarity(a: Wording, b: Wording) -> float:
    """Share of words in common, 0..1 (difflib ratio on tokens, same in both directions)."""
    if not a.tokens and not b.tokens:
        return 1.0
    first, second = _ordered(a.tokens, b.tokens)
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


# A word-level change: "=" same, "-" removed, "+" added, with the text it covers, a
# space first where one separates it from what comes before: the "=" and "+" texts
# joined give the new text, the "=" and "-" texts the old one.
WordOp = tuple[str, str]


def word_changes(old: Wording, new: Wording) -> tuple[WordOp, ...]:
    """The words removed and added between ``old`` and ``new``, removals first in each run."""
    swapped = old.keys > new.keys
    first, second = (new, old) if swapped else (old, new)
    matcher = SequenceMatcher(None, first.keys, second.keys, autojunk=False)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # Equal keys may still differ in a plan year or in spacing: show the newer
            # words, spaced from what precedes them if either text spaces them.
            shown = "".join(first.words[i1:i2] if swapped else second.words[j1:j2])
            if first.words[i1].startswith(" ") or second.words[j1].startswith(" "):
                shown = " " + shown.lstrip(" ")
            ops.append(("=", shown))
            continue
        if i2 > i1:
            ops.append(("-", "".join(first.words[i1:i2])))
        if j2 > j1:
            ops.append(("+", "".join(second.words[j1:j2])))
    result = _merge_same(tuple(ops))
    return reverse_words(result) if swapped else result


def _merge_same(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    # A removal and an addition of the same words (a year that is a plan year in one
    # plan only, "2023-2025") is no change at all.
    merged: list[WordOp] = []
    index = 0
    while index < len(ops):
        op, text = ops[index]
        after = ops[index + 1] if index + 1 < len(ops) else None
        if op == "-" and after and after[0] == "+" and after[1].split() == text.split():
            merged.append(("=", after[1]))
            index += 2
            continue
        merged.append((op, text))
        index += 1
    result: list[WordOp] = []
    for op, text in merged:
        if result and op == "=" and result[-1][0] == "=":
            result[-1] = ("=", result[-1][1] + text)
        else:
            result.append((op, text))
    return tuple(result)


def reverse_words(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    """The same change seen the other way: additions become removals, removals first."""
    result: list[WordOp] = []
    run: list[WordOp] = []
    for op, text in ops:
        if op == "=":
            result += sorted(run, key=lambda item: item[0] != "-")
            run = []
            result.append((op, text))
        else:
            run.append(("+" if op == "-" else "-", text))
    result += sorted(run, key=lambda item: item[0] != "-")
    return tuple(result)
