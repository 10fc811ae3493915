"""Agreed language: where new wording was agreed before, from an index of past texts
(issue 16).

`open_index(location, create)` opens an index (a SQLite file, or a `postgresql://` URL);
`add_paths(index, paths)` reads files and folders into it; `lookup(index, phrase)`
finds a phrase, exactly or with a word or two different, ranked by exactness then
recency; `find_precedents(comparison, index)` looks up every phrase of four words or
more that a comparison's draft inserted or its base lost, and gives a `Precedents`
record that the text, JSON and HTML reports show when it is passed in their
`RenderSettings(precedents=...)`.
"""

from .documents import document_paths, load_document
from .find import MIN_WORDS, add_paths, changed_phrases, find_precedents, precedents_of
from .lookup import lookup
from .records import (
    Added,
    Finding,
    Hit,
    IndexedDocument,
    IndexedParagraph,
    IndexedSummary,
    Lookup,
    Precedents,
    Stored,
)
from .store import Index, open_index

__all__ = [
    "MIN_WORDS",
    "Added",
    "Finding",
    "Hit",
    "Index",
    "IndexedDocument",
    "IndexedParagraph",
    "IndexedSummary",
    "Lookup",
    "Precedents",
    "Stored",
    "add_paths",
    "changed_phrases",
    "document_paths",
    "find_precedents",
    "load_document",
    "lookup",
    "open_index",
    "precedents_of",
]
