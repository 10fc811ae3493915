"""Frozen records of the agreed-language index: what is stored, what a lookup finds,
and what a comparison's changes were found to repeat (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Notice

INSERTED = "inserted"
REMOVED = "removed"


@dataclass(frozen=True)
class IndexedParagraph:
    """One paragraph of an indexed document: its address and its normalized text."""

    position: int
    address: str
    text: str
    words: str  # the search words, lower case, one space apart (see `phrases.words_of`)


@dataclass(frozen=True)
class IndexedDocument:
    """A document as the index holds it. `identity` decides what replaces what: the
    symbol and language when the document has a symbol, else its file."""

    identity: str
    symbol: str
    title: str
    date: str | None
    language: str
    source: str
    paragraphs: tuple[IndexedParagraph, ...] = ()


@dataclass(frozen=True)
class Stored:
    """A paragraph returned by a backend as a candidate, with its document's data."""

    symbol: str
    title: str
    date: str | None
    language: str
    source: str
    address: str
    text: str


@dataclass(frozen=True)
class Hit:
    """A paragraph where a phrase was found: `changes` is 0 for the exact phrase, else
    how many words differ; `matched` is the wording found; `sentence` surrounds it."""

    symbol: str
    title: str
    date: str | None
    language: str
    source: str
    address: str
    changes: int
    matched: str
    sentence: str

    @property
    def exact(self) -> bool:
        """True when the phrase was found word for word."""
        return self.changes == 0

    @property
    def year(self) -> str:
        """The year of the document, or `n.d.`."""
        return self.date[:4] if self.date else "n.d."


@dataclass(frozen=True)
class Lookup:
    """What a search for one phrase found: the best hits, best first (exact, then
    near); how many paragraphs hold the phrase word for word (`total`), and the
    earliest date among them (`since`)."""

    phrase: str
    hits: tuple[Hit, ...]
    total: int
    since: str | None = None


@dataclass(frozen=True)
class Finding:
    """A changed phrase of a comparison and where it had been agreed. `change` is
    `inserted` (new in the draft, or replacing words) or `removed` (only in the base);
    `pair` indexes the comparison's pairs."""

    pair: int
    change: str
    text: str
    lookup: Lookup

    @property
    def agreed(self) -> bool:
        """True when the phrase was found word for word in an indexed text (a near
        match is similar wording, not agreement)."""
        return any(hit.exact for hit in self.lookup.hits)

    @property
    def since(self) -> str | None:
        """The year of the earliest dated paragraph that holds the phrase."""
        return self.lookup.since[:4] if self.lookup.since else None


@dataclass(frozen=True)
class ProposedFinding:
    """A phrase a delegation proposes (or proposes to remove) at `address` of a
    compilation, and where it had been agreed."""

    address: str
    sponsors: tuple[str, ...]
    finding: Finding


@dataclass(frozen=True)
class Precedents:
    """Every changed phrase of a comparison looked up in an index, in pair order."""

    index: str
    findings: tuple[Finding, ...]
    warnings: tuple[Notice, ...] = ()

    def of_pair(self, pair: int) -> tuple[Finding, ...]:
        """The findings of one pair."""
        return tuple(finding for finding in self.findings if finding.pair == pair)


@dataclass(frozen=True)
class IndexedSummary:
    """One document added to an index: who it is and how many paragraphs it gave."""

    symbol: str
    date: str | None
    language: str
    source: str
    paragraphs: int
    replaced: bool = False


@dataclass(frozen=True)
class Added:
    """What `index add` did: the documents added, and the files skipped (warnings)."""

    documents: tuple[IndexedSummary, ...]
    warnings: tuple[Notice, ...] = ()
