"""The key-changes brief that opens the text and HTML reports.

At most `MAX_LINES` lines, one per high-severity flag in document order, each with
the address of its paragraph, so a negotiator sees on one screen what decides the
negotiation; when there are more, changes of wording inside provisions (rights
removed, obligations weakened, quantities, negations) come before provisions
deleted whole, and the brief says how many it left to the flag list below.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Comparison, Flag
from ..rules.severity import HIGH
from .wording import flag_action, flag_body

MAX_LINES = 20


@dataclass(frozen=True)
class BriefLine:
    """One key change: where it is, what happened, and the pair to link to."""

    address: str
    sentence: str
    pair: int


def key_changes(comparison: Comparison) -> tuple[list[BriefLine], int]:
    """The brief's lines and how many high-severity flags did not fit."""
    high = [flag for flag in comparison.flags if flag.severity == HIGH]
    chosen = sorted(sorted(high, key=_rank)[:MAX_LINES], key=lambda flag: flag.pair)
    return [_line(flag, comparison) for flag in chosen], max(0, len(high) - MAX_LINES)


def _rank(flag: Flag) -> int:
    """Changes of wording inside provisions before provisions deleted whole."""
    return 1 if flag.kind == "paragraph_deleted" else 0


def _line(flag: Flag, comparison: Comparison) -> BriefLine:
    if flag.draft:
        address = comparison.draft.paragraphs[flag.draft[0]].address
    else:
        address = comparison.base.paragraphs[flag.base[0]].address + " (base)"
    title = comparison.category_title(flag.category)
    return BriefLine(address, f"{flag_action(flag)} {flag_body(flag, title)}", flag.pair)
