"""Amendment instruments (issue 13): read what delegations propose against a base
text, and apply it to get the text as proposed.

- `read_instrument(path_or_text, source)` / `parse_instrument(text, source)` ->
  `Instrument` (its `Instruction`s, each with its line, and `Problem`s for lines
  that look like instructions but cannot be read);
- `apply_instrument(base_document, instrument)` -> (proposed `Document`,
  `Problem`s of the instructions that could not be applied); compare the two with
  `unwording.compare_documents(base, proposed)`.

English instruments only (see `instruments.py` for the forms and where they were
checked).
"""

from .apply import apply_instrument
from .instruments import notices, parse_instrument, read_instrument
from .model import (
    ALREADY_DELETED,
    CANNOT_READ,
    NO_TEXT,
    PARAGRAPH_AMBIGUOUS,
    PARAGRAPH_NOT_FOUND,
    REASONS,
    WORDS_AMBIGUOUS,
    WORDS_NOT_FOUND,
    Action,
    Instruction,
    Instrument,
    Position,
    Problem,
    Reference,
)

__all__ = [
    "ALREADY_DELETED",
    "CANNOT_READ",
    "NO_TEXT",
    "PARAGRAPH_AMBIGUOUS",
    "PARAGRAPH_NOT_FOUND",
    "REASONS",
    "WORDS_AMBIGUOUS",
    "WORDS_NOT_FOUND",
    "Action",
    "Instruction",
    "Instrument",
    "Position",
    "Problem",
    "Reference",
    "apply_instrument",
    "notices",
    "parse_instrument",
    "read_instrument",
]
