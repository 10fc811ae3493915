"""The key-changes brief that opens the text and HTML reports.

At most `MAX_LINES` lines, one per paragraph and kind of change, each with the
paragraph's address, so a negotiator sees on one screen what decides the
negotiation:

1. the high-severity flags (rights language removed, obligations weakened,
   quantities and deadlines, negations, provisions deleted), changes of wording
   inside provisions before provisions deleted whole;
2. if there is room, the medium-severity flags that change what a provision binds
   (a condition, scope limit or domestic-law qualifier added or removed, a verb or
   modal strengthened); when nothing is of high severity, the medium flags lead.

When there are more, the brief says how many it left to the flag list below.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..model import Comparison, Flag
from ..rules.severity import HIGH, MEDIUM, STRICT_QUALIFIERS
from .wording import flag_action, flag_body

MAX_LINES = 20


@dataclass(frozen=True)
class BriefLine:
    """One key change: where it is, what happened, and the pair to link to."""

    address: str
    sentence: str
    pair: int


def key_changes(comparison: Comparison) -> tuple[list[BriefLine], int]:
    """The brief's lines and how many key changes did not fit."""
    groups = _groups([f for f in comparison.flags if _key(f, comparison)])
    chosen = sorted(groups, key=_rank)[:MAX_LINES]
    chosen.sort(key=lambda group: group[0].pair)
    return [_line(group, comparison) for group in chosen], max(0, len(groups) - MAX_LINES)


def _key(flag: Flag, comparison: Comparison) -> bool:
    if flag.severity == HIGH:
        return True
    if flag.severity != MEDIUM:
        return False
    if not any(f.severity == HIGH for f in comparison.flags):
        return True
    return flag.kind.endswith("_strengthened") or (
        flag.kind.startswith("hedge_") and flag.category in STRICT_QUALIFIERS
    )


def _groups(flags: list[Flag]) -> list[list[Flag]]:
    """Flags of one pair and one family (the kind without its action) together."""
    ordered = sorted(flags, key=lambda f: (f.pair, _family(f)))
    return [list(group) for _, group in groupby(ordered, key=lambda f: (f.pair, _family(f)))]


def _family(flag: Flag) -> str:
    return flag.kind.rpartition("_")[0]


def _rank(group: list[Flag]) -> tuple[int, int]:
    """High before medium; changes of wording before provisions deleted whole."""
    flag = group[0]
    return (0 if flag.severity == HIGH else 1, 1 if flag.kind == "paragraph_deleted" else 0)


def _line(group: list[Flag], comparison: Comparison) -> BriefLine:
    flag = group[0]
    if flag.draft:
        address = comparison.draft.paragraphs[flag.draft[0]].address
    else:
        address = comparison.base.paragraphs[flag.base[0]].address + " (base)"
    sentences = [
        f"{flag_action(f)} {flag_body(f, comparison.category_title(f.category))}" for f in group
    ]
    return BriefLine(address, "; ".join(dict.fromkeys(sentences)), flag.pair)
