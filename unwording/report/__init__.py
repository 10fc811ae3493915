"""Report stage: one renderer per format, each from the `Comparison` alone.

`RENDERERS` maps a format name to a function `(comparison, settings) -> str`;
the CLI builds its `--format` choice from these keys.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import import_module

from ..errors import UnwordingError
from ..model import Comparison
from .settings import RenderSettings

Renderer = Callable[[Comparison, RenderSettings], str]


def _lazy(module: str, function: str) -> Renderer:
    """A renderer imported on first use (lxml costs start-up time for text and JSON)."""

    def renderer(comparison: Comparison, settings: RenderSettings) -> str:
        render_with: Renderer = getattr(import_module(f"{__name__}.{module}"), function)
        return render_with(comparison, settings)

    renderer.__name__ = function
    return renderer


RENDERERS: dict[str, Renderer] = {
    "text": _lazy("text", "render_text"),
    "json": _lazy("json", "render_json"),
    "html": _lazy("html", "render_html"),
    "stat": _lazy("stat", "render_stat"),
}

__all__ = ["RENDERERS", "RenderSettings", "render", "report_time"]


def render(
    comparison: Comparison, fmt: str = "text", settings: RenderSettings | None = None
) -> str:
    """Render `comparison` in format `fmt` (`text`, `json`, `html` or `stat`)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise UnwordingError(f"unknown report format {fmt!r} (known: {', '.join(RENDERERS)})")
    return renderer(comparison, settings or RenderSettings())


def report_time(timestamp: bool = True, now: datetime | None = None) -> str | None:
    """When the report was made, for the HTML header: SOURCE_DATE_EPOCH wins, None if off."""
    if not timestamp:
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        now = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    now = now or datetime.now(tz=timezone.utc)
    return now.strftime("%Y-%m-%d %H:%M UTC")
