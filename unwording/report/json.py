"""JSON renderer: the documented contract (schema_version 1).

One item per line inside the `paragraphs`, `pairs` and `flags` arrays, so that
large reports stay fast to write and easy to diff. The schema ships as
`unwording/data/comparison.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Comparison, Document, Flag, Pair

SCHEMA_VERSION = 1


def render_json(comparison: Comparison, color: bool = False) -> str:
    """The comparison as JSON text, ending with a newline."""
    summary = vars(comparison.summary)
    parts = [
        "{",
        f'"schema_version": {SCHEMA_VERSION},',
        f'"unwording_version": {_dump(__version__)},',
        f'"options": {_dump({"strict": comparison.options.strict})},',
        f'"base": {_document(comparison.base)},',
        f'"draft": {_document(comparison.draft)},',
        f'"summary": {_dump(summary)},',
        f'"pairs": {_array([_pair(pair) for pair in comparison.pairs])},',
        f'"flags": {_array([_flag(flag) for flag in comparison.flags])},',
        f'"categories": {_dump(_used_categories(comparison))},',
        f'"warnings": {_dump([str(w) for w in comparison.warnings])}',
        "}",
    ]
    return "\n".join(parts) + "\n"


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The same data as a Python dict (parsed from the rendered JSON)."""
    return json.loads(render_json(comparison))


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _array(items: list[dict[str, Any]]) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(_dump(item) for item in items) + "\n]"


def _document(document: Document) -> str:
    head = {"source": document.source, "format": document.format}
    paragraphs = [
        {
            "index": p.index,
            "label": p.label,
            "kind": p.kind.value if p.kind else "other",
            "text": p.text,
            "line": p.location.line_start,
        }
        for p in document.paragraphs
    ]
    return _dump(head)[:-1] + ', "paragraphs": ' + _array(paragraphs) + "}"


def _pair(pair: Pair) -> dict[str, Any]:
    return {
        "status": pair.status.value,
        "base": list(pair.base),
        "draft": list(pair.draft),
        "moved": pair.moved,
        "renumbered": pair.renumbered,
        "similarity": pair.similarity,
        "edits": [_edit(edit) for edit in pair.edits],
    }


def _edit(edit) -> dict[str, Any]:
    item: dict[str, Any] = {"op": edit.op.value, "text": edit.text}
    if edit.typographic:
        item["typographic"] = True
    return item


def _used_categories(comparison: Comparison) -> dict[str, str]:
    used = sorted({flag.category for flag in comparison.flags})
    return {category: comparison.category_title(category) for category in used}


def _flag(flag: Flag) -> dict[str, Any]:
    return {
        "kind": flag.kind,
        "category": flag.category,
        "term": flag.term,
        "matched": flag.matched,
        "base": list(flag.base),
        "draft": list(flag.draft),
        "pair": flag.pair,
        "base_count": flag.base_count,
        "draft_count": flag.draft_count,
    }
