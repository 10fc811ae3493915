"""Term and wording timelines: what each version says, counted provision by provision.

- Every watched term and hedge of the rulebook is counted in the matching key of each
  lineage's paragraphs in each version (`rules.terms.find_terms`, as the comparison counts
  them); a term's count per version is the sum, and each change of count in a lineage
  from one version to the next is an event (`added` or `removed`) with its address.
  Subject terms that the first and last versions are both about are muted, as the
  comparison mutes them for a pair.
- The brackets of each version are counted the same way (`bracket`), without events
  (their lives are in `bracket_lives`).
- Each operative provision's opening verb (`rules.verbs.opening_verb`) and modals
  (shall, should, will, may...) in each version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..flags import Rulebook
from ..model import JOINER, Document, Kind
from ..rules.terms import find_terms
from ..rules.verbs import opening_verb
from .bracket_lives import BracketFinder
from .records import Lineage, TermEvent, TermTimeline, Wording

TermKey = tuple[str, str, str]  # kind, category, term


class TermCounter:
    """Counts of terms and hedges in a key, each distinct key counted once."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.seen: dict[str, Counter[TermKey]] = {}

    def count(self, key: str) -> Counter[TermKey]:
        known = self.seen.get(key)
        if known is None:
            known = Counter()
            for kind, lexicon in (("term", self.rulebook.terms), ("hedge", self.rulebook.hedges)):
                for term, _ in find_terms(key, lexicon.terms):
                    known[(kind, term.category, term.term)] += 1
            self.seen[key] = known
        return known


def lineage_key(lineage: Lineage, version: int, documents: Sequence[Document]) -> str | None:
    """The matching keys of a lineage's paragraphs in one version, joined."""
    place = lineage.places[version]
    if place is None:
        return None
    paragraphs = documents[version].paragraphs
    return JOINER.join(paragraphs[i].key for i in place.indices)


def term_timelines(
    lineages: Sequence[Lineage],
    documents: Sequence[Document],
    counter: TermCounter,
    finder: BracketFinder,
) -> tuple[TermTimeline, ...]:
    """Every term or hedge found in any version, then the brackets, per version."""
    versions = len(documents)
    totals: dict[TermKey, list[int]] = {}
    events: dict[TermKey, list[TermEvent]] = {}
    brackets = [0] * versions
    for lineage in lineages:
        counts = [_counted(lineage, v, documents, counter) for v in range(versions)]
        for version in range(versions):
            for term, count in counts[version].items():
                totals.setdefault(term, [0] * versions)[version] += count
            here = finder.of(lineage, version)
            brackets[version] += len(here.brackets) if here else 0
        for event in _events(lineage, counts):
            events.setdefault(event[0], []).append(event[1])
    found = [
        TermTimeline(*term, tuple(counts), tuple(sorted(events.get(term, []), key=_event_order)))
        for term, counts in totals.items()
    ]
    found.sort(key=lambda t: (not t.events, t.kind, t.category, t.term))
    return (*found, TermTimeline("bracket", "brackets", "brackets", tuple(brackets)))


def _counted(
    lineage: Lineage, version: int, documents: Sequence[Document], counter: TermCounter
) -> Counter[TermKey]:
    key = lineage_key(lineage, version, documents)
    return counter.count(key) if key is not None else Counter()


def _events(lineage: Lineage, counts: list[Counter[TermKey]]) -> list[tuple[TermKey, TermEvent]]:
    found = []
    for version in range(1, len(counts)):
        before, after = counts[version - 1], counts[version]
        place = lineage.places[version] or lineage.places[version - 1]
        address = place.address if place else ""
        for term in sorted(before.keys() | after.keys()):
            if before[term] != after[term]:
                event = TermEvent(version, lineage.number, address, before[term], after[term])
                found.append((term, event))
    return found


def _event_order(event: TermEvent) -> tuple[int, int]:
    return event.version, event.lineage


def wordings(
    lineages: Sequence[Lineage], documents: Sequence[Document], rulebook: Rulebook
) -> tuple[Wording, ...]:
    """The opening verb and modals of each operative provision in each version."""
    found = []
    for lineage in lineages:
        places = [p for p in lineage.places if p]
        if not any(place.kind == Kind.OPERATIVE.value for place in places):
            continue
        keys = [lineage_key(lineage, v, documents) for v in range(len(documents))]
        verbs = tuple(None if key is None else _verb(key, rulebook) for key in keys)
        modals = tuple(None if key is None else _modals(key, rulebook) for key in keys)
        if any(verbs) or any(modals):
            found.append(Wording(lineage.number, verbs, modals))
    return tuple(found)


def _verb(key: str, rulebook: Rulebook) -> str | None:
    found = opening_verb(key, rulebook.scales)
    return found[0] if found else None


def _modals(key: str, rulebook: Rulebook) -> tuple[str, ...]:
    pattern = rulebook.scales.modal
    if pattern is None:
        return ()
    return tuple(dict.fromkeys(found.group().lower() for found in pattern.finditer(key)))
