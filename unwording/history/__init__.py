"""Follow a text through a whole negotiation, zero draft to adopted text (issue 14).

`follow_versions(documents, labels, options)` (or `follow_files(paths, ...)`) compares
each version with the next and returns a `History`: the lineage of every provision
through the versions, the timeline of watched terms, hedges and brackets, each
operative provision's verbs and modals per version, and the life of every bracket.
"""

from .follow import Progress, follow_files, follow_versions
from .records import (
    BracketLife,
    History,
    Lineage,
    Passage,
    Place,
    Step,
    TermEvent,
    TermTimeline,
    Version,
    Wording,
)
from .versions import describe_versions, find_date, version_paths

__all__ = [
    "BracketLife",
    "History",
    "Lineage",
    "Passage",
    "Place",
    "Progress",
    "Step",
    "TermEvent",
    "TermTimeline",
    "Version",
    "Wording",
    "describe_versions",
    "find_date",
    "follow_files",
    "follow_versions",
    "version_paths",
]
