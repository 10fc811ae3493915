"""`unwording index` and `unwording precedents`: an index of past texts, and where a
phrase was agreed before (issue 16).

    unwording index add FILES_OR_FOLDERS... --index DB [--from FORMAT]
    unwording index list --index DB [--format text|json]
    unwording index remove SYMBOL_OR_FILE... --index DB
    unwording precedents PHRASE --index DB [--format text|json] [--limit N]

DB is a SQLite file (made by `index add` if it does not exist) or a `postgresql://`
URL. A progress line is shown on stderr when stderr is a terminal. Exit codes: 0 done
(files that cannot be read are warnings, and skipped); 2 usage or input error (no
index, nothing readable to add, a name not in the index); 3 internal error.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from .cli_common import DEBUG, Failure
from .errors import UnwordingError
from .model import Options
from .output import write_stdout
from .precedents import Added, Index, IndexedSummary, Lookup, add_paths, lookup, open_index
from .precedents.lookup import LIMIT
from .precedents.phrases import words_of
from .readers import READERS
from .report.precedents import hit_data, hit_source, shorten

INDEX = click.option(
    "--index",
    "location",
    required=True,
    metavar="DB",
    help="The index: a SQLite file, or a postgresql:// URL.",
)


@contextmanager
def _opened(location: str, create: bool, debug: bool) -> Iterator[Index]:
    """The index, closed afterwards; an UnwordingError becomes one line, exit 2."""
    try:
        index = open_index(location, create)
    except UnwordingError as error:
        raise _failure(error, debug) from None
    try:
        yield index
    except UnwordingError as error:
        raise _failure(error, debug) from None
    finally:
        index.close()


def _failure(error: UnwordingError, debug: bool) -> Failure:
    if debug:
        traceback.print_exc()
    return Failure(str(error))


@click.group("index")
def index_command() -> None:
    """Keep an index of past texts (resolutions, outcome documents) to look up
    where wording was agreed before."""


class _Progress:
    """`indexing 12/55 A_RES_80_3.md` on a terminal's stderr."""

    def __init__(self) -> None:
        self.live = sys.stderr is not None and sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.live:
            click.echo(f"\r\x1b[Kindexing {done + 1}/{total} {path}"[:200], err=True, nl=False)
            self.shown = True

    def done(self) -> None:
        if self.shown:
            click.echo("\r\x1b[K", err=True, nl=False)


@index_command.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@INDEX
@click.option("--from", "fmt_in", type=click.Choice(sorted(READERS)), help="Read as this format.")
@DEBUG
def add_command(paths: tuple[str, ...], location: str, fmt_in: str | None, debug: bool) -> None:
    """Add files, and folders (every readable file under them), to the index;
    a document added again replaces its earlier copy.

    \b
    Examples:
      unwording index add resolutions/ --index precedents.db
      unwording index add A_RES_70_1.md --index postgresql://user@host/db
    """
    progress = _Progress()
    options = Options(input_format=fmt_in)
    fresh = "://" not in location and not os.path.exists(location)
    with _opened(location, True, debug) as index:
        try:
            added = add_paths(index, paths, options, progress)
        finally:
            progress.done()
    for notice in added.warnings:
        click.echo(f"unwording: warning: {notice}", err=True)
    if not added.documents:
        if fresh:  # an empty index made by this command only would pass for a real one
            with contextlib.suppress(OSError):
                os.remove(location)
        raise Failure("nothing was indexed: no readable file among " + ", ".join(paths))
    write_stdout(_added_line(added, location))


def _added_line(added: Added, location: str) -> str:
    documents = added.documents
    paragraphs = sum(document.paragraphs for document in documents)
    replaced = sum(document.replaced for document in documents)
    line = f"indexed {len(documents)} documents ({paragraphs} paragraphs) in {location}"
    line += f"; {replaced} replaced" if replaced else ""
    line += f"; {len(added.warnings)} skipped" if added.warnings else ""
    return line + "\n"


@index_command.command("list")
@INDEX
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text")
@DEBUG
def list_command(location: str, fmt: str, debug: bool) -> None:
    """List the documents of the index, by date."""
    with _opened(location, False, debug) as index:
        documents = index.documents()
    if fmt == "json":
        write_stdout(json.dumps([vars(d) for d in documents], ensure_ascii=False, indent=1) + "\n")
        return
    write_stdout("".join(_document_line(document) for document in documents))


def _document_line(document: IndexedSummary) -> str:
    date = document.date or "n.d."
    return (
        f"{date:<10}  {document.symbol}  {document.language}  "
        f"{document.paragraphs} paragraphs  {document.source}\n"
    )


@index_command.command("remove")
@click.argument("names", nargs=-1, required=True)
@INDEX
@DEBUG
def remove_command(names: tuple[str, ...], location: str, debug: bool) -> None:
    """Remove documents from the index, by symbol (A/RES/70/1) or by file."""
    with _opened(location, False, debug) as index:
        counts = {name: index.remove(name) for name in names}
    missing = [name for name, count in counts.items() if not count]
    if missing:
        raise Failure(f"not in the index: {', '.join(missing)}")
    write_stdout(f"removed {sum(counts.values())} documents from {location}\n")


@click.command("precedents")
@click.argument("phrase")
@INDEX
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=LIMIT, show_default=True, help="Hits shown."
)
@DEBUG
def precedents_command(phrase: str, location: str, fmt: str, limit: int, debug: bool) -> None:
    """Where PHRASE was agreed before: the exact phrase, then near matches (a word or
    two different), the latest first.

    \b
    Example:
      unwording precedents "effective and inclusive institutions" --index precedents.db
    """
    if not words_of(phrase):
        raise Failure(f"no words to look up in {phrase!r}")
    with _opened(location, False, debug) as index:
        found = lookup(index, phrase, limit)
    render: Callable[[Lookup], str] = _lookup_json if fmt == "json" else _lookup_text
    write_stdout(render(found))


def _lookup_text(found: Lookup) -> str:
    if not found.hits:
        return f"“{found.phrase}”: new language (not found in the index)\n"
    since = f", since {found.since[:4]}" if found.since else ""
    quoted = f"“{shorten(found.phrase, 300)}”"
    lines = [f"{quoted}: found word for word in {found.total} paragraphs{since}"]
    if not found.total:
        lines = [f"{quoted}: not found word for word; similar wording (may say otherwise):"]
    for hit in found.hits:
        how = "exact" if hit.exact else f"{hit.changes} word(s) different: “{hit.matched}”"
        lines += ["", f"  {hit_source(hit)}, {hit.date or 'n.d.'} ({how})", f"    {hit.sentence}"]
    return "\n".join(lines) + "\n"


def _lookup_json(found: Lookup) -> str:
    hits = [hit_data(hit) for hit in found.hits]
    data = {"phrase": found.phrase, "total": found.total, "since": found.since, "hits": hits}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
