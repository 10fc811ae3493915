"""The agreed-language index in one SQLite file (the default backend).

Tables: `documents` (symbol, title, date, language, source; `identity` is unique, so
adding a document again replaces it), `paragraphs` (address and normalized text) and
`search`, an FTS5 table of each paragraph's search words (rowid = the paragraph's id).
An exact phrase is an FTS5 phrase query; near candidates are paragraphs holding
one of the phrase's pieces (`phrases.pieces`), ranked by bm25. Only the standard
library's sqlite3 is used, and only here.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from urllib.request import pathname2url

from ..errors import InputError
from .phrases import pieces, searched
from .records import IndexedDocument, Stored
from .store import SqlIndex

SCHEMA = "1"
_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, identity TEXT NOT NULL "
    "UNIQUE, symbol TEXT NOT NULL, title TEXT NOT NULL, date TEXT, language TEXT NOT NULL, "
    "source TEXT NOT NULL, paragraphs INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS paragraphs (id INTEGER PRIMARY KEY, document INTEGER NOT NULL, "
    "position INTEGER NOT NULL, address TEXT NOT NULL, text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs (document)",
    "CREATE INDEX IF NOT EXISTS documents_symbol ON documents (symbol)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(words, "
    "tokenize = \"unicode61 remove_diacritics 0 tokenchars '-'''\")",
)
_FIELDS = "d.symbol, d.title, d.date, d.language, d.source, p.address, p.text"
_FROM = (
    "FROM search JOIN paragraphs p ON p.id = search.rowid JOIN documents d ON d.id = p.document "
    "WHERE search MATCH ? "
    "AND NOT EXISTS (SELECT 1 FROM json_each(?) WHERE value IN (d.symbol, d.identity))"
)
_RECENT = "ORDER BY d.date IS NULL, d.date DESC, d.symbol, p.position LIMIT ?"


def connect(location: str, create: bool) -> SqliteIndex:
    """Open (or with `create`, make) the index file at `location`."""
    if not create and not os.path.isfile(location):
        raise InputError(f"{location}: no such index (make one with 'unwording index add')")
    if create:
        Path(location).resolve().parent.mkdir(parents=True, exist_ok=True)
    mode = "rwc" if create else "rw"
    try:
        connection = sqlite3.connect(f"file:{pathname2url(location)}?mode={mode}", uri=True)
        return SqliteIndex(location, connection, create)
    except sqlite3.DatabaseError as error:
        raise InputError(f"{location}: not an unwording index ({error})") from None


class SqliteIndex(SqlIndex):
    """An open SQLite index (see the module docstring)."""

    LISTING = (
        "SELECT symbol, date, language, source, paragraphs FROM documents "
        "ORDER BY date IS NULL, date, symbol, language, source"
    )

    def __init__(self, location: str, connection: sqlite3.Connection, create: bool) -> None:
        super().__init__(location, connection)
        self.connection: sqlite3.Connection = connection
        connection.execute("PRAGMA synchronous = NORMAL")
        self._check(create)

    def _check(self, create: bool) -> None:
        tables = {row[0] for row in self.connection.execute("SELECT name FROM sqlite_master")}
        if create and "meta" not in tables and not tables:
            for statement in _TABLES:
                self.connection.execute(statement)
            self.connection.execute("INSERT INTO meta VALUES ('unwording-index', ?)", (SCHEMA,))
            self.connection.commit()
            return
        found = None
        if "meta" in tables:
            found = self.connection.execute(
                "SELECT value FROM meta WHERE key = 'unwording-index'"
            ).fetchone()
        if found is None or found[0] != SCHEMA:
            raise InputError(f"{self.location}: not an unwording index (schema {SCHEMA})")

    def add(self, document: IndexedDocument) -> bool:
        """Store `document`, replacing one of the same identity (True if it did)."""
        replaced = self._delete("identity = ?", document.identity) > 0
        cursor = self.connection.execute(
            "INSERT INTO documents (identity, symbol, title, date, language, source, paragraphs)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                document.identity,
                document.symbol,
                document.title,
                document.date,
                document.language,
                document.source,
                len(document.paragraphs),
            ),
        )
        self._add_paragraphs(cursor.lastrowid, document)
        return replaced

    def _add_paragraphs(self, number: int | None, document: IndexedDocument) -> None:
        first = self._next_id()
        rows = [
            (first + n, number, p.position, p.address, p.text)
            for n, p in enumerate(document.paragraphs)
        ]
        self.connection.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)", rows)
        self.connection.executemany(
            "INSERT INTO search (rowid, words) VALUES (?, ?)",
            [(first + n, p.words) for n, p in enumerate(document.paragraphs)],
        )

    def _next_id(self) -> int:
        row = self.connection.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()
        return int(row[0])

    def _delete(self, where: str, value: str) -> int:
        """Delete the documents matching `where` (a fixed condition on one parameter)."""
        numbers = [
            row[0]
            for row in self.connection.execute(f"SELECT id FROM documents WHERE {where}", (value,))
        ]
        for number in numbers:
            ids = "SELECT id FROM paragraphs WHERE document = ?"
            self.connection.execute(f"DELETE FROM search WHERE rowid IN ({ids})", (number,))
            self.connection.execute("DELETE FROM paragraphs WHERE document = ?", (number,))
            self.connection.execute("DELETE FROM documents WHERE id = ?", (number,))
        return len(numbers)

    def remove(self, name: str) -> int:
        """Remove the documents whose symbol or source is `name`; how many were."""
        removed = self._delete("symbol = ?", name) + self._delete("source = ?", name)
        self.connection.commit()
        return removed

    def exact(
        self, words: Sequence[str], exclude: Sequence[str], limit: int
    ) -> tuple[int, str | None, list[Stored]]:
        """How many paragraphs hold `words` in a row, the earliest date among them,
        and the `limit` most recent."""
        query = (_phrase(searched(words)), json.dumps(list(exclude)))
        total, earliest = self.connection.execute(
            f"SELECT count(*), min(d.date) {_FROM}", query
        ).fetchone()
        rows = self.connection.execute(f"SELECT {_FIELDS} {_FROM} {_RECENT}", (*query, limit))
        return int(total), earliest, [Stored(*row) for row in rows]

    def near(self, words: Sequence[str], exclude: Sequence[str], limit: int) -> list[Stored]:
        """Paragraphs holding one of the phrase's `pieces`, the likeliest first (bm25)."""
        either = " OR ".join(_phrase(piece) for piece in pieces(words))
        query = (either, json.dumps(list(exclude)), limit)
        rows = self.connection.execute(f"SELECT {_FIELDS} {_FROM} ORDER BY rank LIMIT ?", query)
        return [Stored(*row) for row in rows]


def _phrase(words: Sequence[str]) -> str:
    """An FTS5 phrase of search words (which hold no double quote)."""
    return '"' + " ".join(words) + '"'
