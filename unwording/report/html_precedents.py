"""Agreed language in the HTML report: under each changed paragraph, a line per
changed phrase (where it was agreed, or new language), and each hit as a short quote
of its sentence with its source (symbol, address, date)."""

from __future__ import annotations

from lxml import etree

from ..precedents.records import Finding, Hit
from .html_builder import element
from .precedents import finding_line, hit_source

STYLE = """
div.precedents { margin: .4rem 0 0; font-size: .85rem; }
div.precedents p { margin: .2rem 0; }
div.precedents p.new { color: #5c3c00; }
div.precedents ul { margin: .1rem 0 .3rem 1.2rem; padding: 0; }
div.precedents blockquote { display: inline; margin: 0; font-style: italic; }
div.precedents cite { font-style: normal; color: #495057; }
"""


def render_precedents(article: etree._Element, findings: tuple[Finding, ...]) -> None:
    """The agreed-language part of one pair's `<article>`."""
    if not findings:
        return
    part = element(
        article, "div", None, **{"class": "precedents", "aria-label": "Agreed language"}
    )
    for finding in findings:
        kind = "agreed" if finding.agreed else "new"
        element(part, "p", _capital(finding_line(finding)), **{"class": kind})
        if finding.lookup.hits:
            listing = etree.SubElement(part, "ul")
            for hit in finding.lookup.hits:
                _hit(etree.SubElement(listing, "li"), hit)


def _hit(item: etree._Element, hit: Hit) -> None:
    element(item, "blockquote", f"“{hit.sentence}”", lang=hit.language)
    cite = element(item, "cite", f" {hit_source(hit)}")
    cite.tail = f", {hit.date}" if hit.date else None
    if hit.title:
        cite.set("title", hit.title)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
