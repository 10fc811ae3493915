"""Frozen records shared by every stage of the pipeline.

read -> normalize -> segment -> align -> diff -> flag -> report

- `Paragraph` and `Document`: what a reader returns and what normalize and segment refine.
- `Edit`, `Pair`: one aligned group of base and draft paragraphs with its word edits.
- `Flag`: one politically significant change found in a pair.
- `Comparison`: the whole result, the only input of the renderers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum

from .errors import OptionsError
from .language import LANGUAGES

CHANGES = ("accept", "reject")  # how Word tracked changes are read


class Kind(str, Enum):
    """What role a paragraph plays in a UN text."""

    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    HEADING = "heading"
    FOOTNOTE = "footnote"
    OTHER = "other"


class Status(str, Enum):
    """How a pair's base paragraphs became its draft paragraphs."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    INSERTED = "inserted"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


JOINER = "\n"  # between the texts of a split or merged pair's paragraphs, in edits and flags
SUBSTANTIVE = "substantive"
EDITORIAL = "editorial"


class Op(str, Enum):
    """One word-diff operation."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Location:
    """Where a paragraph was found in its source (1-based lines, inclusive)."""

    line_start: int | None = None
    line_end: int | None = None


@dataclass(frozen=True)
class Notice:
    """A problem a stage noticed but worked around; printed on stderr by the CLI."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, order=True)
class Tracked:
    """Who made a tracked change in a Word file, and when (ISO date, if recorded)."""

    author: str
    date: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: display text (label kept apart), matching key, label and kind.

    `text` is what the reader found, with line wrapping joined; `key` is the
    normalized form used for matching only (set by the normalize stage).
    `label` and `kind` may come from the reader or be found by the segment stage.
    `authors` are spans (start, end, tracked) of `text` that a tracked change
    inserted (in an accepted view) or deleted (in a rejected view).
    `address` is how a reviewer cites the paragraph (`Art. 2.1(a)`, `Goal 16 / 16.1`,
    `OP9`, `PP11`), set by the segment stage from the headings and labels above it.
    `origin` identifies the source elements the paragraph was read from (Word
    paragraphs), so that two views of one file pair each paragraph with itself.
    """

    index: int
    text: str
    label: str | None = None
    kind: Kind | None = None
    location: Location = field(default_factory=Location)
    key: str = ""
    authors: tuple[tuple[int, int, Tracked], ...] = ()
    address: str = ""
    origin: tuple[int, ...] = ()

    @classmethod
    def read(
        cls, index: int, text: str, location: Location, kind: Kind | None = None
    ) -> Paragraph:
        """A paragraph as a reader first makes it (no label, key or address yet)."""
        return cls(index, text, None, kind, location)

    def with_key(self, key: str) -> Paragraph:
        """This paragraph with its matching key set (faster than dataclasses.replace;
        copying `__dict__` instead would be faster still, but each copy would then hold
        a dictionary of its own: 20 MB more at a million words)."""
        return Paragraph(
            self.index,
            self.text,
            self.label,
            self.kind,
            self.location,
            key,
            self.authors,
            self.address,
            self.origin,
        )

    def with_label(
        self, label: str | None, text: str, key: str, kind: Kind, address: str = ""
    ) -> Paragraph:
        """This paragraph with its label split off, its kind and address set."""
        authors = self.authors
        if authors and len(text) != len(self.text):
            shift = len(self.text) - len(text)
            authors = tuple(
                (max(0, a - shift), b - shift, who) for a, b, who in authors if b - shift > 0
            )
        return Paragraph(
            self.index, text, label, kind, self.location, key, authors, address, self.origin
        )


@dataclass(frozen=True)
class Document:
    """A read document: its paragraphs in reading order, plus reader warnings.

    `views_of` names the file when the document is one view (tracked changes
    accepted or rejected) of a Word file whose other view it is compared with.
    """

    source: str
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[Notice, ...] = ()
    format: str = "text"
    modified: str | None = None
    views_of: str | None = None


@dataclass(frozen=True)
class Edit:
    """A run of text that is equal in both, only in the draft, or only in the base.

    `typographic` marks a delete+insert that differs only in quotes, dashes,
    spaces or hyphens: a change only in `strict` mode, shown quietly otherwise.
    `author` and `date` say who made the change and when, where a Word file's
    tracked changes record it.
    """

    op: Op
    text: str
    typographic: bool = False
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Pair:
    """An aligned group: indices into the base and draft paragraph tuples."""

    status: Status
    base: tuple[int, ...]
    draft: tuple[int, ...]
    moved: bool = False
    renumbered: bool = False
    similarity: float = 0.0
    edits: tuple[Edit, ...] = ()
    nature: str | None = None

    def with_edits(self, edits: tuple[Edit, ...]) -> Pair:
        """This pair with its edits set (faster than dataclasses.replace)."""
        return Pair(
            self.status,
            self.base,
            self.draft,
            self.moved,
            self.renumbered,
            self.similarity,
            edits,
            self.nature,
        )

    @property
    def changed(self) -> bool:
        """True when the pair is anything but an unchanged paragraph left in place."""
        return self.status is not Status.UNCHANGED or self.moved or self.renumbered


@dataclass(frozen=True)
class Flag:
    """A finding in a pair: a term or hedge added or removed, a verb or modal
    weakened or strengthened, a bracket added, removed or resolved.

    `base_count` / `draft_count` count a term's occurrences; `detail` says more
    (verb strengths, how a bracket was resolved); `parties` are the delegations a
    bracket is attributed to. `before` / `after` hold the old and new wording or
    value where there is one (a deadline, a verb, a modal). `severity` is `high`,
    `medium` or `low` (see `rules/severity.py`).
    """

    kind: str
    category: str
    term: str
    matched: str
    base: tuple[int, ...]
    draft: tuple[int, ...]
    pair: int
    base_count: int = 0
    draft_count: int = 0
    detail: str = ""
    parties: tuple[str, ...] = ()
    before: str = ""
    after: str = ""
    severity: str = ""


@dataclass(frozen=True)
class Options:
    """What a user can set for one comparison."""

    strict: bool = False
    lexicon_path: str | None = None
    lang: str | None = None
    changes: str = "accept"
    input_format: str | None = None
    profile: str | None = None

    def __post_init__(self) -> None:
        """Refuse values that would be ignored or misread (`OptionsError`)."""
        if not isinstance(self.strict, bool):
            raise OptionsError(f"strict must be True or False, not {self.strict!r}")
        if self.lang is not None and self.lang not in LANGUAGES:
            raise OptionsError(f"unknown language {self.lang!r} (known: {', '.join(LANGUAGES)})")
        if self.changes not in CHANGES:
            raise OptionsError(
                f"changes must be one of {', '.join(CHANGES)}, not {self.changes!r}"
            )
        for name in ("lexicon_path", "input_format", "profile"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, (str, os.PathLike)):
                raise OptionsError(f"{name} must be a string or None, not {value!r}")


@dataclass(frozen=True)
class Summary:
    """Counts shown first in every report."""

    substantive: int
    editorial: int
    unchanged: int
    modified: int
    inserted: int
    deleted: int
    moved: int
    renumbered: int
    split: int
    merged: int
    flags: int


@dataclass(frozen=True)
class Comparison:
    """Everything a renderer needs: both documents, the pairs and the flags."""

    base: Document
    draft: Document
    pairs: tuple[Pair, ...]
    flags: tuple[Flag, ...]
    options: Options = field(default_factory=Options)
    warnings: tuple[Notice, ...] = ()
    categories: dict[str, str] = field(default_factory=dict)

    def category_title(self, category: str) -> str:
        """How a flag category is shown to readers (its lexicon title)."""
        return self.categories.get(category, category)

    @property
    def summary(self) -> Summary:
        """Counts of pair statuses, moves, renumberings and flags."""
        counts = {status: 0 for status in Status}
        for pair in self.pairs:
            counts[pair.status] += 1
        return Summary(
            substantive=sum(pair.nature == SUBSTANTIVE for pair in self.pairs),
            editorial=sum(pair.nature == EDITORIAL for pair in self.pairs),
            unchanged=counts[Status.UNCHANGED],
            modified=counts[Status.MODIFIED],
            inserted=counts[Status.INSERTED],
            deleted=counts[Status.DELETED],
            moved=sum(pair.moved for pair in self.pairs),
            renumbered=sum(pair.renumbered for pair in self.pairs),
            split=counts[Status.SPLIT],
            merged=counts[Status.MERGED],
            flags=len(self.flags),
        )

    @property
    def authors(self) -> dict[str, int]:
        """How many edits each tracked-change author made, by name."""
        counts: dict[str, int] = {}
        for pair in self.pairs:
            for edit in pair.edits:
                if edit.author and edit.op is not Op.EQUAL:
                    counts[edit.author] = counts.get(edit.author, 0) + 1
        return dict(sorted(counts.items()))

    @property
    def has_changes(self) -> bool:
        """True when any pair changed or any flag was raised."""
        return bool(self.flags) or any(pair.changed for pair in self.pairs)
