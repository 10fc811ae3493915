"""The agreed-language index on a PostgreSQL server (`postgresql://` URLs).

The same tables as the SQLite index, prefixed `unwording_` so that they can share a
database: documents (identity unique, so adding a document again replaces it),
paragraphs with their search words, a `tsvector` of them (the `simple` configuration:
no stemming, no stop words) under a GIN index for exact phrases
(`phraseto_tsquery`); near candidates are paragraphs holding one of the phrase's
pieces (`phrases.pieces`) and, for a phrase of 5 to 9 words, all its words but one,
ranked by pg_trgm's word similarity distance (`<<->`:
no trigram index, as only those candidates are ranked). The driver, psycopg 3
(`pip install 'unwording[postgres]'`), is imported here only, when a PostgreSQL index
is opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import InputError
from .phrases import pieces, searched, tolerance
from .records import IndexedDocument, Stored
from .store import SqlIndex

if TYPE_CHECKING:
    import psycopg

SCHEMA = "1"
_TABLES = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS unwording_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS unwording_documents (id bigserial PRIMARY KEY, identity text "
    "NOT NULL UNIQUE, symbol text NOT NULL, title text NOT NULL, date text, language text "
    "NOT NULL, source text NOT NULL, paragraphs integer NOT NULL)",
    "CREATE TABLE IF NOT EXISTS unwording_paragraphs (id bigserial PRIMARY KEY, document "
    "bigint NOT NULL REFERENCES unwording_documents (id) ON DELETE CASCADE, position integer "
    "NOT NULL, address text NOT NULL, text text NOT NULL, words text NOT NULL, tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED)",
    "CREATE INDEX IF NOT EXISTS unwording_paragraphs_document ON unwording_paragraphs (document)",
    "CREATE INDEX IF NOT EXISTS unwording_paragraphs_tsv ON unwording_paragraphs USING gin (tsv)",
    "INSERT INTO unwording_meta VALUES ('unwording-index', '1') ON CONFLICT DO NOTHING",
)
_FIELDS = "d.symbol, d.title, d.date, d.language, d.source, p.address, p.text"
_FROM = (
    "FROM unwording_paragraphs p JOIN unwording_documents d ON d.id = p.document "
    "WHERE NOT (ARRAY[d.symbol, d.identity] && %s::text[]) AND "
)
_PIECE = "phraseto_tsquery('simple', %s)"
_WORDS = "plainto_tsquery('simple', %s)"  # every word, anywhere
_EXACT = f"p.tsv @@ {_PIECE}"
_RECENT = "ORDER BY d.date IS NULL, d.date DESC, d.symbol, p.position LIMIT %s"
_COPY = "COPY unwording_paragraphs (document, position, address, text, words) FROM STDIN"


def connect(location: str, create: bool) -> PostgresIndex:
    """Connect to the database of the URL `location` (`create`: make the tables)."""
    shown = _without_password(location)
    try:
        import psycopg
    except ImportError:
        raise InputError(
            f"{shown}: a PostgreSQL index needs psycopg: pip install 'unwording[postgres]'"
        ) from None
    try:
        connection = psycopg.connect(location)
        return PostgresIndex(shown, connection, create)
    except psycopg.Error as error:
        message = " ".join(str(error).split())
        raise InputError(f"{shown}: cannot open the index ({message})") from None


def _without_password(url: str) -> str:
    """The URL as it may be shown: without a password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresIndex(SqlIndex):
    """An open PostgreSQL index (see the module docstring)."""

    LISTING = (
        "SELECT symbol, date, language, source, paragraphs FROM unwording_documents "
        "ORDER BY date IS NULL, date, symbol, language, source"
    )

    def __init__(self, location: str, connection: psycopg.Connection[Any], create: bool) -> None:
        super().__init__(location, connection)
        self.connection: psycopg.Connection[Any] = connection
        if create:
            for statement in _TABLES:
                connection.execute(statement)
            connection.commit()
        found = connection.execute("SELECT to_regclass('unwording_meta')").fetchone()
        version = None
        if found and found[0]:
            version = connection.execute(
                "SELECT value FROM unwording_meta WHERE key = 'unwording-index'"
            ).fetchone()
        if version is None or version[0] != SCHEMA:
            raise InputError(f"{location}: not an unwording index (schema {SCHEMA})")

    def add(self, document: IndexedDocument) -> bool:
        """Store `document`, replacing one of the same identity (True if it did)."""
        removed = self.connection.execute(
            "DELETE FROM unwording_documents WHERE identity = %s", (document.identity,)
        ).rowcount
        row = self.connection.execute(
            "INSERT INTO unwording_documents (identity, symbol, title, date, language, source, "
            "paragraphs) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (
                document.identity,
                document.symbol,
                document.title,
                document.date,
                document.language,
                document.source,
                len(document.paragraphs),
            ),
        ).fetchone()
        assert row is not None
        with self.connection.cursor().copy(_COPY) as copy:
            for p in document.paragraphs:
                copy.write_row((row[0], p.position, p.address, p.text, p.words))
        return removed > 0

    def remove(self, name: str) -> int:
        """Remove the documents whose symbol or source is `name`; how many were."""
        removed = self.connection.execute(
            "DELETE FROM unwording_documents WHERE symbol = %s OR source = %s", (name, name)
        ).rowcount
        self.connection.commit()
        return removed

    def exact(
        self, words: Sequence[str], exclude: Sequence[str], limit: int
    ) -> tuple[int, str | None, list[Stored]]:
        """How many paragraphs hold `words` in a row, the earliest date among them,
        and the `limit` most recent."""
        query = (list(exclude), " ".join(searched(words)))
        found = self.connection.execute(
            f"SELECT count(*), min(d.date) {_FROM}{_EXACT}", query
        ).fetchone()
        rows = self.connection.execute(
            f"SELECT {_FIELDS} {_FROM}{_EXACT} {_RECENT}", (*query, limit)
        ).fetchall()
        total, earliest = found if found else (0, None)
        return int(total), earliest, [Stored(*row) for row in rows]

    def near(self, words: Sequence[str], exclude: Sequence[str], limit: int) -> list[Stored]:
        """Paragraphs holding one of the phrase's `pieces` (full-text search), the most
        like the phrase first (pg_trgm word similarity distance)."""
        runs = [" ".join(piece) for piece in pieces(words)]
        either = " || ".join([_PIECE] * len(runs))
        most = _all_but_one(words)
        if most:
            either = f"({either}) && ({' || '.join([_WORDS] * len(most))})"
        rows = self.connection.execute(
            f"SELECT {_FIELDS} {_FROM}p.tsv @@ ({either}) ORDER BY %s <<-> p.words, p.id LIMIT %s",
            (list(exclude), *runs, *most, " ".join(words), limit),
        ).fetchall()
        return [Stored(*row) for row in rows]


def _all_but_one(words: Sequence[str]) -> list[str]:
    """For a phrase that may have one word different: the phrase less each word in
    turn (a near match holds every word of one of them), else nothing."""
    if tolerance(len(words)) != 1:
        return []
    return [" ".join([*words[:n], *words[n + 1 :]]) for n in range(len(words))]
