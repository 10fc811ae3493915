"""Repeated changes: the same substitution made in many paragraphs, reported once.

An editor who turns "the Paris Agreement" into "this Agreement" in 23 paragraphs
made one decision, not 23. `find_repeats` collects the change runs (deleted and
inserted words between unchanged text) that occur in at least `MIN_PLACES`
modified paragraphs; the text and HTML reports show each once, with its count and
places, and list individually only the paragraphs that changed in other ways too
or raised a flag. The JSON report keeps every pair and adds the list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Comparison, Edit, Status
from .rules.editorial import change_blocks

MIN_PLACES = 3
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True)
class Repeat:
    """One substitution (deleted -> inserted words) and the pairs that make it."""

    deleted: str
    inserted: str
    pairs: tuple[int, ...]


def find_repeats(comparison: Comparison) -> tuple[Repeat, ...]:
    """Substitutions of words made in at least `MIN_PLACES` modified pairs, most
    frequent first (punctuation alone does not count)."""
    places: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, pair in enumerate(comparison.pairs):
        if pair.status is not Status.MODIFIED:
            continue
        for change in sorted(set(_blocks(pair.edits))):
            places[change].append(number)
    found = [
        Repeat(deleted, inserted, tuple(numbers))
        for (deleted, inserted), numbers in places.items()
        if len(numbers) >= MIN_PLACES and _WORDISH.search(deleted + inserted)
    ]
    return tuple(sorted(found, key=lambda r: (-len(r.pairs), r.deleted, r.inserted)))


def covered_pairs(comparison: Comparison, repeats: tuple[Repeat, ...]) -> frozenset[int]:
    """Pairs whose every change is one of `repeats` and that raised no flag."""
    flagged = {flag.pair for flag in comparison.flags}
    known = {(r.deleted, r.inserted) for r in repeats}
    return frozenset(
        number
        for r in repeats
        for number in r.pairs
        if number not in flagged and set(_blocks(comparison.pairs[number].edits)) <= known
    )


def _blocks(edits: Sequence[Edit]) -> list[tuple[str, str]]:
    return [(" ".join(d.split()), " ".join(i.split())) for d, i in change_blocks(edits)]
