"""Verb flags: the opening verb stepped down or up, force lost by a move to the
preamble, action verbs replaced anywhere in a sentence, and modal verbs shifted
(shall > are to > will > should > are encouraged to > may), added or removed.

Scales come from a data file (`unwording/data/verbs-<lang>.toml`): each verb has a
strength and its forms; only verbs on a common scale are compared. Modifiers such
as "strongly" add to a verb's strength; "Also" and "Further" are neutral.

Action verbs ("ensure" > "promote" > "support" > "strive") are compared inside
each change of a pair (a run of deleted and inserted words), so that "[-Ensure-]
{+Promote+}" is a weakened verb while verbs in unrelated clauses are not paired.
A modal that appears (or goes) with no other modal in its place is
`modal_added` (`modal_removed`): "all definitions ... apply" -> "the definitions ...
shall apply", in a pair that was edited rather than rewritten (word similarity at
least `MODAL_ALONE_SIMILARITY`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Flag, Kind, Status
from . import PairText
from .editorial import change_blocks

WEAKENED, STRENGTHENED = "weakened", "strengthened"
MAX_CHANGE_WORDS = 20  # a longer run of changes is a rewrite: its verbs are not paired
MAX_MODAL_CHANGE = 30  # words a side: a modal swap further apart is not one swap
MODAL_ALONE_SIMILARITY = 0.6  # a modal added or removed alone is flagged in edited text,
# not in a rewritten paragraph (where every clause came and went)
_MAY_EPISTEMIC = r"(?<!that )(?<!which )(?<!who )(?<!it )(?<!this )(?<!there )"
# "events that may involve": a possibility, not a permission
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
    opening: re.Pattern[str] | None
    boost: dict[str, float]
    modal_forms: dict[str, Verb]
    modal: re.Pattern[str] | None
    action_forms: dict[str, Verb] = field(default_factory=dict)
    action: re.Pattern[str] | None = None


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
    action_forms = _modal_forms(data.get("action") or {}, "action")
    if action_forms:
        titles["action"] = str((data.get("action") or {}).get("title", "action"))
    return Scales(
        titles=titles,
        forms={form: tuple(verbs) for form, verbs in forms.items()},
        opening=_opening_regex(list(forms), [*boost, *neutral]) if forms else None,
        boost=boost,
        modal_forms=modal_forms,
        modal=_modal_regex(list(modal_forms)) if modal_forms else None,
        action_forms={form.lower(): verb for form, verb in action_forms.items()},
        action=_words_regex(list(action_forms)) if action_forms else None,
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


def _modal_forms(table: dict[str, Any], scale: str = "modal") -> dict[str, Verb]:
    found = {}
    for entry in table.get("verbs", []):
        verb = Verb(str(entry["verb"]), float(entry["strength"]), scale)
        for form in entry.get("forms") or [entry["verb"]]:
            found[form] = verb
    return found


def _modal_regex(forms: list[str]) -> re.Pattern[str]:
    guards = {"will": _WILL_NOUN, "may": _MAY_EPISTEMIC}
    guarded = [guards.get(form, "") + re.escape(form) for form in forms]
    ordered = sorted(guarded, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(ordered)})(?!\w)")


def _words_regex(forms: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])", re.IGNORECASE)


def opening_verb(text: str, scales: Scales) -> tuple[str, tuple[Verb, ...], float] | None:
    """The phrase that opens `text`, the verbs it can be, and its modifier boost."""
    found = scales.opening.match(text) if scales.opening else None
    if not found or not found.group("verb"):
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
    """Modal verbs that gave way to weaker or stronger ones inside the pair.

    Modals inside negotiating brackets are alternatives, not wording: one that
    leaves its bracket ("[shall][should]" -> "should") is the bracket's outcome
    (the bracket rule reports it), neither added nor removed here.
    """
    if scales.modal is None:
        return
    base_out, base_in = _modals(text.base, scales.modal)
    draft_out, draft_in = _modals(text.draft, scales.modal)
    removed = _difference(base_out, draft_out + draft_in)
    added = _difference(draft_out, base_out + base_in)
    if not removed and not added:
        return
    for old, new in _paired_in_changes(text, scales.modal, removed, added):
        before, after = scales.modal_forms[old], scales.modal_forms[new]
        if before.strength != after.strength:
            yield _flag(
                text, "modal", "modal", f"{old} -> {new}", new, before.strength, after.strength
            )
    if text.pair.status in (Status.INSERTED, Status.DELETED):
        return
    if text.pair.similarity < MODAL_ALONE_SIMILARITY:
        return
    for old, new in zip(list(removed), list(added), strict=False):  # one swap, far apart
        removed.remove(old)
        added.remove(new)
        before, after = scales.modal_forms[old], scales.modal_forms[new]
        if before.strength != after.strength:
            yield _flag(
                text, "modal", "modal", f"{old} -> {new}", new, before.strength, after.strength
            )
    for new in added:
        if not _restated(new, base_out, text.base):
            yield _alone(text, "modal_added", new, "", new)
    for old in removed:
        if old not in draft_out:
            yield _alone(text, "modal_removed", old, old, "")


def _restated(modal: str, base_modals: list[str], base: str) -> bool:
    """A modal that was already in the paragraph ("shall ... and shall"), or the
    passive of its opening verb ("Encourages States" -> "States are encouraged to")."""
    if modal in base_modals:
        return True
    stem = {"are encouraged to": "encourag", "is encouraged to": "encourag"}.get(modal)
    stem = stem or {"are invited to": "invit", "is invited to": "invit"}.get(modal, "")
    return bool(stem) and stem in base.lower()


def _paired_in_changes(
    text: PairText, modal: re.Pattern[str], removed: list[str], added: list[str]
) -> Iterator[tuple[str, str]]:
    """Modals that gave way to others inside one change (a run of deleted and inserted
    words of at most `MAX_MODAL_CHANGE` words a side); what is paired leaves the two
    lists, so only modals that came or went alone are left in them."""
    for deleted, inserted in change_blocks(text.pair.edits):
        if max(len(deleted.split()), len(inserted.split())) > MAX_MODAL_CHANGE:
            continue
        olds = [m.group() for m in modal.finditer(deleted) if m.group() in removed]
        news = [m.group() for m in modal.finditer(inserted) if m.group() in added]
        for old, new in zip(olds, news, strict=False):
            removed.remove(old)
            added.remove(new)
            yield old, new


def action_flags(text: PairText, scales: Scales) -> Iterator[Flag]:
    """An action verb replaced by a weaker or stronger one inside one change."""
    if scales.action is None or text.pair.status is not Status.MODIFIED:
        return
    for deleted, inserted in change_blocks(text.pair.edits):
        if max(len(deleted.split()), len(inserted.split())) > MAX_CHANGE_WORDS:
            continue
        olds = [m.group() for m in scales.action.finditer(deleted)]
        news = [m.group() for m in scales.action.finditer(inserted)]
        for old, new in zip(olds, news, strict=False):
            before = scales.action_forms[" ".join(old.lower().split())]
            after = scales.action_forms[" ".join(new.lower().split())]
            if _still_there(old, new, text):
                continue
            if before.strength != after.strength:
                found = _flag(
                    text, "verb", "action", f"{old} -> {new}", new, before.strength, after.strength
                )
                yield replace(found, before=old, after=new)


def _still_there(old: str, new: str, text: PairText) -> bool:
    """The old verb still stands elsewhere in the paragraph as often, or the new one
    was already there: a clause moved, no verb replaced."""

    def count(phrase: str, where: str) -> int:
        return len(re.findall(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", where.lower()))

    return count(old, text.draft) >= count(old, text.base) or count(new, text.base) >= count(
        new, text.draft
    )


def _alone(text: PairText, kind: str, modal: str, old: str, new: str) -> Flag:
    """A modal added or removed with no other in its place."""
    return Flag(
        kind=kind,
        category="modal",
        term=modal,
        matched=modal,
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
        before=old,
        after=new,
    )


def _modals(text: str, modal: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """The modals of `text` outside square brackets, and those inside."""
    if "[" not in text:
        return [found.group() for found in modal.finditer(text)], []
    depth_at, depth = [], 0
    for char in text:
        depth += char == "["
        depth_at.append(depth)
        depth -= char == "]" and depth > 0
    outside: list[str] = []
    inside: list[str] = []
    for found in modal.finditer(text):
        (inside if depth_at[found.start()] else outside).append(found.group())
    return outside, inside


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
    before, _, after = term.partition(" -> ")
    return Flag(
        kind=f"{family}_{direction}",
        category=category,
        term=term,
        matched=matched,
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
        detail=f"{old:g} -> {new:g}",
        before=before if after else "",
        after=after,
    )
