"""Short names for paragraphs in reports: the label, or PPn / OPn / a pilcrow number."""

from __future__ import annotations

from ..model import Document, Kind


def paragraph_names(document: Document) -> list[str]:
    """One display name per paragraph: `1.`, `(a)`, else `PP3`, `OP2` or `¶12`."""
    names = []
    counters = {Kind.PREAMBULAR: 0, Kind.OPERATIVE: 0}
    for paragraph in document.paragraphs:
        if paragraph.kind in counters:
            counters[paragraph.kind] += 1
        names.append(paragraph.label or _unlabelled(paragraph.kind, counters, paragraph.index))
    return names


def _unlabelled(kind: Kind | None, counters: dict[Kind, int], index: int) -> str:
    if kind is Kind.PREAMBULAR:
        return f"PP{counters[kind]}"
    if kind is Kind.OPERATIVE:
        return f"OP{counters[kind]}"
    return f"¶{index + 1}"
