"""Report stage: one renderer per format, each from the `Comparison` alone.

`RENDERERS` maps a format name to a function `(comparison, color) -> str`;
the CLI builds its `--format` choice from these keys.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UnwordingError
from ..model import Comparison
from . import json, text

Renderer = Callable[[Comparison, bool], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render_text,
    "json": json.render_json,
}


def render(comparison: Comparison, fmt: str = "text", color: bool = False) -> str:
    """Render `comparison` in format `fmt` (`text` or `json`)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise UnwordingError(f"unknown report format {fmt!r} (known: {', '.join(RENDERERS)})")
    return renderer(comparison, color)
