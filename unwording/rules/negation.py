"""Negation flags: a "not", "no" or "without" that a change added or dropped.

"I.e. [-don't -]use them" and "there shall be [-no -]exceptions" turn a rule into
its opposite with one word. Inside each change of a modified pair (a run of
deleted and inserted words, at most `MAX_CHANGE_WORDS` on a side, so a rewritten
paragraph is not read as a negation), negating words are counted on both sides:
more in the inserted words is `negation_added`, fewer is `negation_removed`, when
the change is the negation itself (the words around it are few, or alike on both
sides: a clause swapped for another that happens to say "not" is no flip).
Set phrases that negate nothing are not counted: "not only", "no later than",
"without prejudice", "whether or not", "No. 5".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import Indel

from ..model import Flag, Status
from . import PairText
from .editorial import change_blocks

MAX_CHANGE_WORDS = 20
FLIP_SIMILARITY = 0.5  # the words around the negation, on both sides
_WORDS = re.compile(r"\w+")
_NEGATION = re.compile(
    r"(?<![\w-])(?:not|no|never|none|nor|neither|without|cannot|nothing|nobody|nowhere|"
    r"(?:do|does|did|is|are|was|were|shall|will|would|should|must|can|could)n[’']t|won[’']t)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_SET_PHRASES = re.compile(
    r"\bnot only\b|\bno later than\b|\bnot later than\b|\bwithout prejudice\b|"
    r"\bwhether or not\b|\bno\.\s*\d|\bno one\b|\bnone the less\b|\bnot least\b",
    re.IGNORECASE,
)


def count_negations(text: str) -> list[str]:
    """The negating words of `text`, set phrases left out."""
    return [m.group().lower() for m in _NEGATION.finditer(_SET_PHRASES.sub(" ", text))]


def _flips(deleted: str, inserted: str) -> bool:
    """Whether the change is the negation itself: short, or the same words around it."""
    old, new = _WORDS.findall(_strip(deleted).lower()), _WORDS.findall(_strip(inserted).lower())
    if len(old) + len(new) <= 3:
        return True
    return Indel.normalized_similarity(old, new) >= FLIP_SIMILARITY


def _strip(text: str) -> str:
    return _NEGATION.sub(" ", _SET_PHRASES.sub(" ", text))


def negation_flags(text: PairText) -> Iterator[Flag]:
    """`negation_added` / `negation_removed` for each short change that flips one."""
    if text.pair.status is not Status.MODIFIED:
        return
    for deleted, inserted in change_blocks(text.pair.edits):
        if max(len(deleted.split()), len(inserted.split())) > MAX_CHANGE_WORDS:
            continue
        before, after = count_negations(deleted), count_negations(inserted)
        if len(before) == len(after) or not _flips(deleted, inserted):
            continue
        added = len(after) > len(before)
        word = (after if added else before)[0]
        yield Flag(
            kind="negation_added" if added else "negation_removed",
            category="negation",
            term=word,
            matched=word,
            base=text.pair.base,
            draft=text.pair.draft,
            pair=text.number,
            detail=f"{deleted.strip()!r} -> {inserted.strip()!r}" if deleted.strip() else "",
            before=deleted.strip(),
            after=inserted.strip(),
        )
