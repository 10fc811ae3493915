"""New paragraphs: the same or near-same new paragraphs of several proposals grouped.

Two new paragraphs are near the same when their words, case and spacing aside, are at
least `NEAR` similar (rapidfuzz's Indel ratio, as the alignment stage scores
paragraphs). A group is placed after the earliest base paragraph any of its members
follows, and numbered from that paragraph's label with the Latin ordinals UN drafts
use (`16.10 bis`, `16.10 ter`); each distinct wording is a variant, shown as a word
diff from the group's first wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from ..diff import diff_texts
from ..model import Edit, Op
from .records import NewParagraph, SponsoredFlag, Version
from .references import LATIN
from .sites import merge_alternatives

NEAR = 0.75
ORDINALS = LATIN  # bis, ter, ... vicies


@dataclass(frozen=True)
class NewCandidate:
    """One new paragraph of one proposal, placed after base paragraph `after`."""

    sponsor: str
    after: int | None
    text: str
    flags: tuple[SponsoredFlag, ...] = ()


def group_new_paragraphs(
    candidates: Sequence[NewCandidate], names: Sequence[str], strict: bool = False
) -> tuple[NewParagraph, ...]:
    """The candidates in groups of the same or near-same wording, in base order."""
    groups: list[list[NewCandidate]] = []
    for candidate in candidates:
        home = next((g for g in groups if _joins(g, candidate)), None)
        if home is None:
            groups.append([candidate])
        else:
            home.append(candidate)
    groups.sort(key=_place)
    numbered = _numbers(groups)
    return tuple(
        _group(g, number, names, strict) for g, number in zip(groups, numbered, strict=True)
    )


def _joins(group: list[NewCandidate], candidate: NewCandidate) -> bool:
    """Near the group's first wording, and from a sponsor not in it yet (two new
    paragraphs of one proposal are two paragraphs, never two wordings of one)."""
    if any(member.sponsor == candidate.sponsor for member in group):
        return False
    return _near(group[0].text, candidate.text)


def _near(first: str, other: str) -> bool:
    a, b = (" ".join(text.casefold().split()) for text in (first, other))
    return a == b or Indel.normalized_similarity(a, b) >= NEAR


def _place(group: list[NewCandidate]) -> int:
    return min(-1 if c.after is None else c.after for c in group)


def _numbers(groups: list[list[NewCandidate]]) -> list[int]:
    """The rank of each group among the groups placed after the same paragraph."""
    seen: dict[int, int] = {}
    ranks = []
    for group in groups:
        place = _place(group)
        seen[place] = seen.get(place, -1) + 1
        ranks.append(seen[place])
    return ranks


def ordinal(rank: int) -> str:
    """`bis` for 0 (the second paragraph at a place), `ter` for 1, ... `vicies` for 18
    (the twentieth), then `bis 21`, `bis 22`... (as instruments number them)."""
    return ORDINALS[rank] if rank < len(ORDINALS) else f"bis {rank + 2}"


def _group(
    group: list[NewCandidate], rank: int, names: Sequence[str], strict: bool
) -> NewParagraph:
    place = _place(group)
    anchor = names[place] if place >= 0 else "(start)"
    number = ordinal(rank)
    address = f"{anchor} {number}"
    wordings = merge_alternatives(((c.sponsor,), c.text) for c in group)
    first = wordings[0].text
    variants = tuple(Version(w.sponsors, w.text, _edits(first, w.text, strict)) for w in wordings)
    flags = tuple(replace(f, address=address) for c in group for f in c.flags)
    return NewParagraph(address, None if place < 0 else place, variants, flags, number)


def _edits(first: str, text: str, strict: bool) -> tuple[Edit, ...]:
    if text == first:
        return (Edit(Op.INSERT, text),)
    return diff_texts(first, text, strict)
