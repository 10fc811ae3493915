"""How a flag is put into words, the same way in every human-readable report."""

from __future__ import annotations

from ..model import Flag

_FAMILIES = {
    "term": "",
    "hedge": "hedge ",
    "verb": "",
    "modal": "modal ",
    "bracket": "bracket ",
    "paragraph": "operative paragraph ",
    "negation": "negation ",
    "quantity": "quantity ",
}


def flag_action(flag: Flag) -> str:
    """What happened: `added`, `hedge removed`, `weakened`, `bracket resolved`..."""
    family, _, action = flag.kind.rpartition("_")
    if family == "quantity":
        return f"{flag.term} {action}"
    return _FAMILIES.get(family, family + " ") + action


def flag_body(flag: Flag, title: str) -> str:
    """The rest of the sentence: category title, what was matched and counts or detail."""
    if flag.kind.startswith(("term_", "hedge_")):
        return f"{title}: “{flag.matched}” ({flag.base_count} -> {flag.draft_count})"
    if flag.kind.startswith("bracket_"):
        return _bracket_body(flag)
    if flag.kind.startswith("paragraph_"):
        return (f"({flag.detail}) " if flag.detail else "") + f"“{flag.matched}”"
    if flag.kind.startswith("quantity_"):
        return flag.detail
    if flag.kind.startswith("negation_"):
        return f"“{flag.before}” -> “{flag.after}”"
    if flag.kind in ("modal_added", "modal_removed"):
        return f"“{flag.term}”"
    detail = f" ({flag.detail})" if flag.detail else ""
    return f"{title}: {flag.term}{detail}"


_BRACKET_LIMIT = 100


def _bracket_body(flag: Flag) -> str:
    """`[shall][should] (kept: should)`, `[a] -> [b] (still bracketed)`, `options (kept: ...)`,
    with the draft wording that stands in a resolved bracket's place and the parties."""
    who = f"; {', '.join(flag.parties)}" if flag.parties else ""
    if flag.term == "Options" and not flag.parties:
        return f"options ({flag.detail})"
    if flag.kind == "bracket_changed" and flag.detail.endswith("attribution changed"):
        return f"{_cut(flag.matched)} ({flag.detail}: {flag.before or '-'} -> {flag.after or '-'})"
    if flag.kind == "bracket_changed":
        return f"{_cut(flag.before)} -> {_cut(flag.after)} ({flag.detail}{who})"
    now = f", now “{_cut(flag.after)}”" if flag.kind == "bracket_resolved" and flag.after else ""
    return f"{_cut(flag.matched)} ({flag.detail}{now}{who})"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _BRACKET_LIMIT else text[: _BRACKET_LIMIT - 1].rstrip() + "…"
