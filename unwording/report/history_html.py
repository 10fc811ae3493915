"""HTML report of a history: one self-contained page built with lxml.

A header (the versions: label, date, symbol, file), a chart of the watched terms that
changed and of the brackets across the versions (inline SVG), a picker of two versions
showing the successive steps between them (each step's changed provisions as redlines,
`<del>` / `<ins>`, with their flags), and either one provision's history (`--paragraph`:
its address in each version, successive redlines, bracket lives) or the table of
provisions with their address in every version. The compare report's stylesheet is
reused; a small script (controls hidden without it) picks the versions and moves
between changes (n / p). The Content-Security-Policy allows only the page's own style
and script.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from ..history.provision import Redline, redlines
from ..history.records import History, Lineage, TermTimeline
from ..model import Comparison, Edit, Op, Pair
from .history_text import step_findings, step_title, term_line, wording_line
from .html import asset, page_head
from .html_builder import element
from .html_precedents import STYLE as PRECEDENTS_STYLE
from .html_precedents import render_precedents
from .settings import RenderSettings
from .wording import flag_action, flag_body

_STYLE = """
svg.chart { max-width: 46rem; height: auto; border: 1px solid #d0d7de; background: #fff; }
svg.chart text { font: 11px system-ui, sans-serif; }
table.lineages { border-collapse: collapse; font-size: .85rem; }
table.lineages th, table.lineages td { border: 1px solid #d0d7de; padding: .15rem .4rem; }
.absent { color: #6e7781; }
"""
_COLOURS = ("#0969da", "#8250df", "#bf8700", "#1b7c83", "#6e7781", "#a475f9", "#3192aa", "#953800")
MAX_LINES = 8
WIDTH, HEIGHT, MARGIN = 640, 240, 40


def render_history_html(
    history: History, settings: RenderSettings | None = None, paragraph: Lineage | None = None
) -> str:
    """The history as one HTML page (a str, ending with a newline)."""
    settings = settings or RenderSettings()
    style = asset("report.css") + _STYLE + (PRECEDENTS_STYLE if history.precedents else "")
    script = asset("history.js")
    root = etree.Element("html", lang="en")
    _head(root, history, style, script)
    body = etree.SubElement(root, "body")
    _page_head(body, history, settings)
    _controls(body, history)
    main = etree.SubElement(body, "main", id="main")
    _chart(main, history)
    if paragraph is not None:
        _provision(main, history, paragraph)
    _steps(main, history)
    if paragraph is None:
        _lineage_table(main, history)
    etree.SubElement(body, "script").text = script
    page: str = lxml_html.tostring(
        root, doctype="<!DOCTYPE html>", encoding="unicode", method="html"
    )
    return page + "\n"


def _head(root: etree._Element, history: History, style: str, script: str) -> None:
    labels = " → ".join(version.label for version in history.versions)
    page_head(root, f"{labels}: unwording history", style, script)


def _page_head(body: etree._Element, history: History, settings: RenderSettings) -> None:
    header = etree.SubElement(body, "header", **{"class": "page-head"})
    element(header, "h1", f"History of {len(history.versions)} versions")
    meta = etree.SubElement(header, "dl", **{"class": "meta"})
    for version in history.versions:
        element(meta, "dt", version.name)
        extra = [version.source, version.symbol or "", f"{version.paragraphs} paragraphs"]
        element(meta, "dd", " · ".join(part for part in extra if part))
    if settings.made_at:
        element(meta, "dt", "Report made")
        element(meta, "dd", settings.made_at)
    for warning in history.warnings:
        element(header, "p", f"Warning: {warning}", **{"class": "warning"})


def _controls(body: etree._Element, history: History) -> None:
    attributes = {"class": "controls", "aria-label": "Versions to compare"}
    nav = etree.SubElement(body, "nav", id="controls", hidden="hidden", **attributes)
    last = len(history.versions) - 1
    for name, chosen in (("from", 0), ("to", last)):
        group = element(nav, "div", None, **{"class": "group"})
        element(group, "label", f"{name.title()}:", **{"for": name})
        select = etree.SubElement(group, "select", id=name)
        for number, version in enumerate(history.versions):
            option = element(select, "option", version.name, value=str(number))
            if number == chosen:
                option.set("selected", "selected")
    element(nav, "span", "Keys: n / p next and previous change")


def _chart(main: etree._Element, history: History) -> None:
    """The watched terms that changed most, per version, one line each (brackets,
    counted in hundreds in a draft, would flatten them: they are in the list); then
    every timeline with a change, brackets first."""
    changed = [t for t in history.terms if t.events and t.kind != "bracket"]
    series = sorted(changed, key=lambda t: -len(t.events))[:MAX_LINES]
    section = element(main, "section", None, id="chart")
    element(section, "h2", "Watched terms and brackets across the versions")
    top = max([max(t.counts) for t in series] + [1])
    svg = etree.SubElement(
        section,
        "svg",
        viewBox=f"0 0 {WIDTH} {HEIGHT + 20 * len(series)}",
        role="img",
        **{"class": "chart", "aria-label": "Counts per version"},
    )
    _axes(svg, history, top)
    for number, timeline in enumerate(series):
        _series(svg, timeline, number, top, len(history.versions))
    lines = element(section, "ul")
    brackets = [t for t in history.terms if t.kind == "bracket"]
    for timeline in brackets + changed:
        element(lines, "li", term_line(history, timeline).strip())


def _x(version: int, versions: int) -> float:
    return MARGIN + version * (WIDTH - 2 * MARGIN) / max(versions - 1, 1)


def _y(count: int, top: int) -> float:
    return HEIGHT - MARGIN - count * (HEIGHT - 2 * MARGIN) / top


def _axes(svg: etree._Element, history: History, top: int) -> None:
    versions = len(history.versions)
    for number, version in enumerate(history.versions):
        element(
            svg,
            "text",
            version.label,
            x=f"{_x(number, versions):.1f}",
            y=str(HEIGHT - 15),
            **{"text-anchor": "middle"},
        )
    element(svg, "text", str(top), x="4", y=f"{_y(top, top):.1f}")
    element(svg, "text", "0", x="4", y=f"{_y(0, top):.1f}")


def _series(
    svg: etree._Element, timeline: TermTimeline, number: int, top: int, versions: int
) -> None:
    colour = _COLOURS[number % len(_COLOURS)]
    points = " ".join(
        f"{_x(v, versions):.1f},{_y(c, top):.1f}" for v, c in enumerate(timeline.counts)
    )
    element(
        svg, "polyline", None, points=points, fill="none", stroke=colour, **{"stroke-width": "2"}
    )
    y = str(HEIGHT + 20 * number + 5)
    element(
        svg, "rect", None, x=str(MARGIN), y=str(int(y) - 9), width="12", height="10", fill=colour
    )
    element(svg, "text", f"{timeline.term} ({timeline.kind})", x=str(MARGIN + 18), y=y)


def _steps(main: etree._Element, history: History) -> None:
    section = element(main, "section", None, id="steps")
    element(section, "h2", "Step by step")
    for step in history.steps:
        part = element(
            section, "section", None, **{"class": "step", "data-step": str(step.before)}
        )
        element(part, "h3", step_title(history, step.before))
        comparison = step.comparison
        for number, pair in enumerate(comparison.pairs):
            if pair.changed:
                _pair(part, comparison, number, pair, f"s{step.before}-p{number}")


def _pair(
    parent: etree._Element, comparison: Comparison, number: int, pair: Pair, ident: str
) -> None:
    article = element(
        parent, "article", None, id=ident, tabindex="-1", **{"class": "pair changed"}
    )
    names = [comparison.base.paragraphs[i].address for i in pair.base]
    names += ["->"] + [comparison.draft.paragraphs[i].address for i in pair.draft]
    element(article, "h4", f"{' '.join(names)} [{pair.status.value}]")
    text = element(article, "p", None, **{"class": "text inline"})
    for edit in pair.edits:
        _edit(text, edit)
    flags = [f for f in comparison.flags if f.pair == number]
    if flags:
        listing = element(article, "ul", None, **{"class": "pair-flags"})
        for flag in flags:
            body = flag_body(flag, comparison.category_title(flag.category))
            element(listing, "li", f"{flag_action(flag)} {body}")


def _edit(parent: etree._Element, edit: Edit) -> None:
    if edit.op is Op.EQUAL or edit.typographic:
        span = element(parent, "span", edit.text)
        span.tail = None
    else:
        element(parent, "del" if edit.op is Op.DELETE else "ins", edit.text)


def _provision(main: etree._Element, history: History, lineage: Lineage) -> None:
    section = element(main, "section", None, id="provision")
    element(section, "h2", f"{lineage.name} through the versions")
    places = element(section, "ol")
    for number, place in enumerate(lineage.places):
        label = history.versions[number].name
        element(places, "li", f"{label}: {place.address if place else '(absent)'}")
    for redline in redlines(history, lineage):
        _redline(section, history, redline)
        render_precedents(section, tuple(step_findings(history, lineage, redline.step)))
    lives = [b for b in history.brackets if b.lineage == lineage.number]
    listing = element(section, "ul", None, **{"class": "brackets"})
    for life in lives:
        end = (
            "still open"
            if life.lifted is None
            else f"lifted in {history.versions[life.lifted].label}: {life.outcome}"
        )
        element(listing, "li", f"[{life.text}] from {history.versions[life.first].label}, {end}")
    wording = wording_line(history, lineage.number)
    if wording:
        element(section, "p", wording.strip())


def _redline(section: etree._Element, history: History, redline: Redline) -> None:
    comparison = history.steps[redline.step].comparison
    element(section, "h3", f"{step_title(history, redline.step)} [{redline.status}]")
    for pair in redline.pairs:
        number = comparison.pairs.index(pair)
        _pair(section, comparison, number, pair, f"r{redline.step}-p{number}")
    for other in redline.beside:
        place = other.places[redline.step]
        if place:
            element(section, "p", f"Beside it, dropped: {place.address}: {place.text}")


def _lineage_table(main: etree._Element, history: History) -> None:
    section = element(main, "section", None, id="provisions")
    element(section, "h2", "Provisions through the versions")
    table = element(section, "table", None, **{"class": "lineages"})
    head = element(table, "tr")
    for version in history.versions:
        element(head, "th", version.label)
    element(head, "th", "settled")
    for lineage in history.lineages:
        row = element(table, "tr")
        for place in lineage.places:
            element(
                row,
                "td",
                place.address if place else "–",
                **({} if place else {"class": "absent"}),
            )
        settled = lineage.settled
        element(row, "td", history.versions[settled].label if settled is not None else "")
