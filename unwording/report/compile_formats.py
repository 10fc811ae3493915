"""The formats of a compilation report: `render_compilation(compilation, fmt)`.

`COMPILE_FORMATS` maps a format name to its renderer module and function, imported
on first use (lxml costs start-up time that the text report does not need).
"""

from __future__ import annotations

from importlib import import_module

from ..errors import UnwordingError
from ..proposals.records import Compilation
from .settings import RenderSettings

COMPILE_FORMATS = {
    "text": ("compile_text", "render_compile_text"),
    "json": ("compile_json", "render_compile_json"),
    "html": ("compile_html", "render_compile_html"),
    "docx": ("compile_docx", "render_compile_docx"),
}
BINARY = frozenset({"docx"})


def render_compilation(
    compilation: Compilation, fmt: str = "text", settings: RenderSettings | None = None
) -> str | bytes:
    """Render `compilation` as `text`, `json` or `html` (str), or `docx` (bytes)."""
    if fmt not in COMPILE_FORMATS:
        known = ", ".join(COMPILE_FORMATS)
        raise UnwordingError(f"unknown compilation format {fmt!r} (known: {known})")
    module, function = COMPILE_FORMATS[fmt]
    renderer = getattr(import_module(f"{__package__}.{module}"), function)
    report: str | bytes = renderer(compilation, settings or RenderSettings())
    return report
