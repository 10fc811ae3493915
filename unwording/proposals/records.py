"""Frozen records of a compilation of proposals against one base text.

`Proposal` goes in; `Compilation` comes out: one `CompiledParagraph` per base paragraph
(the `Version`s proposed for it, the `Site`s where proposals touch its words, and who
deletes it), the `NewParagraph` groups, and one `DelegationSummary` per sponsor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Document, Edit, Flag, Kind, Notice, Options

if TYPE_CHECKING:
    from ..precedents.records import ProposedFinding


@dataclass(frozen=True)
class Proposal:
    """One delegation's proposed text, with the problems met while reading it."""

    sponsor: str
    document: Document
    problems: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Alternative:
    """A wording proposed in place of a site's base words ("" deletes them)."""

    text: str
    sponsors: tuple[str, ...]

    @property
    def deletes(self) -> bool:
        """True when the alternative only removes the base words."""
        return not self.text.strip()


@dataclass(frozen=True)
class Site:
    """Base words `text[start:end]` of a paragraph that proposals change (an
    insertion has `start == end`), with each distinct alternative once."""

    start: int
    end: int
    base_text: str
    alternatives: tuple[Alternative, ...]

    @property
    def conflict(self) -> bool:
        """True when proposals change these words in different ways."""
        return len(self.alternatives) > 1

    @property
    def sponsors(self) -> tuple[str, ...]:
        """Every sponsor of an alternative, in the order of the alternatives."""
        return tuple(s for alternative in self.alternatives for s in alternative.sponsors)


@dataclass(frozen=True)
class Version:
    """A paragraph as one or more sponsors propose it: its text and its word diff
    (from the base paragraph, or for a new paragraph from its group's first
    wording); `text` is "" when the sponsors delete the paragraph."""

    sponsors: tuple[str, ...]
    text: str
    edits: tuple[Edit, ...] = ()
    deleted: bool = False


@dataclass(frozen=True)
class Move:
    """Sponsors who place a base paragraph elsewhere: after base paragraph `after`
    (its index; None: before the first), whether or not they also change its words."""

    sponsors: tuple[str, ...]
    after: int | None


@dataclass(frozen=True)
class SponsoredFlag:
    """A flag the engine raised on a sponsor's proposal, at a paragraph address."""

    sponsor: str
    address: str
    flag: Flag
    title: str


@dataclass(frozen=True)
class CompiledParagraph:
    """One base paragraph with everything proposed for it."""

    index: int
    address: str
    label: str | None
    kind: Kind | None
    text: str
    versions: tuple[Version, ...] = ()
    sites: tuple[Site, ...] = ()
    flags: tuple[SponsoredFlag, ...] = ()
    moves: tuple[Move, ...] = ()

    @property
    def deleted_by(self) -> tuple[str, ...]:
        """The sponsors who delete the whole paragraph."""
        return tuple(s for v in self.versions if v.deleted for s in v.sponsors)

    @property
    def amended_by(self) -> tuple[str, ...]:
        """The sponsors who change words of the paragraph."""
        return tuple(s for v in self.versions if not v.deleted for s in v.sponsors)

    @property
    def conflict(self) -> bool:
        """Proposals that cannot all be taken: different wordings for the same words, a
        deletion of the paragraph against a change of its words or of its place, or
        different places for it."""
        deleted = bool(self.deleted_by and (self.amended_by or self.moved_by))
        return any(s.conflict for s in self.sites) or deleted or len(self.moves) > 1

    @property
    def moved_by(self) -> tuple[str, ...]:
        """The sponsors who place the paragraph elsewhere."""
        return tuple(s for move in self.moves for s in move.sponsors)

    @property
    def changed(self) -> bool:
        """True when any proposal touches the paragraph (its words, or its place)."""
        return bool(self.versions or self.moves)


@dataclass(frozen=True)
class NewParagraph:
    """A new paragraph proposed by one or more sponsors: the same or near-same
    wordings grouped, placed after base paragraph `after` (None: before the first)."""

    address: str
    after: int | None
    variants: tuple[Version, ...]
    flags: tuple[SponsoredFlag, ...] = ()
    ordinal: str = "bis"

    @property
    def sponsors(self) -> tuple[str, ...]:
        """Every sponsor of the group, variant by variant."""
        return tuple(s for variant in self.variants for s in variant.sponsors)


@dataclass(frozen=True)
class Mention:
    """A watched term, hedge, verb or quantity named in a delegation summary."""

    text: str
    address: str


@dataclass(frozen=True)
class DelegationSummary:
    """What one delegation proposes, by paragraph address (`touched`: every paragraph
    it deletes, amends, moves or proposes)."""

    sponsor: str
    source: str
    touched: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    terms_removed: tuple[Mention, ...] = ()
    terms_added: tuple[Mention, ...] = ()
    hedges_added: tuple[Mention, ...] = ()
    hedges_removed: tuple[Mention, ...] = ()
    verbs_weakened: tuple[Mention, ...] = ()
    quantities_changed: tuple[Mention, ...] = ()
    problems: tuple[Notice, ...] = ()
    verbs_strengthened: tuple[Mention, ...] = ()
    moved: tuple[Mention, ...] = ()  # text: where to ("after 16.7", "to the start")
    amended: tuple[str, ...] = ()  # the paragraphs whose words it changes


@dataclass(frozen=True)
class Compilation:
    """Every proposal grouped per base paragraph: the input of the compile reports."""

    base: Document
    paragraphs: tuple[CompiledParagraph, ...]
    new_paragraphs: tuple[NewParagraph, ...]
    delegations: tuple[DelegationSummary, ...]
    options: Options = field(default_factory=Options)
    warnings: tuple[Notice, ...] = ()
    precedents: tuple[ProposedFinding, ...] | None = None  # with `compile --precedents`

    @property
    def sponsors(self) -> tuple[str, ...]:
        """The sponsors, in the order the proposals were given."""
        return tuple(summary.sponsor for summary in self.delegations)

    @property
    def conflicts(self) -> tuple[CompiledParagraph, ...]:
        """The base paragraphs on which proposals conflict."""
        return tuple(p for p in self.paragraphs if p.conflict)
