"""Frozen records of a negotiation followed through its versions (`History`).

- `Version`: one text of the negotiation, its label, file, UN symbol and date.
- `Step`: the comparison of two successive versions (`compare_documents`).
- `Lineage`: one provision's chain through the versions: its paragraphs and address
  in each version (`Place`), what each step did to it, where it came back after a gap.
- `TermTimeline`: a watched term or hedge counted per version, with the versions and
  paragraphs where it was added or removed (`TermEvent`).
- `Wording`: the opening verb and modals of an operative provision in each version.
- `BracketLife`: one bracket of a provision: when it appeared, when it was lifted and
  how (which alternative survived).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Comparison, Notice, Options

if TYPE_CHECKING:
    from ..precedents.records import Precedents


@dataclass(frozen=True)
class Version:
    """One version: how it is named in reports, and what was found about it."""

    label: str
    source: str
    date: str | None = None
    symbol: str | None = None
    paragraphs: int = 0

    @property
    def name(self) -> str:
        """`v2 (2015-12-04)`: the label, with the date when one is known."""
        return f"{self.label} ({self.date})" if self.date else self.label


@dataclass(frozen=True)
class Step:
    """The comparison of version `before` with version `after` (= before + 1)."""

    before: int
    after: int
    comparison: Comparison


@dataclass(frozen=True)
class Place:
    """A lineage's paragraphs in one version: indices, address and joined text."""

    indices: tuple[int, ...]
    address: str
    text: str
    kind: str = ""


@dataclass(frozen=True)
class Passage:
    """What one step did to a lineage: the pairs of that step holding its paragraphs
    (`status` of the first; `restored` when the lineage came back after a gap)."""

    step: int
    status: str
    pairs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Lineage:
    """One provision through the versions: `places` has one entry per version (None
    where it is absent); `passages` one per step it crossed; `settled` the first version
    from which its text holds no bracket or Option (None when it never held one)."""

    number: int
    places: tuple[Place | None, ...]
    passages: tuple[Passage, ...] = ()
    restored: tuple[tuple[int, int], ...] = ()
    settled: int | None = None

    @property
    def name(self) -> str:
        """Its address in the last version it is in."""
        return next(place.address for place in reversed(self.places) if place)

    @property
    def present(self) -> tuple[int, ...]:
        """The versions it is in."""
        return tuple(number for number, place in enumerate(self.places) if place)


@dataclass(frozen=True)
class TermEvent:
    """A term's count in one lineage changed from version `version - 1` to `version`."""

    version: int
    lineage: int
    address: str
    before: int
    after: int

    @property
    def change(self) -> str:
        """`added` or `removed`."""
        return "added" if self.after > self.before else "removed"


@dataclass(frozen=True)
class TermTimeline:
    """A watched term (`kind` `term`) or hedge (`hedge`), or the brackets (`bracket`),
    counted in each version, with every change of count by paragraph."""

    kind: str
    category: str
    term: str
    counts: tuple[int, ...]
    events: tuple[TermEvent, ...] = ()


@dataclass(frozen=True)
class Wording:
    """An operative provision's opening verb and modals in each version (None: absent)."""

    lineage: int
    verbs: tuple[str | None, ...]
    modals: tuple[tuple[str, ...] | None, ...]


@dataclass(frozen=True)
class BracketLife:
    """A bracket of one lineage: in versions `first` to `last`; `lifted` is the version
    it is gone from (None: still open in the last version it was seen), `outcome` what
    the comparison said (`kept: should`, `dropped`, `kept with edits`, `paragraph deleted`,
    `changed`) and `after` the wording that stands in its place."""

    lineage: int
    text: str
    first: int
    last: int
    lifted: int | None = None
    outcome: str = "open"
    after: str = ""


@dataclass(frozen=True)
class History:
    """A negotiation followed through its versions: everything the reports show."""

    versions: tuple[Version, ...]
    steps: tuple[Step, ...]
    lineages: tuple[Lineage, ...]
    terms: tuple[TermTimeline, ...] = ()
    wordings: tuple[Wording, ...] = ()
    brackets: tuple[BracketLife, ...] = ()
    options: Options = field(default_factory=Options)
    warnings: tuple[Notice, ...] = ()
    categories: dict[str, str] = field(default_factory=dict)
    precedents: tuple[Precedents, ...] | None = None  # per step, with --precedents

    def category_title(self, category: str) -> str:
        """How a flag or term category is shown to readers."""
        return self.categories.get(category, category)

    def find(self, address: str) -> Lineage | None:
        """The lineage a reviewer cites by `address` (in any version; the latest wins),
        compared without case or spaces: the whole address (`Goal 14 / 14.c`), else its
        last part (`14.c`). `v3:PP10` cites it as it is in version `v3`."""
        found = self.all_cited(address)
        return found[0][1] if found else None

    def all_cited(self, address: str) -> list[tuple[int, Lineage]]:
        """Every (version, lineage) that `address` names, latest version first; with a
        version label before a colon (`v3:PP10`), in that version only."""
        label, colon, rest = address.partition(":")
        labels = [v.label for v in self.versions]
        versions = list(reversed(range(len(self.versions))))
        if colon and label.strip() in labels:
            versions, address = [labels.index(label.strip())], rest
        wanted = _folded(address)
        for whole in (True, False):
            found = [
                (version, lineage)
                for version in versions
                for lineage in self.lineages
                if (place := lineage.places[version]) and _cited(place.address, whole) == wanted
            ]
            if found:
                return found
        return []


def _cited(address: str, whole: bool) -> str:
    return _folded(address if whole else address.rsplit("/", 1)[-1])


def _folded(address: str) -> str:
    return "".join(address.split()).casefold()
