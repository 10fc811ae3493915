"""Editorial or substantive: what kind of change a modified pair is.

A modified pair is editorial when each of its changes (a run of deleted and
inserted words between unchanged text) is either

- noise: the deleted and inserted words are the same once case, hyphens,
  spaces and punctuation are ignored and British spellings are read as American
  ones ("recognise" / "recognize", "labour", "centre", "programme", "fifteen" /
  "15"), so a dropped full stop or "gender sensitive" / "gender-sensitive" is
  noise; or
- a reference: every word it deletes or inserts is a resolution or document
  symbol, a number, date, year, month or session ordinal, or a connecting word
  of a reference ("of", "and", "its", "session").

Typography-only edits (and footnote references) are ignored. Anything else is
substantive; inserted and deleted paragraphs are always substantive. A split or
merge is judged like a modification: paragraphs cut differently with the same
words (a layout difference between two extractions) are editorial. A changed
number that is a quantity or a deadline (see `quantities.py`) makes the pair
substantive after all (the flag stage decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from ..model import EDITORIAL, SUBSTANTIVE, Edit, Op, Pair, Status

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
    if pair.status in (Status.INSERTED, Status.DELETED):
        return SUBSTANTIVE
    for deleted, inserted in change_blocks(pair.edits):
        if loose_form(deleted) == loose_form(inserted):
            continue
        if not all(_editorial(word) for word in _WORD.findall(f"{deleted} {inserted}")):
            return SUBSTANTIVE
    return EDITORIAL


def change_blocks(edits: Sequence[Edit]) -> list[tuple[str, str]]:
    """Each run of changes between unchanged text: (deleted text, inserted text).

    Typography-only edits count as unchanged text.
    """
    return [(deleted, inserted) for deleted, inserted, _ in changes_with_context(edits)]


def changes_with_context(edits: Iterable[Edit]) -> Iterator[tuple[str, str, str]]:
    """Each run of changes (deleted text, inserted text) with the unchanged text right
    after it (up to the next change; empty at the end); typography counts as unchanged."""
    deleted: list[str] = []
    inserted: list[str] = []
    for edit in edits:
        if edit.op is Op.EQUAL or edit.typographic:
            if deleted or inserted:
                yield "".join(deleted), "".join(inserted), edit.text
                deleted, inserted = [], []
        elif edit.op is Op.DELETE:
            deleted.append(edit.text)
        else:
            inserted.append(edit.text)
    if deleted or inserted:
        yield "".join(deleted), "".join(inserted), ""


def loose_form(text: str) -> str:
    """`text` with case, spacing, hyphens and punctuation ignored, American spelling."""
    words = _LETTERS.findall(text.lower())
    return "".join(_american(_NUMBERS.get(word, word)) for word in words)


def _american(word: str) -> str:
    for pattern, replacement in _SPELLING:
        if pattern.search(word):
            return pattern.sub(replacement, word)
    return _WORDS.get(word, word)


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


_LETTERS = re.compile(r"[^\W_]+")
_SPELLING = [
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|able|ably|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{2}[bt])re(s|d)?$"), r"er\1"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=\w{3})ence(s)?$"), r"ense\1"),
    (re.compile(r"(?<=dg)ement(s)?$"), r"ment\1"),
]
_WORDS = {
    "programme": "program",
    "programmes": "programs",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "fulfilment": "fulfillment",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "ageing": "aging",
    "practise": "practice",
    "practised": "practiced",
    "grey": "gray",
}
_NUMBERS = {
    word: str(number)
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
