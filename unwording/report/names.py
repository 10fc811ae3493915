"""Short names for paragraphs in reports: the label, or PPn / OPn / a pilcrow number."""

from __future__ import annotations

import re

from ..model import Document, Kind

_SYMBOL = re.compile(
    r"\b(?:A|S|E|ST|UNEP|FCCC|CRC|CEDAW|CCPR|TD|HRC)(?:/(?:[A-Z]{1,5}(?:\.\d+)?|\d{1,4}|RES|"
    r"L\.\d+|Rev\.\d+|Add\.\d+|Corr\.\d+|CN\.\d+|C\.\d+|CP\.\d+|CONF\.\d+))+\b"
)
_RESOLUTION_NUMBER = re.compile(r"^(\d{2,3}/\d{1,4})\.\s")


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


def document_symbol(document: Document) -> str | None:
    """The UN symbol a document names near its start (A/C.3/78/L.41, A/RES/80/6)."""
    for paragraph in document.paragraphs[:8]:
        full = f"{paragraph.label or ''} {paragraph.text}".strip()
        found = _SYMBOL.search(full)
        if found and "/" in found.group():
            return found.group()
        number = _RESOLUTION_NUMBER.match(full)
        if number:
            return f"A/RES/{number.group(1)}"
    return None
