"""Reading proposals from files: one proposal per file, or one per tracked-change
author of a Word redline.

A proposal file is read as a full text of the base as its sponsor would have it (an
amendment instrument, "In operative paragraph 3, delete...", is also read as a full
text until instruments are supported). A file that cannot be read becomes a notice
naming it, so that the other proposals are still compiled.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError, UnwordingError
from ..model import Document, Notice, Options
from ..readers import read_both_views, read_source
from .records import Proposal
from .redline import split_redline


def sponsor_of(path: str | os.PathLike[str]) -> str:
    """The sponsor a file names: its name without the suffix (`Belarus.txt` -> Belarus)."""
    return Path(path).stem or os.fspath(path)


def read_proposals(
    path: str | os.PathLike[str], sponsor: str | None, options: Options
) -> tuple[tuple[Proposal, ...], tuple[Notice, ...]]:
    """The proposals in one file and, when it cannot be read, a notice instead.

    A Word file with tracked changes gives one proposal per author (named by the
    author, or `SPONSOR: author` when a sponsor is named); any other file, one proposal
    by `sponsor` or the file's name."""
    source = os.fspath(path)
    try:
        redline = _redline(source, options)
        if redline is not None:
            return _named(redline, sponsor), ()
        document = read_source(source, options.input_format, options.changes)
    except UnwordingError as error:
        name = sponsor or sponsor_of(source)
        return (), (Notice(source, f"proposal of {name} left out: {_reason(error, source)}"),)
    return (Proposal(sponsor or sponsor_of(source), document),), ()


def _reason(error: UnwordingError, source: str) -> str:
    message = str(error)
    return message.removeprefix(f"{source}: ")


def _redline(source: str, options: Options) -> tuple[Proposal, ...] | None:
    """The proposals of a Word file with tracked changes, or None for any other file."""
    if not _is_word(source, options):
        return None
    try:
        rejected, accepted = read_both_views(source, options.input_format)
    except InputError as error:
        if "no tracked changes" in str(error):
            return None
        raise
    return split_redline(rejected, accepted)[1]


def _is_word(source: str, options: Options) -> bool:
    if options.input_format:
        return options.input_format == "docx"
    return Path(source).suffix.lower() in (".docx", ".docm")


def _named(proposals: tuple[Proposal, ...], sponsor: str | None) -> tuple[Proposal, ...]:
    if not sponsor:
        return proposals
    return tuple(Proposal(f"{sponsor}: {p.sponsor}", p.document, p.problems) for p in proposals)


def read_redline_base(
    path: str | os.PathLike[str], options: Options
) -> tuple[Document, tuple[Proposal, ...]]:
    """A Word redline alone: its text with the changes rejected as the base, and one
    proposal per author. Raises `InputError` for a file without tracked changes."""
    rejected, accepted = read_both_views(path, options.input_format)
    return split_redline(rejected, accepted)
