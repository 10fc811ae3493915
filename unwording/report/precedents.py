"""How the reports word agreed language (issue 16): one line per changed phrase.

- an inserted phrase found before: `agreed in A/RES/70/1 (2015) Goal 16 / 16.6 and
  12 others: “...”` (found word for word: near matches, a word or two different, can
  say the opposite, "domestic law" for "international law", and are no agreement);
- an inserted phrase found only with a word or two different: `not agreed word for
  word: “...”; similar, 1 word different, in A/RES/80/44 (2025) PP3: “...”`, quoting
  the precedent's own words;
- an inserted phrase found nowhere: `new language: “...”`;
- a removed phrase: `removed wording agreed since 2015, in A/RES/70/1 (2015) ... and
  3 others: “...”`, or `removed wording not found in the index: “...”`.

The JSON form of a `Precedents` record is here too (the optional `precedents` member
of a comparison's JSON report).
"""

from __future__ import annotations

import json
from typing import Any

from ..precedents.records import INSERTED, Finding, Hit, Precedents, ProposedFinding

QUOTED = 90  # characters of a changed phrase quoted in a line, at most


def finding_line(finding: Finding) -> str:
    """The line shown under a change for one of its phrases."""
    quoted = f"“{shorten(finding.text)}”"
    inserted = finding.change == INSERTED
    if finding.agreed:
        if inserted:
            return f"agreed {_where(finding)}: {quoted}"
        since = f" since {finding.since}" if finding.since else ""
        return f"removed wording agreed{since}, {_where(finding)}: {quoted}"
    if finding.lookup.hits:  # near only: similar words, which may say otherwise
        best = finding.lookup.hits[0]
        what = (
            "not agreed word for word" if inserted else "removed wording not agreed word for word"
        )
        return (
            f"{what}: {quoted}; similar, {_different(best)}in {hit_source(best)}: "
            f"“{shorten(best.matched)}”"
        )
    return (
        f"new language: {quoted}"
        if inserted
        else f"removed wording not found in the index: {quoted}"
    )


def _where(finding: Finding) -> str:
    best = finding.lookup.hits[0]
    others = finding.lookup.total - 1
    more = f" and {others} other{'s' if others != 1 else ''}" if others > 0 else ""
    return f"in {hit_source(best)}{more}"


def _different(hit: Hit) -> str:
    return f"{hit.changes} word{'s' if hit.changes > 1 else ''} different, "


def hit_source(hit: Hit) -> str:
    """`A/RES/70/1 (2015) Goal 16 / 16.6`: a hit's symbol, year and address."""
    return f"{hit.symbol} ({hit.year}) {hit.address}".rstrip()


def shorten(text: str, most: int = QUOTED) -> str:
    """`text` cut to about `most` characters at a word, with an ellipsis."""
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0] + "…"


def proposed_line(proposed: ProposedFinding) -> str:
    """`Goal 16 / 16.6, Belarus: agreed in A/RES/70/1 (2015) ...: “...”`."""
    return f"{proposed.address}, {', '.join(proposed.sponsors)}: {finding_line(proposed.finding)}"


def proposed_data(proposed: ProposedFinding) -> dict[str, Any]:
    """One proposed phrase of a compilation, as JSON data."""
    return {"address": proposed.address, "sponsors": list(proposed.sponsors)} | _finding(
        proposed.finding
    )


def precedents_data(precedents: Precedents) -> dict[str, Any]:
    """The `precedents` member of the JSON report."""
    return {
        "index": precedents.index,
        "phrases": [_finding(finding) for finding in precedents.findings],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "pair": finding.pair,
        "change": finding.change,
        "text": finding.text,
        "agreed": finding.agreed,
        "total": finding.lookup.total,
        "since": finding.lookup.since,
        "hits": [hit_data(hit) for hit in finding.lookup.hits],
    }


def hit_data(hit: Hit) -> dict[str, Any]:
    """One hit as JSON data."""
    return {
        "symbol": hit.symbol,
        "title": hit.title,
        "date": hit.date,
        "language": hit.language,
        "source": hit.source,
        "address": hit.address,
        "exact": hit.exact,
        "changes": hit.changes,
        "matched": hit.matched,
        "sentence": hit.sentence,
    }


def precedents_json(precedents: Precedents) -> str:
    """The `precedents` member as JSON text, one phrase per line."""
    data = precedents_data(precedents)
    phrases = [json.dumps(p, ensure_ascii=False) for p in data["phrases"]]
    body = "[\n" + ",\n".join(phrases) + "\n]" if phrases else "[]"
    return f'{{"index": {json.dumps(data["index"], ensure_ascii=False)}, "phrases": {body}}}'
