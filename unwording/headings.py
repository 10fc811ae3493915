"""Headings: paired by where their sections went, not by their numbers or titles.

When a negotiation renumbers its articles, "Article 6 (finance)" of a draft
becomes "Article 9" of the final text, and the final "Article 6" is about
something else. A heading is therefore paired with the heading under which most
of its section's paragraphs ended up (the body is aligned first, without the
headings). Headings whose sections give no answer (empty sections, sections
whose paragraphs all went or came) are paired by the same title, then by a
similar one.

Only structural headings are treated so: numbered headings (`IV.`, `B.`,
`Goal 16`) and headings naming a part of the text (Article, Annex, Chapter...),
of at most `LONG_HEADING` words. Other headings (bold sub-headings, titles, a
line that merely lacks closing punctuation) are aligned as body paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .model import Document, Kind

LONG_HEADING = 25  # words: a "heading" this long is a heading glued to its text
MIN_SHARE = 0.25  # of the smaller section's paragraphs that must have gone to the other
TITLE_CUTOFF = 0.8
MAX_TITLE_CELLS = 1_000_000
_STRUCTURAL = re.compile(
    r"^\W*(?:Article|Annex|Chapter|Section|Part|Appendix|Goal|Target|Preamble)\b", re.I
)
_WORD = re.compile(r"\w+")

HeadingPair = tuple[int, int, float, bool]
Heads = tuple[list[int], list[int]]
Sizes = tuple[Counter[int], Counter[int]]


class Grouped(Protocol):
    """A group of aligned paragraphs (`align._Group`): base and draft indices."""

    @property
    def base(self) -> Sequence[int]: ...

    @property
    def draft(self) -> Sequence[int]: ...


def structural_headings(document: Document) -> list[int]:
    """Indices of the paragraphs aligned as headings (see the module docstring)."""
    return [
        index
        for index, paragraph in enumerate(document.paragraphs)
        if paragraph.kind is Kind.HEADING
        and len(paragraph.key.split()) <= LONG_HEADING
        and (paragraph.label is not None or _STRUCTURAL.match(paragraph.key))
    ]


def pair_headings(
    base: Document, draft: Document, heads: Heads, groups: Iterable[Grouped]
) -> list[HeadingPair]:
    """(base, draft, similarity, exact) for every pair of headings found."""
    base_heads, draft_heads = heads
    if not base_heads or not draft_heads:
        return []
    owners = (
        section_owners(len(base.paragraphs), base_heads),
        section_owners(len(draft.paragraphs), draft_heads),
    )
    votes = _votes(groups, owners)
    sizes = Counter(o for o in owners[0] if o >= 0), Counter(o for o in owners[1] if o >= 0)
    found: dict[int, int] = {}
    taken: set[int] = set()
    for (b, d), count in sorted(votes.items(), key=lambda item: _rank(item, sizes)):
        if count / max(1, min(sizes[0][b], sizes[1][d])) < MIN_SHARE:
            continue
        if b not in found and d not in taken:
            found[b] = d
            taken.add(d)
    _by_title(base, draft, heads, found, taken)
    return [_heading_pair(base, draft, b, d) for b, d in found.items()]


def section_owners(count: int, heads: list[int]) -> list[int]:
    """For each paragraph, the heading whose section holds it (-1 before the first)."""
    owners, current, at = [-1] * count, -1, 0
    for index in range(count):
        if at < len(heads) and heads[at] == index:
            current, at = index, at + 1
            continue
        owners[index] = current
    return owners


def _votes(groups: Iterable[Grouped], owners: Heads) -> Counter[tuple[int, int]]:
    votes: Counter[tuple[int, int]] = Counter()
    for group in groups:
        for b in group.base:
            for d in group.draft:
                if owners[0][b] >= 0 and owners[1][d] >= 0:
                    votes[owners[0][b], owners[1][d]] += 1
    return votes


def _rank(item: tuple[tuple[int, int], int], sizes: Sizes) -> tuple[float, int, int, int]:
    (b, d), count = item
    return (-count / max(1, min(sizes[0][b], sizes[1][d])), -count, b, d)


def _by_title(
    base: Document, draft: Document, heads: Heads, found: dict[int, int], taken: set[int]
) -> None:
    """Pair the headings still alone: the same title first, then a similar one, in order."""
    left_base = [b for b in heads[0] if b not in found]
    left_draft = [d for d in heads[1] if d not in taken]
    where: dict[str, list[int]] = {}
    for d in left_draft:
        where.setdefault(draft.paragraphs[d].key, []).append(d)
    for b in left_base:
        same = where.get(base.paragraphs[b].key)
        if same:
            found[b] = same.pop(0)
            taken.add(found[b])
    left_base = [b for b in left_base if b not in found]
    left_draft = [d for d in left_draft if d not in taken]
    if left_base and left_draft and len(left_base) * len(left_draft) <= MAX_TITLE_CELLS:
        _similar_titles(base, draft, left_base, left_draft, found, taken)


def _similar_titles(
    base: Document,
    draft: Document,
    left_base: list[int],
    left_draft: list[int],
    found: dict[int, int],
    taken: set[int],
) -> None:
    choices = [_words(draft.paragraphs[d].key) for d in left_draft]
    candidates: list[tuple[float, int, int]] = []
    for b in left_base:
        words = _words(base.paragraphs[b].key)
        for _, score, column in process.extract(
            words,
            choices,
            scorer=Indel.normalized_similarity,
            score_cutoff=TITLE_CUTOFF,
            limit=None,
        ):
            candidates.append((-score, b, left_draft[column]))
    for _, b, d in sorted(candidates):
        if b not in found and d not in taken:
            found[b] = d
            taken.add(d)


def _words(key: str) -> list[str]:
    return _WORD.findall(key.lower())


def _heading_pair(base: Document, draft: Document, b: int, d: int) -> HeadingPair:
    base_key, draft_key = base.paragraphs[b].key, draft.paragraphs[d].key
    if base_key == draft_key:
        return (b, d, 1.0, True)
    return (b, d, Indel.normalized_similarity(_words(base_key), _words(draft_key)), False)
