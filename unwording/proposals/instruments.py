"""Reading an amendment instrument: the lines of a text into `Instruction`s.

An instrument is what a delegation tables against a base text: a heading naming
the sponsor ("Amendments proposed by Belarus", or "Belarus:" alone on its line),
then one instruction per numbered or bulleted line ("1. In operative paragraph 5,
replace 'human rights' with 'the rule of law'"). The forms read are listed in
`grammar.py`; each instruction keeps the number of the line it starts on. A new
paragraph's text may follow its instruction on the next lines, quoted or not.

An instruction may wrap onto the following lines: a line with no number or bullet
that does not open with a drafting verb (or opens with a small letter) continues
the line above, and the text of a new paragraph may follow after a blank line. Headings, blank
lines and prose are skipped. A line that looks like an instruction (it opens
with a drafting verb such as "Delete" or "Insert", or with "In operative
paragraph 5") but cannot be read gives a `Problem` with its line number, so that
nothing a delegation asked for is silently dropped. In a numbered list whose items
are at least a third instructions, every numbered or bulleted item ("8. Make the
text more balanced", "(c) ...", "- ...", "Amendment 4: ...") is read, except the
text of a new paragraph that follows its instruction: an item that cannot be read
is a problem. "Renumber subsequent paragraphs accordingly" is read as an
instruction that changes nothing (the compilation keeps the base's numbering), with
a notice saying so. A heading's sponsor is named without the document amended and
without a leading "the" ("Amendments proposed by the Russian Federation to draft
resolution A/C.3/80/L.12", "Belarus: amendments to ...", "Proposal by X").

Languages: English only. French and Spanish forms ("Au paragraphe 5 du
dispositif, remplacer ...", "En el párrafo 5 de la parte dispositiva,
sustitúyase ...") are not read: no UN amendment document in French or Spanish
could be found in the sources searched, so their wording could not be checked.
The English forms were checked against A/789 (1948; "Delete paragraph 3",
"Delete paragraph 2(c)", "Substitute the word “with” for “through” in paragraph
5 so that the paragraph will read: ...", "Delete in paragraph 10 the following
words: ...") and the United States working paper US/A/C.1/2102 (1950; "Add after
the first paragraph of the Preamble a new paragraph: ...", "In the second line of
paragraph 8, insert the words “and equipped” after the word “organized”").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..model import Document, Notice
from ..readers import detect_format, load_bytes, read_bytes
from ..readers.encoding import decode
from .grammar import RENUMBER, read_instructions
from .model import (
    CANNOT_READ,
    NO_TEXT,
    NUMBERING_KEPT,
    Action,
    Instruction,
    Instrument,
    Problem,
)
from .references import PART_OF, REF

_BULLET = re.compile(
    r"^\s*(?:(?:amendment|item)\s+\d{1,3}\s*[.:)]?|\(?\d{1,3}[.)]|\(?[a-z][.)]|[-*•·–—])\s+",
    re.I,
)
_LABEL = re.compile(r"^(\(?(?:\d{1,3}|[a-z])[.)])\s", re.I)
_DRAFTING = re.compile(
    rf"^(?:(?:delete|strike|replace|substitute|insert|add|amend|change|omit|remove|renumber)\b|"
    rf"after\s|before\s|at\s+the\s+(?:end|beginning|start)\b|(?:{RENUMBER})\s*[.;]?$|"
    rf"(?:in|within)\s+{PART_OF}{REF}|{REF}\s*(?:[:,]|(?:should|shall)\s+read))",
    re.I,
)
_SYMBOL = r"\(?[A-Z]{1,4}/[\w./-]+\)?"
_AMENDMENTS = r"(?:draft\s+|proposed\s+)?(?:amendments?|proposals?)"
_PROPOSED_BY = re.compile(
    rf"^{_AMENDMENTS}(?:\s+to\s+(?:the\s+)?draft\s+\w+\s+{_SYMBOL})?\s+"
    r"(?:(?:(?:proposed|submitted|presented|tabled|put\s+forward)\s+)?by|of|from)\s+"
    r"(?:the\s+delegations?\s+of\s+)?(?P<sponsor>[A-Z].*?)\s*:?\s*$",
    re.I,
)
_SPONSOR_LINE = re.compile(
    rf"^(?P<sponsor>[A-Z][^:“”\"«»\d]{{1,150}}?)\s*:\s*(?:(?i:{_AMENDMENTS})\b[^:]*)?$"
)
_ADDRESSED_TO = re.compile(
    rf"\s+(?:to|on|for|concerning|regarding)\s+(?:the\s+)?(?:(?:revised|zero|draft)\s+|"
    rf"document\b|resolution\b|decision\b|text\b|{_SYMBOL}).*$|\s*{_SYMBOL}\s*$",
    re.I,
)
_THE = re.compile(r"(^|,\s*|\s+and\s+)the\s+(?=[A-Z])")
_NOT_SPONSOR = re.compile(r"\b(?:read|reading|follows|following|paragraph|text|words?)\b", re.I)
_SPONSOR_WORDS = 14
_FORMATS_AS_LINES = ("text", "markdown")

Line = tuple[int, str]


@dataclass(frozen=True)
class _Block:
    """Lines read together: an instruction with its wrapped lines, or other text."""

    line: int
    text: str
    instruction: bool
    sponsor: str
    listed: bool = False
    label: str = ""


def parse_instrument(text: str, source: str = "<instrument>", sponsor: str = "") -> Instrument:
    """The instructions of an instrument given as text (`sponsor` until a heading
    names one)."""
    lines = list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1))
    blocks, sponsors = _blocks(lines, sponsor)
    return _instrument(blocks, source, sponsors)


def read_instrument(
    path_or_text: str | os.PathLike[str], source: str | None = None, sponsor: str = ""
) -> Instrument:
    """Read an instrument from a file, or from text (a `str` with a line break).

    Plain text and Markdown are read line by line; Word, PDF, HTML and the other
    formats the readers know are read paragraph by paragraph (each paragraph's
    first line is its line number). Raises `InputError` naming the file.
    """
    if isinstance(path_or_text, str) and "\n" in path_or_text:
        return parse_instrument(path_or_text, source or "<instrument>", sponsor)
    path = os.fspath(path_or_text)
    name = source or path
    data = load_bytes(path)
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if detect_format(data, Path(path).name) in _FORMATS_AS_LINES:
        text, notices = decode(data, name)
        parsed = parse_instrument(text, name, sponsor)
        return replace(parsed, warnings=tuple(notices) + parsed.warnings)
    document = read_bytes(data, name)
    return _from_document(document, name, sponsor)


def _from_document(document: Document, source: str, sponsor: str) -> Instrument:
    lines: list[Line] = []
    for paragraph in document.paragraphs:
        line = paragraph.location.line_start or paragraph.index + 1
        label = f"{paragraph.label} " if paragraph.label else ""
        lines += [(line, label + paragraph.text), (line, "")]
    blocks, sponsors = _blocks(lines, sponsor)
    instrument = _instrument(blocks, source, sponsors)
    return replace(instrument, warnings=tuple(document.warnings) + instrument.warnings)


def _blocks(lines: list[Line], sponsor: str) -> tuple[list[_Block], tuple[str, ...]]:
    """Group lines into blocks and note the sponsor each heading names."""
    blocks: list[_Block] = []
    sponsors: list[str] = [sponsor] if sponsor else []
    current: _Block | None = None
    for number, raw in lines:
        named = _sponsor(raw)
        if named:
            sponsor, current = named, _closed(current, blocks)
            sponsors += [named] if named not in sponsors else []
            continue
        current = _next(current, blocks, number, raw, sponsor)
    _closed(current, blocks)
    return blocks, tuple(sponsors)


def _next(
    current: _Block | None, blocks: list[_Block], number: int, raw: str, sponsor: str
) -> _Block | None:
    """The block after reading one more line."""
    if not raw.strip():
        return _closed(current, blocks)
    bare = _BULLET.sub("", raw, count=1).strip()
    starts = bool(_DRAFTING.match(bare))
    bulleted = bool(_BULLET.match(raw))
    if current is not None and not bulleted and (bare[:1].islower() or not starts):
        return replace(current, text=f"{current.text} {bare}")
    _closed(current, blocks)
    label = _LABEL.match(raw.strip())
    return _Block(number, bare, starts, sponsor, bulleted, label.group(1) if label else "")


def _closed(current: _Block | None, blocks: list[_Block]) -> _Block | None:
    """Add the block being read, if any, to `blocks`; None is the next block."""
    if current is not None:
        blocks.append(current)
    return None


def _sponsor(raw: str) -> str:
    """The delegation a heading line names, or '': "Amendments proposed by the
    Russian Federation to draft resolution A/C.3/80/L.12" names Russian Federation;
    so do "Proposal by ...", "Russian Federation:" and "Russian Federation:
    amendments to ..."."""
    line = raw.strip().strip("*_#").strip()
    proposed = _PROPOSED_BY.match(line)
    if proposed is not None:
        return _delegations(proposed.group("sponsor"))
    alone = _SPONSOR_LINE.match(line)
    if alone is None or _DRAFTING.match(line) or _NOT_SPONSOR.search(alone.group("sponsor")):
        return ""
    name = _delegations(alone.group("sponsor"))
    return name if len(name.split()) <= _SPONSOR_WORDS else ""


def _delegations(named: str) -> str:
    """Delegations as named in a heading, without the document they amend and
    without a leading "the" (delegations are listed as "Russian Federation")."""
    name = _ADDRESSED_TO.sub("", named.strip().rstrip(":").strip())
    return _THE.sub(r"\1", name).strip(" ,")


def _instrument(blocks: list[_Block], source: str, sponsors: tuple[str, ...]) -> Instrument:
    """The instructions and problems of the blocks: each instruction, and each
    numbered item of a list of instructions, is read (see `_items`)."""
    instructions: list[Instruction] = []
    problems: list[Problem] = []
    for item, text in _items(blocks):
        found, reason = _read(item, text)
        instructions += found
        problems += [Problem(source, item.line, reason, _short(item.text))] if reason else []
    kept = tuple(
        Notice(f"{source}:{i.line}", NUMBERING_KEPT)
        for i in instructions
        if i.action is Action.KEEP_NUMBERING
    )
    return Instrument(source, tuple(instructions), tuple(problems), sponsors, kept)


def _items(blocks: list[_Block]) -> list[tuple[_Block, str | None]]:
    """The blocks to read, each with the block after it when that may be its text.

    A block is read when it opens with a drafting verb or, in a list whose numbered
    items are at least a third instructions, when it is numbered: an item there that
    cannot be read is a problem, not prose. A numbered list with fewer instructions
    is a full text (its paragraphs are numbered), and only its drafting lines are read.
    """
    numbered = [b for b in blocks if b.listed]
    listed = 3 * sum(b.instruction for b in numbered) >= len(numbered) > 0
    items: list[tuple[_Block, str | None]] = []
    position = 0
    while position < len(blocks):
        block = blocks[position]
        position += 1
        if not (block.instruction or (listed and block.listed)):
            continue
        following = blocks[position] if position < len(blocks) else None
        text = _as_text(following) if following is not None and not following.instruction else None
        if text is not None and _takes_text(block):
            position += 1
        items.append((block, text if _takes_text(block) else None))
    return items


def _as_text(block: _Block) -> str:
    """A block read as a new paragraph's text, with its own number (`8.`, `(c)`)."""
    return f"{block.label} {block.text}" if block.label else block.text


def _takes_text(block: _Block) -> bool:
    """True for a block whose instruction still waits for its text or words."""
    found = read_instructions(block.text, block.line, block.sponsor)
    return len(found) == 1 and _needs_text(found[0])


def _read(block: _Block, text: str | None) -> tuple[tuple[Instruction, ...], str]:
    """The instructions of one block, given the text that follows it, or the reason
    it cannot be read."""
    found = read_instructions(block.text, block.line, block.sponsor)
    if not found:
        return (), CANNOT_READ
    if text is not None and len(found) == 1:
        found = (_given(found[0], text),)
    if any(_needs_text(instruction) for instruction in found):
        return (), NO_TEXT
    return found, ""


def _needs_text(instruction: Instruction) -> bool:
    """True for an instruction whose text or words are still to come."""
    if instruction.action is Action.DELETE_WORDS:
        return not instruction.old.strip()
    paragraph = instruction.action in (Action.INSERT_PARAGRAPH, Action.REPLACE_PARAGRAPH)
    return paragraph and not instruction.new.strip()


def _given(instruction: Instruction, text: str) -> Instruction:
    """The instruction with the text that follows it: the words to delete, or the
    new paragraph."""
    words = _unquoted(text)
    if instruction.action is Action.DELETE_WORDS:
        quoted = _WHOLE_QUOTE.match(text) is not None
        return replace(instruction, old=words if quoted else words.rstrip(".;"))
    return replace(instruction, new=words)


_WHOLE_QUOTE = re.compile(r"^\s*[“\"‘'«]\s*(.*?)\s*[”\"’'»]\s*[.;]?\s*$", re.DOTALL)


def _unquoted(text: str) -> str:
    """A paragraph's text without the quotation marks around all of it."""
    whole = _WHOLE_QUOTE.match(text)
    return whole.group(1) if whole is not None else text.strip()


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def notices(instrument: Instrument) -> tuple[Notice, ...]:
    """The instrument's reading warnings and problems as `Notice`s."""
    return instrument.warnings + tuple(problem.as_notice() for problem in instrument.problems)
