"""Brackets through the negotiation: when each bracket of a provision appeared, which
alternative survived and when it was lifted.

A bracket is found in each version's text of a lineage (`rules.brackets.find_brackets`,
so notes, links and drafting trivia are left out as in the comparison) and known by its
text (its alternatives joined by " / "). It lives from the first version it is in to the
last; the step after that says how it ended: the comparison's `bracket_resolved` flag
on the lineage's pairs (`kept: global goal`, `dropped`, `kept with edits`), a
`bracket_changed` flag (`changed`: other words still bracketed), the paragraph deleted,
or `gone` when the comparison said nothing of it. A lineage is `settled` from the first
version after which its text holds no bracket and is no Option.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Document, Flag
from ..rules.alternatives import option_provision
from ..rules.brackets import find_brackets, trivial
from .records import BracketLife, Lineage, Place, Step


@dataclass(frozen=True)
class Found:
    """The brackets of one lineage in one version: text -> raw form."""

    brackets: dict[str, str]
    option: bool


class BracketFinder:
    """Brackets of paragraphs, each text looked at once however many versions hold it."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self.seen: dict[tuple[str, str], dict[str, str]] = {}

    def of(self, lineage: Lineage, version: int) -> Found | None:
        place = lineage.places[version]
        if place is None:
            return None
        found: dict[str, str] = {}
        option = "Option" in place.address
        for index in place.indices:
            paragraph = self.documents[version].paragraphs[index]
            found.update(self._paragraph(paragraph.text, paragraph.key))
            option = option or option_provision(paragraph.text)
        return Found(found, option)

    def _paragraph(self, text: str, key: str) -> dict[str, str]:
        known = self.seen.get((text, key))
        if known is None:
            brackets = find_brackets(text, key)
            known = {b.text: b.raw for b in brackets if b.text and not trivial(b.text)}
            self.seen[(text, key)] = known
        return known


def bracket_lives(
    lineages: Sequence[Lineage], steps: Sequence[Step], finder: BracketFinder
) -> tuple[tuple[BracketLife, ...], tuple[Lineage, ...]]:
    """Every bracket's life, by lineage; and the lineages with `settled` set."""
    lives: list[BracketLife] = []
    settled = []
    for lineage in lineages:
        found = [finder.of(lineage, v) for v in range(len(lineage.places))]
        lives += _lives(lineage, found, steps)
        settled.append(replace(lineage, settled=_settled(found)))
    return tuple(lives), tuple(settled)


def _lives(
    lineage: Lineage, found: list[Found | None], steps: Sequence[Step]
) -> list[BracketLife]:
    lives: list[BracketLife] = []
    open_: dict[str, tuple[int, str]] = {}
    for version, here in enumerate(found):
        now = here.brackets if here else {}
        for text in [t for t in open_ if t not in now]:
            first, raw = open_.pop(text)
            flags = _step_flags(lineage, steps[version - 1])
            life = _closed(lineage.number, text, raw, first, version, here, flags)
            lives.append(_kept_beside(life, text, lineage.places[version]))
        for text, raw in now.items():
            open_.setdefault(text, (version, raw))
    last = max(lineage.present)
    lives += [BracketLife(lineage.number, t, first, last) for t, (first, _) in open_.items()]
    return sorted(lives, key=lambda life: (life.first, life.last, life.text))


def _step_flags(lineage: Lineage, step: Step) -> list[Flag]:
    pairs = {
        n for passage in lineage.passages if passage.step == step.before for n in passage.pairs
    }
    flags = step.comparison.flags
    return [f for f in flags if f.pair in pairs and f.kind.startswith("bracket_")]


def _closed(
    lineage: int,
    text: str,
    raw: str,
    first: int,
    version: int,
    here: Found | None,
    flags: list[Flag],
) -> BracketLife:
    outcome, after = "paragraph deleted" if here is None else "gone", ""
    for flag in flags:
        if flag.before == text or flag.matched == raw or flag.before == raw:
            outcome, after = _outcome(flag)
            break
    return BracketLife(lineage, text, first, version - 1, version, outcome, after)


def _kept_beside(life: BracketLife, text: str, place: Place | None) -> BracketLife:
    """A bracket the step's pair dropped whose words the provision still holds, in
    another of its paragraphs (an Option split off beside it): kept, not dropped."""
    if place is None or not life.outcome.startswith("dropped"):
        return life
    if holds(place.text, text.strip("[]")):
        return replace(life, outcome="kept", after="")
    return life


def holds(text: str, words: str) -> bool:
    """Whether `text` holds `words`, case and white space aside (`2 °C`, `2°C`)."""
    wanted = "".join(words.split()).casefold()
    return bool(wanted) and wanted in "".join(text.split()).casefold()


def _outcome(flag: Flag) -> tuple[str, str]:
    if flag.kind == "bracket_changed":
        return "changed", flag.after
    if flag.kind == "bracket_removed":
        return "paragraph deleted", ""
    return flag.detail, flag.after


def _settled(found: list[Found | None]) -> int | None:
    """The first version from which every version holding the lineage is free of
    brackets and Options, when an earlier one was not."""
    open_at = [v for v, here in enumerate(found) if here and (here.brackets or here.option)]
    if not open_at:
        return None
    later = [v for v, here in enumerate(found) if here and v > open_at[-1]]
    return later[0] if later else None
