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
        who = f"; {', '.join(flag.parties)}" if flag.parties else ""
        return f"{flag.matched} ({flag.detail}{who})"
    if flag.kind == "paragraph_deleted":
        return f"“{flag.matched}”"
    if flag.kind.startswith("quantity_"):
        return flag.detail
    if flag.kind.startswith("negation_"):
        return f"“{flag.before}” -> “{flag.after}”"
    if flag.kind in ("modal_added", "modal_removed"):
        return f"“{flag.term}”"
    detail = f" ({flag.detail})" if flag.detail else ""
    return f"{title}: {flag.term}{detail}"
