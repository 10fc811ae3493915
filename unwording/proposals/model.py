"""Frozen records of an amendment instrument: its instructions, the paragraphs they
cite and the problems found reading or applying them.

These belong to the proposals room of issue 13 (compiling the amendments many
delegations propose to one base text); the comparison pipeline never sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..model import Notice

CANNOT_READ = "cannot read instruction"
NUMBERING_KEPT = (
    "renumbering is left to the secretariat: the compilation keeps the base's numbering, "
    "new paragraphs are numbered bis, ter, ..."
)
NO_TEXT = "no text given"
PARAGRAPH_NOT_FOUND = "paragraph not found"
PARAGRAPH_AMBIGUOUS = "paragraph reference matches more than one paragraph"
ALREADY_DELETED = "paragraph already deleted"
WORDS_NOT_FOUND = "words not found"
WORDS_AMBIGUOUS = "words found more than once"
REASONS = (
    CANNOT_READ,
    NO_TEXT,
    PARAGRAPH_NOT_FOUND,
    PARAGRAPH_AMBIGUOUS,
    ALREADY_DELETED,
    WORDS_NOT_FOUND,
    WORDS_AMBIGUOUS,
)


class Action(str, Enum):
    """What an instruction does."""

    REPLACE_WORDS = "replace words"
    INSERT_WORDS = "insert words"
    DELETE_WORDS = "delete words"
    DELETE_PARAGRAPH = "delete paragraph"
    INSERT_PARAGRAPH = "insert paragraph"
    REPLACE_PARAGRAPH = "replace paragraph"
    KEEP_NUMBERING = "renumber (the base's numbering is kept)"


class Position(str, Enum):
    """Where inserted words or a new paragraph go, relative to an anchor."""

    AFTER = "after"
    BEFORE = "before"
    START = "start"
    END = "end"


@dataclass(frozen=True)
class Reference:
    """A paragraph as an instruction cites it.

    `part` is `preambular`, `operative`, `target`, `article` or empty (a numbered
    paragraph of any part: "paragraph 5"); `number` is `5`, `5 bis`, `16.1` or
    `last`; `sub` a sub-paragraph chain such as `(a)` or `(a)(ii)`; `article` the
    article of "Article 4, paragraph 4". `text` is the reference as written.
    """

    text: str
    part: str = ""
    number: str = ""
    sub: str = ""
    article: str = ""


@dataclass(frozen=True)
class Instruction:
    """One amendment: what to do, where, with which words.

    `old` holds the words to find (replace, delete) or the anchor words (insert
    after or before them); `new` the words or paragraph text to put in, exactly as
    given. `target` is None only for an instruction that applies throughout the
    text ("wherever it appears") and for `KEEP_NUMBERING` ("Renumber subsequent
    paragraphs accordingly", which changes nothing). `every` applies a word change to
    each occurrence.
    `part` says which part a new paragraph belongs to, when the instruction names it.
    """

    line: int
    action: Action
    target: Reference | None
    old: str = ""
    new: str = ""
    position: Position | None = None
    every: bool = False
    part: str = ""
    sponsor: str = ""
    text: str = ""


@dataclass(frozen=True)
class Problem:
    """An instruction that could not be read or applied: its line and the reason
    (one of `REASONS`), with a detail naming the words or paragraph concerned."""

    source: str
    line: int
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.source}:{self.line}: {self.reason}{detail}"

    def as_notice(self) -> Notice:
        """The problem as a `Notice`, as the CLI prints warnings."""
        detail = f": {self.detail}" if self.detail else ""
        return Notice(f"{self.source}:{self.line}", f"{self.reason}{detail}")


@dataclass(frozen=True)
class Instrument:
    """A read amendment instrument: its instructions in order, the lines that
    looked like instructions but could not be read, the sponsors its headings
    name, and reading warnings (a guessed encoding)."""

    source: str
    instructions: tuple[Instruction, ...]
    problems: tuple[Problem, ...] = ()
    sponsors: tuple[str, ...] = ()
    warnings: tuple[Notice, ...] = ()
