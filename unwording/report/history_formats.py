"""The formats of a history report: `render_history(history, fmt, settings, paragraph)`.

`HISTORY_FORMATS` maps a format name to its renderer module and function, imported on
first use (lxml costs start-up time that the text report does not need). With
`paragraph` (a lineage), the report is about that one provision.
"""

from __future__ import annotations

from importlib import import_module

from ..errors import UnwordingError
from ..history.records import History, Lineage
from .settings import RenderSettings

HISTORY_FORMATS = {
    "text": ("history_text", "render_history_text"),
    "json": ("history_json", "render_history_json"),
    "html": ("history_html", "render_history_html"),
}


def render_history(
    history: History,
    fmt: str = "text",
    settings: RenderSettings | None = None,
    paragraph: Lineage | None = None,
) -> str:
    """Render `history` as `text`, `json` or `html` (one provision's when `paragraph`)."""
    if fmt not in HISTORY_FORMATS:
        known = ", ".join(HISTORY_FORMATS)
        raise UnwordingError(f"unknown history format {fmt!r} (known: {known})")
    module, function = HISTORY_FORMATS[fmt]
    renderer = getattr(import_module(f"{__package__}.{module}"), function)
    report: str = renderer(history, settings or RenderSettings(), paragraph)
    return report
