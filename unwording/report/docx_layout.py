"""Where each piece of text goes in a Word redline, before any XML is written.

The redline is the draft with tracked changes against the base: read with the
changes rejected it is the base, paragraph for paragraph; read with them accepted
it is the draft. Pairs whose paragraphs are consecutive on both sides and in the
same order on both sides are written *in place*: one stream of word edits, where a
paragraph break only in the draft (a split) is an inserted paragraph mark and one
only in the base (a merge) a deleted mark. Everything else is written twice: its
base paragraphs where they stood (deleted, or `moveFrom` for a moved pair whose
paragraphs are consecutive on both sides) and its draft paragraphs where they are
now (inserted, or `moveTo`); the words deleted from a moved paragraph are deleted
at its old place, the words inserted are inserted at its new one.

Labels are written as text (`3.` and a tab), tracked like words when they
changed; the opening participle of a preambular paragraph and the verb of an
operative one are italic, as UN documents print them. Typography-only edits are
tracked apart (`Piece.typographic`), or accepted silently with `typography="accept"`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..diff import diff_texts
from ..model import JOINER, Comparison, Edit, Kind, Op, Pair, Paragraph, Status
from ..segment import OPERATIVE, PREAMBULAR

PLAIN, INS, DEL, MOVE_FROM, MOVE_TO = "", "ins", "del", "moveFrom", "moveTo"
LABEL_GAP = "\t"  # between a label and its paragraph's text
_BREAK = re.compile(f"({re.escape(JOINER)})")


@dataclass(frozen=True)
class Piece:
    """A run of text and how it is tracked (`PLAIN`, `INS`, `DEL`, `MOVE_FROM`,
    `MOVE_TO`); `author`/`date` come from a Word input's own tracked change."""

    change: str
    text: str
    italic: bool = False
    typographic: bool = False
    author: str | None = None
    date: str | None = None
    bold: bool = False


@dataclass(frozen=True)
class Para:
    """One Word paragraph: its pieces, the change of its mark, the move range that
    opens (`range_start`) or closes (`range_end`) in it, and its pair's number."""

    kind: Kind | None
    pieces: tuple[Piece, ...]
    mark: str = PLAIN
    pair: int = -1
    range_start: str = ""
    range_end: str = ""


@dataclass(frozen=True)
class _Side:
    """The paragraphs of one side of a pair, for labels, kinds and italics."""

    paragraphs: tuple[Paragraph, ...]

    def label(self, k: int) -> str:
        label = self.paragraphs[k].label if k < len(self.paragraphs) else None
        return label + LABEL_GAP if label else ""

    def kind(self, k: int) -> Kind | None:
        return self.paragraphs[min(k, len(self.paragraphs) - 1)].kind

    def italic_end(self, k: int) -> int:
        return italic_end(self.paragraphs[k]) if k < len(self.paragraphs) else 0


def italic_end(paragraph: Paragraph) -> int:
    """Where the italic opening (a preambular participle, an operative verb) ends."""
    pattern = {Kind.PREAMBULAR: PREAMBULAR, Kind.OPERATIVE: OPERATIVE}.get(
        paragraph.kind or Kind.OTHER
    )
    found = pattern.match(paragraph.text) if pattern else None
    return found.end() if found else 0


def layout(comparison: Comparison, typography: str = "track") -> list[Para]:
    """The redline's paragraphs, in document order."""
    base, draft = comparison.base.paragraphs, comparison.draft.paragraphs
    placed = _Placed(base, draft, typography, _all_pairs(comparison.pairs, len(base), len(draft)))
    out: list[Para] = []
    b = d = 0
    for number in [*_in_place(placed.pairs), -1]:
        if number < 0:
            return settled(out + placed.gap(range(b, len(base)), range(d, len(draft))))
        pair = placed.pairs[number]
        out += placed.gap(range(b, pair.base[0]), range(d, pair.draft[0]))
        out += placed.in_place(pair, number)
        b, d = pair.base[-1] + 1, pair.draft[-1] + 1
    return out


def settled(paras: list[Para]) -> list[Para]:
    """Paragraphs inserted (or deleted) whole after a paragraph that ends with an
    insertion (a deletion) take that paragraph's mark into the change instead of the
    last one's, as Word records a paragraph added after another: the same text in
    both views, and LibreOffice, which joins the two changes into one, then removes
    no paragraph break that is not tracked."""
    out = list(paras)
    for i in range(1, len(out)):
        mark, before = out[i].mark, out[i - 1]
        if mark in (INS, DEL) and before.mark == PLAIN and _ends_with(before, mark):
            last = _whole_run(out, i, mark)
            if last is not None:
                out[i - 1] = replace(before, mark=mark)
                out[last] = replace(out[last], mark=PLAIN)
    return out


def _ends_with(para: Para, change: str) -> bool:
    return bool(para.pieces) and para.pieces[-1].change == change


def _whole_run(paras: list[Para], first: int, change: str) -> int | None:
    """The last of the paragraphs from `first` that are `change` whole, mark and text."""
    last = None
    for k in range(first, len(paras)):
        whole = paras[k].mark == change and all(p.change == change for p in paras[k].pieces)
        if not whole:
            break
        last = k
    return last


def _all_pairs(pairs: tuple[Pair, ...], bases: int, drafts: int) -> list[Pair]:
    """The comparison's pairs, and a deletion or insertion for any paragraph no pair
    holds (so that every paragraph is written once on its side)."""
    held_base = {i for pair in pairs for i in pair.base}
    held_draft = {i for pair in pairs for i in pair.draft}
    extra = [Pair(Status.DELETED, (i,), ()) for i in range(bases) if i not in held_base]
    extra += [Pair(Status.INSERTED, (), (i,)) for i in range(drafts) if i not in held_draft]
    return [*pairs, *extra]


def _consecutive(indices: tuple[int, ...]) -> bool:
    return bool(indices) and indices[-1] - indices[0] == len(indices) - 1


def _in_place(pairs: Sequence[Pair]) -> list[int]:
    """Numbers of the pairs written in place: not moved, consecutive on both sides,
    and the longest run of those in the same order on both sides."""
    candidates = sorted(
        (n for n, p in enumerate(pairs) if _placeable(p)), key=lambda n: pairs[n].base[0]
    )
    return longest_increasing(candidates, [pairs[n].draft[0] for n in candidates])


def _placeable(pair: Pair) -> bool:
    return not pair.moved and _consecutive(pair.base) and _consecutive(pair.draft)


def longest_increasing(items: list[int], keys: list[int]) -> list[int]:
    """The longest subsequence of `items` whose `keys` increase (patience sorting)."""
    tails: list[int] = []  # position in items of the smallest tail of each length
    tail_keys: list[int] = []
    before: list[int] = [-1] * len(items)
    for position, key in enumerate(keys):
        length = bisect.bisect_left(tail_keys, key)
        if length:
            before[position] = tails[length - 1]
        if length == len(tails):
            tails.append(position)
            tail_keys.append(key)
        else:
            tails[length], tail_keys[length] = position, key
    chosen, position = [], tails[-1] if tails else -1
    while position >= 0:
        chosen.append(items[position])
        position = before[position]
    return chosen[::-1]


@dataclass(frozen=True)
class _Placed:
    """Writes pairs: in place, or their base and draft paragraphs apart."""

    base: tuple[Paragraph, ...]
    draft: tuple[Paragraph, ...]
    typography: str
    pairs: list[Pair]

    @cached_property
    def owners(self) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
        """For each base and each draft paragraph: its pair's number and its place in it."""
        return _owners(self.pairs, True), _owners(self.pairs, False)

    def sides(self, pair: Pair) -> tuple[_Side, _Side]:
        return (
            _Side(tuple(self.base[i] for i in pair.base)),
            _Side(tuple(self.draft[i] for i in pair.draft)),
        )

    def edits(self, pair: Pair) -> tuple[Edit, ...]:
        edits = pair.edits or _edits_of(*self.sides(pair))
        return tuple(_accepted_typography(edits)) if self.typography == "accept" else edits

    def in_place(self, pair: Pair, number: int) -> list[Para]:
        base, draft = self.sides(pair)
        return list(_Stream(base, draft, number).run(self.edits(pair)))

    def apart(self, pair: Pair, number: int, base_side: bool) -> list[Para]:
        moved = pair.moved and _consecutive(pair.base) and _consecutive(pair.draft)
        change = (MOVE_FROM if base_side else MOVE_TO) if moved else (DEL if base_side else INS)
        side = self.sides(pair)[0 if base_side else 1]
        paras = list(_one_side(side, self.edits(pair), change, number, base_side))
        if moved and paras:
            name = f"move{number}"
            paras[0] = _with_range(paras[0], range_start=name)
            paras[-1] = _with_range(paras[-1], range_end=name)
        return paras

    def gap(self, bases: range, drafts: range) -> list[Para]:
        """The base paragraphs of `bases` (deleted or moved away), then the draft
        paragraphs of `drafts` (inserted or moved here), each in its side's order."""
        out: list[Para] = []
        for indices, base_side in ((bases, True), (drafts, False)):
            owners = self.owners[0 if base_side else 1]
            written: dict[int, list[Para]] = {}
            for i in indices:
                number, position = owners[i]
                if number not in written:
                    written[number] = self.apart(self.pairs[number], number, base_side)
                out.append(written[number][position])
        return out


def _owners(pairs: list[Pair], base_side: bool) -> dict[int, tuple[int, int]]:
    owners = {}
    for number, pair in enumerate(pairs):
        for position, index in enumerate(pair.base if base_side else pair.draft):
            owners[index] = (number, position)
    return owners


def _with_range(para: Para, range_start: str = "", range_end: str = "") -> Para:
    return Para(
        para.kind,
        para.pieces,
        para.mark,
        para.pair,
        range_start or para.range_start,
        range_end or para.range_end,
    )


def _edits_of(*sides: _Side) -> tuple[Edit, ...]:
    """An unchanged pair's edits: none, or its typography-only differences."""
    base, draft = (JOINER.join(p.text for p in side.paragraphs) for side in sides)
    return (Edit(Op.EQUAL, draft),) if base == draft else diff_texts(base, draft)


def _accepted_typography(edits: tuple[Edit, ...]) -> Iterator[Edit]:
    """Typography-only edits accepted: the draft's form, untracked."""
    for edit in edits:
        if not edit.typographic:
            yield edit
        elif edit.op is Op.INSERT:
            yield Edit(Op.EQUAL, edit.text)


def _chunks(text: str) -> list[str]:
    return [chunk for chunk in _BREAK.split(text) if chunk]


class _Stream:
    """The in-place writer: one pair's edits as paragraphs, a break on one side only
    being a tracked paragraph mark."""

    def __init__(self, base: _Side, draft: _Side, number: int) -> None:
        self.sides = (base, draft)
        self.number = number
        self.at = [0, 0]  # paragraph of each side
        self.offset = [0, 0]  # offset in that paragraph's text
        self.pieces: list[Piece] = list(_label_pieces(base.label(0), draft.label(0)))

    def run(self, edits: tuple[Edit, ...]) -> Iterator[Para]:
        for edit in edits:
            for chunk in _chunks(edit.text):
                if chunk == JOINER:
                    yield self.broken(edit.op)
                else:
                    self.add(edit, chunk)
        yield Para(self.sides[1].kind(self.at[1]), tuple(self.pieces), PLAIN, self.number)

    def broken(self, op: Op) -> Para:
        """The paragraph ends: on both sides (EQUAL), only the base's, only the draft's."""
        mark = {Op.EQUAL: PLAIN, Op.DELETE: DEL, Op.INSERT: INS}[op]
        para = Para(self.sides[1].kind(self.at[1]), tuple(self.pieces), mark, self.number)
        moves = {Op.EQUAL: (0, 1), Op.DELETE: (0,), Op.INSERT: (1,)}[op]
        for side in moves:
            self.at[side] += 1
            self.offset[side] = 0
        labels = [self.sides[s].label(self.at[s]) if s in moves else "" for s in (0, 1)]
        self.pieces = list(_label_pieces(*labels))
        return para

    def add(self, edit: Edit, text: str) -> None:
        side = 0 if edit.op is Op.DELETE else 1
        change = {Op.EQUAL: PLAIN, Op.DELETE: DEL, Op.INSERT: INS}[edit.op]
        end = self.sides[side].italic_end(self.at[side])
        self.pieces += _italic_split(edit, change, text, self.offset[side], end)
        for s in (0, 1) if edit.op is Op.EQUAL else (side,):
            self.offset[s] += len(text)


def _label_pieces(base: str, draft: str) -> Iterator[Piece]:
    if base == draft:
        if base:
            yield Piece(PLAIN, base)
        return
    if base:
        yield Piece(DEL, base)
    if draft:
        yield Piece(INS, draft)


def _italic_split(edit: Edit, change: str, text: str, offset: int, end: int) -> list[Piece]:
    """`text` as pieces, italic up to `end` of its paragraph (`offset` is where it starts)."""
    cut = min(max(end - offset, 0), len(text))
    parts = ((text[:cut], True), (text[cut:], False))
    return [
        Piece(change, part, italic, edit.typographic, edit.author, edit.date)
        for part, italic in parts
        if part
    ]


def _one_side(
    side: _Side, edits: tuple[Edit, ...], change: str, number: int, base_side: bool
) -> Iterator[Para]:
    """One side of a pair written alone: the base's text (`DEL` or `MOVE_FROM`, with
    its deleted words `DEL`) or the draft's (`INS` or `MOVE_TO`, inserted words `INS`)."""
    skip, own = (Op.INSERT, Op.DELETE) if base_side else (Op.DELETE, Op.INSERT)
    k, offset = 0, 0
    pieces = [Piece(change, side.label(0))] if side.label(0) else []
    for edit in edits:
        if edit.op is skip:
            continue
        for chunk in _chunks(edit.text):
            if chunk == JOINER:
                yield Para(side.kind(k), tuple(pieces), change, number)
                k, offset = k + 1, 0
                pieces = [Piece(change, side.label(k))] if side.label(k) else []
                continue
            kind = (DEL if base_side else INS) if edit.op is own else change
            pieces += _italic_split(edit, kind, chunk, offset, side.italic_end(k))
            offset += len(chunk)
    yield Para(side.kind(k), tuple(pieces), change, number)
