"""Fill an index from files, and look up a comparison's changed phrases in it.

`changed_phrases` takes, from each pair's word edits, every run of changes: the words
it inserts (new wording, or wording replacing other words) and the words it deletes,
each kept when it has at least `MIN_WORDS` words; typography-only edits are no
change. `find_precedents` looks each one up (a phrase not found that opens with a
lead-in, "Calls upon Member States to", is looked up again without it), leaving out
the compared documents themselves (an index that holds the adopted text would
otherwise call every change "agreed" in it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence

from ..errors import UnwordingError
from ..model import EDITORIAL, JOINER, Comparison, Document, Edit, Notice, Op, Options
from .documents import document_paths, load_document, symbol_of
from .lookup import LIMIT, lookup
from .phrases import phrase_text, words_of
from .records import INSERTED, REMOVED, Added, Finding, IndexedSummary, Lookup, Precedents
from .store import Index, open_index

MIN_WORDS = 4  # a changed phrase of fewer words (of letters) is not looked up
_LETTERS = re.compile(r"[^\W\d_]{2,}")
LEAD_IN = re.compile(r"^[A-Z][\w-]*(?:\s+[\w-]+){0,5}?\s+to\s+(?=\w)")
COMMIT_EVERY = 64  # documents added between commits
Progress = Callable[[int, int, str], None]  # (files done, files in all, current file)


def add_paths(
    index: Index,
    paths: Sequence[str],
    options: Options | None = None,
    progress: Progress | None = None,
) -> Added:
    """Read the files and folders `paths` into `index`; a file that cannot be read is
    a warning, and the others are added."""
    files = list(document_paths(paths))
    added: list[IndexedSummary] = []
    warnings: list[Notice] = []
    for number, path in enumerate(files):
        if progress:
            progress(number, len(files), path)
        try:
            document = load_document(path, options)
        except UnwordingError as error:
            warnings.append(Notice(path, _message(str(error), path) + "; skipped"))
            continue
        replaced = index.add(document)
        added.append(
            _summary(
                document.symbol,
                document.date,
                document.language,
                path,
                replaced,
                len(document.paragraphs),
            )
        )
        if len(added) % COMMIT_EVERY == 0:
            index.commit()
    index.commit()
    return Added(tuple(added), tuple(warnings))


def _summary(
    symbol: str, date: str | None, language: str, path: str, replaced: bool, paragraphs: int
) -> IndexedSummary:
    return IndexedSummary(symbol, date, language, path, paragraphs, replaced)


def _message(message: str, path: str) -> str:
    """An error message without the file name that opens it (the notice names it)."""
    return message.removeprefix(f"{path}: ")


def find_precedents(
    comparison: Comparison, index: Index, min_words: int = MIN_WORDS, limit: int = LIMIT
) -> Precedents:
    """Where each phrase inserted into the draft, or removed from the base, had been
    agreed before, in the texts of `index`."""
    exclude = sorted({indexed_as(document) for document in (comparison.base, comparison.draft)})
    found: dict[str, Lookup] = {}
    findings = []
    for pair, change, text in changed_phrases(comparison, min_words):
        if text not in found:
            found[text] = lookup_phrase(index, text, limit, exclude)
        findings.append(Finding(pair, change, text, found[text]))
    return Precedents(index.location, tuple(findings))


def indexed_as(document: Document) -> str:
    """What the index would hold this document under: its symbol, or, when it has none,
    its identity there (its absolute path, as `load_document` names it), so that a
    draft is never its own precedent, with or without a symbol (the lookups leave out
    documents whose symbol or identity is listed)."""
    return symbol_of(document) or os.path.abspath(document.source)


def lookup_phrase(index: Index, text: str, limit: int, exclude: Sequence[str]) -> Lookup:
    """The phrase looked up; when it is not found and opens with an operative lead-in
    ("Calls upon Member States to ..."), what follows the lead-in, which is where
    agreed language is usually taken from."""
    found = lookup(index, text, limit, exclude)
    lead_in = LEAD_IN.match(text)
    if found.hits or not lead_in or len(words_of(text[lead_in.end() :])) < MIN_WORDS:
        return found
    rest = lookup(index, text[lead_in.end() :], limit, exclude)
    return Lookup(text, rest.hits, rest.total, rest.since) if rest.hits else found


def changed_phrases(
    comparison: Comparison, min_words: int = MIN_WORDS
) -> list[tuple[int, str, str]]:
    """(pair, `inserted` or `removed`, phrase) for every changed run of words long
    enough to look up, in pair order, removals before insertions. Editorial changes
    (references, dates, session numbers) are not negotiated wording: left out."""
    phrases = []
    for number, pair in enumerate(comparison.pairs):
        if pair.nature == EDITORIAL:
            continue
        for deleted, inserted in _runs(pair.edits):
            phrases += [(number, REMOVED, p) for p in _pieces(deleted, min_words)]
            phrases += [(number, INSERTED, p) for p in _pieces(inserted, min_words)]
    return phrases


def _runs(edits: tuple[Edit, ...]) -> Iterator[tuple[str, str]]:
    """The deleted and inserted text of each run of changes between equal text."""
    deleted: list[str] = []
    inserted: list[str] = []
    for edit in (*edits, Edit(Op.EQUAL, "")):
        if edit.op is Op.EQUAL or edit.typographic:
            if deleted or inserted:
                yield "".join(deleted), "".join(inserted)
            deleted, inserted = [], []
        elif edit.op is Op.DELETE:
            deleted.append(edit.text)
        else:
            inserted.append(edit.text)


def _pieces(text: str, min_words: int) -> list[str]:
    """The phrases of a changed run (one per paragraph of a split or merged pair)."""
    pieces = [phrase_text(piece) for piece in text.split(JOINER)]
    return [piece for piece in pieces if _wording(piece) >= min_words]


def _wording(phrase: str) -> int:
    """The words of a phrase that are words (a symbol, a number or a date is not):
    `73/L.8 and A/73/L.8/Add.1` has one."""
    return sum(1 for word in words_of(phrase) if _LETTERS.fullmatch(word))


def precedents_of(comparison: Comparison, location: str) -> Precedents:
    """Open the index at `location`, look up the comparison's changed phrases, close it."""
    index = open_index(location)
    try:
        return find_precedents(comparison, index)
    finally:
        index.close()
