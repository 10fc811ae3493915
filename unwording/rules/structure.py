"""Structure flags: an operative paragraph deleted whole.

A deleted operative paragraph takes away an action the text asked for; it is
flagged once. Not flagged: a paragraph of fewer than `MIN_WORDS` words (a
sub-heading, a stub), an alternative ("Option 2: ...", whose fate the bracket
rule reports) and a paragraph that was in brackets as a whole (a proposal that
was never agreed: the bracket rule reports it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Flag, Kind, Status
from . import PairText

MIN_WORDS = 8
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


def deletion_flags(text: PairText) -> Iterator[Flag]:
    """`paragraph_deleted` for an operative paragraph that is gone."""
    if text.pair.status is not Status.DELETED or text.base_kind is not Kind.OPERATIVE:
        return
    words = text.base.split()
    if len(words) >= MIN_WORDS and not _OPTION.match(text.base) and not _bracketed(text.base):
        yield Flag(
            kind="paragraph_deleted",
            category="structure",
            term="operative paragraph",
            matched=text.base[:80] + ("…" if len(text.base) > 80 else ""),
            base=text.pair.base,
            draft=text.pair.draft,
            pair=text.number,
        )
