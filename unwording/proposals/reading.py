"""Reading proposals from files: one proposal per file, or one per tracked-change
author of a Word redline.

A proposal file is either a full text of the base as its sponsor would have it, or
an amendment instrument ("In operative paragraph 3, delete ..."), applied to the
base. A file is read as an instrument when it has at least one instruction and
its instruction lines (read or not) make up at least a third of its paragraphs:
a full text has none or, at most, a stray line that reads like one. An instrument's
sponsor is the one named on the command line, else the one its heading names
("Amendments proposed by Belarus"), else the file name. Instructions that cannot
be read or applied become notices with their line; the others still apply. A file
that cannot be read becomes a notice naming it, so that the other proposals are
still compiled.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError, UnwordingError
from ..model import Document, Notice, Options
from ..readers import read_both_views, read_source
from .apply import apply_instrument
from .instruments import read_instrument
from .model import Instrument
from .records import Proposal
from .redline import split_redline

INSTRUMENT_SHARE = 1 / 3  # instruction lines among a file's paragraphs, at least


def sponsor_of(path: str | os.PathLike[str]) -> str:
    """The sponsor a file names: its name without the suffix (`Belarus.txt` -> Belarus)."""
    return Path(path).stem or os.fspath(path)


def read_proposals(
    path: str | os.PathLike[str],
    sponsor: str | None,
    options: Options,
    base: Document | None = None,
) -> tuple[tuple[Proposal, ...], tuple[Notice, ...]]:
    """The proposals in one file and, when it cannot be read, a notice instead.

    A Word file with tracked changes gives one proposal per author (named by the
    author, or `SPONSOR: author` when a sponsor is named); an amendment instrument,
    the `base` (as read) with its instructions applied; any other file, one proposal
    by `sponsor` or the file's name."""
    source = os.fspath(path)
    try:
        redline = _redline(source, options)
        if redline is not None:
            return _named(redline, sponsor), ()
        document = read_source(source, options.input_format, options.changes)
        instrument = _instrument(source, document) if base is not None else None
    except UnwordingError as error:
        name = sponsor or sponsor_of(source)
        return (), (Notice(source, f"proposal of {name} left out: {_reason(error, source)}"),)
    if instrument is not None and base is not None:
        return (_applied(instrument, base, sponsor or _named_in(instrument, source), options),), ()
    return (Proposal(sponsor or sponsor_of(source), document),), ()


def _instrument(source: str, document: Document) -> Instrument | None:
    """The file read as an amendment instrument, or None when it reads as a full text."""
    instrument = read_instrument(source)
    lines = len(instrument.instructions) + len(instrument.problems)
    if instrument.instructions and lines >= INSTRUMENT_SHARE * len(document.paragraphs):
        return instrument
    return None


def _named_in(instrument: Instrument, source: str) -> str:
    return ", ".join(instrument.sponsors) or sponsor_of(source)


def _applied(instrument: Instrument, base: Document, sponsor: str, options: Options) -> Proposal:
    """The base with the instrument applied, with a notice per instruction left out."""
    proposed, problems = apply_instrument(base, instrument, options)
    notices = tuple(problem.as_notice() for problem in problems)
    told = Notice(
        instrument.source,
        f"read as an amendment instrument of {sponsor}: "
        f"{len(instrument.instructions) - len(problems) + len(instrument.problems)} of "
        f"{len(instrument.instructions) + len(instrument.problems)} instructions applied",
    )
    return Proposal(sponsor, proposed, (told, *instrument.warnings, *notices))


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
