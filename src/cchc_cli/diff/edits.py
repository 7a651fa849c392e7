"""What kind of edit each changed run of words is, and how much a text was reworded.

A ward reviewer reads "đổi số 95% → 97%" or "sửa chính tả Công → Cổng" more easily than a
similarity percentage, and a comma or "Ủy" → "Uỷ" is not a rewording. Each run of removed
and added words between unchanged ones becomes one ``Edit``; a text with word edits is
"sửa vài từ" or, when little of it is left, "viết lại" (writers then show both versions
in full instead of interleaved fragments).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from cchc_cli.diff.wording import (
    NUMBER,
    Wording,
    WordOp,
    fold,
    same_text,
    similarity,
    unmarked,
    word_changes,
)

# Below this share of words in common (``wording.similarity``) a reworded text reads as
# rewritten: its word marks would interleave more than they show.
REWRITTEN_BELOW = 0.6

_WORDS = re.compile(rf"{NUMBER}|\w+")
_FIGURE = re.compile(NUMBER)


class EditKind(enum.StrEnum):
    """Kind of one edit, from the most cosmetic to a change of wording."""

    PUNCTUATION = "punctuation"
    CASE = "case"
    VARIANT = "variant"
    TYPO = "typo"
    NUMBER = "number"
    WORDS = "words"

    @property
    def label(self) -> str:
        """The Vietnamese name a reviewer reads, e.g. "đổi số"."""
        return EDIT_LABELS[self]


EDIT_LABELS = {
    EditKind.PUNCTUATION: "sửa dấu câu",
    EditKind.CASE: "sửa chữ hoa, chữ thường",
    EditKind.VARIANT: "đổi cách viết",
    EditKind.TYPO: "sửa chính tả",
    EditKind.NUMBER: "đổi số",
    EditKind.WORDS: "sửa từ ngữ",
}


class Rewording(enum.StrEnum):
    """How much the words of a text changed: a few words, or rewritten."""

    NONE = ""
    MINOR = "minor"
    REWRITTEN = "rewritten"

    @property
    def label(self) -> str:
        """ "sửa vài từ", "viết lại", or "" when no word changed."""
        return REWORDING_LABELS[self]


REWORDING_LABELS = {
    Rewording.NONE: "",
    Rewording.MINOR: "sửa vài từ",
    Rewording.REWRITTEN: "viết lại",
}


@dataclass(frozen=True, slots=True)
class Edit:
    """One run of removed and added words, as the reader sees it ("" when none).

    A number keeps a "%" written right after it, so a target reads "95% → 97%".
    """

    kind: EditKind
    old: str
    new: str

    def reversed(self) -> Edit:
        return replace(self, old=self.new, new=self.old)


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


def _is_figure(word: str) -> bool:
    return _FIGURE.fullmatch(word) is not None


def classify(removed: str, added: str) -> EditKind:
    """The kind of edit that turns ``removed`` into ``added`` (either may be empty)."""
    old, new = _words(removed), _words(added)
    if old == new:
        return EditKind.PUNCTUATION
    if [w.casefold() for w in old] == [w.casefold() for w in new]:
        return EditKind.CASE
    if [fold(w) for w in old] == [fold(w) for w in new]:
        return EditKind.VARIANT
    if len(old) != len(new) or not old:
        return EditKind.WORDS
    pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    if all(_is_figure(a) and _is_figure(b) for a, b in pairs):
        return EditKind.NUMBER
    if all(unmarked(a) == unmarked(b) and not _is_figure(a) for a, b in pairs):
        return EditKind.TYPO
    return EditKind.WORDS


def _runs(ops: tuple[WordOp, ...]) -> Iterator[tuple[str, str, str]]:
    """Each run of changed words: removed text, added text, the unchanged text after it."""
    removed = added = ""
    for op, text in ops:
        if op == "-":
            removed += text
        elif op == "+":
            added += text
        else:
            if removed or added:
                yield removed, added, text
            removed = added = ""
    if removed or added:
        yield removed, added, ""


def _shown(text: str, after: str, kind: EditKind) -> str:
    shown = " ".join(text.split())
    if kind is EditKind.NUMBER and shown and after.lstrip().startswith("%"):
        return shown + "%"
    return shown


def edits_of(ops: tuple[WordOp, ...]) -> tuple[Edit, ...]:
    """The edits of a word-level change, in reading order."""
    found = []
    for removed, added, after in _runs(ops):
        kind = classify(removed, added)
        found.append(Edit(kind, _shown(removed, after, kind), _shown(added, after, kind)))
    return tuple(found)


def notable(edits: tuple[Edit, ...], rewording: Rewording) -> tuple[Edit, ...]:
    """The edits to name to a reader besides the rewording: numbers, spelling, case,
    punctuation. In a rewritten text only numbers: its two versions are shown in full,
    and the runs of a rewrite align words by chance."""
    if rewording is Rewording.REWRITTEN:
        return tuple(edit for edit in edits if edit.kind is EditKind.NUMBER)
    return tuple(edit for edit in edits if edit.kind is not EditKind.WORDS)


def rewording_of(edits: tuple[Edit, ...], similarity: float) -> Rewording:
    """ "sửa vài từ" or "viết lại" when words changed; NONE for numbers, typos, marks."""
    if not any(edit.kind is EditKind.WORDS for edit in edits):
        return Rewording.NONE
    return Rewording.REWRITTEN if similarity < REWRITTEN_BELOW else Rewording.MINOR


@dataclass(frozen=True, slots=True)
class TextChange:
    """What changed between two versions of one text."""

    words: tuple[WordOp, ...]
    edits: tuple[Edit, ...]
    similarity: float
    rewording: Rewording


def text_change(old: Wording, new: Wording) -> TextChange | None:
    """The changed words of a text and their kinds; None when it says the same."""
    if same_text(old, new):
        return None
    words = word_changes(old, new)
    if all(op == "=" for op, _ in words):
        return None
    edits = edits_of(words)
    score = similarity(old, new)
    return TextChange(words, edits, score, rewording_of(edits, score))
