"""JSON report of a compilation: the documented contract (`kind` "compilation",
schema_version 1; the schema ships as `unwording/data/compilation.schema.json`).

Top-level keys: `schema_version`, `kind`, `unwording_version`, `options`, `base`
(source, format, paragraph count), `proposals` (sponsor and source, in the order
given), `paragraphs` (every base paragraph: index, address, label, kind, text,
`conflict`, `deleted_by`, `versions` with their sponsors and word `edits` from the base
paragraph, `sites` with their `alternatives`, `flags` with their sponsor, and `moves`:
where sponsors place the paragraph instead),
`new_paragraphs` (address, `after` as a base index or null, `variants`, flags),
`delegations` (what each sponsor touches, deletes, proposes, the terms, hedges, verbs
and quantities its flags name, with addresses, what it `moved`, its `summary` line and
its problems),
`compilation_text` (the lines of the bracketed text) and `warnings`.
One paragraph per line inside the arrays, so reports diff well.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Edit, Kind
from ..proposals.bracketed import compilation_lines
from ..proposals.records import (
    Compilation,
    CompiledParagraph,
    DelegationSummary,
    Mention,
    Move,
    NewParagraph,
    Site,
    SponsoredFlag,
    Version,
)
from ..proposals.summary import delegation_sentence
from .precedents import proposed_data
from .settings import RenderSettings

SCHEMA_VERSION = 1
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def render_compile_json(compilation: Compilation, settings: RenderSettings | None = None) -> str:
    """The compilation as JSON text, ending with a newline."""
    options = compilation.options
    parts = {
        "schema_version": _dump(SCHEMA_VERSION),
        "kind": _dump("compilation"),
        "unwording_version": _dump(__version__),
        "options": _dump(
            {"strict": options.strict, "lang": options.lang, "profile": options.profile}
        ),
        "base": _dump(_base(compilation)),
        "proposals": _array(
            [_dump({"sponsor": d.sponsor, "source": d.source}) for d in compilation.delegations]
        ),
        "paragraphs": _array([_dump(_paragraph(p, compilation)) for p in compilation.paragraphs]),
        "new_paragraphs": _array([_dump(_new(n)) for n in compilation.new_paragraphs]),
        "delegations": _array([_dump(_delegation(d)) for d in compilation.delegations]),
        "compilation_text": _array([_dump(line) for line in compilation_lines(compilation)]),
        "warnings": _dump([str(w) for w in compilation.warnings]),
    }
    if compilation.precedents is not None:
        parts["precedents"] = _array([_dump(proposed_data(p)) for p in compilation.precedents])
    body = ",\n".join(f"{_dump(key)}: {value}" for key, value in parts.items())
    return "{\n" + body + "\n}\n"


def _dump(value: Any) -> str:
    return _ENCODER.encode(value)


def _array(items: list[str]) -> str:
    return "[\n" + ",\n".join(items) + "\n]" if items else "[]"


def _base(compilation: Compilation) -> dict[str, Any]:
    base = compilation.base
    return {"source": base.source, "format": base.format, "paragraphs": len(base.paragraphs)}


def _paragraph(paragraph: CompiledParagraph, compilation: Compilation) -> dict[str, Any]:
    return {
        "index": paragraph.index,
        "address": paragraph.address,
        "label": paragraph.label,
        "kind": (paragraph.kind or Kind.OTHER).value,
        "text": paragraph.text,
        "conflict": paragraph.conflict,
        "deleted_by": list(paragraph.deleted_by),
        "versions": [_version(v) for v in paragraph.versions],
        "sites": [_site(s) for s in paragraph.sites],
        "flags": [_flag(f) for f in paragraph.flags],
        "moves": [_move(move, compilation) for move in paragraph.moves],
    }


def _move(move: Move, compilation: Compilation) -> dict[str, Any]:
    after = None if move.after is None else compilation.paragraphs[move.after].address
    return {"sponsors": list(move.sponsors), "after": move.after, "after_address": after}


def _version(version: Version) -> dict[str, Any]:
    return {
        "sponsors": list(version.sponsors),
        "deleted": version.deleted,
        "text": version.text,
        "edits": [_edit(e) for e in version.edits],
    }


def _edit(edit: Edit) -> dict[str, Any]:
    shown: dict[str, Any] = {"op": edit.op.value, "text": edit.text}
    return shown | ({"typographic": True} if edit.typographic else {})


def _site(site: Site) -> dict[str, Any]:
    return {
        "start": site.start,
        "end": site.end,
        "base_text": site.base_text,
        "conflict": site.conflict,
        "alternatives": [
            {"sponsors": list(a.sponsors), "text": a.text, "deletes": a.deletes}
            for a in site.alternatives
        ],
    }


def _flag(flag: SponsoredFlag) -> dict[str, Any]:
    found = flag.flag
    return {
        "sponsor": flag.sponsor,
        "address": flag.address,
        "kind": found.kind,
        "category": found.category,
        "title": flag.title,
        "term": found.term,
        "matched": found.matched,
        "detail": found.detail,
        "before": found.before,
        "after": found.after,
        "severity": found.severity,
    }


def _new(new: NewParagraph) -> dict[str, Any]:
    return {
        "address": new.address,
        "after": new.after,
        "ordinal": new.ordinal,
        "sponsors": list(new.sponsors),
        "variants": [_version(v) for v in new.variants],
        "flags": [_flag(f) for f in new.flags],
    }


def _delegation(summary: DelegationSummary) -> dict[str, Any]:
    return {
        "sponsor": summary.sponsor,
        "source": summary.source,
        "summary": delegation_sentence(summary),
        "touched": list(summary.touched),
        "deleted": list(summary.deleted),
        "new": list(summary.new),
        "terms_removed": _mentions(summary.terms_removed),
        "terms_added": _mentions(summary.terms_added),
        "hedges_added": _mentions(summary.hedges_added),
        "hedges_removed": _mentions(summary.hedges_removed),
        "verbs_weakened": _mentions(summary.verbs_weakened),
        "verbs_strengthened": _mentions(summary.verbs_strengthened),
        "quantities_changed": _mentions(summary.quantities_changed),
        "moved": _mentions(summary.moved),
        "problems": [str(p) for p in summary.problems],
    }


def _mentions(mentions: tuple[Mention, ...]) -> list[dict[str, str]]:
    return [{"text": m.text, "address": m.address} for m in mentions]
