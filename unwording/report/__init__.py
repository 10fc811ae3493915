"""Report stage: one renderer per format, each from the `Comparison` alone.

`RENDERERS` maps a format name to a function `(comparison, settings) -> str | bytes`;
the CLI builds its `--format` choice from these keys. The formats of
`BINARY_FORMATS` (a Word redline, `docx`) give bytes: `render_bytes()` returns
them; `render()` returns the text formats as `str`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import UnwordingError
from .settings import RenderSettings

if TYPE_CHECKING:
    from ..model import Comparison

Renderer = Callable[["Comparison", RenderSettings], "str | bytes"]
BINARY_FORMATS = frozenset({"docx"})


def _lazy(module: str, function: str) -> Renderer:
    """A renderer imported on first use (lxml costs start-up time for text and JSON)."""

    def renderer(comparison: Comparison, settings: RenderSettings) -> str | bytes:
        render_with: Renderer = getattr(import_module(f"{__name__}.{module}"), function)
        return render_with(comparison, settings)

    renderer.__name__ = function
    return renderer


RENDERERS: dict[str, Renderer] = {
    "text": _lazy("text", "render_text"),
    "json": _lazy("json", "render_json"),
    "html": _lazy("html", "render_html"),
    "stat": _lazy("stat", "render_stat"),
    "docx": _lazy("docx", "render_docx"),
}

__all__ = [
    "BINARY_FORMATS",
    "RENDERERS",
    "RenderSettings",
    "render",
    "render_bytes",
    "report_time",
]


def render(
    comparison: Comparison, fmt: str = "text", settings: RenderSettings | None = None
) -> str:
    """Render `comparison` in the text format `fmt` (`text`, `json`, `html` or `stat`);
    a binary format (`docx`) is an UnwordingError: use `render_bytes`."""
    report = _renderer(fmt)(comparison, settings or RenderSettings())
    if isinstance(report, bytes):
        raise UnwordingError(f"{fmt} is a binary format: use render_bytes()")
    return report


def render_bytes(
    comparison: Comparison, fmt: str = "docx", settings: RenderSettings | None = None
) -> bytes:
    """Render `comparison` in format `fmt` as bytes: a Word redline (`docx`), or a
    text format in UTF-8 (what UTF-8 cannot hold, a lone surrogate, as `?`)."""
    report = _renderer(fmt)(comparison, settings or RenderSettings())
    return report if isinstance(report, bytes) else report.encode("utf-8", errors="replace")


def _renderer(fmt: str) -> Renderer:
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise UnwordingError(f"unknown report format {fmt!r} (known: {', '.join(RENDERERS)})")
    return renderer


def report_time(timestamp: bool = True, now: datetime | None = None) -> str | None:
    """When the report was made, for the HTML header: SOURCE_DATE_EPOCH wins, None if off."""
    if not timestamp:
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        now = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    now = now or datetime.now(tz=timezone.utc)
    return now.strftime("%Y-%m-%d %H:%M UTC")
