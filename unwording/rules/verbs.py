"""Verb flags: the opening verb stepped down or up, force lost by a move to the
preamble, and modal verbs shifted (shall > will > should > are encouraged to > may).

Scales come from a data file (`unwording/data/verbs-<lang>.toml`): each verb has a
strength and its forms; only verbs on a common scale are compared. Modifiers such
as "strongly" add to a verb's strength; "Also" and "Further" are neutral.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Flag, Kind
from . import PairText

WEAKENED, STRENGTHENED = "weakened", "strengthened"
_WILL_NOUN = r"(?<!political )(?<!the )(?<!good )(?<!its )(?<!their )(?<!our )(?<!free )(?<!own )"


@dataclass(frozen=True)
class Verb:
    """A verb on a scale: its canonical name, strength and scale id."""

    name: str
    strength: float
    scale: str


@dataclass(frozen=True)
class Scales:
    """Opening-verb scales and the modal scale of one language."""

    titles: dict[str, str]
    forms: dict[str, tuple[Verb, ...]]
    opening: re.Pattern[str]
    boost: dict[str, float]
    modal_forms: dict[str, Verb]
    modal: re.Pattern[str] | None


def build_scales(data: dict[str, Any]) -> Scales:
    """Compile the scales of a verbs data file."""
    forms: dict[str, list[Verb]] = {}
    titles = {}
    for scale, table in (data.get("scales") or {}).items():
        titles[scale] = str(table.get("title", scale))
        for entry in table.get("verbs", []):
            verb = Verb(str(entry["verb"]), float(entry["strength"]), scale)
            for form in entry.get("forms") or [entry["verb"]]:
                forms.setdefault(form.lower(), []).append(verb)
    modifiers = data.get("modifiers") or {}
    boost = {k.lower(): float(v) for k, v in (modifiers.get("strengthening") or {}).items()}
    neutral = [str(word).lower() for word in modifiers.get("neutral") or []]
    modal_forms = _modal_forms(data.get("modals") or {})
    return Scales(
        titles=titles,
        forms={form: tuple(verbs) for form, verbs in forms.items()},
        opening=_opening_regex(list(forms), [*boost, *neutral]),
        boost=boost,
        modal_forms=modal_forms,
        modal=_modal_regex(list(modal_forms)) if modal_forms else None,
    )


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


def _opening_regex(forms: list[str], modifiers: list[str]) -> re.Pattern[str]:
    words = _alternation(modifiers) or "(?!)"
    return re.compile(
        rf"^[*_\s]*(?P<mods>(?:(?:{words})\s+)*)(?P<verb>{_alternation(forms)})(?!\w)",
        re.IGNORECASE,
    )


def _modal_forms(table: dict[str, Any]) -> dict[str, Verb]:
    found = {}
    for entry in table.get("verbs", []):
        verb = Verb(str(entry["verb"]), float(entry["strength"]), "modal")
        for form in entry.get("forms") or [entry["verb"]]:
            found[form] = verb
    return found


def _modal_regex(forms: list[str]) -> re.Pattern[str]:
    guarded = [(_WILL_NOUN if form == "will" else "") + re.escape(form) for form in forms]
    ordered = sorted(guarded, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(ordered)})(?!\w)")


def opening_verb(text: str, scales: Scales) -> tuple[str, tuple[Verb, ...], float] | None:
    """The phrase that opens `text`, the verbs it can be, and its modifier boost."""
    found = scales.opening.match(text)
    if not found:
        return None
    mods = found.group("mods").lower().split()
    boost = sum(scales.boost.get(word, 0.0) for word in mods)
    phrase = " ".join(found.group("verb").split())
    return phrase, scales.forms[phrase.lower()], boost


def verb_flags(text: PairText, scales: Scales) -> Iterator[Flag]:
    """A weakened or strengthened opening verb, compared on a common scale."""
    base = opening_verb(text.base, scales)
    draft = opening_verb(text.draft, scales)
    if base is None or draft is None:
        return
    for before in base[1]:
        after = next((verb for verb in draft[1] if verb.scale == before.scale), None)
        if after is None:
            continue
        old, new = before.strength + base[2], after.strength + draft[2]
        if old != new:
            yield _flag(text, "verb", before.scale, f"{base[0]} -> {draft[0]}", draft[0], old, new)
        return


def position_flags(text: PairText) -> Iterator[Flag]:
    """An operative paragraph moved into the preamble loses force (and the reverse)."""
    kinds = (text.base_kind, text.draft_kind)
    if kinds == (Kind.OPERATIVE, Kind.PREAMBULAR):
        yield _flag(text, "verb", "position", "operative -> preambular", "", 1, 0)
    elif kinds == (Kind.PREAMBULAR, Kind.OPERATIVE):
        yield _flag(text, "verb", "position", "preambular -> operative", "", 0, 1)


def modal_flags(text: PairText, scales: Scales) -> Iterator[Flag]:
    """Modal verbs that gave way to weaker or stronger ones inside the pair."""
    if scales.modal is None:
        return
    base = [found.group() for found in scales.modal.finditer(text.base)]
    draft = [found.group() for found in scales.modal.finditer(text.draft)]
    removed, added = _difference(base, draft), _difference(draft, base)
    for old, new in zip(removed, added, strict=False):
        before, after = scales.modal_forms[old], scales.modal_forms[new]
        if before.strength != after.strength:
            yield _flag(
                text, "modal", "modal", f"{old} -> {new}", new, before.strength, after.strength
            )


def _difference(first: list[str], second: list[str]) -> list[str]:
    """Items of `first` (in order) not matched by an equal item of `second`."""
    remaining = list(second)
    left = []
    for item in first:
        if item in remaining:
            remaining.remove(item)
        else:
            left.append(item)
    return left


def _flag(
    text: PairText, family: str, category: str, term: str, matched: str, old: float, new: float
) -> Flag:
    direction = WEAKENED if new < old else STRENGTHENED
    return Flag(
        kind=f"{family}_{direction}",
        category=category,
        term=term,
        matched=matched,
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
        detail=f"{old:g} -> {new:g}",
    )
