"""One provision's history, as the reports show it: each step's redline and flags,
and the Options dropped beside it.

An Option dropped beside a provision is a paragraph of the same article and paragraph
number (`Art. 3.3 Option 1` beside `Art. 3.3bis`) deleted in the step where the
provision went on, whose deletion the comparison flags as `dropped: Option ...`: the
rival text the provision won over ("shall undertake" beside "should continue taking the
lead").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Flag, Pair
from .bracket_lives import holds
from .records import History, Lineage

_STEM = re.compile(r"\S+ \d+(?:\.\d+)?|\S+")


@dataclass(frozen=True)
class Redline:
    """What step `step` did to a lineage: its status, the step's pairs holding its
    paragraphs (with their word edits), their flags and the Options dropped beside it."""

    step: int
    status: str
    pairs: tuple[Pair, ...]
    flags: tuple[Flag, ...]
    beside: tuple[Lineage, ...] = ()


def redlines(history: History, lineage: Lineage) -> tuple[Redline, ...]:
    """The lineage's passage through every step it crossed, in order."""
    found = []
    for passage in lineage.passages:
        comparison = history.steps[passage.step].comparison
        pairs = tuple(comparison.pairs[n] for n in passage.pairs)
        status = passage.status or "+".join(dict.fromkeys(p.status.value for p in pairs))
        after = lineage.places[passage.step + 1]
        flags = tuple(
            f
            for f in comparison.flags
            if f.pair in passage.pairs and not _kept_beside(f, after.text if after else "")
        )
        beside = dropped_beside(history, lineage, passage.step)
        found.append(Redline(passage.step, status or "absent", pairs, flags, beside))
    return tuple(found)


def _kept_beside(flag: Flag, text: str) -> bool:
    """A removal (or a bracket dropped) by one of the step's pairs whose words the
    provision still holds in another of its paragraphs (`well below 2 °C` in the Option
    split off beside it): the brackets' lives say it was kept."""
    if flag.kind.startswith("bracket_") and flag.detail.startswith("dropped"):
        words = flag.before.strip("[]")  # a bracket whose words stand beside it
    elif flag.kind.endswith("_removed"):
        words = flag.matched
    else:
        return False
    return holds(text, words)


def address_stem(address: str) -> str:
    """`Art. 3.3` for `Art. 3.3bis` and `Art. 3.3 Option 1`; `PP4` for `PP4`."""
    found = _STEM.match(address)
    return found.group() if found else address


def dropped_beside(history: History, lineage: Lineage, step: int) -> tuple[Lineage, ...]:
    """Options of the same provision number that `step` dropped while `lineage` went on."""
    before, after = lineage.places[step], lineage.places[step + 1]
    if before is None or after is None:
        return ()
    stem = address_stem(before.address)
    comparison = history.steps[step].comparison
    dropped = {flag.pair for flag in comparison.flags if flag.detail.startswith("dropped: Option")}
    return tuple(
        other
        for other in history.lineages
        if other is not lineage
        and _ends_at(other, step)
        and address_stem(other.places[step].address) == stem  # type: ignore[union-attr]
        and any(n in dropped for p in other.passages if p.step == step for n in p.pairs)
    )


def _ends_at(lineage: Lineage, step: int) -> bool:
    return lineage.places[step] is not None and lineage.places[step + 1] is None
