"""Agreed language in a compilation (issues 13 and 16): where each delegation's
proposed words, and the base words it proposes to remove, had been agreed before.

The phrases are those of the compilation's sites (each distinct wording once, with all
its sponsors; the base words of a site that some proposal replaces or deletes) and of
its new paragraphs (each wording), looked up as `compare --precedents` looks up a
comparison's changed phrases, the base text's own symbol left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..proposals.records import Compilation
from .find import MIN_WORDS, indexed_as, lookup_phrase
from .lookup import LIMIT
from .phrases import phrase_text, words_of
from .records import INSERTED, REMOVED, Finding, ProposedFinding
from .store import Index, open_index

Phrase = tuple[str, tuple[str, ...], str, str]  # address, sponsors, change, text


def compilation_precedents(
    compilation: Compilation, index: Index, limit: int = LIMIT
) -> tuple[ProposedFinding, ...]:
    """Every proposed phrase of `compilation` (and removed base phrase) looked up."""
    exclude = [indexed_as(compilation.base)]
    found = []
    for number, (address, sponsors, change, text) in enumerate(proposed_phrases(compilation)):
        lookup = lookup_phrase(index, text, limit, exclude)
        found.append(ProposedFinding(address, sponsors, Finding(number, change, text, lookup)))
    return tuple(found)


def proposed_phrases(compilation: Compilation) -> Iterator[Phrase]:
    """(address, sponsors, `inserted` or `removed`, phrase) of every site and new
    paragraph, in compilation order, phrases of `MIN_WORDS` or more only."""
    for paragraph in compilation.paragraphs:
        for site in paragraph.sites:
            removers = tuple(s for a in site.alternatives for s in a.sponsors)
            yield from _long(paragraph.address, removers, REMOVED, site.base_text)
            for alternative in site.alternatives:
                yield from _long(
                    paragraph.address, alternative.sponsors, INSERTED, alternative.text
                )
    for new in compilation.new_paragraphs:
        for variant in new.variants:
            yield from _long(new.address, variant.sponsors, INSERTED, variant.text)


def _long(address: str, sponsors: tuple[str, ...], change: str, text: str) -> Iterator[Phrase]:
    phrase = phrase_text(text)
    if len(words_of(phrase)) >= MIN_WORDS:
        yield address, sponsors, change, phrase


def precedents_of_compilation(
    compilation: Compilation, location: str
) -> tuple[ProposedFinding, ...]:
    """Open the index at `location`, look up the compilation's phrases, close it."""
    index = open_index(location)
    try:
        return compilation_precedents(compilation, index)
    finally:
        index.close()
