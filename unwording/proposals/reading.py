"""Reading proposals from files: one proposal per file, or one per tracked-change
author of a Word redline.

A proposal file is either a full text of the base as its sponsor would have it, or
an amendment instrument ("In operative paragraph 3, delete ..."), applied to the
base. A file is read as an instrument when it has lines that read as instructions
(applicable or not) and under half of its paragraphs of five words or more are like
one of the base's (an explanatory note and the instructions, where a full text
repeats the base with edits). An instrument's
sponsor is the one named on the command line, else the one its heading names
("Amendments proposed by Belarus"), else the file name. Instructions that cannot
be read or applied become notices with their line; the others still apply. A file
that cannot be read becomes a notice naming it, so that the other proposals are
still compiled.
"""

from __future__ import annotations

import os
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..errors import InputError, UnwordingError
from ..model import Document, Notice, Options
from ..readers import read_both_views, read_source
from .apply import apply_instrument
from .instruments import read_instrument
from .model import Instrument
from .records import Proposal
from .redline import split_redline

FULL_TEXT_SHARE = 0.5  # a file with this share of its paragraphs like the base's is a text
LIKE = 0.6  # the similarity of a paragraph to one of the base's, to count as like it
MIN_WORDS = 5  # shorter paragraphs (headings, labels) say nothing either way
MAX_INSTRUMENT_PARAGRAPHS = 500  # a longer file is read as a full text


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
            return _named(redline[1], sponsor), _other_base(source, redline[0], base)
        document = read_source(source, options.input_format, options.changes)
        instrument = _instrument(source, document, base) if base is not None else None
    except UnwordingError as error:
        name = sponsor or sponsor_of(source)
        return (), (Notice(source, f"proposal of {name} left out: {_reason(error, source)}"),)
    if instrument is not None and base is not None:
        return (_applied(instrument, base, sponsor or _named_in(instrument, source), options),), ()
    return (Proposal(sponsor or sponsor_of(source), document),), ()


def _instrument(source: str, document: Document, base: Document) -> Instrument | None:
    """The file read as an amendment instrument, or None when it reads as a full text:
    it has lines that read as instructions (applicable or not) and most of its
    paragraphs do not resemble the base's (an explanatory note, a heading and the
    instructions, where a full text repeats the base with edits)."""
    instrument = read_instrument(source)
    if not (instrument.instructions or instrument.problems):
        return None
    if len(document.paragraphs) > MAX_INSTRUMENT_PARAGRAPHS:
        return None
    if resemblance(document, base) >= FULL_TEXT_SHARE:
        return None
    return instrument


def resemblance(document: Document, base: Document) -> float:
    """The share of `document`'s paragraphs of a few words or more that are like a
    paragraph of `base` (similarity `LIKE` or more)."""
    texts = [p.text.casefold() for p in base.paragraphs]
    known = set(texts)
    own = [p.text.casefold() for p in document.paragraphs if len(p.text.split()) >= MIN_WORDS]
    if not own:
        return 0.0
    like = sum(
        text in known
        or process.extractOne(text, texts, scorer=Indel.normalized_similarity, score_cutoff=LIKE)
        is not None
        for text in own
    )
    return like / len(own)


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


def _other_base(source: str, rejected: Document, base: Document | None) -> tuple[Notice, ...]:
    """A notice when a redline was made on another text than the base (its text with
    the changes rejected is not the base's): what differs shows as its authors'."""
    if base is None:
        return ()
    texts = {" ".join(p.text.split()) for p in base.paragraphs}
    other = sum(" ".join(p.text.split()) not in texts for p in rejected.paragraphs if p.text)
    if not other:
        return ()
    return (
        Notice(
            source,
            f"the redline was made on another text: {other} of its paragraphs, changes "
            "rejected, are not in the base; what differs is shown as its authors' proposal",
        ),
    )


def _redline(source: str, options: Options) -> tuple[Document, tuple[Proposal, ...]] | None:
    """The base and proposals of a Word file with tracked changes, or None for any
    other file."""
    if not _is_word(source, options):
        return None
    try:
        rejected, accepted = read_both_views(source, options.input_format)
    except InputError as error:
        if "no tracked changes" in str(error):
            return None
        raise
    return split_redline(rejected, accepted)


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
