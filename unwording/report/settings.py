"""What a renderer may be told besides the comparison itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..precedents.records import Precedents


@dataclass(frozen=True)
class RenderSettings:
    """Colour for the text report; the "made at" time shown in the HTML header (and
    the date of a Word redline's tracked changes); for a Word redline, the author of
    its tracked changes and comments, and whether typography-only edits are tracked
    (`track`, under "AUTHOR (typography)") or accepted silently (`accept`); where the
    changed phrases had been agreed before (`precedents`, from `find_precedents`),
    shown by the text, JSON and HTML reports when given."""

    color: bool = False
    made_at: str | None = None
    author: str | None = None
    typography: str = "track"
    precedents: Precedents | None = None
