"""Names of paragraphs in reports: their addresses (`Art. 2.1(a)`, `Goal 16 / 16.1`,
`OP9`, `PP3`), or for documents made without the segment stage, the label or
PPn / OPn / a pilcrow number."""

from __future__ import annotations

import re

from ..model import Comparison, Document, Kind, Pair

_SYMBOL = re.compile(
    r"\b(?:A|S|E|ST|UNEP|FCCC|CRC|CEDAW|CCPR|TD|HRC)(?:/(?:[A-Z]{1,5}(?:\.\d+)?|\d{1,4}|RES|"
    r"L\.\d+|Rev\.\d+|Add\.\d+|Corr\.\d+|CN\.\d+|C\.\d+|CP\.\d+|CONF\.\d+))+\b"
)
_RESOLUTION_NUMBER = re.compile(r"^(\d{2,3}/\d{1,4})\.\s")

Names = tuple[list[str], list[str]]  # the paragraph names of both documents


def paragraph_names(document: Document) -> list[str]:
    """One display name per paragraph: its address, else `1.`, `(a)`, `PP3`, `OP2` or `¶12`."""
    names = []
    counters = {Kind.PREAMBULAR: 0, Kind.OPERATIVE: 0}
    for paragraph in document.paragraphs:
        if paragraph.kind in counters:
            counters[paragraph.kind] += 1
        names.append(
            paragraph.address
            or paragraph.label
            or _unlabelled(paragraph.kind, counters, paragraph.index)
        )
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


def pair_address(pair: Pair, comparison: Comparison) -> tuple[str, str]:
    """Which side a pair is cited from, and its address there: the draft's address
    when the pair has a draft paragraph, else (a deleted paragraph) the base's."""
    if pair.draft:
        return "draft", comparison.draft.paragraphs[pair.draft[0]].address
    return "base", comparison.base.paragraphs[pair.base[0]].address
