"""The exceptions unwording raises across its API.

Every error a user can cause is an `UnwordingError`; the CLI prints its message
as one line on stderr and exits with code 2.
"""


class UnwordingError(Exception):
    """Base of every error caused by input or options (exit code 2)."""


class InputError(UnwordingError):
    """An input file is missing, empty, binary, too large or undecodable."""


class LexiconError(UnwordingError):
    """A lexicon file cannot be read or has an invalid entry."""


class OutputError(UnwordingError):
    """The report cannot be written where the user asked."""


class OptionsError(UnwordingError, ValueError):
    """An `Options` value is not one of those allowed (a language, a reading of
    tracked changes)."""
