"""HTML report of a compilation: one self-contained page built with lxml.

A header (base, proposals, when made), the per-delegation table with each
delegation's one-line summary, then every base paragraph in order as an `<article>`:
its compilation line (the bracketed convention of `proposals/bracketed.py`), each
proposed version as a word diff (`<del>` / `<ins>`) tagged with its sponsors, and the
flags per sponsor; new paragraphs follow the paragraph they are placed after. The
compare report's stylesheet and script are reused: the "Show" filter (all, changed,
conflicts, flagged, or one delegation) and the keyboard steps (n / p changes, f / F
flags). The Content-Security-Policy allows only the page's own style and script.
"""

from __future__ import annotations

import hashlib
import re

from lxml import etree
from lxml import html as lxml_html

from .. import __version__
from ..model import Edit, Op
from ..proposals.bracketed import compiled_line, new_paragraph_line
from ..proposals.records import (
    Compilation,
    CompiledParagraph,
    NewParagraph,
    SponsoredFlag,
    Version,
)
from ..proposals.summary import delegation_sentence, move_place
from .html import asset, digest
from .html_builder import append_text, element, link
from .precedents import hit_source, proposed_line, shorten
from .settings import RenderSettings
from .wording import flag_action, flag_body

_STYLE = """
.compiled { font-family: ui-serif, Georgia, serif; margin: .3rem 0; }
.version { margin: .2rem 0 .2rem 1rem; }
.version .sponsors, .pair-flags .sponsors { font-weight: 650; }
.pair.conflict { border-left-color: #cf222e; }
table.delegations { border-collapse: collapse; font-size: .88rem; }
table.delegations th, table.delegations td { border: 1px solid #d0d7de; padding: .2rem .5rem; }
body[data-show="conflict"] .pair:not(.conflict) { display: none; }
"""


def sponsor_class(sponsor: str) -> str:
    """A CSS class for a sponsor, the same on every page: `sp-european-union` for a
    name in Latin letters; other names (`Россия`, `中国`) get a short digest of the name
    after what Latin letters they have, so that no two sponsors share a class."""
    slug = re.sub(r"[^a-z0-9]+", "-", sponsor.casefold()).strip("-")
    if slug and re.fullmatch(r"[a-z0-9 ,.'()&-]+", sponsor.casefold()):
        return f"sp-{slug}"
    digest = hashlib.sha256(sponsor.encode("utf-8")).hexdigest()[:8]
    return f"sp-{slug}-{digest}" if slug else f"sp-{digest}"


def render_compile_html(compilation: Compilation, settings: RenderSettings | None = None) -> str:
    """The compilation as one HTML page (a str, ending with a newline)."""
    settings = settings or RenderSettings()
    style = asset("report.css") + _STYLE + _filters(compilation)
    script = asset("report.js")
    root = etree.Element("html", lang="en")
    _head(root, compilation, style)
    body = etree.SubElement(root, "body")
    _page_head(body, compilation, settings)
    _controls(body, compilation)
    main = etree.SubElement(body, "main", id="main")
    _delegations(main, compilation)
    _document(main, compilation)
    if compilation.precedents is not None:
        _agreed(main, compilation)
    etree.SubElement(body, "script").text = script
    page: str = lxml_html.tostring(
        root, doctype="<!DOCTYPE html>", encoding="unicode", method="html"
    )
    return page + "\n"


def _agreed(main: etree._Element, compilation: Compilation) -> None:
    """Agreed language (`compile --precedents`): a line per proposed phrase, with its
    best source quoted."""
    section = element(main, "section", None, id="agreed")
    element(section, "h2", "Agreed language")
    listing = element(section, "ul", None, **{"class": "precedents"})
    for proposed in compilation.precedents or ():
        item = element(listing, "li", proposed_line(proposed))
        hits = proposed.finding.lookup.hits
        if hits:
            quote = element(item, "blockquote", shorten(hits[0].sentence, 300))
            element(quote, "cite", f" ({hit_source(hits[0])})")


def _filters(compilation: Compilation) -> str:
    rules = [
        f'body[data-show="{sponsor_class(s)}"] .pair:not(.{sponsor_class(s)}) {{ display: none; }}'
        for s in compilation.sponsors
    ]
    return "\n".join(rules) + "\n"


def _head(root: etree._Element, compilation: Compilation, style: str) -> None:
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    policy = (
        f"default-src 'none'; style-src '{digest(style)}'; "
        f"script-src '{digest(asset('report.js'))}'; base-uri 'none'; form-action 'none'"
    )
    etree.SubElement(head, "meta", **{"http-equiv": "Content-Security-Policy", "content": policy})
    etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    element(head, "title", f"Compilation of proposals: {compilation.base.source}")
    element(head, "style", style)


def _page_head(body: etree._Element, compilation: Compilation, settings: RenderSettings) -> None:
    header = etree.SubElement(body, "header", **{"class": "page-head"})
    element(header, "h1", f"Proposals compiled against {compilation.base.source}")
    meta = etree.SubElement(header, "dl", **{"class": "meta"})
    rows = [("Proposals", ", ".join(compilation.sponsors) or "none")]
    rows.append(("Conflicts", str(len(compilation.conflicts))))
    rows += [("Report made", settings.made_at)] if settings.made_at else []
    rows.append(("Made with", f"unwording {__version__}"))
    for term, value in rows:
        element(meta, "dt", term)
        element(meta, "dd", value)


def _controls(body: etree._Element, compilation: Compilation) -> None:
    nav = etree.SubElement(
        body,
        "nav",
        id="controls",
        hidden="hidden",
        **{"class": "controls", "aria-label": "Controls"},
    )
    show = element(nav, "div", None, **{"class": "group"})
    element(show, "label", "Show:", **{"for": "show"})
    select = etree.SubElement(show, "select", id="show")
    choices = [("all", "All paragraphs"), ("changed", "Touched only"), ("conflict", "Conflicts")]
    choices += [("flagged", "Flagged only")]
    choices += [(sponsor_class(s), f"Delegation: {s}") for s in compilation.sponsors]
    for value, text in choices:
        element(select, "option", text, value=value)
    steps = element(nav, "div", None, **{"class": "group"})
    for text, key, action in (
        ("Previous", "p", ".pair.changed -1"),
        ("Next", "n", ".pair.changed 1"),
    ):
        button = element(steps, "button", text + " ", type="button", **{"data-step": action})
        element(button, "kbd", key)


def _delegations(main: etree._Element, compilation: Compilation) -> None:
    section = etree.SubElement(main, "section", id="delegations", **{"class": "summary"})
    element(section, "h2", "Delegations")
    table = etree.SubElement(section, "table", **{"class": "delegations"})
    head = etree.SubElement(table, "tr")
    for title in ("Delegation", "Paragraphs", "Summary"):
        element(head, "th", title, scope="col")
    for summary in compilation.delegations:
        row = etree.SubElement(table, "tr")
        element(row, "th", summary.sponsor, scope="row")
        element(row, "td", str(len(summary.touched)))
        cell = element(row, "td", delegation_sentence(summary))
        for problem in summary.problems:
            element(cell, "div", str(problem), **{"class": "problem"})


def _document(main: etree._Element, compilation: Compilation) -> None:
    section = etree.SubElement(main, "section", id="document", **{"class": "document"})
    element(section, "h2", "Text, with the proposals")
    after: dict[int | None, list[NewParagraph]] = {}
    for new in compilation.new_paragraphs:
        after.setdefault(new.after, []).append(new)
    for new in after.get(None, []):
        _new(section, new, compilation)
    for paragraph in compilation.paragraphs:
        _paragraph(section, paragraph, compilation)
        for new in after.get(paragraph.index, []):
            _new(section, new, compilation)


def _article(
    section: etree._Element, ident: str, sponsors: tuple[str, ...], extra: list[str]
) -> etree._Element:
    classes = ["pair", *extra, *sorted({sponsor_class(s) for s in sponsors})]
    return etree.SubElement(
        section, "article", id=ident, tabindex="-1", **{"class": " ".join(classes)}
    )


def _paragraph(
    section: etree._Element, paragraph: CompiledParagraph, compilation: Compilation
) -> None:
    sponsors = paragraph.amended_by + paragraph.deleted_by + paragraph.moved_by
    extra = ["changed", "modified"] if paragraph.changed else ["unchanged"]
    extra += ["conflict"] if paragraph.conflict else []
    extra += ["flagged"] if paragraph.flags else []
    article = _article(section, f"p-{paragraph.index}", sponsors, extra)
    _article_head(article, paragraph.address, "conflict" if paragraph.conflict else "")
    element(article, "p", compiled_line(paragraph, compilation), **{"class": "compiled"})
    for version in paragraph.versions:
        _version(article, version)
    for move in paragraph.moves:
        line = etree.SubElement(article, "p", **{"class": "version move"})
        element(line, "span", ", ".join(move.sponsors), **{"class": "sponsors"})
        append_text(line, f": move {move_place(move.after, compilation.paragraphs)}")
    _flags(article, paragraph.flags)


def _new(section: etree._Element, new: NewParagraph, compilation: Compilation) -> None:
    extra = ["changed", "inserted"] + (["flagged"] if new.flags else [])
    article = _article(section, f"new-{_slug(new.address)}", new.sponsors, extra)
    _article_head(article, new.address, "new")
    element(article, "p", new_paragraph_line(new, compilation), **{"class": "compiled"})
    for version in new.variants:
        _version(article, version)
    _flags(article, new.flags)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def _article_head(article: etree._Element, address: str, badge: str) -> None:
    head = etree.SubElement(article, "div", **{"class": "pair-head"})
    link(head, address, href=f"#{article.get('id')}", **{"class": "label permalink"})
    if badge:
        element(
            head,
            "span",
            badge,
            **{"class": f"badge {'deleted' if badge == 'conflict' else 'inserted'}"},
        )


def _version(article: etree._Element, version: Version) -> None:
    line = etree.SubElement(article, "p", **{"class": "version text"})
    element(line, "span", ", ".join(version.sponsors), **{"class": "sponsors"})
    append_text(line, ": ")
    if version.deleted:
        element(line, "del", version.edits[0].text if version.edits else "")
        append_text(line, " (delete the paragraph)")
        return
    for edit in version.edits:
        _edit(line, edit)


def _edit(line: etree._Element, edit: Edit) -> None:
    if edit.op is Op.EQUAL or (edit.typographic and edit.op is Op.INSERT):
        append_text(line, edit.text)
    elif edit.op is Op.DELETE and not edit.typographic:
        element(line, "del", edit.text)
    elif edit.op is Op.INSERT:
        element(line, "ins", edit.text)


def _flags(article: etree._Element, flags: tuple[SponsoredFlag, ...]) -> None:
    if not flags:
        return
    listing = etree.SubElement(article, "ul", **{"class": "pair-flags", "aria-label": "Flags"})
    for flag in flags:
        item = etree.SubElement(listing, "li")
        element(item, "span", flag.sponsor, **{"class": "sponsors"})
        append_text(item, f": {flag_action(flag.flag)} {flag_body(flag.flag, flag.title)}")
