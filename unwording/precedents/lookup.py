"""Look a phrase up in an index: the exact phrase first, then near matches.

`total` and `since` count the paragraphs holding the phrase word for word only, so
they do not depend on how many hits are asked for; near matches (a word or two
different, which may say the opposite: "domestic law" for "international law") are
shown as hits after the exact ones, never counted as agreement.

Hits are ranked by exactness (the exact phrase, then one word different, then two),
then by recency (the latest dated document first; undated last), then by symbol and
address, so the same index and phrase always give the same answer. The backend only
proposes candidates; every hit is checked here, word by word (`phrases.find_in`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .phrases import find_in, sentence, tolerance, words_of
from .records import Hit, Lookup, Stored
from .store import Index

LIMIT = 5  # hits shown per phrase
EXACT_CANDIDATES = 64  # exact candidates checked, the most recent first
NEAR_CANDIDATES = 48  # near candidates checked, the likeliest first


def lookup(index: Index, phrase: str, limit: int = LIMIT, exclude: Sequence[str] = ()) -> Lookup:
    """Where `phrase` (normalized as the comparison normalizes) was used in the texts
    of `index`, leaving out documents whose symbol or identity is in `exclude`."""
    words = words_of(phrase)
    if not words:
        return Lookup(phrase, (), 0, None)
    total, since, candidates = index.exact(words, exclude, max(limit, EXACT_CANDIDATES))
    exact = _checked(words, candidates, 0)
    total -= len(candidates) - len(exact)  # proposed by the backend, refused here
    near: list[Hit] = []
    if tolerance(len(words)) and len(exact) < limit:
        seen = {(hit.symbol, hit.language, hit.address) for hit in exact}
        found = _checked(words, index.near(words, exclude, NEAR_CANDIDATES), len(words))
        near = [hit for hit in found if hit.changes and _place(hit) not in seen]
    hits = sorted([*exact, *near], key=rank)
    return Lookup(phrase, tuple(hits[:limit]), total, since)


def _checked(words: tuple[str, ...], candidates: list[Stored], count: int) -> list[Hit]:
    """The candidates that hold the phrase, as hits (`count`: 0 for exact only)."""
    changes = tolerance(count) if count else 0
    hits = []
    for stored in candidates:
        found = find_in(words, stored.text, changes)
        if found is not None:
            hits.append(_hit(stored, *found))
    return hits


def _hit(stored: Stored, changes: int, start: int, end: int) -> Hit:
    return Hit(
        symbol=stored.symbol,
        title=stored.title,
        date=stored.date,
        language=stored.language,
        source=stored.source,
        address=stored.address,
        changes=changes,
        matched=stored.text[start:end],
        sentence=sentence(stored.text, start, end),
    )


def _place(hit: Hit) -> tuple[str, str, str]:
    return hit.symbol, hit.language, hit.address


def rank(hit: Hit) -> tuple[int, tuple[int, ...], str, str, str]:
    """Sort key: exact first, then fewer words different, then the latest date
    (undated last), then symbol, address and file."""
    recency = tuple(-ord(c) for c in hit.date) if hit.date else (1,)
    return hit.changes, recency, hit.symbol, hit.address, hit.source
