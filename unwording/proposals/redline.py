"""A Word redline with tracked changes by several authors, as one proposal per author.

The reader gives two views of the file (readers.read_both_views): changes rejected and
changes accepted, each paragraph keeping the Word paragraphs it was read from
(`origin`) and the spans of its text that a tracked change deleted (rejected view) or
inserted (accepted view), with their author. Outside those spans a paragraph's text
is the same in both views. Author X's proposal is the rejected view with only X's
changes applied: X's deletions dropped and X's insertions put in place, everyone
else's changes left rejected. A paragraph only in the accepted view (inserted whole)
belongs to the proposal of its author; one only in the rejected view (deleted whole)
is left out of its author's proposal. Where tracked paragraph marks joined paragraphs
differently in the two views, or the common text differs, the paragraphs are kept as in
the base for every author, with a notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Document, Notice, Paragraph, Tracked
from .records import Proposal


@dataclass(frozen=True)
class _Change:
    """Text a tracked change deleted or inserted, at an offset of the common text."""

    at: int
    text: str
    author: str
    inserted: bool


def split_redline(rejected: Document, accepted: Document) -> tuple[Document, tuple[Proposal, ...]]:
    """The base (the rejected view) and one proposal per tracked-change author, in the
    order their first change appears."""
    units = _units(rejected, accepted)
    source = rejected.views_of or rejected.source
    proposals = tuple(
        Proposal(author, _document(accepted, source, author, units)) for author in _authors(units)
    )
    return rejected, proposals


_Unit = tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]  # rejected, accepted paragraphs


def _units(rejected: Document, accepted: Document) -> list[_Unit]:
    """The paragraphs of both views in groups that share Word paragraphs, in order."""
    units: list[tuple[list[Paragraph], list[Paragraph]]] = []
    owner: dict[int, int] = {}
    for side, document in enumerate((rejected, accepted)):
        for paragraph in document.paragraphs:
            found = {owner[o] for o in paragraph.origin if o in owner}
            number = min(found) if found else len(units)
            if not found:
                units.append(([], []))
            units[number][side].append(paragraph)
            owner.update({o: number for o in paragraph.origin})
    ordered = sorted(units, key=lambda u: min(p.origin[0] if p.origin else 0 for p in u[0] + u[1]))
    return [(tuple(r), tuple(a)) for r, a in ordered]


def _authors(units: Sequence[_Unit]) -> list[str]:
    names: dict[str, None] = {}
    for rejected, accepted in units:
        for paragraph in (*rejected, *accepted):
            for _, _, tracked in paragraph.authors:
                names.setdefault(tracked.author, None)
    return list(names)


def _document(accepted: Document, source: str, author: str, units: Sequence[_Unit]) -> Document:
    paragraphs: list[Paragraph] = []
    notices: list[Notice] = []
    for unit in units:
        paragraphs += _unit_for(unit, author, notices, source)
    numbered = tuple(replace(p, index=i, authors=(), origin=()) for i, p in enumerate(paragraphs))
    name = f"{source} ({author})"
    # Not a view of the file: the comparison pairs its paragraphs with the base's by
    # their words, as for any proposal, not by the Word paragraphs they came from (an
    # inserted paragraph and a deleted one may share those).
    return replace(
        accepted, source=name, paragraphs=numbered, warnings=tuple(notices), views_of=None
    )


def _unit_for(unit: _Unit, author: str, notices: list[Notice], source: str) -> list[Paragraph]:
    rejected, accepted = unit
    if not accepted:
        return [] if _whole_by(rejected, author) else list(rejected)
    if not rejected:
        return list(accepted) if _whole_by(accepted, author) else []
    if len(rejected) == len(accepted) == 1:
        text = merged_text(rejected[0], accepted[0], author)
        if text is not None:
            return [replace(rejected[0], text=text)] if text.strip() else []
    if any(_by(p, author) for p in (*rejected, *accepted)):
        where = rejected[0].label or rejected[0].text[:40]
        notices.append(Notice(source, f"changes by {author} at {where!r} kept as in the base"))
    return list(rejected)


def _by(paragraph: Paragraph, author: str) -> bool:
    return any(tracked.author == author for _, _, tracked in paragraph.authors)


def _whole_by(paragraphs: Sequence[Paragraph], author: str) -> bool:
    """True when every character of the paragraphs is in a span of `author`."""
    for paragraph in paragraphs:
        covered = sum(e - s for s, e, t in paragraph.authors if t.author == author)
        if covered < len(paragraph.text.strip()):
            return False
    return True


def merged_text(rejected: Paragraph, accepted: Paragraph, author: str) -> str | None:
    """The rejected text with `author`'s changes applied, or None when the two views'
    common text differs (the spans cannot be placed)."""
    common, deleted = _common(rejected.text, rejected.authors, inserted=False)
    other, inserted = _common(accepted.text, accepted.authors, inserted=True)
    if common != other:
        return None
    changes = sorted(deleted + inserted, key=lambda c: (c.at, c.inserted))
    out, position = [], 0
    for change in changes:
        out.append(common[position : change.at])
        position = change.at
        if change.inserted == (change.author == author):
            out.append(change.text)
    out.append(common[position:])
    return "".join(out)


def _common(
    text: str, spans: tuple[tuple[int, int, Tracked], ...], inserted: bool
) -> tuple[str, list[_Change]]:
    """The text outside the tracked spans, and the spans as changes at its offsets."""
    parts, changes, position = [], [], 0
    for start, end, tracked in sorted(spans, key=lambda s: (s[0], s[1])):
        start = max(start, position)
        if end <= start:
            continue
        parts.append(text[position:start])
        at = sum(map(len, parts))
        changes.append(_Change(at, text[start:end], tracked.author, inserted))
        position = end
    parts.append(text[position:])
    return "".join(parts), changes
