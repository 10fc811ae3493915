"""Count-based flags: watched terms and hedges added or removed in a pair.

Every lexicon term is counted in the base side and in the draft side (on the
matching keys, so typography does not matter; overlapping matches go to the
longest term). A higher count in the draft is `<kind>_added`, a lower one
`<kind>_removed`. Unchanged pairs, moved or not, have equal keys and raise nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..lexicon import Lexicon, Term, fold_accents
from ..model import Flag
from . import PairText

_WORD = re.compile(r"\w+")
Found = tuple[tuple[Term, str], ...]  # the terms matched in a text, with the words matched


def count_flags(text: PairText, lexicon: Lexicon, kind: str) -> Iterator[Flag]:
    """`<kind>_added` / `<kind>_removed` flags for every term whose count changed."""
    if text.base == text.draft:
        return  # the same keys: the same counts
    base_found = find_terms(text.base, lexicon.terms)
    draft_found = find_terms(text.draft, lexicon.terms)
    base_counts = Counter((term.category, term.term) for term, _ in base_found)
    draft_counts = Counter((term.category, term.term) for term, _ in draft_found)
    if base_counts == draft_counts:
        return
    first = _index(lexicon.terms).firsts
    for key in sorted(base_counts.keys() | draft_counts.keys(), key=lambda k: first[k][0]):
        before, after = base_counts[key], draft_counts[key]
        if before == after:
            continue
        term = first[key][1]
        added = after > before
        found, other = (draft_found, base_found) if added else (base_found, draft_found)
        yield Flag(
            kind=f"{kind}_added" if added else f"{kind}_removed",
            category=term.category,
            term=term.term,
            matched=_example(term, found, other),
            base=text.pair.base,
            draft=text.pair.draft,
            pair=text.number,
            base_count=before,
            draft_count=after,
        )


def find_terms(text: str, terms: Sequence[Term]) -> Found:
    """Non-overlapping term matches in `text`, longest first where they overlap.

    Only terms that can occur are tried: those with a phrase whose words are all
    among the text's words (found through an index by word), and those that must
    be looked for as substrings (stems, Chinese, Arabic, user patterns)."""
    index = _index(terms)
    known = index.found.get(text)
    if known is None:
        if len(index.found) > MAX_REMEMBERED:
            index.found.clear()
        known = index.found[text] = _found(text, terms, index)
    return known


MAX_REMEMBERED = 4096  # texts whose matches are kept per list of terms (a text recurs:
# the base of one pair is often the draft of another, or another copy's text)


def _found(text: str, terms: Sequence[Term], index: _Index) -> Found:
    matches = []
    lowered, words = _scanned(text)
    for order in _possible(words, lowered, terms, index):
        for start, end, matched in terms[order].finditer(text, lowered):
            matches.append((start, start - end, order, end, matched))
    kept: list[tuple[Term, str]] = []
    reach = -1
    for start, _, order, end, matched in sorted(matches):
        if start >= reach:
            kept.append((terms[order], matched))
            reach = end
    return tuple(kept)


def _possible(words: set[str], lowered: str, terms: Sequence[Term], index: _Index) -> list[int]:
    """The positions of the terms that may occur in the text (`Term.may_occur_among`):
    a phrase all of whose words are among the text's (only the phrases filed under a
    word of the text are tried), or a term that must be tried whole."""
    orders = {order for order in index.always if terms[order].may_occur_among(words, lowered)}
    phrases = index.phrases
    for word in words & phrases.keys():
        orders.update(order for order, phrase in phrases[word] if phrase <= words)
    return sorted(orders)


def _scanned(text: str) -> tuple[str, set[str]]:
    """The text folded (`fold_accents`) and its words, kept for the next list of terms
    (the lexicon's then the hedges' are tried on the same text)."""
    known = _SCANNED.get(text)
    if known is None:
        if len(_SCANNED) > MAX_REMEMBERED:
            _SCANNED.clear()
        lowered = fold_accents(text)
        known = _SCANNED[text] = lowered, set(_WORD.findall(lowered))
    return known


_SCANNED: dict[str, tuple[str, set[str]]] = {}


@dataclass(frozen=True)
class _Index:
    """What find_terms and count_flags need of a list of terms, built once per list:
    the whole-word phrases (as sets of words, with their term's position) filed by
    their longest word, the positions to try always, and each (category, term)'s
    first position and entry (the flag order)."""

    phrases: dict[str, list[tuple[int, frozenset[str]]]]  # by their longest word
    always: set[int]
    firsts: dict[tuple[str, str], tuple[int, Term]]
    found: dict[str, Found] = field(default_factory=dict)  # by text


_INDEXES: dict[int, tuple[Sequence[Term], _Index]] = {}


def _index(terms: Sequence[Term]) -> _Index:
    cached = _INDEXES.get(id(terms))
    if cached is not None and cached[0] is terms:
        return cached[1]
    if len(_INDEXES) > 16:
        _INDEXES.clear()
    _INDEXES[id(terms)] = (terms, _built_index(terms))
    return _INDEXES[id(terms)][1]


def _built_index(terms: Sequence[Term]) -> _Index:
    index = _Index({}, set(), {})
    for order, term in enumerate(terms):
        sets, partial = term.hint_words
        if partial or not sets:
            index.always.add(order)
        for phrase in sets:
            index.phrases.setdefault(max(phrase, key=len), []).append((order, phrase))
        index.firsts.setdefault((term.category, term.term), (order, term))
    return index


def _example(term: Term, found: Found, other: Found) -> str:
    texts = [text for match, text in found if match is term]
    others = {text.lower() for match, text in other if match is term}
    fresh = [text for text in texts if text.lower() not in others]
    return (fresh or texts)[0]
