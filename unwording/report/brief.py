"""The key-changes brief that opens the text and HTML reports.

At most `MAX_LINES` lines, one per paragraph and kind of change (the same change
in several paragraphs is one line naming them), each with the paragraph's address
and a description of at most `MAX_WIDTH` characters, so a negotiator sees on one
screen what decides the negotiation:

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
MAX_WIDTH = 110  # characters of a line's description


@dataclass(frozen=True)
class BriefLine:
    """One key change: where it is, what happened, and the pair to link to."""

    address: str
    sentence: str
    pair: int


def key_changes(comparison: Comparison) -> tuple[list[BriefLine], int]:
    """The brief's lines and how many key changes did not fit."""
    lines = _merged(
        [
            _line(g, comparison)
            for g in _groups([f for f in comparison.flags if _key(f, comparison)])
        ]
    )
    chosen = sorted(lines, key=lambda line: line[1])[:MAX_LINES]
    chosen.sort(key=lambda line: line[0].pair)
    return [line for line, _ in chosen], max(0, len(lines) - MAX_LINES)


def _merged(
    lines: list[tuple[BriefLine, tuple[int, int]]],
) -> list[tuple[BriefLine, tuple[int, int]]]:
    """The same change in several paragraphs ("per cent removed [x] per cent") is one
    line naming them all."""
    by_sentence: dict[str, list[tuple[BriefLine, tuple[int, int]]]] = {}
    for line in lines:
        by_sentence.setdefault(line[0].sentence, []).append(line)
    merged = []
    for same in by_sentence.values():
        first, rank = same[0]
        if len(same) > 1:
            first = BriefLine(
                _places([line.address for line, _ in same]), first.sentence, first.pair
            )
        merged.append((first, rank))
    return merged


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
    """High before medium; changes of wording before provisions deleted whole, and
    among those, obligations ("shall") before the rest, long before short."""
    flag = group[0]
    if flag.kind != "paragraph_deleted":
        return (0 if flag.severity == HIGH else 1, 0)
    binding = " shall " in f" {flag.matched.lower()} "
    return (0 if flag.severity == HIGH else 1, 1 if binding else 2)


def _places(addresses: list[str]) -> str:
    """`Goal 4 / 4.4, 4.6; Goal 6 / 6.3`: addresses under one heading named once."""
    by_prefix: dict[str, list[str]] = {}
    for address in addresses:
        prefix, _, rest = address.rpartition(" / ")
        by_prefix.setdefault(prefix, []).append(rest)
    return "; ".join(
        (f"{prefix} / " if prefix else "") + ", ".join(rests)
        for prefix, rests in by_prefix.items()
    )


def _line(group: list[Flag], comparison: Comparison) -> tuple[BriefLine, tuple[int, int]]:
    flag = group[0]
    if flag.draft:
        address = comparison.draft.paragraphs[flag.draft[0]].address
    else:
        address = comparison.base.paragraphs[flag.base[0]].address + " (base)"
    sentences = [
        f"{flag_action(f)} {flag_body(f, comparison.category_title(f.category))}" for f in group
    ]
    sentence = _shortened("; ".join(dict.fromkeys(sentences)))
    return BriefLine(address, sentence, flag.pair), _rank(group)


def _shortened(sentence: str) -> str:
    """At most `MAX_WIDTH` characters, so a line stays a line on a terminal."""
    if len(sentence) <= MAX_WIDTH:
        return sentence
    return sentence[: MAX_WIDTH - 1].rstrip() + "…"
