"""The table of contents of the HTML report: one entry per heading of the text.

A text whose draft has at least `MIN_HEADINGS` headings (Articles, Goals, an Annex,
sections: the paragraphs of kind `heading`, cited by their address such as `Art. 4`
or `Goal 16`) gets a contents list between the summary and the document. Each entry
links to the heading's paragraph and says how many paragraphs of its section changed
(a deleted paragraph, heading or not, counts in the section it stood in) and how many
flags they raised, so a reader goes straight to the Article that moved. Paragraphs
before the first heading have an entry of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..model import Comparison, Kind, Pair
from .html_bidi import write_isolated
from .html_builder import element, link

MIN_HEADINGS = 3
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|\*|__|_)(?=\S)([^*_]+?)(?<=\S)\1(?!\w)")  # **bold**
_TITLE_LIMIT = 70


@dataclass
class Entry:
    """A section of the text: where it starts, its title, and what changed in it."""

    pair: int
    title: str
    changed: int = 0
    flags: int = 0


def render_toc(main: etree._Element, comparison: Comparison) -> None:
    """The contents list, when the text has enough headings."""
    entries = sections(comparison)
    if sum(entry.title != _OPENING for entry in entries) < MIN_HEADINGS:
        return
    nav = etree.SubElement(main, "nav", **{"class": "toc", "aria-labelledby": "toc-h"})
    element(nav, "h2", "Contents", id="toc-h")
    listing = etree.SubElement(nav, "ol")
    for entry in entries:
        _entry(etree.SubElement(listing, "li"), entry, comparison.options.lang)


_OPENING = "Opening"


def sections(comparison: Comparison) -> list[Entry]:
    """The sections in draft order, each from a heading to the next."""
    entries: list[Entry] = []
    flags_per_pair: dict[int, int] = {}
    for flag in comparison.flags:
        flags_per_pair[flag.pair] = flags_per_pair.get(flag.pair, 0) + 1
    for number, pair in enumerate(comparison.pairs):
        title = _heading(comparison, pair)
        if title is not None:
            entries.append(Entry(number, title))
        elif not entries:
            entries.append(Entry(number, _OPENING))
        entries[-1].changed += pair.changed
        entries[-1].flags += flags_per_pair.get(number, 0)
    return entries


def _heading(comparison: Comparison, pair: Pair) -> str | None:
    """The title of a draft heading (its address, and its words when they add to it)."""
    if not pair.draft:
        return None
    paragraph = comparison.draft.paragraphs[pair.draft[0]]
    if paragraph.kind is not Kind.HEADING:
        return None
    text = _EMPHASIS.sub(r"\2", " ".join(paragraph.text.split()))
    address = paragraph.address or paragraph.label or ""
    if not address or _same_start(address, text):
        return _cut(text)
    return _cut(f"{address}: {text}")


def _same_start(address: str, text: str) -> bool:
    """`Art. 4` and `Article 4` start alike; `Goal 1` and `End poverty` do not."""
    return address[:3].lower() == text[:3].lower()


def _cut(text: str) -> str:
    return text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1].rstrip() + "…"


def _entry(item: etree._Element, entry: Entry, lang: str | None) -> None:
    anchor = link(item, "", href=f"#pair-{entry.pair}")
    write_isolated(anchor, entry.title, lang)
    if entry.changed or entry.flags:
        counts = [f"{entry.changed} changed"] if entry.changed else []
        counts += [f"{entry.flags} flag{'s' * (entry.flags != 1)}"] if entry.flags else []
        element(item, "span", " · ".join(counts), **{"class": "toc-counts"})
    else:
        item.set("class", "unchanged")
