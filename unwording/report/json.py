"""JSON renderer: the documented contract (schema_version 1).

One item per line inside the `paragraphs`, `pairs` and `flags` arrays, so that
large reports stay fast to write and easy to diff. The schema ships as
`unwording/data/comparison.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Comparison, Document, Edit, Flag, Kind, Op, Pair, Status
from ..repeats import Repeat, find_repeats
from .names import pair_address
from .settings import RenderSettings

SCHEMA_VERSION = 1


def render_json(comparison: Comparison, settings: RenderSettings | None = None) -> str:
    """The comparison as JSON text, ending with a newline."""
    summary = vars(comparison.summary)
    parts = [
        "{",
        f'"schema_version": {SCHEMA_VERSION},',
        f'"unwording_version": {_dump(__version__)},',
        f'"options": {_dump(_options(comparison))},',
        f'"base": {_document(comparison.base)},',
        f'"draft": {_document(comparison.draft)},',
        f'"summary": {_dump(summary)},',
        f'"pairs": {_array([_pair(pair, comparison) for pair in comparison.pairs])},',
        f'"flags": {_array([_flag(flag) for flag in comparison.flags])},',
        f'"repeated": {_array([_repeat(r) for r in find_repeats(comparison)])},',
        f'"categories": {_dump(_used_categories(comparison))},',
        f'"authors": {_dump(comparison.authors)},',
        *_precedents(settings),
        f'"warnings": {_dump([str(w) for w in comparison.warnings])}',
        "}",
    ]
    return "\n".join(parts) + "\n"


def _precedents(settings: RenderSettings | None) -> list[str]:
    """The optional `precedents` member, when the comparison's phrases were looked up."""
    if settings is None or settings.precedents is None:
        return []
    from .precedents import precedents_json

    return [f'"precedents": {precedents_json(settings.precedents)},']


def _options(comparison: Comparison) -> dict[str, Any]:
    options = comparison.options
    return {"strict": options.strict, "lang": options.lang, "profile": options.profile}


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_STRING = json.encoder.encode_basestring  # the C encoder when there is one, else Python's


def _dump(value: Any) -> str:
    return _ENCODER.encode(value)


def _array(items: list[str]) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(items) + "\n]"


def _optional(text: str | None) -> str:
    return "null" if text is None else _STRING(text)


def _document(document: Document) -> str:
    head = {"source": document.source, "format": document.format}
    paragraphs = [
        f'{{"index": {p.index}, "label": {_optional(p.label)}, '
        f'"kind": "{_KINDS[p.kind]}", "address": {_STRING(p.address)}, '
        f'"text": {_STRING(p.text)}, '
        f'"line": {"null" if p.location.line_start is None else p.location.line_start}}}'
        for p in document.paragraphs
    ]
    return _dump(head)[:-1] + ', "paragraphs": ' + _array(paragraphs) + "}"


def _pair(pair: Pair, comparison: Comparison) -> str:
    edits = ", ".join(_edit(edit) for edit in pair.edits)
    side, address = pair_address(pair, comparison)
    base_address = comparison.base.paragraphs[pair.base[0]].address if pair.base else None
    return (
        f'{{"status": "{_STATUSES[pair.status]}", "base": {_ints(pair.base)}, '
        f'"draft": {_ints(pair.draft)}, "address": {_STRING(address)}, '
        f'"address_side": "{side}", "base_address": {_optional(base_address)}, '
        f'"moved": {_bool(pair.moved)}, '
        f'"renumbered": {_bool(pair.renumbered)}, "similarity": {pair.similarity!r}, '
        f'"change": {_optional(pair.nature)}, "edits": [{edits}]}}'
    )


def _ints(values: tuple[int, ...]) -> str:
    if len(values) == 1:
        return f"[{values[0]}]"
    return "[" + ", ".join(map(str, values)) + "]"


_KINDS = {kind: kind.value for kind in Kind} | {None: Kind.OTHER.value}  # (enum .value is
_STATUSES = {status: status.value for status in Status}  # a property: slow per item)
_OPS = {op: op.value for op in Op}


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _edit(edit: Edit) -> str:
    extra = ', "typographic": true' if edit.typographic else ""
    extra += f', "author": {_STRING(edit.author)}' if edit.author else ""
    extra += f', "date": {_STRING(edit.date)}' if edit.date else ""
    return f'{{"op": "{_OPS[edit.op]}", "text": {_STRING(edit.text)}{extra}}}'


def _used_categories(comparison: Comparison) -> dict[str, str]:
    used = sorted({flag.category for flag in comparison.flags})
    return {category: comparison.category_title(category) for category in used}


def _repeat(repeat: Repeat) -> str:
    return _dump(
        {"deleted": repeat.deleted, "inserted": repeat.inserted, "pairs": list(repeat.pairs)}
    )


def _flag(flag: Flag) -> str:
    return _dump(
        {
            "kind": flag.kind,
            "category": flag.category,
            "term": flag.term,
            "matched": flag.matched,
            "base": list(flag.base),
            "draft": list(flag.draft),
            "pair": flag.pair,
            "base_count": flag.base_count,
            "draft_count": flag.draft_count,
            "detail": flag.detail,
            "parties": list(flag.parties),
            "before": flag.before,
            "after": flag.after,
            "severity": flag.severity,
        }
    )
