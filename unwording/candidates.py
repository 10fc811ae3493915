"""Candidates for global fuzzy matching: an index of the rarer words of a text.

Scoring every leftover base paragraph against every leftover draft paragraph costs
base x draft similarity computations: 4 s for 2,000 x 2,000, hours for 20,000 moved
and edited paragraphs. A paragraph that is the same as another but for a few words
shares its rarer words with it, so each base paragraph is scored only against the
`MAX_CANDIDATES` draft paragraphs that share the most of its `RARE_WORDS` rarest
words (rarest among the draft leftovers): near linear in the text, and a paragraph
moved anywhere is still found. The copies of a paragraph that occurs several times
share more candidates (`MAX_CANDIDATES` each, up to `MAX_SHARED_CANDIDATES`), so
that each can find a partner of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import add, lshift, or_

RARE_WORDS = 6  # the rarest words or word pairs of a paragraph find its candidates
MAX_CANDIDATES = 64  # draft paragraphs scored for one base paragraph, at most
MAX_SHARED_CANDIDATES = 1_024  # for the copies of a paragraph that occurs several times
MAX_POSTING = 1_000  # a word or pair in more draft paragraphs than this finds none

Words = Callable[[int], Sequence[int]]  # a paragraph's word ids


def candidate_columns(
    base_ids: Sequence[int], draft_ids: Sequence[int], base_words: Words, draft_words: Words
) -> dict[int, list[int]]:
    """For each base paragraph, the positions in `draft_ids` of its candidates."""
    draft_shingles = [shingles(draft_words(d)) for d in draft_ids]
    counts: Counter[int] = Counter()
    for held in draft_shingles:
        counts.update(held)  # in C
    copies: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for b in base_ids:
        copies[tuple(base_words(b))].append(b)
    chosen = {words: _rarest(shingles(words), counts) for words in copies}
    postings = _postings(draft_shingles, {s for rarest in chosen.values() for s in rarest[0]})
    result: dict[int, list[int]] = {}
    for words, group in copies.items():
        limit = min(MAX_CANDIDATES * len(group), MAX_SHARED_CANDIDATES)
        columns = _columns(*chosen[words], postings, limit)
        result.update((b, columns) for b in group)
    return result


def shingles(words: Sequence[int]) -> set[int]:
    """The words of a paragraph and the pairs of successive words, as numbers (a pair
    is rarer than its words; a short paragraph with a word changed keeps some words)."""
    firsts = map(lshift, map(add, words, repeat(1)), repeat(32))
    return set(map(or_, firsts, words[1:])) | set(words)


def _rarest(words: set[int], counts: Counter[int]) -> tuple[list[int], bool]:
    """The `RARE_WORDS` rarest of `words` that are in at most `MAX_POSTING` draft
    paragraphs (True), or else the rarest one alone (False; none if none is in the
    draft)."""
    found = sorted((word for word in words if word in counts), key=counts.__getitem__)
    usable = [word for word in found[:RARE_WORDS] if counts[word] <= MAX_POSTING]
    return (usable, True) if usable else (found[:1], False)


def _postings(draft_shingles: list[set[int]], wanted: set[int]) -> dict[int, list[int]]:
    """Word id -> positions of the draft paragraphs holding it (the `wanted` ones)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for column, found in enumerate(draft_shingles):
        for shingle in found & wanted:
            postings[shingle].append(column)
    return postings


def _columns(
    words: list[int], usable: bool, postings: dict[int, list[int]], limit: int
) -> list[int]:
    """Draft positions sharing the most of `words` (the rarest, see `_rarest`), up to
    `limit`; the first paragraphs of the rarest word when every word is too common."""
    if not usable:
        return postings[words[0]][:limit] if words else []
    shared: Counter[int] = Counter()
    for word in words:
        shared.update(postings[word])
    if len(shared) <= limit:
        return sorted(shared)
    return sorted(column for column, _ in shared.most_common(limit))
