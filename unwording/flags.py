"""Flag stage: which watched terms a pair added or removed.

For each pair that is not unchanged, every lexicon term is counted in the base
side and in the draft side (on the matching keys, so typography does not
matter; overlapping matches go to the longest term). A higher count in the
draft is `term_added`, a lower one `term_removed`. Unchanged pairs, moved or
not, have equal keys and so raise no term flag.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from .lexicon import Lexicon, Term
from .model import Flag, Pair, Status

TERM_ADDED = "term_added"
TERM_REMOVED = "term_removed"
JOINER = "\n"


def flag_pairs(
    pairs: Sequence[Pair], base_keys: Sequence[str], draft_keys: Sequence[str], lexicon: Lexicon
) -> tuple[Flag, ...]:
    """All term flags of all pairs, in pair order then lexicon order."""
    flags: list[Flag] = []
    for number, pair in enumerate(pairs):
        if pair.status is not Status.UNCHANGED:
            base = JOINER.join(base_keys[i] for i in pair.base)
            draft = JOINER.join(draft_keys[i] for i in pair.draft)
            flags.extend(flag_texts(base, draft, lexicon, pair, number))
    return tuple(flags)


def flag_texts(base: str, draft: str, lexicon: Lexicon, pair: Pair, number: int) -> Iterator[Flag]:
    """Term flags for one pair whose joined keys are `base` and `draft`."""
    base_found = find_terms(base, lexicon.terms)
    draft_found = find_terms(draft, lexicon.terms)
    base_counts = Counter((term.category, term.term) for term, _ in base_found)
    draft_counts = Counter((term.category, term.term) for term, _ in draft_found)
    for term in _unique(lexicon.terms):
        key = (term.category, term.term)
        before, after = base_counts[key], draft_counts[key]
        if before == after:
            continue
        kind, found, other = (
            (TERM_ADDED, draft_found, base_found)
            if after > before
            else (TERM_REMOVED, base_found, draft_found)
        )
        yield Flag(
            kind=kind,
            category=term.category,
            term=term.term,
            matched=_example(term, found, other),
            base=pair.base,
            draft=pair.draft,
            pair=number,
            base_count=before,
            draft_count=after,
        )


def find_terms(text: str, terms: Sequence[Term]) -> list[tuple[Term, str]]:
    """Non-overlapping term matches in `text`, longest first where they overlap."""
    matches = []
    lowered = text.lower()
    for order, term in enumerate(terms):
        if not term.may_occur_in(lowered):
            continue
        for found in term.regex.finditer(text):
            matches.append((found.start(), -(found.end() - found.start()), order, found))
    kept: list[tuple[Term, str]] = []
    reach = -1
    for start, _, order, found in sorted(matches):
        if start >= reach:
            kept.append((terms[order], found.group()))
            reach = found.end()
    return kept


def _unique(terms: Sequence[Term]) -> Iterator[Term]:
    seen: set[tuple[str, str]] = set()
    for term in terms:
        if (term.category, term.term) not in seen:
            seen.add((term.category, term.term))
            yield term


def _example(term: Term, found: list[tuple[Term, str]], other: list[tuple[Term, str]]) -> str:
    texts = [text for match, text in found if match is term]
    others = {text.lower() for match, text in other if match is term}
    fresh = [text for text in texts if text.lower() not in others]
    return (fresh or texts)[0]
