"""Proposals: many delegations' amendments to one base text (issue 13).

- `records.py`: the frozen records of a compilation (`Proposal`, `Compilation`...).
- `compile.py`: `compile_proposals(base, proposals)`, every proposal compared with the
  base by the comparison engine, then grouped per base paragraph.
- `sites.py`: the word changes of several proposals to one paragraph, merged into
  sites, with the same change shown once and conflicts marked.
- `insertions.py`: new paragraphs, the same or near the same ones grouped.
- `summary.py`: what each delegation changes, in one line.
- `bracketed.py`: the compilation text a secretariat circulates (its convention).
- `redline.py`: a Word redline by several authors as one proposal per author.
- `reading.py`: proposal files (full texts, redlines, instruments) as `Proposal`s.
- Amendment instruments ("In operative paragraph 5, replace ... with ..."):
  `read_instrument(path_or_text, source)` / `parse_instrument(text, source)` ->
  `Instrument` (its `Instruction`s, each with its line, and `Problem`s for lines
  that look like instructions but cannot be read); `apply_instrument(base,
  instrument)` -> (proposed `Document`, `Problem`s of the instructions that could
  not be applied). English instruments only (see `instruments.py` for the forms
  and where they were checked). Records in `model.py`, grammar in `grammar.py`,
  references in `references.py`, word matching in `matching.py`.
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
