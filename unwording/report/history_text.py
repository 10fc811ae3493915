"""Text report of a history: the versions, a timeline of key changes per step, the
watched terms and brackets per version, operative wording that changed, then each
provision's history on one line (or, for one provision, its text in every version and
the successive redlines, with its brackets' lives and its terms)."""

from __future__ import annotations

from .. import __version__
from ..history.provision import Redline, redlines
from ..history.records import History, Lineage, TermTimeline
from ..precedents.records import Finding
from .brief import key_changes
from .precedents import finding_line
from .settings import RenderSettings
from .text import BOLD, Style, inline, terminal_safe
from .wording import flag_action, flag_body

_PLAIN = Style(False)
MAX_TERMS = 40


def render_history_text(
    history: History, settings: RenderSettings | None = None, paragraph: Lineage | None = None
) -> str:
    """The history as text; with `paragraph`, that provision's history only."""
    style = Style(bool(settings and settings.color))
    lines = _header(history)
    if paragraph is not None:
        lines += provision_lines(history, paragraph, style)
    else:
        lines += _steps(history, style) + _terms(history, style) + _wording(history, style)
        lines += _section(
            "Provisions", [_one_line(history, item) for item in _changed(history)], style
        )
    return "\n".join(terminal_safe(line) for line in lines) + "\n"


def _header(history: History) -> list[str]:
    lines = [f"unwording {__version__}: history of {len(history.versions)} versions"]
    for version in history.versions:
        extra = f", {version.symbol}" if version.symbol else ""
        lines.append(f"  {version.name}: {version.source}{extra}, {version.paragraphs} paragraphs")
    return lines


def _section(title: str, body: list[str], style: Style) -> list[str]:
    return ["", style(BOLD, f"== {title} ({len(body)})"), *body] if body else []


def step_title(history: History, step: int) -> str:
    """`v2 (2015-12-04) -> v3 (2015-12-09)`."""
    return f"{history.versions[step].name} -> {history.versions[step + 1].name}"


def _steps(history: History, style: Style) -> list[str]:
    lines = ["", style(BOLD, "== Key changes, step by step")]
    for step in history.steps:
        summary = step.comparison.summary
        lines.append(
            f"{step_title(history, step.before)}: {summary.substantive} substantive, "
            f"{summary.modified} modified, {summary.inserted} inserted, "
            f"{summary.deleted} deleted; {summary.flags} flags"
        )
        brief, more = key_changes(step.comparison)
        lines += [f"  {line.address}: {line.sentence}" for line in brief]
        lines += [f"  ... and {more} more"] if more else []
    return lines


def term_line(history: History, timeline: TermTimeline) -> str:
    """`foreign occupation (term): 3 2 1 0 0; removed v4 PP12 (1 -> 0)`."""
    counts = " ".join(str(count) for count in timeline.counts)
    title = history.category_title(timeline.category)
    events = "; ".join(
        f"{e.change} {history.versions[e.version].label} {e.address} ({e.before} -> {e.after})"
        for e in timeline.events
    )
    head = f"{timeline.term} ({timeline.kind}, {title}): {counts}"
    return f"  {head}" + (f"; {events}" if events else "")


def _terms(history: History, style: Style) -> list[str]:
    labels = " ".join(version.label for version in history.versions)
    changed = [t for t in history.terms if t.events or t.kind == "bracket"][:MAX_TERMS]
    body = [f"  counts per version: {labels}", *(term_line(history, t) for t in changed)]
    return _section("Watched terms, hedges and brackets per version", body, style)


def wording_line(history: History, number: int) -> str | None:
    """`Art. 4.4: verbs -; modals v1 shall, should -> v4 should` (changes only)."""
    wording = next((w for w in history.wordings if w.lineage == number), None)
    if wording is None:
        return None
    modals = _changes([None if m is None else ", ".join(m) or "-" for m in wording.modals])
    verbs = _changes(list(wording.verbs))
    if not modals and not verbs:
        return None
    parts = [
        f"{name} {' -> '.join(_at(history, v, t) for v, t in found)}"
        for name, found in (("verb", verbs), ("modals", modals))
        if found
    ]
    return f"  {history.lineages[number].name}: " + "; ".join(parts)


def _changes(values: list[str | None]) -> list[tuple[int, str]]:
    """(version, value) where a present value differs from the one before it."""
    found: list[tuple[int, str]] = []
    for version, value in enumerate(values):
        if value is not None and (not found or found[-1][1] != value):
            found.append((version, value))
    return found if len(found) > 1 else []


def _at(history: History, version: int, text: str) -> str:
    return f"{history.versions[version].label} {text}"


def _wording(history: History, style: Style) -> list[str]:
    lines = [wording_line(history, w.lineage) for w in history.wordings]
    return _section(
        "Operative verbs and modals that changed", [item for item in lines if item], style
    )


def _changed(history: History) -> list[Lineage]:
    return [
        lineage
        for lineage in history.lineages
        if any(p.status or _moved(history, lineage, p.step) for p in lineage.passages)
    ]


def _moved(history: History, lineage: Lineage, step: int) -> bool:
    pairs = history.steps[step].comparison.pairs
    passage = next(p for p in lineage.passages if p.step == step)
    return any(pairs[n].changed for n in passage.pairs)


def _one_line(history: History, lineage: Lineage) -> str:
    places = [
        f"{history.versions[v].label} {place.address}"
        if place
        else f"{history.versions[v].label} -"
        for v, place in enumerate(lineage.places)
    ]
    settled = f"; settled {history.versions[lineage.settled].label}" if lineage.settled else ""
    back = "".join(
        f"; restored in {history.versions[after].label}" for _, after in lineage.restored
    )
    return f"  {lineage.name}: " + " | ".join(places) + settled + back


def provision_lines(history: History, lineage: Lineage, style: Style) -> list[str]:
    """One provision: where it is in each version, its redlines, brackets and terms."""
    lines = ["", style(BOLD, f"== {lineage.name} through {len(lineage.present)} versions")]
    lines.append(_one_line(history, lineage))
    for redline in redlines(history, lineage):
        if redline.status != "unchanged" or redline.flags:
            lines += _redline(history, lineage, redline, style)
    lines += _section("Brackets", _bracket_lines(history, lineage), style)
    terms = [_term_events(history, t, lineage.number) for t in history.terms]
    lines += _section("Terms and hedges", [t for t in terms if t], style)
    wording = wording_line(history, lineage.number)
    lines += _section("Verbs and modals", [wording] if wording else [], style)
    return lines


def _redline(history: History, lineage: Lineage, redline: Redline, style: Style) -> list[str]:
    before, after = lineage.places[redline.step], lineage.places[redline.step + 1]
    where = f"{before.address if before else '-'} -> {after.address if after else '-'}"
    lines = ["", style(BOLD, f"{step_title(history, redline.step)}: {where} [{redline.status}]")]
    lines += [f"  {inline(pair.edits, _PLAIN)}" for pair in redline.pairs if pair.edits]
    comparison = history.steps[redline.step].comparison
    for flag in redline.flags:
        body = flag_body(flag, comparison.category_title(flag.category))
        lines.append(f"  ! {flag_action(flag)} {body}")
    lines += [f"  = {finding_line(f)}" for f in step_findings(history, lineage, redline.step)]
    for other in redline.beside:
        text = other.places[redline.step]
        lines.append(f"  beside it, dropped: {text.address}: {_cut(text.text, 240)}")  # type: ignore[union-attr]
    return lines


def step_findings(history: History, lineage: Lineage, step: int) -> list[Finding]:
    """With --precedents: where the step's changed phrases of the provision had been
    agreed before."""
    if history.precedents is None:
        return []
    numbers = [n for p in lineage.passages if p.step == step for n in p.pairs]
    return [f for n in numbers for f in history.precedents[step].of_pair(n)]


def _bracket_lines(history: History, lineage: Lineage) -> list[str]:
    lines = []
    for life in (b for b in history.brackets if b.lineage == lineage.number):
        versions = history.versions
        span = f"{versions[life.first].label}-{versions[life.last].label}"
        if life.lifted is None:
            end = "still open"
        else:
            now = f", now “{_cut(life.after)}”" if life.after else ""
            end = f"lifted in {versions[life.lifted].label}: {life.outcome}{now}"
        lines.append(f"  [{_cut(life.text)}] {span}, {end}")
    return lines


def _term_events(history: History, timeline: TermTimeline, number: int) -> str | None:
    events = [e for e in timeline.events if e.lineage == number]
    if not events:
        return None
    found = "; ".join(
        f"{e.change} in {history.versions[e.version].label} ({e.before} -> {e.after})"
        for e in events
    )
    return f"  {timeline.term} ({timeline.kind}): {found}"


def _cut(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
