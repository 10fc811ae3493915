"""unwording: how the wording of a UN negotiated text changed, and which changes matter.

Public API:

- `compare_files(base_path, draft_path, options)` -> `Comparison` (`-` reads stdin)
- `compare(base_text, draft_text, options)` -> `Comparison`
- `compare_documents(base_document, draft_document, options)` -> `Comparison`
- `read_source(path)` -> `Document`
- `render(comparison, "text" | "json" | "html" | "stat")` -> `str`
- `render_bytes(comparison, "docx")` -> `bytes` (a Word redline with tracked changes)
- `Options(strict=False, lexicon_path=None)`
"""

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .compare import compare, compare_documents, compare_files
from .errors import InputError, LexiconError, OptionsError, OutputError, UnwordingError

if TYPE_CHECKING:
    from .model import (
        Comparison,
        Document,
        Edit,
        Flag,
        Kind,
        Notice,
        Op,
        Options,
        Pair,
        Paragraph,
        Status,
        Summary,
    )
    from .readers import read_source
    from .report import render, render_bytes

_LAZY = {  # name -> module: loaded on first use, so `unwording --version` stays fast
    **dict.fromkeys(
        (
            "Comparison",
            "Document",
            "Edit",
            "Flag",
            "Kind",
            "Notice",
            "Op",
            "Options",
            "Pair",
            "Paragraph",
            "Status",
            "Summary",
        ),
        "model",
    ),
    "read_source": "readers",
    "render": "report",
    "render_bytes": "report",
}


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Comparison",
    "Document",
    "Edit",
    "Flag",
    "InputError",
    "Kind",
    "LexiconError",
    "Notice",
    "Op",
    "Options",
    "OptionsError",
    "OutputError",
    "Pair",
    "Paragraph",
    "Status",
    "Summary",
    "UnwordingError",
    "__version__",
    "compare",
    "compare_documents",
    "compare_files",
    "read_source",
    "render",
    "render_bytes",
]
