"""What a renderer may be told besides the comparison itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderSettings:
    """Colour for the text report; the "made at" time shown in the HTML header."""

    color: bool = False
    made_at: str | None = None
