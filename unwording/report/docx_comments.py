"""Flags as Word comments: where each comment is anchored in the redline.

A flag is anchored on the words it is about, as the redline shows them: a term
removed on the deleted words of the base, a term or hedge added on the inserted
words of the draft, a verb weakened on the new verb. The matched wording is
looked for in the pair's pieces on that side (first where it overlaps a change),
then on the other side; when it is not found (a matched form the text spells
otherwise), the comment spans the pair's changed pieces on that side, or its
whole text. A flag about a whole paragraph (inserted, deleted) spans it all.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Comparison, Flag
from .docx_layout import DEL, INS, MOVE_FROM, MOVE_TO, PLAIN, Para, Piece
from .wording import flag_action, flag_body

Place = tuple[int, int]  # (paragraph, piece) in the redline
_SHOWN = {True: (PLAIN, DEL, MOVE_FROM), False: (PLAIN, INS, MOVE_TO)}  # by base side


@dataclass(frozen=True)
class Comment:
    """One flag as a comment: its id, its words, and the pieces it spans."""

    id: int
    text: str
    start: Place
    end: Place


def flag_comment(flag: Flag, comparison: Comparison) -> str:
    """The comment's text, worded as in the text report: `removed Human rights: …`."""
    return f"{flag_action(flag)} {flag_body(flag, comparison.category_title(flag.category))}"


def comments(comparison: Comparison, paras: Sequence[Para]) -> list[Comment]:
    """A comment for every flag whose pair is in the redline, numbered from 0."""
    by_pair: dict[int, list[tuple[Place, Piece]]] = defaultdict(list)
    for p, para in enumerate(paras):
        by_pair[para.pair] += [((p, k), piece) for k, piece in enumerate(para.pieces)]
    found: list[Comment] = []
    for flag in comparison.flags:
        span = _span(flag, by_pair.get(flag.pair, []))
        if span:
            found.append(Comment(len(found), flag_comment(flag, comparison), *span))
    return found


def _span(flag: Flag, pieces: list[tuple[Place, Piece]]) -> tuple[Place, Place] | None:
    sides = _sides(flag)
    if not flag.kind.startswith("paragraph_"):
        for base_side in sides:
            span = _matched(flag, _shown(pieces, base_side), base_side)
            if span:
                return span
    for base_side in sides:
        shown = _shown(pieces, base_side)
        changed = [item for item in shown if item[1].change != PLAIN] or shown
        if changed:
            return changed[0][0], changed[-1][0]
    return None


def _sides(flag: Flag) -> tuple[bool, ...]:
    """Which side (True: the base) to look on first."""
    if not flag.draft:
        return (True,)
    if not flag.base:
        return (False,)
    removed = flag.kind.endswith(("_removed", "_deleted"))
    return (True, False) if removed else (False, True)


def _shown(pieces: list[tuple[Place, Piece]], base_side: bool) -> list[tuple[Place, Piece]]:
    return [item for item in pieces if item[1].change in _SHOWN[base_side]]


def _matched(
    flag: Flag, shown: list[tuple[Place, Piece]], base_side: bool
) -> tuple[Place, Place] | None:
    text = "".join(piece.text for _, piece in shown)
    starts, position = [], 0
    for _, piece in shown:
        starts.append(position)
        position += len(piece.text)
    for needle in _needles(flag, base_side):
        spans = [_covering(starts, shown, m.start(), m.end()) for m in _find(needle, text)]
        spans.sort(key=lambda span: not any(shown[k][1].change != PLAIN for k in span))
        if spans:
            first, last = spans[0][0], spans[0][-1]
            return shown[first][0], shown[last][0]
    return None


def _needles(flag: Flag, base_side: bool) -> list[str]:
    other = flag.before if base_side else flag.after
    return [n.strip().rstrip("…").strip() for n in (flag.matched, other) if n.strip()]


def _find(needle: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(re.escape(needle), text, re.IGNORECASE)) if needle else []


def _covering(starts: list[int], shown: list[tuple[Place, Piece]], a: int, b: int) -> range:
    """The pieces (by position in `shown`) that characters a to b fall in."""
    first = last = bisect.bisect_right(starts, a) - 1
    while last + 1 < len(starts) and starts[last + 1] < b:
        last += 1
    return range(first, last + 1)
