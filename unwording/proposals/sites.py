"""Sites: where several proposals change the words of one base paragraph.

Each proposal's word diff of a paragraph becomes hunks: base characters
`[start, end)` replaced by new words (an insertion has `start == end`). Hunks of all
proposals that overlap (share base words, or insert at the same point, or insert inside
words another replaces) form one site over the union of their ranges. Each sponsor's
wording of the site is its hunks applied to the site's base words; identical wordings
(spacing aside) are one alternative with all their sponsors, and a site with more than
one alternative is a conflict. Typography-only edits are no change unless `strict`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Edit, Op
from .records import Alternative, Site, Version


@dataclass(frozen=True)
class Hunk:
    """Base characters `[start, end)` replaced by `text`, proposed by `sponsors`."""

    start: int
    end: int
    text: str
    sponsors: tuple[str, ...]


def version_hunks(version: Version, strict: bool = False) -> list[Hunk]:
    """The hunks of a version's word diff from its base paragraph."""
    hunks: list[Hunk] = []
    position, start, words = 0, None, ""
    for edit in version.edits:
        if _is_equal(edit, strict):
            if start is not None:
                hunks.append(Hunk(start, position, words, version.sponsors))
                start, words = None, ""
            position += 0 if edit.op is Op.INSERT else len(edit.text)
            continue
        start = position if start is None else start
        if edit.op is Op.DELETE:
            position += len(edit.text)
        else:
            words += edit.text
    if start is not None:
        hunks.append(Hunk(start, position, words, version.sponsors))
    return hunks


def _is_equal(edit: Edit, strict: bool) -> bool:
    return edit.op is Op.EQUAL or (edit.typographic and not strict)


def find_sites(text: str, versions: Sequence[Version], strict: bool = False) -> tuple[Site, ...]:
    """The sites of the versions that amend (not delete) a paragraph of `text`."""
    hunks = [h for v in versions if not v.deleted for h in version_hunks(v, strict)]
    return tuple(_site(text, group) for group in _overlapping(hunks))


def _overlapping(hunks: list[Hunk]) -> Iterable[list[Hunk]]:
    """Hunks in groups that overlap, in base order."""
    group: list[Hunk] = []
    start = end = 0
    for hunk in sorted(hunks, key=lambda h: (h.start, h.end)):
        if group and _overlaps(start, end, hunk):
            group.append(hunk)
            end = max(end, hunk.end)
            continue
        if group:
            yield group
        group, start, end = [hunk], hunk.start, hunk.end
    if group:
        yield group


def _overlaps(start: int, end: int, hunk: Hunk) -> bool:
    if start == end or hunk.start == hunk.end:
        point = start if start == end else hunk.start
        low, high = (hunk.start, hunk.end) if start == end else (start, end)
        return low == high == point or low < point < high
    return hunk.start < end


def _site(text: str, group: list[Hunk]) -> Site:
    start = min(h.start for h in group)
    end = max(h.end for h in group)
    by_sponsors: dict[tuple[str, ...], list[Hunk]] = {}
    for hunk in group:
        by_sponsors.setdefault(hunk.sponsors, []).append(hunk)
    wordings = [(sponsors, _applied(text, start, end, h)) for sponsors, h in by_sponsors.items()]
    return Site(start, end, text[start:end], merge_alternatives(wordings))


def _applied(text: str, start: int, end: int, hunks: list[Hunk]) -> str:
    """The base words `text[start:end]` with `hunks` (inside them) applied."""
    out, position = [], start
    for hunk in sorted(hunks, key=lambda h: (h.start, h.end)):
        out += [text[position : hunk.start], hunk.text]
        position = hunk.end
    out.append(text[position:end])
    return "".join(out)


def merge_alternatives(wordings: Iterable[tuple[tuple[str, ...], str]]) -> tuple[Alternative, ...]:
    """One alternative per distinct wording (spacing aside), its sponsors joined."""
    merged: dict[str, tuple[str, list[str]]] = {}
    for sponsors, wording in wordings:
        key = " ".join(wording.split())
        merged.setdefault(key, (wording, []))[1].extend(sponsors)
    return tuple(Alternative(wording, tuple(names)) for wording, names in merged.values())
