"""The document part of the HTML report: every pair in draft order.

Each pair is an `<article>` with its labels, kind, status and flags; edits become
`<del>` / `<ins>` with screen-reader text; flagged terms are `<mark>`ed in their
category's colour; a moved paragraph gets a marker where it stood. The text carries
the comparison's language and direction; a heading's text is a heading (level 3) for
screen readers; right-to-left words quoted in the English flag lines are isolated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from lxml import etree

from ..model import Comparison, Edit, Flag, Kind, Op, Pair, Status
from .html_bidi import text_attributes, write_isolated
from .html_builder import append_text, css_id, element, link
from .names import Names, paragraph_names
from .wording import flag_action, flag_body

if TYPE_CHECKING:
    from ..precedents.records import Precedents

Marker = tuple[re.Pattern[str], dict[str, str]]  # flagged texts, and the category of each


def render_document(
    main: etree._Element, comparison: Comparison, precedents: Precedents | None = None
) -> None:
    section = etree.SubElement(
        main, "section", id="document", **{"class": "document", "aria-labelledby": "document-h"}
    )
    element(section, "h2", "Document, in draft order", id="document-h")
    names = paragraph_names(comparison.base), paragraph_names(comparison.draft)
    flags_of: dict[int, list[Flag]] = defaultdict(list)
    for flag in comparison.flags:
        flags_of[flag.pair].append(flag)
    ghosts = _ghost_places(comparison.pairs)
    for number, pair in enumerate(comparison.pairs):
        article = _pair(section, comparison, number, pair, names, flags_of[number])
        if precedents is not None:
            from .html_precedents import render_precedents

            render_precedents(article, precedents.of_pair(number))
        for moved in ghosts.get(number, ()):
            _ghost(section, moved, comparison.pairs[moved], names)


def _ghost_places(pairs: tuple[Pair, ...]) -> dict[int, list[int]]:
    """After which pair each moved pair's marker stands: where its base text stood."""
    anchor = {
        b: n for n, pair in enumerate(pairs) if pair.draft and not pair.moved for b in pair.base
    }
    last = max((b for pair in pairs for b in pair.base), default=-1)
    nearest, current = [], -1  # nearest[b]: the anchor of base b or of the closest before it
    for b in range(last + 1):
        current = anchor.get(b, current)
        nearest.append(current)
    places: dict[int, list[int]] = defaultdict(list)
    for number, pair in enumerate(pairs):
        if pair.moved:
            places[nearest[pair.base[0] - 1] if pair.base[0] else -1].append(number)
    return places


def _ghost(section: etree._Element, number: int, pair: Pair, names: Names) -> None:
    ghost = element(section, "p", None, id=f"from-{number}", **{"class": "ghost"})
    append_text(ghost, f"{_labels(pair.base, names[0])} stood here; it moved to ")
    link(ghost, _labels(pair.draft, names[1]), href=f"#pair-{number}")
    append_text(ghost, ".")


def _labels(indices: tuple[int, ...], names: list[str]) -> str:
    return "+".join(names[i] for i in indices)


def _pair(
    section: etree._Element,
    comparison: Comparison,
    number: int,
    pair: Pair,
    names: Names,
    flags: list[Flag],
) -> etree._Element:
    heading = pair_kind(comparison, pair) is Kind.HEADING
    classes = ["pair", pair.status.value]
    classes += ["changed"] if pair.changed else []
    classes += [pair.nature] if pair.nature else []
    classes += ["flagged", *sorted({css_id(f.category) for f in flags})] if flags else []
    classes += ["kind-heading"] if heading else []
    article = etree.SubElement(
        section, "article", id=f"pair-{number}", tabindex="-1", **{"class": " ".join(classes)}
    )
    _pair_head(article, comparison, number, pair, names)
    attributes = {"class": "text inline", **text_attributes(comparison.options.lang)}
    if heading:
        attributes.update({"role": "heading", "aria-level": "3"})
    text = etree.SubElement(article, "div", **attributes)
    _pair_text(text, comparison, pair, flags)
    if flags:
        _pair_flags(article, comparison, flags)
    return article


def _pair_head(
    article: etree._Element, comparison: Comparison, number: int, pair: Pair, names: Names
) -> None:
    head = etree.SubElement(article, "div", **{"class": "pair-head"})
    base, draft = _labels(pair.base, names[0]), _labels(pair.draft, names[1])
    if base and draft:
        shown = base if base == draft else f"{base} → {draft}"
    else:
        shown = f"{base} (base)" if base else f"{draft} (draft)"
    link(
        head,
        shown,
        href=f"#pair-{number}",
        **{"class": "label permalink", "title": "Link to this paragraph"},
    )
    kind = pair_kind(comparison, pair)
    element(head, "span", kind.value if kind else "other", **{"class": "kind"})
    if pair.status is not Status.UNCHANGED:
        element(head, "span", pair.status.value, **{"class": f"badge {pair.status.value}"})
    if pair.moved:
        badge = element(head, "span", None, **{"class": "badge moved"})
        link(badge, f"moved from {base}", href=f"#from-{number}")
    if pair.renumbered:
        element(head, "span", "renumbered", **{"class": "badge renumbered"})
    if pair.status in (Status.MODIFIED, Status.SPLIT, Status.MERGED):
        element(head, "span", f"similarity {pair.similarity:.2f}", **{"class": "similarity"})


def pair_kind(comparison: Comparison, pair: Pair) -> Kind | None:
    """The kind of a pair's first paragraph (the draft's, or the base's if deleted)."""
    if pair.draft:
        return comparison.draft.paragraphs[pair.draft[0]].kind
    return comparison.base.paragraphs[pair.base[0]].kind


def _pair_text(
    parent: etree._Element, comparison: Comparison, pair: Pair, flags: list[Flag]
) -> None:
    marker = _marker(flags)
    if pair.status is Status.UNCHANGED:
        text = "\n".join(comparison.draft.paragraphs[i].text for i in pair.draft)
        _write(parent, text, marker)
        return
    for edit in pair.edits:
        _edit(parent, edit, marker)


def _edit(parent: etree._Element, edit: Edit, marker: Marker | None) -> None:
    if edit.op is Op.EQUAL or (edit.typographic and edit.op is Op.INSERT):
        _write(parent, edit.text, marker)
    elif edit.op is Op.DELETE and not edit.typographic:
        _change(parent, "del", "deleted: ", edit, marker)
    elif edit.op is Op.INSERT:
        _change(parent, "ins", "inserted: ", edit, marker)


def _change(
    parent: etree._Element, tag: str, spoken: str, edit: Edit, marker: Marker | None
) -> None:
    text = edit.text
    change = etree.SubElement(parent, tag)
    if edit.author:
        when = f" on {edit.date}" if edit.date else ""
        change.set("title", f"{spoken.rstrip(': ')} by {edit.author}{when}")
        spoken = f"{spoken.rstrip(': ')} by {edit.author}: "
    element(change, "span", f"[{spoken}", **{"class": "sr"})
    _write(change, text, marker)
    element(change, "span", "]", **{"class": "sr"})


_GAP = r"[\s\-\u2010\u2011\u00a0]+"


def _fold(text: str) -> str:
    return " ".join(re.split(_GAP, text.lower().strip()))


def _marker(flags: list[Flag]) -> Marker | None:
    """A regex of the flagged texts of a pair, and the category of each."""
    found = {_fold(flag.matched): flag.category for flag in flags if flag.matched.strip()}
    if not found:
        return None
    phrases = sorted(found, key=len, reverse=True)
    pattern = "|".join(_GAP.join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), found


def _write(parent: etree._Element, text: str, marker: Marker | None) -> None:
    """Append text, marking flagged terms and turning newlines into paragraph breaks."""
    for number, line in enumerate(text.split("\n")):
        if number:
            etree.SubElement(parent, "span", **{"class": "para-break"})
        _write_line(parent, line, marker)


def _write_line(parent: etree._Element, text: str, marker: Marker | None) -> None:
    if marker is None:
        append_text(parent, text)
        return
    regex, categories = marker
    position = 0
    for found in regex.finditer(text):
        append_text(parent, text[position : found.start()])
        category = categories.get(_fold(found.group()), "")
        mark = element(parent, "mark", found.group(), **{"class": f"term {css_id(category)}-mark"})
        mark.set("title", category)
        position = found.end()
    append_text(parent, text[position:])


def _pair_flags(article: etree._Element, comparison: Comparison, flags: list[Flag]) -> None:
    listing = etree.SubElement(article, "ul", **{"class": "pair-flags", "aria-label": "Flags"})
    for flag in flags:
        item = etree.SubElement(listing, "li")
        element(
            item,
            "span",
            None,
            **{"class": f"swatch {css_id(flag.category)}", "aria-hidden": "true"},
        )
        action = flag_action(flag)
        element(item, "strong", action[:1].upper() + action[1:])
        body = flag_body(flag, comparison.category_title(flag.category))
        write_isolated(item, " " + body.replace(" -> ", " → "), comparison.options.lang)
