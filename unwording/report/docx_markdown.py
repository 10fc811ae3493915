"""Markdown in a Word redline: `*Being*` as italic "Being", `**Option 2:**` as bold
"Option 2:", a link (`[text](url)`, `[text][label]`) as its text, a link definition
(`[label]: url`) left out; the markers themselves left out.

A redline paragraph shows two texts at once: the base (its plain, deleted and
moved-from pieces) and the draft (its plain, inserted and moved-to pieces). The
markers are found in each text as the normalize stage finds them (so what the
comparison ignored as formatting is what goes), and left out of that text only: a
marker in a plain piece that is one in the draft alone becomes a deleted character,
one in the base alone an inserted one, so that rejecting every change still gives the
base and accepting them the draft, each without its markers. A character is italic
or bold as the markers of its text say.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..normalize import LINK_SYNTAX, kept_span
from .docx_layout import DEL, INS, MOVE_FROM, MOVE_TO, PLAIN, Para, Piece

_MARKER = re.compile(  # normalize.py's _EMPHASIS, its two sides named
    r"(?P<open>(?<![\w*_])[*_]{1,3}(?=[^\s*_]))|(?P<close>(?<=[^\s*_])[*_]{1,3}(?![\w*_]))"
)
_BASE, _DRAFT = (PLAIN, DEL, MOVE_FROM), (PLAIN, INS, MOVE_TO)
Place = tuple[int, int]  # a piece's index in its paragraph, and a character's in it


Labels = tuple[frozenset[str], frozenset[str]]  # the base's and the draft's link labels


def emphasised(paras: list[Para], labels: Labels = (frozenset(), frozenset())) -> list[Para]:
    """The paragraphs with their Markdown emphasis as formatting; `labels` are those of
    the link definitions of each text (`normalize.link_labels`)."""
    return [_emphasised(para, labels) for para in paras]


def _emphasised(para: Para, labels: Labels) -> Para:
    text = "".join(piece.text for piece in para.pieces)
    if "*" not in text and "_" not in text and "[" not in text:
        return para
    base = _view(para.pieces, _BASE, labels[0])
    draft = _view(para.pieces, _DRAFT, labels[1])
    pieces: list[Piece] = []
    for k, piece in enumerate(para.pieces):
        pieces += _rebuilt(piece, k, base, draft)
    return replace(para, pieces=tuple(pieces))


class _View:
    """One side's text of a paragraph: where its markers are, and each character's
    emphasis (italic, bold)."""

    def __init__(self, places: list[Place], text: str, labels: frozenset[str]) -> None:
        self.markers: set[Place] = set(places)  # until a character is found to be text
        self.style: dict[Place, tuple[bool, bool]] = {}
        text, kept = _unlinked(text, places, labels)
        italic = bold = False
        ends = {}
        for found in _MARKER.finditer(text):
            ends[found.end()] = (found.lastgroup == "open", len(found.group()))
            kept[found.start() : found.end()] = [None] * (found.end() - found.start())
        for at, place in enumerate(kept):
            if at in ends:
                on, size = ends[at]
                italic = on if size != 2 else italic
                bold = on if size != 1 else bold
            if place is not None:
                self.markers.discard(place)
                self.style[place] = (italic, bold)


def _unlinked(
    text: str, places: list[Place], labels: frozenset[str]
) -> tuple[str, list[Place | None]]:
    """The text without its link syntax, as the normalize stage leaves it out (see
    `normalize.kept_span`), with the place each character left came from."""
    kept: list[Place | None] = list(places)
    for pattern in LINK_SYNTAX:
        texts: list[str] = []
        found_places: list[Place | None] = []
        last = 0
        for found in pattern.finditer(text):
            start, end = kept_span(found, labels)
            texts += [text[last : found.start()], text[start:end]]
            found_places += kept[last : found.start()] + kept[start:end]
            last = found.end()
        text, kept = "".join([*texts, text[last:]]), found_places + kept[last:]
    return text, kept


def _view(pieces: tuple[Piece, ...], changes: tuple[str, ...], labels: frozenset[str]) -> _View:
    places = [
        (k, i) for k, p in enumerate(pieces) if p.change in changes for i in range(len(p.text))
    ]
    text = "".join(p.text for p in pieces if p.change in changes)
    return _View(places, text, labels)


def _rebuilt(piece: Piece, k: int, base: _View, draft: _View) -> list[Piece]:
    """The piece without its markers, cut where its emphasis or change differs."""
    runs: list[tuple[tuple[str, bool, bool], list[str]]] = []
    for i, char in enumerate(piece.text):
        change = _change(piece.change, (k, i) in base.markers, (k, i) in draft.markers)
        if change is None:
            continue
        view = base if change in (DEL, MOVE_FROM) else draft
        italic, bold = view.style.get((k, i), (False, False))
        key = (change, italic or piece.italic, bold)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(char)
        else:
            runs.append((key, [char]))
    return [
        replace(piece, change=change, text="".join(chars), italic=italic, bold=bold)
        for (change, italic, bold), chars in runs
    ]


def _change(change: str, in_base: bool, in_draft: bool) -> str | None:
    """What a character of a piece becomes: None (a marker of every text it is in),
    or its change (a plain marker of one text only is a change of the other)."""
    if change != PLAIN:
        return None if (in_base if change in (DEL, MOVE_FROM) else in_draft) else change
    if in_base and in_draft:
        return None
    return DEL if in_draft else INS if in_base else PLAIN
