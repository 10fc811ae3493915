"""Applying an amendment instrument to a base text: the text as proposed.

`apply_instrument(base, instrument)` applies each instruction in order and
returns the proposed text as a new `Document`, with one `Problem` per instruction
that cannot be read (`cannot read instruction`, `no text given`: the instrument's
own problems) or applied (the others still apply):

- `paragraph not found`, or `... matches more than one paragraph`;
- `paragraph already deleted` (by an earlier instruction, whose line is named);
- `words not found`, or `words found more than once` (unless the instruction
  says "each occurrence" or "wherever it appears", which changes them all).

Paragraph references resolve against the base as segmented (its addresses `OP5`,
`PP3`, `Goal 16 / 16.1`, `Art. 2.1(a)` and labels), never against the text as
changed so far: "operative paragraph 5" is the base's OP5 even after a new
paragraph was inserted before it. A paragraph's sub-paragraphs go with it: a new
paragraph "after operative paragraph 2" comes after OP2(a), (b)...; deleting or
replacing OP2 removes them.

The result keeps the base's paragraphs as they were read, with their own labels
(no renumbering), so a comparison of base and result shows exactly the changes
proposed. A new paragraph after a numbered one is numbered as UN drafts number
additions: after `2.` comes `2 bis.`, then `2 ter.`; after `(b)`, `(b) bis`. A new
paragraph among unnumbered ones (the preamble, SDG targets) is unlabelled; a new
text that opens with its own label (`6 bis.`, `16.9 bis`, `11.`) has it as its
label, apart from its text. The Latin ordinals run `bis` ... `decies`,
`undecies` ... `vicies`, then `bis 21`, `bis 22`. "Delete Article 8" deletes the
article's heading and paragraphs; "Renumber ..." changes nothing. Words are matched
as `matching.py` says and put in exactly as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..compare import prepare_document
from ..labels import match_label
from ..model import Document, Location, Options, Paragraph
from . import model as reasons
from .matching import end_span, find_words, splice
from .model import Action, Instruction, Instrument, Position, Problem
from .references import LATIN, article, block, is_sub_label, resolve

_LATIN_LABEL = re.compile(
    r"^((?:\d{1,3}(?:\.(?:\d{1,2}|[a-z]))?|\([a-z]{1,4}\))\s?(?:"
    + "|".join(sorted(LATIN, key=len, reverse=True))
    + r")\b\.?)\s+(?=\S)",
    re.I,
)
_NUMBERED_GROUPS = frozenset({"num", "ppop", "paren", "letter"})
_OWN_GROUPS = _NUMBERED_GROUPS | {"target"}


@dataclass(frozen=True)
class _Slot:
    """One paragraph of the text being amended: a base paragraph (`base` is its
    index) or a new one (`after` is the base paragraph it was put next to)."""

    raw: Paragraph
    base: int | None
    prefix: str = ""
    body: str = ""
    deleted_by: int | None = None
    anchor: int | None = None


@dataclass(frozen=True)
class _Text:
    """The text being amended, and the base as segmented (to resolve references)."""

    slots: tuple[_Slot, ...]
    base: tuple[Paragraph, ...]


Outcome = tuple[_Text, Problem | None]


def apply_instrument(
    base: Document, instrument: Instrument, options: Options | None = None
) -> tuple[Document, tuple[Problem, ...]]:
    """The base with each instruction applied in order, and the problems met: the
    instrument's unreadable lines and the instructions that could not be applied,
    in line order."""
    prepared = prepare_document(base, options or Options())
    state = _Text(_slots(base, prepared), prepared.paragraphs)
    problems: list[Problem] = []
    for instruction in instrument.instructions:
        state, problem = _apply(state, instruction, instrument.source)
        problems += [problem] if problem is not None else []
    ordered = sorted(instrument.problems + tuple(problems), key=lambda problem: problem.line)
    return _document(base, instrument, state), tuple(ordered)


def _slots(base: Document, prepared: Document) -> tuple[_Slot, ...]:
    slots = []
    for raw, done in zip(base.paragraphs, prepared.paragraphs, strict=True):
        cut = len(raw.text) - len(done.text)
        prefix = raw.text[:cut] if cut > 0 and raw.text.endswith(done.text) else ""
        slots.append(_Slot(raw, done.index, prefix, done.text))
    return tuple(slots)


def _document(base: Document, instrument: Instrument, state: _Text) -> Document:
    kept = [slot.raw for slot in state.slots if slot.deleted_by is None]
    paragraphs = tuple(replace(paragraph, index=index) for index, paragraph in enumerate(kept))
    source = f"{base.source} as amended by {instrument.source}"
    return replace(base, source=source, paragraphs=paragraphs, warnings=(), modified=None)


def _apply(state: _Text, instruction: Instruction, source: str) -> Outcome:
    def problem(reason: str, detail: str) -> Outcome:
        return state, Problem(source, instruction.line, reason, detail)

    if instruction.action is Action.KEEP_NUMBERING:
        return state, None
    if instruction.target is None:
        return _throughout(state, instruction, source)
    if instruction.action is Action.DELETE_PARAGRAPH and article(instruction.target, state.base):
        return _delete_article(state, instruction, source)
    found = resolve(instruction.target, state.base)
    if not found:
        return problem(reasons.PARAGRAPH_NOT_FOUND, instruction.target.text)
    if len(found) > 1:
        where = ", ".join(state.base[index].address for index in found)
        return problem(reasons.PARAGRAPH_AMBIGUOUS, f"{instruction.target.text} ({where})")
    position = _position(state, found[0])
    deleted_by = state.slots[position].deleted_by
    if deleted_by is not None:
        return problem(reasons.ALREADY_DELETED, f"{instruction.target.text}, by line {deleted_by}")
    return _ACTIONS[instruction.action](state, instruction, position, source)


def _position(state: _Text, base_index: int) -> int:
    return next(i for i, slot in enumerate(state.slots) if slot.base == base_index)


def _block_positions(state: _Text, position: int) -> tuple[int, ...]:
    """The positions of a base paragraph and of its sub-paragraphs."""
    base_index = state.slots[position].base
    members = set(block(base_index, state.base)) if base_index is not None else set()
    return tuple(i for i, slot in enumerate(state.slots) if slot.base in members)


def _with(state: _Text, changes: dict[int, _Slot]) -> _Text:
    slots = tuple(changes.get(i, slot) for i, slot in enumerate(state.slots))
    return replace(state, slots=slots)


def _rewritten(slot: _Slot, body: str) -> _Slot:
    raw = slot.raw
    paragraph = Paragraph(
        raw.index, slot.prefix + body, raw.label, raw.kind, raw.location, origin=raw.origin
    )
    return replace(slot, raw=paragraph, body=body)


def _delete_paragraph(
    state: _Text, instruction: Instruction, position: int, source: str
) -> Outcome:
    gone = {
        i: replace(state.slots[i], deleted_by=instruction.line)
        for i in _block_positions(state, position)
        if state.slots[i].deleted_by is None
    }
    return _with(state, gone), None


def _delete_article(state: _Text, instruction: Instruction, source: str) -> Outcome:
    """A whole article deleted: its heading and every paragraph under it."""
    assert instruction.target is not None
    members = set(article(instruction.target, state.base))
    gone = {
        i: replace(slot, deleted_by=instruction.line)
        for i, slot in enumerate(state.slots)
        if slot.base in members and slot.deleted_by is None
    }
    if not gone:
        detail = f"{instruction.target.text}, by line {_deleted_by(state, members)}"
        return state, Problem(source, instruction.line, reasons.ALREADY_DELETED, detail)
    return _with(state, gone), None


def _deleted_by(state: _Text, members: set[int]) -> int | None:
    return next((s.deleted_by for s in state.slots if s.base in members and s.deleted_by), None)


def _replace_paragraph(
    state: _Text, instruction: Instruction, position: int, source: str
) -> Outcome:
    changes = {
        i: replace(state.slots[i], deleted_by=instruction.line)
        for i in _block_positions(state, position)[1:]
        if state.slots[i].deleted_by is None
    }
    changes[position] = _rewritten(
        state.slots[position], _without_label(instruction.new, state.slots[position])
    )
    return _with(state, changes), None


def _without_label(text: str, slot: _Slot) -> str:
    """New text for a paragraph, without a copy of the paragraph's own label."""
    found = match_label(text)
    own = slot.prefix.strip() or (slot.raw.label or "")
    if found is not None and own and found.label.rstrip(".") == own.rstrip("."):
        return text[found.end :]
    return text


def _insert_paragraph(
    state: _Text, instruction: Instruction, position: int, source: str
) -> Outcome:
    anchor = state.slots[position].base
    if instruction.position is Position.BEFORE:
        at = position
    else:
        members = _block_positions(state, position)
        at = max(members) + 1
        while at < len(state.slots) and state.slots[at].anchor == anchor:
            at += 1
    own, text = own_label(instruction.new.strip())
    label = own or _new_label(state, instruction, position, at)
    paragraph = Paragraph(0, text, label=label, location=Location())
    slot = _Slot(
        paragraph,
        None,
        "",
        text,
        anchor=anchor if instruction.position is Position.AFTER else None,
    )
    return replace(state, slots=state.slots[:at] + (slot,) + state.slots[at:]), None


def own_label(text: str) -> tuple[str | None, str]:
    """The label a new paragraph's text opens with (`6 bis.`, `16.9 bis`, `11.`,
    `(c)`), and the text without it; None and the text when it has none."""
    latin = _LATIN_LABEL.match(text)
    if latin is not None:
        return latin.group(1), text[latin.end() :]
    found = match_label(text)
    if found is not None and found.group in _OWN_GROUPS and text[found.end :].strip():
        return found.label, text[found.end :]
    return None, text


def _new_label(state: _Text, instruction: Instruction, position: int, at: int) -> str | None:
    """`2 bis.` after `2.` (and after its sub-paragraphs), `(b) bis` after `(b)`;
    None among unnumbered paragraphs."""
    if not _numbered(state.slots[position]):
        return None
    level = is_sub_label(_label_of(state.slots[position]))
    numbered = [
        slot
        for slot in state.slots[:at]
        if slot.base is not None and slot.deleted_by is None and _numbered(slot)
        if is_sub_label(_label_of(slot)) == level
    ]
    if instruction.position is Position.BEFORE:
        numbered = [slot for slot in numbered if slot is not state.slots[position]]
    if not numbered:
        return None
    label = _label_of(numbered[-1])
    core = label if label.startswith("(") else label.rstrip(".)")
    taken = {(slot.raw.label or "").rstrip(".") for slot in state.slots if slot.base is None}
    return f"{core} {_suffix(core, taken)}" + ("" if core.endswith(")") else ".")


def _suffix(core: str, taken: set[str]) -> str:
    """The first Latin ordinal not yet used after `core` (`bis` ... `vicies`), then
    `bis 21`, `bis 22` ... past the Latin list."""
    latin = next((word for word in LATIN if f"{core} {word}" not in taken), None)
    if latin is not None:
        return latin
    number = len(LATIN) + 2
    while f"{core} bis {number}" in taken:
        number += 1
    return f"bis {number}"


def _numbered(slot: _Slot) -> bool:
    found = match_label(f"{_label_of(slot)} .") if _label_of(slot) else None
    return found is not None and found.group in _NUMBERED_GROUPS


def _label_of(slot: _Slot) -> str:
    return slot.prefix.strip() or (slot.raw.label or "")


def _change_words(state: _Text, instruction: Instruction, position: int, source: str) -> Outcome:
    slot = state.slots[position]
    body, problem = _changed(slot.body, instruction, source)
    if problem is not None:
        return state, problem
    return _with(state, {position: _rewritten(slot, body)}), None


def _changed(body: str, instruction: Instruction, source: str) -> tuple[str, Problem | None]:
    """A paragraph's text with one word change made, or the problem met."""
    if instruction.action is Action.INSERT_WORDS and instruction.position is Position.END:
        return splice(body, end_span(body), instruction.new), None
    if instruction.action is Action.INSERT_WORDS and instruction.position is Position.START:
        return splice(body, (0, 0), instruction.new), None
    spans = find_words(body, instruction.old)
    if not spans:
        return body, Problem(source, instruction.line, reasons.WORDS_NOT_FOUND, instruction.old)
    if len(spans) > 1 and not instruction.every:
        detail = f"{instruction.old} ({len(spans)} times)"
        return body, Problem(source, instruction.line, reasons.WORDS_AMBIGUOUS, detail)
    for span in reversed(spans):
        body = splice(body, _target_span(span, instruction), _new_words(instruction))
    return body, None


def _target_span(span: tuple[int, int], instruction: Instruction) -> tuple[int, int]:
    if instruction.action is not Action.INSERT_WORDS:
        return span
    edge = span[1] if instruction.position is Position.AFTER else span[0]
    return edge, edge


def _new_words(instruction: Instruction) -> str:
    return "" if instruction.action is Action.DELETE_WORDS else instruction.new


def _throughout(state: _Text, instruction: Instruction, source: str) -> Outcome:
    """A word change "wherever it appears": made in every paragraph that has the words."""
    changes: dict[int, _Slot] = {}
    for position, slot in enumerate(state.slots):
        if (
            slot.deleted_by is None
            and slot.base is not None
            and find_words(slot.body, instruction.old)
        ):
            body, _ = _changed(slot.body, instruction, source)
            changes[position] = _rewritten(slot, body)
    if not changes:
        return state, Problem(source, instruction.line, reasons.WORDS_NOT_FOUND, instruction.old)
    return _with(state, changes), None


_ACTIONS = {
    Action.DELETE_PARAGRAPH: _delete_paragraph,
    Action.REPLACE_PARAGRAPH: _replace_paragraph,
    Action.INSERT_PARAGRAPH: _insert_paragraph,
    Action.REPLACE_WORDS: _change_words,
    Action.INSERT_WORDS: _change_words,
    Action.DELETE_WORDS: _change_words,
}
