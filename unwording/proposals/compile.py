"""Compile stage: many delegations' proposals against one base text.

Each proposal is compared with the base by the comparison engine
(`compare_documents`, the rulebook loaded once), then what it proposes is grouped per
base paragraph, by the paragraph's address:

- the paragraph's `Version`s: each distinct proposed text once, with all its sponsors
  and its word diff from the base paragraph; a deletion of the whole paragraph is a
  version too (`deleted`);
- its `Site`s (sites.py): the words each proposal changes, the same change from several
  delegations shown once with all their names, and conflicts (two proposals changing
  overlapping words differently) marked;
- the flags (watched terms removed or added, hedges, verbs weakened, quantities...)
  each proposal raises there, carried per sponsor.

New paragraphs are grouped when the same or near the same (insertions.py). A pair
the engine calls split or merged is shared out among its base paragraphs where its
base texts join. A paragraph a proposal places elsewhere (a move, with or without
changed words) gets a `Move`: its sponsors and the base paragraph it then follows.
Warnings (a weak comparison, a renamed sponsor) are returned, never printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..compare import compare_documents, index_map, prepare_document
from ..flags import Rulebook, load_rulebook
from ..language import detect_language
from ..lexicon import MUTED
from ..model import JOINER, Comparison, Document, Edit, Notice, Op, Options, Pair, Status
from ..report.names import paragraph_names
from .insertions import ORDINALS, NewCandidate, group_new_paragraphs
from .records import Compilation, CompiledParagraph, Move, Proposal, SponsoredFlag, Version
from .sites import find_sites
from .summary import summarize_delegations


@dataclass
class _Proposed:
    """What one proposal does to the base, by base paragraph index."""

    proposal: Proposal
    versions: dict[int, Version] = field(default_factory=dict)
    flags: dict[int, list[SponsoredFlag]] = field(default_factory=dict)
    new: list[NewCandidate] = field(default_factory=list)
    warnings: tuple[Notice, ...] = ()
    moves: dict[int, int | None] = field(default_factory=dict)  # index -> after which


def compile_proposals(
    base: Document, proposals: Sequence[Proposal], options: Options | None = None
) -> Compilation:
    """Compare every proposal with `base` and group what they propose per paragraph."""
    options = options or Options()
    prepared = prepare_document(base, options)
    rulebook = _rulebook(prepared, options)
    options = replace(options, lang=rulebook.lang)
    proposals, renamed = unique_sponsors(proposals)
    names = paragraph_names(prepared)
    done = [_propose(base, prepared, names, p, options, rulebook) for p in proposals]
    paragraphs = tuple(_paragraph(prepared, names, i, done, options) for i in range(len(names)))
    candidates = [c for proposed in done for c in proposed.new]
    new = group_new_paragraphs(candidates, names, options.strict)
    delegations = summarize_delegations([(d.proposal, d.warnings) for d in done], paragraphs, new)
    warnings = _warnings(base, renamed, done)
    return Compilation(prepared, paragraphs, new, delegations, options, warnings)


def _rulebook(prepared: Document, options: Options) -> Rulebook:
    lang = options.lang or detect_language([p.key for p in prepared.paragraphs])
    return load_rulebook(lang, options.lexicon_path, options.profile)


def unique_sponsors(proposals: Sequence[Proposal]) -> tuple[list[Proposal], list[Notice]]:
    """The proposals, a sponsor named twice renamed `Name (2)`, with a notice each."""
    seen: set[str] = set()
    kept, notices = [], []
    for proposal in proposals:
        name, number = proposal.sponsor, 1
        while name in seen:
            number += 1
            name = f"{proposal.sponsor} ({number})"
        if name != proposal.sponsor:
            message = f"a second proposal by {proposal.sponsor!r} is shown as {name!r}"
            notices.append(Notice(proposal.document.source, message))
            proposal = replace(proposal, sponsor=name)
        seen.add(name)
        kept.append(proposal)
    return kept, notices


def _propose(
    base: Document,
    prepared: Document,
    names: list[str],
    proposal: Proposal,
    options: Options,
    rulebook: Rulebook,
) -> _Proposed:
    comparison = compare_documents(base, proposal.document, options, rulebook)
    mapped = index_map(comparison.base, prepared)
    own = set(map(str, base.warnings))
    warnings = tuple(_named(w, proposal) for w in comparison.warnings if str(w) not in own)
    done = _Proposed(proposal, warnings=proposal.problems + warnings)
    after: int | None = None
    for number, pair in enumerate(comparison.pairs):
        flags = _flags(comparison, number, proposal.sponsor, names, mapped)
        if pair.base:
            _record_base(done, pair, mapped, flags, options.strict)
            after = after if pair.moved else mapped.get(pair.base[-1], after)
        else:
            _record_new(done, comparison, pair, after, flags)
    _record_moves(done, comparison.pairs, mapped)
    return done


def _record_moves(done: _Proposed, pairs: Sequence[Pair], mapped: dict[int, int]) -> None:
    """Each moved base paragraph, with the base paragraph it follows in the proposal
    (None: none). Paragraphs moved together, in their order, all follow the paragraph
    before the first of them ("16.4 and 16.5 after 16.8", not "16.5 after 16.4")."""
    follows: int | None = None
    for pair in pairs:
        if not (pair.base and pair.draft):
            continue  # a deleted paragraph is nowhere in the proposal, a new one no anchor
        indices = [mapped[b] for b in pair.base if b in mapped]
        if pair.moved and indices:
            anchor = follows
            if follows is not None and follows == indices[0] - 1 and follows in done.moves:
                anchor = done.moves[follows]  # moved with the paragraph before it
            for index in indices:
                done.moves[index] = anchor
        follows = mapped.get(pair.base[-1], follows)


def _named(notice: Notice, proposal: Proposal) -> Notice:
    """A notice of the comparison with the base named by the proposal it is about
    (a weak comparison, a paragraph shown whole); the note on a muted subject is about
    the base and stays as it is."""
    if notice.source != "comparison" or MUTED in notice.message:
        return notice
    return Notice(f"proposal of {proposal.sponsor} ({proposal.document.source})", notice.message)


def _flags(
    comparison: Comparison, number: int, sponsor: str, names: list[str], mapped: dict[int, int]
) -> list[SponsoredFlag]:
    pair = comparison.pairs[number]
    address = names[mapped[pair.base[0]]] if pair.base and pair.base[0] in mapped else ""
    return [
        SponsoredFlag(sponsor, address, flag, comparison.category_title(flag.category))
        for flag in comparison.flags
        if flag.pair == number
    ]


def _record_base(
    done: _Proposed, pair: Pair, mapped: dict[int, int], flags: list[SponsoredFlag], strict: bool
) -> None:
    sponsors = (done.proposal.sponsor,)
    shares = share_edits(pair.edits, len(pair.base))
    for position, base_index in enumerate(pair.base):
        index = mapped.get(base_index)
        if index is None:
            continue
        if pair.status is Status.DELETED:
            done.versions[index] = Version(sponsors, "", pair.edits, deleted=True)
        elif pair.status is not Status.UNCHANGED:
            _record_version(done, index, shares[position], strict)
    first = mapped.get(pair.base[0])
    if flags and first is not None:
        done.flags.setdefault(first, []).extend(flags)


def _record_version(done: _Proposed, index: int, edits: list[Edit], strict: bool) -> None:
    if all(e.op is Op.EQUAL or (e.typographic and not strict) for e in edits):
        return
    text = "".join(e.text for e in edits if e.op is not Op.DELETE)
    done.versions[index] = Version((done.proposal.sponsor,), text, tuple(edits))


def share_edits(edits: Sequence[Edit], count: int) -> list[list[Edit]]:
    """A pair's edits shared out among its `count` base paragraphs, cut where the
    base texts join (`JOINER` in an equal or deleted run, which is dropped); words
    inserted after a join open the next paragraph's share."""
    shares: list[list[Edit]] = [[] for _ in range(count)]
    current = 0
    for edit in edits:
        if edit.op is Op.INSERT or JOINER not in edit.text:
            shares[current].append(edit)
            continue
        for step, part in enumerate(edit.text.split(JOINER)):
            current = min(current + (step > 0), count - 1)
            if part:
                shares[current].append(replace(edit, text=part))
    return shares


def _record_new(
    done: _Proposed,
    comparison: Comparison,
    pair: Pair,
    after: int | None,
    flags: list[SponsoredFlag],
) -> None:
    texts = [_unnumbered(comparison.draft.paragraphs[i].text) for i in pair.draft]
    for number, text in enumerate(texts):
        own = tuple(flags) if number == 0 else ()
        done.new.append(NewCandidate(done.proposal.sponsor, after, text, own))


def _unnumbered(text: str) -> str:
    """A new paragraph's text without the ordinal a proposal numbered it with (`16.9 bis
    Support...` is read as label `16.9` and text `bis Support...`)."""
    word, _, rest = text.partition(" ")
    return rest if word.casefold() in ORDINALS and rest else text


def _paragraph(
    prepared: Document, names: list[str], index: int, done: list[_Proposed], options: Options
) -> CompiledParagraph:
    paragraph = prepared.paragraphs[index]
    proposed = [d.versions[index] for d in done if index in d.versions]
    versions = merge_versions(proposed)
    return CompiledParagraph(
        index,
        names[index],
        paragraph.label,
        paragraph.kind,
        paragraph.text,
        versions,
        find_sites(paragraph.text, versions, options.strict),
        tuple(f for d in done for f in d.flags.get(index, ())),
        _moves(index, done),
    )


def _moves(index: int, done: list[_Proposed]) -> tuple[Move, ...]:
    """The sponsors who move the paragraph, one `Move` per place proposed."""
    places: dict[int | None, tuple[str, ...]] = {}
    for proposed in done:
        if index in proposed.moves:
            after = proposed.moves[index]
            places[after] = places.get(after, ()) + (proposed.proposal.sponsor,)
    return tuple(Move(sponsors, after) for after, sponsors in places.items())


def merge_versions(versions: Sequence[Version]) -> tuple[Version, ...]:
    """Identical proposed texts (spacing aside), or deletions, as one version with all
    their sponsors, in the order first proposed."""
    merged: dict[tuple[bool, str], Version] = {}
    for version in versions:
        key = (version.deleted, " ".join(version.text.split()))
        known = merged.get(key)
        sponsors = (known.sponsors if known else ()) + version.sponsors
        merged[key] = replace(known or version, sponsors=sponsors)
    return tuple(merged.values())


def _warnings(base: Document, renamed: list[Notice], done: list[_Proposed]) -> tuple[Notice, ...]:
    seen: set[str] = set()
    kept = []
    for notice in (*base.warnings, *renamed, *(w for d in done for w in d.warnings)):
        key = notice.message.split(MUTED)[0] if MUTED in notice.message else str(notice)
        if key not in seen:  # a muted subject is noted once, with the first counts
            seen.add(key)
            kept.append(notice)
    return tuple(kept)
