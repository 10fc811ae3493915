"""Editorial or substantive: what kind of change a modified pair is.

A change is editorial when every word it deletes or inserts is a reference
(resolution and document symbols, numbers, dates, years, months, session
ordinals) or a connecting word of a reference ("of", "and", "its", "session"),
and typography-only edits are ignored. Anything else is substantive; inserted,
deleted, split and merged paragraphs are always substantive.
"""

from __future__ import annotations

import re

from ..model import EDITORIAL, SUBSTANTIVE, Op, Pair, Status

_MONTHS = set(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_CONNECTORS = {
    "of",
    "and",
    "its",
    "the",
    "to",
    "in",
    "on",
    "at",
    "a",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "session",
    "sessions",
    "report",
    "reports",
    "no",
    "paragraph",
    "paragraphs",
    "para",
    "annex",
    "chapter",
    "section",
    "document",
    "documents",
    "see",
    "adopted",
    "dated",
    "contained",
    "also",
    "vol",
    "year",
}
_ORDINAL = re.compile(
    r"^(?:\w+[-\u2010\u2011])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|\w+teenth|\w+tieth|hundredth)$"
)
_REFERENCE = re.compile(
    r"^(?:[\d./\-\u2013]+|\d+(?:st|nd|rd|th)|[A-Z]{1,6}(?:/[\w.\-]+)+|\(\w+\)|[IVXLC]+)$"
)
_WORD = re.compile(r"[^\s,;:()\[\]“”\"']+")


def classify(pair: Pair) -> str | None:
    """`editorial`, `substantive`, or None for a pair that did not change wording."""
    if pair.status is Status.UNCHANGED:
        return None
    if pair.status is not Status.MODIFIED:
        return SUBSTANTIVE
    changed = " ".join(e.text for e in pair.edits if e.op is not Op.EQUAL and not e.typographic)
    if not changed.strip():
        return EDITORIAL
    return EDITORIAL if all(_editorial(word) for word in _WORD.findall(changed)) else SUBSTANTIVE


def _editorial(word: str) -> bool:
    bare = word.strip(".")
    lowered = bare.lower()
    return (
        not bare
        or lowered in _CONNECTORS
        or bare in _MONTHS
        or bool(_ORDINAL.match(lowered))
        or bool(_REFERENCE.match(bare))
    )
