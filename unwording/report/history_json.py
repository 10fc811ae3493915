"""JSON report of a history (`kind: "history"`, `schema_version` 1; the schema is
`unwording/data/history.schema.json`). Versions are cited by their index in `versions`
(0 is the first). With a provision chosen, only its lineage, terms, wording and
brackets are given, with its successive redlines."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..history.provision import Redline, redlines
from ..history.records import BracketLife, History, Lineage, Place, TermTimeline, Version
from ..model import Flag
from .brief import key_changes
from .precedents import precedents_data
from .settings import RenderSettings

SCHEMA_VERSION = 1


def render_history_json(
    history: History, settings: RenderSettings | None = None, paragraph: Lineage | None = None
) -> str:
    """The history as JSON text, ending with a newline."""
    chosen = None if paragraph is None else paragraph.number
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": "history",
        "unwording_version": __version__,
        "options": {
            "strict": history.options.strict,
            "lang": history.options.lang,
            "profile": history.options.profile,
        },
        "versions": [_version(v) for v in history.versions],
        "steps": [_step(history, number) for number in range(len(history.steps))],
        "paragraph": chosen,
        "lineages": [_lineage(item) for item in history.lineages if chosen in (None, item.number)],
        "terms": [_term(t, chosen) for t in history.terms if _has(t, chosen)],
        "wordings": [
            {
                "lineage": w.lineage,
                "verbs": list(w.verbs),
                "modals": [None if m is None else list(m) for m in w.modals],
            }
            for w in history.wordings
            if chosen in (None, w.lineage)
        ],
        "brackets": [_life(b) for b in history.brackets if chosen in (None, b.lineage)],
        "warnings": [str(w) for w in history.warnings],
    }
    if paragraph is not None:
        report["redlines"] = [_redline(r) for r in redlines(history, paragraph)]
    if history.precedents is not None:
        report["precedents"] = [
            {"step": step} | precedents_data(found)
            for step, found in enumerate(history.precedents)
        ]
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def _version(version: Version) -> dict[str, Any]:
    return {
        "label": version.label,
        "source": version.source,
        "date": version.date,
        "symbol": version.symbol,
        "paragraphs": version.paragraphs,
    }


def _step(history: History, number: int) -> dict[str, Any]:
    comparison = history.steps[number].comparison
    summary = comparison.summary
    brief, _ = key_changes(comparison)
    return {
        "from": number,
        "to": number + 1,
        "summary": {name: getattr(summary, name) for name in summary.__dataclass_fields__},
        "key_changes": [{"address": line.address, "sentence": line.sentence} for line in brief],
    }


def _lineage(lineage: Lineage) -> dict[str, Any]:
    return {
        "id": lineage.number,
        "name": lineage.name,
        "places": [_place(place) for place in lineage.places],
        "passages": [
            {"step": p.step, "status": p.status or None, "pairs": list(p.pairs)}
            for p in lineage.passages
        ],
        "restored": [list(gap) for gap in lineage.restored],
        "settled": lineage.settled,
    }


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "address": place.address,
        "kind": place.kind or None,
        "indices": list(place.indices),
        "text": place.text,
    }


def _has(timeline: TermTimeline, chosen: int | None) -> bool:
    return chosen is None or any(e.lineage == chosen for e in timeline.events)


def _term(timeline: TermTimeline, chosen: int | None) -> dict[str, Any]:
    events = [e for e in timeline.events if chosen in (None, e.lineage)]
    return {
        "kind": timeline.kind,
        "category": timeline.category,
        "term": timeline.term,
        "counts": list(timeline.counts),
        "events": [
            {
                "version": e.version,
                "lineage": e.lineage,
                "address": e.address,
                "change": e.change,
                "before": e.before,
                "after": e.after,
            }
            for e in events
        ],
    }


def _life(life: BracketLife) -> dict[str, Any]:
    return {
        "lineage": life.lineage,
        "text": life.text,
        "first": life.first,
        "last": life.last,
        "lifted": life.lifted,
        "outcome": life.outcome,
        "after": life.after,
    }


def _redline(redline: Redline) -> dict[str, Any]:
    return {
        "step": redline.step,
        "status": redline.status,
        "edits": [
            [{"op": e.op.value, "text": e.text} for e in pair.edits] for pair in redline.pairs
        ],
        "flags": [_flag(flag) for flag in redline.flags],
        "dropped_beside": [other.number for other in redline.beside],
    }


def _flag(flag: Flag) -> dict[str, Any]:
    return {
        "kind": flag.kind,
        "category": flag.category,
        "term": flag.term,
        "detail": flag.detail,
        "before": flag.before,
        "after": flag.after,
        "severity": flag.severity,
    }
