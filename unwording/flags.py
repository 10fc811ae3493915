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

from .lexicon import Lexicon, load_lexicon, read_data_file
from .model import JOINER, Document, Flag, Pair, Status
from .rules import PairText
from .rules.brackets import bracket_flags
from .rules.editorial import classify
from .rules.terms import count_flags
from .rules.verbs import Scales, build_scales, modal_flags, position_flags, verb_flags


@dataclass(frozen=True)
class Rulebook:
    """The lexicons and verb scales of one language."""

    lang: str
    terms: Lexicon
    hedges: Lexicon
    scales: Scales

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
        }


def load_rulebook(lang: str = "en", lexicon_path: str | Path | None = None) -> Rulebook:
    """Load the default lexicons and scales of `lang`, merged with a user lexicon."""
    return Rulebook(
        lang=lang,
        terms=load_lexicon(lexicon_path, lang, "lexicon"),
        hedges=load_lexicon(lexicon_path, lang, "hedges"),
        scales=build_scales(read_data_file(f"verbs-{lang}.toml") or {}),
    )


def flag_pairs(
    pairs: Sequence[Pair], base: Document, draft: Document, rulebook: Rulebook
) -> tuple[tuple[Pair, ...], tuple[Flag, ...]]:
    """Pairs with their `nature` set, and every flag, in pair order."""
    flags: list[Flag] = []
    classified = []
    for number, pair in enumerate(pairs):
        classified.append(replace(pair, nature=classify(pair)))
        if pair.status is not Status.UNCHANGED or pair.moved:
            flags.extend(_pair_flags(_text(number, pair, base, draft), rulebook))
    return tuple(classified), tuple(flags)


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
    yield from count_flags(text, rulebook.terms, "term")
    yield from count_flags(text, rulebook.hedges, "hedge")
    yield from verb_flags(text, rulebook.scales)
    yield from modal_flags(text, rulebook.scales)
    yield from bracket_flags(text)
