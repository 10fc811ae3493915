"""Structure flags: an operative paragraph deleted or inserted whole.

A deleted operative paragraph takes away an action the text asked for, an
inserted one adds an action (a new "Condemns", a new "Calls upon"); each is
flagged once (`paragraph_deleted`, `paragraph_inserted`). Not flagged: a paragraph
of fewer than `MIN_WORDS` words (a sub-heading, a stub), a definition
('"Convention" means ...'), an alternative
("Option 2: ...", whose fate the bracket rule reports) and a paragraph in brackets
as a whole (a proposal, reported by the bracket rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Flag, Kind, Status
from . import PairText

MIN_WORDS = 8
_DEFINITION = re.compile(r"^\W{0,2}[\"“'‘][^\"”’']{1,80}[\"”'’]\s+(?:means|refers to)\b")
_OPTION = re.compile(r"^\W{0,3}(?:Option|Alternative)\s+\w{1,4}\b", re.I)


def _bracketed(text: str) -> bool:
    """The whole paragraph sits inside one pair of square brackets."""
    stripped = text.strip().rstrip(".;,")
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return False
    depth = 0
    for position, char in enumerate(stripped):
        depth += char == "["
        depth -= char == "]"
        if depth == 0 and position < len(stripped) - 1:
            return False
    return True


def structure_flags(text: PairText) -> Iterator[Flag]:
    """`paragraph_deleted` / `paragraph_inserted` for an operative provision."""
    status = text.pair.status
    if status is Status.DELETED and text.base_kind is Kind.OPERATIVE and _provision(text.base):
        yield _flag(text, "paragraph_deleted", text.base)
    elif (
        status is Status.INSERTED and text.draft_kind is Kind.OPERATIVE and _provision(text.draft)
    ):
        yield _flag(text, "paragraph_inserted", text.draft)


def _provision(text: str) -> bool:
    return (
        len(text.split()) >= MIN_WORDS
        and not _OPTION.match(text)
        and not _bracketed(text)
        and not _DEFINITION.match(text)
    )


def _flag(text: PairText, kind: str, wording: str) -> Flag:
    return Flag(
        kind=kind,
        category="structure",
        term="operative paragraph",
        matched=wording[:80] + ("…" if len(wording) > 80 else ""),
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
    )
