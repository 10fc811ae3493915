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

RARE_WORDS = 6  # the rarest words or word pairs of a paragraph find its candidates
MAX_CANDIDATES = 64  # draft paragraphs scored for one base paragraph, at most
MAX_SHARED_CANDIDATES = 1_024  # for the copies of a paragraph that occurs several times
MAX_POSTING = 1_000  # a word or pair in more draft paragraphs than this finds none

Words = Callable[[int], Sequence[int]]  # a paragraph's word ids


def candidate_columns(
    base_ids: Sequence[int], draft_ids: Sequence[int], base_words: Words, draft_words: Words
) -> dict[int, list[int]]:
    """For each base paragraph, the positions in `draft_ids` of its candidates."""
    postings = _postings(draft_ids, draft_words)
    copies: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for b in base_ids:
        copies[tuple(base_words(b))].append(b)
    found: dict[int, list[int]] = {}
    for words, group in copies.items():
        limit = min(MAX_CANDIDATES * len(group), MAX_SHARED_CANDIDATES)
        columns = _columns(shingles(words), postings, limit)
        found.update((b, columns) for b in group)
    return found


def shingles(words: Sequence[int]) -> set[int]:
    """The words of a paragraph and the pairs of successive words, as numbers (a pair
    is rarer than its words; a short paragraph with a word changed keeps some words)."""
    pairs = {(first + 1) << 32 | second for first, second in zip(words, words[1:], strict=False)}
    return pairs | set(words)


def _postings(draft_ids: Sequence[int], draft_words: Words) -> dict[int, list[int]]:
    """Word id -> positions of the draft paragraphs holding it."""
    postings: dict[int, list[int]] = defaultdict(list)
    for column, d in enumerate(draft_ids):
        for shingle in shingles(draft_words(d)):
            postings[shingle].append(column)
    return postings


def _columns(words: set[int], postings: dict[int, list[int]], limit: int) -> list[int]:
    """Draft positions sharing the most of the `RARE_WORDS` rarest of `words` (words
    in more than `MAX_POSTING` paragraphs left out), up to `limit`; the first
    paragraphs of the rarest word when every word is that common."""
    found = sorted((postings[word] for word in words if word in postings), key=len)
    usable = [columns for columns in found[:RARE_WORDS] if len(columns) <= MAX_POSTING]
    if not usable:
        return found[0][:limit] if found else []
    shared: Counter[int] = Counter()
    for columns in usable:
        shared.update(columns)
    if len(shared) <= limit:
        return sorted(shared)
    return sorted(column for column, _ in shared.most_common(limit))
