"""Bracket flags: square-bracketed negotiating text added, removed or resolved.

A bracket is `[text]`, `[text - US; G77 delete]` (attributed to delegations or
groups, with an optional action), or `[alt one / alt two - EU]`. Between two
versions of a pair:

- `bracket_added`: a bracket that the base did not have;
- `bracket_resolved`: a base bracket that is gone; `detail` says whether its text
  was `kept` (it stands unbracketed in the draft) or `dropped`;
- `bracket_removed`: a base bracket gone with its whole paragraph (deleted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Flag, Status
from . import PairText

ACTIONS = ("delete", "retain", "add", "alt", "reserve", "reservation", "oppose", "support")
_ATTRIBUTION = re.compile(r"\s[-\u2013\u2014]+\s*(?P<who>[^\[\]\-\u2013\u2014]+)$")
_PARTY = re.compile(r"^[A-Z][\w.\-/]*(?:\s+[A-Z][\w.\-/]*){0,3}$")
_TERM_LIMIT = 80


@dataclass(frozen=True)
class Bracket:
    """One top-level bracket: its text (attribution removed) and who it is attributed to."""

    raw: str
    text: str
    parties: tuple[str, ...]
    alternatives: tuple[str, ...]


def find_brackets(text: str) -> list[Bracket]:
    """Top-level square brackets in `text` (nested ones stay inside their parent)."""
    found, depth, start = [], 0, 0
    for position, char in enumerate(text):
        if char == "[":
            depth += 1
            start = position if depth == 1 else start
        elif char == "]" and depth:
            depth -= 1
            if depth == 0:
                found.append(parse_bracket(text[start + 1 : position]))
    return found


def parse_bracket(inner: str) -> Bracket:
    """Split a bracket's inside into its alternatives (`a / b`), each with its attribution."""
    alternatives, parties = [], []
    for part in inner.split(" / "):
        text, who = _attributed(part.strip())
        if text:
            alternatives.append(text)
        parties.extend(who)
    text = " / ".join(alternatives)
    return Bracket(f"[{inner}]", text, tuple(parties), tuple(alternatives))


def _attributed(part: str) -> tuple[str, tuple[str, ...]]:
    trimmed = part.rstrip(" .;")
    attribution = _ATTRIBUTION.search(trimmed)
    if attribution and _looks_like_parties(attribution.group("who")):
        return trimmed[: attribution.start()].strip(), _parties(attribution.group("who"))
    return part, ()


def _clauses(who: str) -> list[list[str]]:
    return [[w for w in clause.split(",") if w.strip()] for clause in re.split(r"[;:]", who)]


def _looks_like_parties(who: str) -> bool:
    names = [_strip_action(name) for clause in _clauses(who) for name in clause]
    return bool(names) and all(_PARTY.match(name) for name in names if name)


def _strip_action(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in ACTIONS:
        words.pop()
    return " ".join(words)


def _parties(who: str) -> tuple[str, ...]:
    """Parties of each clause; an action closing a clause applies to all its parties."""
    found = []
    for clause in _clauses(who):
        last = clause[-1].split() if clause else []
        action = last[-1].lower() if last and last[-1].lower() in ACTIONS else ""
        for name in clause:
            party = _strip_action(name)
            if party:
                found.append(f"{party} ({action})" if action else party)
    return tuple(found)


def bracket_flags(text: PairText) -> Iterator[Flag]:
    """Added, removed and resolved brackets between the two sides of a pair."""
    base, draft = find_brackets(text.base), find_brackets(text.draft)
    draft_texts = {_key(b.text) for b in draft}
    base_texts = {_key(b.text) for b in base}
    for bracket in base:
        if _key(bracket.text) not in draft_texts:
            yield _resolution(text, bracket)
    for bracket in draft:
        if _key(bracket.text) not in base_texts:
            yield _flag(text, "bracket_added", bracket, _added_detail(text.base, bracket))


def _resolution(text: PairText, bracket: Bracket) -> Flag:
    if text.pair.status is Status.DELETED:
        return _flag(text, "bracket_removed", bracket, "paragraph deleted")
    unbracketed = _unbracketed(text.draft)
    kept = [alt for alt in bracket.alternatives if alt and _contains(unbracketed, alt)]
    detail = (
        f"kept: {kept[0]}"
        if kept and len(bracket.alternatives) > 1
        else ("kept" if kept else "dropped")
    )
    return _flag(text, "bracket_resolved", bracket, detail)


def _added_detail(base: str, bracket: Bracket) -> str:
    existing = _contains(_unbracketed(base), bracket.text)
    return "existing text bracketed" if existing else "new text"


def _contains(text: str, phrase: str) -> bool:
    """`phrase` stands in `text` as whole words (case and spacing ignored)."""
    return re.search(rf"(?<!\w){re.escape(_key(phrase))}(?!\w)", text) is not None


def _unbracketed(text: str) -> str:
    depth, kept = 0, []
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return _key("".join(kept))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _flag(text: PairText, kind: str, bracket: Bracket, detail: str) -> Flag:
    term = bracket.text if len(bracket.text) <= _TERM_LIMIT else bracket.text[:_TERM_LIMIT] + "…"
    return Flag(
        kind=kind,
        category="brackets",
        term=term,
        matched=bracket.raw,
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
        detail=detail,
        parties=bracket.parties,
    )
