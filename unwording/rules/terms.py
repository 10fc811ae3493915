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
    if not may_differ(text, lexicon.terms):
        return
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


def may_differ(text: PairText, terms: Sequence[Term]) -> bool:
    """Whether a term can be counted differently on the two sides of a pair. A match
    that touches the change, or whose context (`unless_preceded_by`, `..._followed_by`)
    does, holds a word within `_Index.reach` words of it: a word of one of its phrases
    (every word of which is in the text), the start of a stem, or a pattern's match.
    With none on either side, the matches away from the change are the same on both
    sides, and so are the counts. Patterns from a user lexicon have no known length:
    their terms are always counted."""
    index = _index(terms)
    if index.reach is None or not text.base or not text.draft:
        return True
    near_base, near_draft = text.around(index.reach)
    return _touches(near_base, text.base, terms, index) or _touches(
        near_draft, text.draft, terms, index
    )


def _touches(near: str, full: str, terms: Sequence[Term], index: _Index) -> bool:
    near_lowered, near_words = folded_words(near)
    full_words = folded_words(full)[1]
    for word in full_words & index.by_longest.keys():
        for phrase in index.by_longest[word]:
            if phrase <= full_words and not phrase.isdisjoint(near_words):
                return True
    for order in index.always:
        term = terms[order]
        if any(hint in near_lowered for hint in term.hint_words[1]):
            return True
        if not term.hints and term.regex.search(near_lowered):  # a pattern: one word
            return True
    return False


def folded_words(text: str) -> tuple[str, frozenset[str]]:
    """`text` folded (lexicon.fold_accents) and its words, remembered for the texts of
    the last pairs (the terms and the hedges read the same texts)."""
    known = _FOLDED.get(text)
    if known is None:
        if len(_FOLDED) > MAX_REMEMBERED:
            _FOLDED.clear()
        lowered = fold_accents(text)
        known = _FOLDED[text] = lowered, frozenset(_WORD.findall(lowered))
    return known


_FOLDED: dict[str, tuple[str, frozenset[str]]] = {}


def _found(text: str, terms: Sequence[Term], index: _Index) -> Found:
    matches = []
    lowered, words = folded_words(text)
    by_word, always = index.by_word, index.always
    orders = {order for word in words & by_word.keys() for order in by_word[word]}
    for order in sorted(orders | always):
        term = terms[order]
        if not term.may_occur_among(words, lowered):
            continue
        for start, end, matched in term.finditer(text, lowered):
            matches.append((start, start - end, order, end, matched))
    kept: list[tuple[Term, str]] = []
    reach = -1
    for start, _, order, end, matched in sorted(matches):
        if start >= reach:
            kept.append((terms[order], matched))
            reach = end
    return tuple(kept)


@dataclass(frozen=True)
class _Index:
    """What find_terms and count_flags need of a list of terms, built once per list:
    positions by a word each of their whole-word phrases needs, the positions to try
    always, and each (category, term)'s first position and entry (the flag order)."""

    by_word: dict[str, set[int]]
    always: set[int]
    firsts: dict[tuple[str, str], tuple[int, Term]]
    found: dict[str, Found] = field(default_factory=dict)  # by text
    by_longest: dict[str, set[frozenset[str]]] = field(default_factory=dict)  # phrases
    reach: int | None = 0  # see may_differ (None: user patterns, no known length)


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
    index = _Index({}, set(), {}, reach=_reach(terms))
    for order, term in enumerate(terms):
        sets, partial = term.hint_words
        if partial or not sets:
            index.always.add(order)
        for phrase in sets:
            index.by_word.setdefault(max(phrase, key=len), set()).add(order)
            index.by_longest.setdefault(max(phrase, key=len), set()).add(phrase)
        index.firsts.setdefault((term.category, term.term), (order, term))
    return index


def _reach(terms: Sequence[Term]) -> int | None:
    """Space-separated words from a change within which a match touching it has a word:
    its context words, each with a separator that may be " - " (two spaces), and one
    word more for a change that ends inside a word."""
    if any(term.bounded for term in terms):
        return None
    spellings = [term.spelling for term in terms]
    context = max(
        (len(words.split()) for s in spellings for words in (*s.preceded, *s.followed)),
        default=0,
    )
    return 2 * (context + 1) + 1


def _example(term: Term, found: Found, other: Found) -> str:
    texts = [text for match, text in found if match is term]
    others = {text.lower() for match, text in other if match is term}
    fresh = [text for text in texts if text.lower() not in others]
    return (fresh or texts)[0]
