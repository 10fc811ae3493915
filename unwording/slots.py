"""Loose pairing: rewritten provisions that the strict passes of `align` left apart.

Negotiators rewrite a provision in place: its label stays, or it keeps its slot
between two paragraphs that did not change, while most of its words change; or
they add a sentence to it, or cut it down to its first clause. Word similarity
alone calls these a deletion and an insertion. After the strict passes, this
module looks again at what is left:

1. **In each gap** between consecutive in-order pairs, leftovers are paired in
   order (a weighted alignment of the two runs, so no pairing crosses another) when
   they share content and at least one of these holds:
   - they carry the same label (`14.c` and `14.c`);
   - one contains the other (a prefix, a suffix, a sentence added): most content
     words of the shorter one, in order, are in the longer one, at its start or
     end, or anywhere if the shorter one has `CONTAINED_LONG` content words (a
     short aim is not the paragraph that mentions it in passing);
   - they are the only leftovers of their gap (the same slot, 1:1);
   - their content words are similar enough on their own.
2. **Anywhere**, leftovers whose content clearly continues (high containment
   or similarity of content words, with many words shared) are paired as moved.

"Content words" leave out short words and common function words, so that two
unrelated paragraphs do not look alike because both say "the", "of" and "Parties".
The floors below were set on the real pairs of `fixtures/` (Paris Agreement drafts,
SDG targets and indicators; see README, "Alignment on real texts").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

SHARED_FLOOR = 2  # content words in common, in order, for any loose pair
LABEL_FLOOR = 0.15  # content similarity for two paragraphs with the same label
SLOT_FLOOR = 0.3  # ... for the only two leftovers of a gap (0.2 paired unrelated paragraphs)
CONTAINED = 0.75  # share of the shorter paragraph's content found in the longer
CONTAINED_WORDS = 4
CONTAINED_LONG = 8  # a shorter text contained anywhere (not at the start or end) must be this long
GAP_FLOOR = 0.35  # content similarity for leftovers in the same gap
MOVED_FLOOR = 0.4  # content similarity for leftovers paired anywhere
MOVED_WORDS = 8
MOVED_CONTAINED = 0.8
MAX_SLOT_CELLS = 250_000
MAX_MOVED_CELLS = 4_000_000
MOVED_CANDIDATES = 16  # the most similar leftovers looked at closely for each paragraph

_STOP = frozenset(
    (
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "each",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "here",
        "into",
        "its",
        "itself",
        "more",
        "most",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "shall",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "thus",
        "to",
        "under",
        "until",
        "upon",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "would",
    )
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_content(word: str) -> bool:
    """Whether a (lower-cased) word carries content: not short, not a function word."""
    return (len(word) > 3 and word not in _STOP) or bool(_CJK.match(word))


@dataclass(frozen=True)
class Shared:
    """What two paragraphs share: content words in order, and the two lengths."""

    common: int
    base_size: int
    draft_size: int
    anchored: bool = False

    @property
    def similarity(self) -> float:
        total = self.base_size + self.draft_size
        return 2 * self.common / total if total else 0.0

    @property
    def containment(self) -> float:
        shorter = min(self.base_size, self.draft_size)
        return self.common / shorter if shorter else 0.0


def shared(base: Sequence[int], draft: Sequence[int]) -> Shared:
    """Content words common to two word-id lists, in order (their LCS), and whether
    the shorter list is (nearly) the start or the end of the longer one."""
    common = (len(base) + len(draft) - Indel.distance(base, draft)) // 2
    found = Shared(common, len(base), len(draft))
    if found.containment < CONTAINED:
        return found
    return Shared(common, len(base), len(draft), _anchored(base, draft))


def _anchored(base: Sequence[int], draft: Sequence[int]) -> bool:
    shorter, longer = sorted((list(base), list(draft)), key=len)
    size = len(shorter) + 2
    for window in (longer[:size], longer[-size:]):
        common = (len(shorter) + len(window) - Indel.distance(shorter, window)) // 2
        if common >= CONTAINED * len(shorter):
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    """What a gap knows about two of its leftovers."""

    same_label: bool
    alone: bool


def loose_score(found: Shared, candidate: Candidate) -> float | None:
    """The weight of a loose pair, or None when the two should stay apart."""
    if found.common < SHARED_FLOOR:
        return None
    similarity = found.similarity
    contained = (
        found.containment >= CONTAINED
        and found.common >= CONTAINED_WORDS
        and (found.anchored or min(found.base_size, found.draft_size) >= CONTAINED_LONG)
    )
    if not (
        (candidate.same_label and similarity >= LABEL_FLOOR)
        or contained
        or (candidate.alone and similarity >= SLOT_FLOOR)
        or similarity >= GAP_FLOOR
    ):
        return None
    return similarity + 0.5 * found.containment + (0.5 if candidate.same_label else 0.0)


Scorer = Callable[[int, int], float | None]
ContentWords = Callable[[int], list[int]]


def match_in_order(
    base_ids: list[int],
    draft_ids: list[int],
    score: Scorer,
) -> list[tuple[int, int]]:
    """Best-weight pairing of two runs that keeps their order (no crossings).

    `score(b, d)` gives a weight or None (not allowed). Quadratic in the run
    lengths; the caller keeps runs small.
    """
    rows, cols = len(base_ids), len(draft_ids)
    weights = [[score(b, d) for d in draft_ids] for b in base_ids]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            value = max(best[i + 1][j], best[i][j + 1])
            weight = weights[i][j]
            if weight is not None:
                value = max(value, weight + best[i + 1][j + 1])
            best[i][j] = value
    return _walk(weights, best, base_ids, draft_ids)


def _walk(
    weights: list[list[float | None]],
    best: list[list[float]],
    base_ids: list[int],
    draft_ids: list[int],
) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    i, j = 0, 0
    while i < len(base_ids) and j < len(draft_ids):
        weight = weights[i][j]
        if weight is not None and best[i][j] == weight + best[i + 1][j + 1]:
            pairs.append((base_ids[i], draft_ids[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def moved_pairs(
    base_ids: list[int],
    draft_ids: list[int],
    base_words: ContentWords,
    draft_words: ContentWords,
) -> list[tuple[int, int]]:
    """Leftovers anywhere whose content clearly continues, best first, one to one.

    `base_words(b)` and `draft_words(d)` give the content-word ids of a paragraph.
    """
    if not base_ids or not draft_ids or len(base_ids) * len(draft_ids) > MAX_MOVED_CELLS:
        return []
    choices = [draft_words(d) for d in draft_ids]
    candidates = []
    for b in base_ids:
        words = base_words(b)
        if len(words) < MOVED_WORDS:
            continue
        found = process.extract(
            words,
            choices,
            scorer=Indel.normalized_similarity,
            score_cutoff=0.2,
            limit=MOVED_CANDIDATES,
        )
        for _, _, column in found:
            result = shared(words, choices[column])
            if _moved(result):
                candidates.append((-result.similarity, -result.common, b, draft_ids[column]))
    taken_base: set[int] = set()
    taken_draft: set[int] = set()
    pairs = []
    for _, _, b, d in sorted(candidates):
        if b not in taken_base and d not in taken_draft:
            taken_base.add(b)
            taken_draft.add(d)
            pairs.append((b, d))
    return pairs


def _moved(found: Shared) -> bool:
    if found.common < MOVED_WORDS:
        return False
    return found.similarity >= MOVED_FLOOR or found.containment >= MOVED_CONTAINED
