"""Per-delegation summaries: what each sponsor touches and which flags it raises.

`delegation_sentence` puts a summary in one line, for instance
"Belarus removes “human rights” from 16.1 and adds “family-supporting” to 16.3;
amends 16.1, 16.3; moves 16.4 after 16.7." Terms and hedges are quoted as matched in
the text; a weakened or strengthened verb is shown `old -> new`; a quantity by what
changed (`2020 -> 2030`, `1.5 °C removed`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Notice
from .records import (
    CompiledParagraph,
    DelegationSummary,
    Mention,
    NewParagraph,
    Proposal,
    SponsoredFlag,
)

_TERMS_REMOVED = ("term_removed",)
_TERMS_ADDED = ("term_added",)
_HEDGES_ADDED = ("hedge_added",)
_HEDGES_REMOVED = ("hedge_removed",)
_WEAKENED = ("verb_weakened", "modal_weakened")
_STRENGTHENED = ("verb_strengthened", "modal_strengthened")
_QUANTITY_SAID = {"quantity_removed": "{} removed", "quantity_added": "{} added"}


def summarize_delegations(
    proposals: Sequence[tuple[Proposal, tuple[Notice, ...]]],
    paragraphs: Sequence[CompiledParagraph],
    new: Sequence[NewParagraph],
) -> tuple[DelegationSummary, ...]:
    """One summary per proposal, in the order given."""
    flags = [f for p in paragraphs for f in p.flags] + [f for n in new for f in n.flags]
    return tuple(
        _summary(proposal, problems, paragraphs, new, flags) for proposal, problems in proposals
    )


def _summary(
    proposal: Proposal,
    problems: tuple[Notice, ...],
    paragraphs: Sequence[CompiledParagraph],
    new: Sequence[NewParagraph],
    flags: list[SponsoredFlag],
) -> DelegationSummary:
    sponsor = proposal.sponsor
    own = [f for f in flags if f.sponsor == sponsor]
    touched = [
        p.address for p in paragraphs if sponsor in p.amended_by + p.deleted_by + p.moved_by
    ]
    deleted = tuple(p.address for p in paragraphs if sponsor in p.deleted_by)
    added = tuple(n.address for n in new if sponsor in n.sponsors)
    return DelegationSummary(
        sponsor,
        proposal.document.source,
        tuple(touched) + added,
        deleted,
        added,
        _mentions(own, _TERMS_REMOVED),
        _mentions(own, _TERMS_ADDED),
        _mentions(own, _HEDGES_ADDED),
        _mentions(own, _HEDGES_REMOVED),
        _mentions(own, _WEAKENED),
        tuple(Mention(_quantity(f), f.address) for f in own if _is_quantity(f)),
        problems,
        _mentions(own, _STRENGTHENED),
        _moved(sponsor, paragraphs),
        tuple(p.address for p in paragraphs if sponsor in p.amended_by),
    )


def _moved(sponsor: str, paragraphs: Sequence[CompiledParagraph]) -> tuple[Mention, ...]:
    """`Mention("after 16.7", "16.4")`: the paragraphs the sponsor places elsewhere."""
    return tuple(
        Mention(move_place(move.after, paragraphs), paragraph.address)
        for paragraph in paragraphs
        for move in paragraph.moves
        if sponsor in move.sponsors
    )


def move_place(after: int | None, paragraphs: Sequence[CompiledParagraph]) -> str:
    """Where a move puts a paragraph: `after 16.7` (the address of the paragraph it
    follows), or `to the start`."""
    return "to the start" if after is None else f"after {paragraphs[after].address}"


def _quantity(flag: SponsoredFlag) -> str:
    """`2020 -> 2030`, `1.5 °C removed`, `55 Parties added`."""
    return _QUANTITY_SAID.get(flag.flag.kind, "{}").format(flag.flag.detail)


def _is_quantity(flag: SponsoredFlag) -> bool:
    return flag.flag.kind.startswith("quantity_")


def _mentions(flags: list[SponsoredFlag], kinds: tuple[str, ...]) -> tuple[Mention, ...]:
    return tuple(Mention(_wording(f), f.address) for f in flags if f.flag.kind in kinds)


def _wording(flag: SponsoredFlag) -> str:
    if flag.flag.before or flag.flag.after:
        return f"{flag.flag.before} -> {flag.flag.after}"
    return flag.flag.matched or flag.flag.term


def delegation_sentence(summary: DelegationSummary) -> str:
    """The summary in one line: the flags it raises, then what it deletes, adds and
    amends."""
    parts = [
        _listed("removes", summary.terms_removed, "from"),
        _listed("adds", summary.terms_added, "to"),
        _listed("adds hedge", summary.hedges_added, "to"),
        _listed("removes hedge", summary.hedges_removed, "from"),
        _listed("weakens", summary.verbs_weakened, "in", quoted=False),
        _listed("strengthens", summary.verbs_strengthened, "in", quoted=False),
        _listed("changes quantities:", summary.quantities_changed, "in", quoted=False),
    ]
    said = [part for part in parts if part]
    flags = ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1] if said else ""
    places = [
        f"{verb} {', '.join(addresses)}"
        for verb, addresses in (
            ("deletes", summary.deleted),
            ("proposes", summary.new),
            ("amends", summary.amended),
            ("moves", [f"{m.address} {m.text}" for m in summary.moved]),
        )
        if addresses
    ]
    body = "; ".join(([flags] if flags else []) + places) or "proposes no change"
    return f"{summary.sponsor} {body}."


def _listed(
    verb: str, mentions: tuple[Mention, ...], preposition: str, quoted: bool = True
) -> str:
    if not mentions:
        return ""
    items = [
        (f"“{m.text}”" if quoted else m.text) + f" {preposition} {m.address}" for m in mentions
    ]
    return f"{verb} " + ", ".join(items)
