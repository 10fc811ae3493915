"""Flag stage: what a pair's change means politically.

For every pair that is not unchanged, the rules in `rules/` find watched terms
and hedges added or removed, opening verbs and modals weakened or strengthened,
paragraphs moved between preamble and operative part, and brackets added,
removed or resolved; and each changed pair is classed editorial or substantive.
The `Rulebook` holds what the rules use, for one language.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .lexicon import Lexicon, load_lexicon, mute_subjects, read_data_file
from .model import EDITORIAL, JOINER, SUBSTANTIVE, Document, Flag, Notice, Pair, Status
from .rules import PairText
from .rules.brackets import bracket_flags
from .rules.editorial import classify
from .rules.negation import negation_flags
from .rules.overlap import fold_flags
from .rules.quantities import quantity_flags
from .rules.severity import with_severity
from .rules.structure import structure_flags
from .rules.terms import count_flags
from .rules.verbs import (
    Scales,
    action_flags,
    build_scales,
    modal_flags,
    position_flags,
    verb_flags,
)


@dataclass(frozen=True)
class Rulebook:
    """The lexicons and verb scales of one language; `notices` say what `about` muted."""

    lang: str
    terms: Lexicon
    hedges: Lexicon
    scales: Scales
    notices: tuple[Notice, ...] = ()

    def about(self, base: Document, draft: Document) -> Rulebook:
        """This rulebook for two prepared texts: the subject terms both are about muted
        (see `lexicon.mute_subjects`), with a notice for each."""
        keys = ([p.key for p in base.paragraphs], [p.key for p in draft.paragraphs])
        terms, notes = mute_subjects(self.terms, *keys)
        notices = tuple(Notice("comparison", note) for note in notes)
        return replace(self, terms=terms, notices=self.notices + notices)

    @property
    def categories(self) -> dict[str, str]:
        """Every category id and its title, terms and hedges and verb scales."""
        return {
            **self.terms.categories,
            **self.hedges.categories,
            **self.scales.titles,
            "position": "Position in the resolution",
            "modal": "Modal verb",
            "brackets": "Brackets",
            "structure": "Structure of the text",
            "negation": "Negation",
            "quantity": "Quantity or deadline",
        }


def load_rulebook(
    lang: str = "en", lexicon_path: str | Path | None = None, profile: str | None = None
) -> Rulebook:
    """Load the default lexicons and scales of `lang`, merged with a user lexicon;
    `profile` chooses which groups of watched terms are on (None: the default)."""
    return Rulebook(
        lang=lang,
        terms=load_lexicon(lexicon_path, lang, "lexicon", profile),
        hedges=load_lexicon(lexicon_path, lang, "hedges", profile),
        scales=build_scales(read_data_file(f"verbs-{lang}.toml") or {}),
    )


def flag_pairs(
    pairs: Sequence[Pair], base: Document, draft: Document, rulebook: Rulebook
) -> tuple[tuple[Pair, ...], tuple[Flag, ...]]:
    """Pairs with their `nature` set, and every flag, in pair order.

    A change that only touched numbers is editorial unless a number it changed is
    a quantity or deadline (or it flipped a negation, a verb or a modal)."""
    classified, flags = flag_each(pairs, base, draft, rulebook)
    return fold_each(classified, flags, base, draft, rulebook)


def fold_each(
    classified: Sequence[Pair],
    flags: Sequence[Flag],
    base: Document,
    draft: Document,
    rulebook: Rulebook,
) -> tuple[tuple[Pair, ...], tuple[Flag, ...]]:
    """`flag_pairs`'s result from what `flag_each` found (in runs, put together)."""
    folded = fold_flags(
        flags, classified, base, draft, rulebook.terms.terms, rulebook.hedges.terms
    )
    return tuple(classified), tuple(folded)


def flag_each(
    pairs: Sequence[Pair], base: Document, draft: Document, rulebook: Rulebook, first: int = 0
) -> tuple[list[Pair], list[Flag]]:
    """What `flag_pairs` finds pair by pair, before the flags of several pairs are
    folded together; `pairs` may be a run of a comparison's pairs starting at the
    comparison's pair number `first`."""
    flags: list[Flag] = []
    classified = []
    for number, pair in enumerate(pairs, start=first):
        found: list[Flag] = []
        if pair.status is not Status.UNCHANGED or pair.moved:
            found = [
                with_severity(f) for f in _pair_flags(_text(number, pair, base, draft), rulebook)
            ]
        nature = classify(pair)
        if nature == EDITORIAL and any(f.kind.startswith(_WORDING) for f in found):
            nature = SUBSTANTIVE
        classified.append(pair if nature is None else replace(pair, nature=nature))
        flags.extend(found)
    return classified, flags


_WORDING = ("quantity_", "negation_", "verb_", "modal_")


def _text(number: int, pair: Pair, base: Document, draft: Document) -> PairText:
    return PairText(
        number=number,
        pair=pair,
        base=JOINER.join(base.paragraphs[i].key for i in pair.base),
        draft=JOINER.join(draft.paragraphs[i].key for i in pair.draft),
        base_kind=base.paragraphs[pair.base[0]].kind if pair.base else None,
        draft_kind=draft.paragraphs[pair.draft[0]].kind if pair.draft else None,
    )


def _pair_flags(text: PairText, rulebook: Rulebook) -> Iterator[Flag]:
    yield from position_flags(text)
    if text.pair.status is Status.UNCHANGED:
        return
    yield from structure_flags(text)
    yield from count_flags(text, rulebook.terms, "term")
    yield from count_flags(text, rulebook.hedges, "hedge")
    yield from verb_flags(text, rulebook.scales)
    yield from action_flags(text, rulebook.scales)
    yield from modal_flags(text, rulebook.scales)
    yield from negation_flags(text)
    yield from quantity_flags(text)
    yield from bracket_flags(text)
