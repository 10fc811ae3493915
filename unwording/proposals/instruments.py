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
nothing a delegation asked for is silently dropped.

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
from .grammar import read_instruction
from .model import CANNOT_READ, NO_TEXT, Action, Instruction, Instrument, Problem
from .references import REF

_BULLET = re.compile(
    r"^\s*(?:(?:amendment|item)\s+\d{1,3}\s*[.:)]?|\(?\d{1,3}[.)]|\(?[a-z][.)]|[-*•·–—])\s+",
    re.I,
)
_DRAFTING = re.compile(
    rf"^(?:(?:delete|strike|replace|substitute|insert|add|amend|change|omit|remove)\b|"
    rf"after\s|before\s|at\s+the\s+(?:end|beginning|start)\b|"
    rf"(?:in|within)\s+(?:the\s+\w+\s+(?:line|sentence)\s+of\s+)?{REF}|{REF}\s*(?:[:,]|(?:should|shall)\s+read))",
    re.I,
)
_PROPOSED_BY = re.compile(
    r"^(?:draft\s+)?(?:amendments?|proposals?)\s+(?:(?:proposed|submitted|presented|tabled)"
    r"\s+by|of|from)\s+(?:the\s+delegation\s+of\s+)?(?P<sponsor>[A-Z].*?)\s*:?\s*$",
    re.I,
)
_SPONSOR_LINE = re.compile(r"^(?P<sponsor>[A-Z][^:“”\"«»\d]{1,150}?)\s*:\s*$")
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
        return replace(parse_instrument(text, name, sponsor), warnings=notices)
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
    return replace(instrument, warnings=tuple(document.warnings))


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
    return _Block(number, bare, starts, sponsor)


def _closed(current: _Block | None, blocks: list[_Block]) -> _Block | None:
    """Add the block being read, if any, to `blocks`; None is the next block."""
    if current is not None:
        blocks.append(current)
    return None


def _sponsor(raw: str) -> str:
    """The delegation a heading line names, or ''."""
    line = raw.strip().strip("*_#").strip()
    proposed = _PROPOSED_BY.match(line)
    if proposed is not None:
        return proposed.group("sponsor").strip().rstrip(":")
    alone = _SPONSOR_LINE.match(line)
    if alone is None or _DRAFTING.match(line) or _NOT_SPONSOR.search(line):
        return ""
    name = alone.group("sponsor").strip()
    return name if len(name.split()) <= _SPONSOR_WORDS else ""


def _instrument(blocks: list[_Block], source: str, sponsors: tuple[str, ...]) -> Instrument:
    instructions: list[Instruction] = []
    problems: list[Problem] = []
    position = 0
    while position < len(blocks):
        block = blocks[position]
        position += 1
        if not block.instruction:
            continue
        found = read_instruction(block.text, block.line, block.sponsor)
        if found is None:
            problems.append(Problem(source, block.line, CANNOT_READ, _short(block.text)))
            continue
        if _needs_text(found) and position < len(blocks) and not blocks[position].instruction:
            found = _given(found, blocks[position].text)
            position += 1
        if _needs_text(found):
            problems.append(Problem(source, block.line, NO_TEXT, _short(block.text)))
            continue
        instructions.append(found)
    return Instrument(source, tuple(instructions), tuple(problems), sponsors)


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
