"""Structure flags: an operative paragraph deleted whole.

A deleted operative paragraph takes away an action the text asked for; it is
flagged once (the terms and brackets inside it are not flagged one by one).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Flag, Kind, Status
from . import PairText


def deletion_flags(text: PairText) -> Iterator[Flag]:
    """`paragraph_deleted` for an operative paragraph that is gone."""
    if text.pair.status is Status.DELETED and text.base_kind is Kind.OPERATIVE:
        yield Flag(
            kind="paragraph_deleted",
            category="structure",
            term="operative paragraph",
            matched=text.base[:80] + ("…" if len(text.base) > 80 else ""),
            base=text.pair.base,
            draft=text.pair.draft,
            pair=text.number,
        )
