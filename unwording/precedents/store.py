"""The index behind agreed-language lookups, whatever holds it.

`open_index(location)` opens an index: a `postgresql://` (or `postgres://`) URL is a
PostgreSQL database (`postgres_index.py`, which needs the `postgres` extra: psycopg);
anything else is the path of one SQLite file (`sqlite_index.py`, the standard
library's sqlite3 with FTS5). Both give the same `Index` interface, so the lookup and
the reports do not know which one they use; the database types stay in those modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any, Protocol

from .records import IndexedDocument, IndexedSummary, Stored

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class Index(Protocol):
    """An open index of past texts."""

    location: str

    def add(self, document: IndexedDocument) -> bool:
        """Store `document`, replacing one of the same identity (True if it did)."""

    def commit(self) -> None:
        """Make what was added or removed permanent."""

    def remove(self, name: str) -> int:
        """Remove the documents whose symbol or source is `name`; how many were."""

    def documents(self) -> tuple[IndexedSummary, ...]:
        """The documents held, by date then symbol."""

    def exact(
        self, words: Sequence[str], exclude: Sequence[str], limit: int
    ) -> tuple[int, str | None, list[Stored]]:
        """How many paragraphs hold `words` in a row, the earliest date among them,
        and the `limit` most recent, leaving out documents whose symbol or identity
        is in `exclude`."""

    def near(self, words: Sequence[str], exclude: Sequence[str], limit: int) -> list[Stored]:
        """Up to `limit` paragraphs likely to hold `words` with a word or two
        different, the likeliest first."""

    def close(self) -> None:
        """Close the connection (uncommitted changes are lost)."""


class SqlIndex:
    """What the SQL backends share: the connection (a DB-API one, typed loosely so
    that its module's types stay in the backend), commit, close and the listing
    (`LISTING`: the query of the documents, by date then symbol)."""

    LISTING = ""

    def __init__(self, location: str, connection: Any) -> None:
        self.location = location
        self.connection = connection

    def commit(self) -> None:
        """Make what was added or removed permanent."""
        self.connection.commit()

    def documents(self) -> tuple[IndexedSummary, ...]:
        """The documents held, by date then symbol."""
        rows = self.connection.execute(self.LISTING).fetchall()
        return tuple(IndexedSummary(*row) for row in rows)

    def close(self) -> None:
        """Close the connection (uncommitted changes are lost)."""
        self.connection.close()


def open_index(location: str, create: bool = False) -> Index:
    """Open the index at `location` (`create`: make it if it does not exist).
    Raises `InputError` when it cannot be opened or is not an unwording index."""
    if location.startswith(POSTGRES_SCHEMES):
        backend = import_module(f"{__package__}.postgres_index")
    else:
        backend = import_module(f"{__package__}.sqlite_index")
    index: Index = backend.connect(location, create)
    return index
